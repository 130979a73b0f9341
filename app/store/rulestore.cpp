#include "store/rulestore.h"

#include "store/database.h"
#include "store/storeutil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

namespace crsync {

using namespace storeutil;

namespace {

const QString Columns = QStringLiteral(
    "id, name, description, source_instance_id, source_namespace, repository_filter, "
    "tag_filter, resource_type, cross_account, target_instance_id, target_url, "
    "target_instance_ref, target_username, target_allow_http, target_ca_file, "
    "target_insecure_skip_verify, target_flavor, target_namespace, overwrite, enabled, "
    "with_referrers");

// The columns written by add/update, in bindFields order.
const QStringList WrittenColumns {
    QStringLiteral("name"),
    QStringLiteral("description"),
    QStringLiteral("source_instance_id"),
    QStringLiteral("source_namespace"),
    QStringLiteral("repository_filter"),
    QStringLiteral("tag_filter"),
    QStringLiteral("resource_type"),
    QStringLiteral("cross_account"),
    QStringLiteral("target_instance_id"),
    QStringLiteral("target_url"),
    QStringLiteral("target_instance_ref"),
    QStringLiteral("target_username"),
    QStringLiteral("target_allow_http"),
    QStringLiteral("target_ca_file"),
    QStringLiteral("target_insecure_skip_verify"),
    QStringLiteral("target_flavor"),
    QStringLiteral("target_namespace"),
    QStringLiteral("overwrite"),
    QStringLiteral("enabled"),
    QStringLiteral("with_referrers"),
    QStringLiteral("updated_at"),
};

Rule fromQuery(const QSqlQuery &q)
{
    Rule r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.description = q.value(2).toString();
    r.sourceInstanceId = q.value(3).toLongLong();
    r.sourceNamespace = q.value(4).toString();
    r.repositoryFilter = q.value(5).toString();
    r.tagFilter = q.value(6).toString();
    resourceTypeFromName(q.value(7).toString(), &r.resourceType);
    r.crossAccount = q.value(8).toBool();
    r.targetInstanceId = q.value(9).isNull() ? 0 : q.value(9).toLongLong();
    r.targetUrl = QUrl(q.value(10).toString());
    r.targetInstanceRef = q.value(11).toString();
    r.targetUsername = q.value(12).toString();
    r.targetAllowHttp = q.value(13).toBool();
    r.targetCaFile = q.value(14).toString();
    r.targetInsecureSkipVerify = q.value(15).toBool();
    flavorFromName(q.value(16).toString(), &r.targetFlavor);
    r.targetNamespace = q.value(17).toString();
    r.overwrite = q.value(18).toBool();
    r.enabled = q.value(19).toBool();
    r.withReferrers = q.value(20).toBool();
    return r;
}

// In WrittenColumns order.
QVariantList fieldValues(const Rule &r)
{
    return {
        textToDb(r.name),
        textToDb(r.description),
        r.sourceInstanceId,
        textToDb(r.sourceNamespace),
        textToDb(r.repositoryFilter),
        textToDb(r.tagFilter),
        textToDb(resourceTypeName(r.resourceType)),
        r.crossAccount,
        // A cross-account rule has no stored target instance.
        idToDb(r.crossAccount ? 0 : r.targetInstanceId),
        textToDb(r.targetUrl.toString(QUrl::FullyEncoded)),
        textToDb(r.targetInstanceRef),
        textToDb(r.targetUsername),
        r.targetAllowHttp,
        textToDb(r.targetCaFile),
        r.targetInsecureSkipVerify,
        textToDb(flavorName(r.targetFlavor)),
        textToDb(r.targetNamespace),
        r.overwrite,
        r.enabled,
        r.withReferrers,
        QDateTime::currentMSecsSinceEpoch(),
    };
}

Error duplicateName(const QString &name)
{
    Error e = Error::make(Error::Kind::Conflict,
                          QCoreApplication::translate("crsync::Store",
                                                      "A rule named \"%1\" already exists; choose "
                                                      "another name.")
                              .arg(name));
    e.field = QStringLiteral("name");
    return e;
}

Error notFound(const QString &what)
{
    return Error::make(
        Error::Kind::NotFound,
        QCoreApplication::translate("crsync::Store", "There is no rule %1.").arg(what));
}

QString what(const Rule &rule)
{
    return QCoreApplication::translate("crsync::Store", "Saving rule \"%1\"").arg(rule.name);
}

// The foreign keys would refuse a missing instance too, but without saying which one.
Result<void> checkInstances(QSqlDatabase &db, const Rule &rule)
{
    // `missing` is the message for an id that is not there, with %1 for the id.
    auto require = [&](qint64 id, const QString &field, const QString &missing) -> Result<void> {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (Result<void> r
            = run(q, QStringLiteral("SELECT 1 FROM instances WHERE id = ?"), { id }, what(rule));
            !r)
            return r;
        if (!q.next())
            return Error::invalid(field, missing.arg(id));
        return {};
    };
    if (Result<void> r = require(rule.sourceInstanceId, QStringLiteral("sourceInstance"),
                                 QCoreApplication::translate("crsync::Store",
                                                             "The source instance (id %1) does "
                                                             "not exist; choose another."));
        !r)
        return r;
    if (rule.crossAccount)
        return {};
    return require(rule.targetInstanceId, QStringLiteral("targetInstance"),
                   QCoreApplication::translate("crsync::Store",
                                               "The target instance (id %1) does not exist; "
                                               "choose another."));
}

Result<QList<Rule>> select(Database &database, const QString &where, const QVariantList &values)
{
    return selectRows<Rule>(
        database, QStringLiteral("SELECT %1 FROM rules %2 ORDER BY name").arg(Columns, where),
        values, QCoreApplication::translate("crsync::Store", "Reading rules"), fromQuery);
}

Result<void> ruleChanged(Result<int> changed, qint64 id)
{
    if (!changed)
        return changed.error();
    if (*changed == 0)
        return notFound(QCoreApplication::translate("crsync::Store", "with id %1").arg(id));
    return {};
}

} // namespace

Result<Rule> RuleStore::add(const Rule &rule)
{
    Rule stored = rule;
    Result<void> done = m_db.transaction([&](QSqlDatabase &db) -> Result<void> {
        if (Result<void> r = checkInstances(db, rule); !r)
            return r;
        QSqlQuery q(db);
        QStringList marks;
        for (qsizetype i = 0; i < WrittenColumns.size() + 1; ++i)
            marks << QStringLiteral("?");
        if (Result<void> r
            = run(q,
                  QStringLiteral("INSERT INTO rules (%1, created_at) VALUES (%2)")
                      .arg(WrittenColumns.join(QStringLiteral(", ")), marks.join(QLatin1Char(','))),
                  fieldValues(rule) << QDateTime::currentMSecsSinceEpoch(), what(rule));
            !r)
            return r.error().kind == Error::Kind::Conflict ? duplicateName(rule.name) : r;
        stored.id = q.lastInsertId().toLongLong();
        return {};
    });
    if (!done)
        return done.error();
    return stored;
}

Result<void> RuleStore::update(const Rule &rule)
{
    return m_db.transaction([&](QSqlDatabase &db) -> Result<void> {
        if (Result<void> r = checkInstances(db, rule); !r)
            return r;
        QSqlQuery q(db);
        if (Result<void> r = run(q,
                                 QStringLiteral("UPDATE rules SET %1 = ? WHERE id = ?")
                                     .arg(WrittenColumns.join(QStringLiteral(" = ?, "))),
                                 fieldValues(rule) << rule.id, what(rule));
            !r)
            return r.error().kind == Error::Kind::Conflict ? duplicateName(rule.name) : r;
        if (q.numRowsAffected() == 0)
            return notFound(QStringLiteral("\"%1\"").arg(rule.name));
        // Log lines carry the rule's name; after a rename they should read the new one.
        QSqlQuery tasks(db);
        return run(tasks,
                   QStringLiteral("UPDATE tasks SET rule_name = ? "
                                  "WHERE rule_id = ? AND rule_name <> ?"),
                   { rule.name, rule.id, rule.name }, what(rule));
    });
}

Result<void> RuleStore::remove(qint64 id)
{
    return ruleChanged(write(m_db, QStringLiteral("DELETE FROM rules WHERE id = ?"), { id },
                             QCoreApplication::translate("crsync::Store", "Deleting a rule")),
                       id);
}

Result<void> RuleStore::setEnabled(qint64 id, bool enabled)
{
    return ruleChanged(
        write(m_db, QStringLiteral("UPDATE rules SET enabled = ?, updated_at = ? WHERE id = ?"),
              { enabled, QDateTime::currentMSecsSinceEpoch(), id },
              QCoreApplication::translate("crsync::Store", "Enabling or disabling a rule")),
        id);
}

Result<Rule> RuleStore::get(qint64 id)
{
    Result<QList<Rule>> rules = select(m_db, QStringLiteral("WHERE id = ?"), { id });
    if (!rules)
        return rules.error();
    if (rules->isEmpty())
        return notFound(QCoreApplication::translate("crsync::Store", "with id %1").arg(id));
    return rules->first();
}

Result<Rule> RuleStore::findByName(const QString &name)
{
    Result<QList<Rule>> rules = select(m_db, QStringLiteral("WHERE name = ?"), { name });
    if (!rules)
        return rules.error();
    if (rules->isEmpty())
        return notFound(QStringLiteral("\"%1\"").arg(name));
    return rules->first();
}

Result<QList<Rule>> RuleStore::list()
{
    return select(m_db, QString(), {});
}

Result<QList<Rule>> RuleStore::listEnabledForSource(qint64 sourceInstanceId)
{
    return select(m_db, QStringLiteral("WHERE enabled = 1 AND source_instance_id = ?"),
                  { sourceInstanceId });
}

} // namespace crsync
