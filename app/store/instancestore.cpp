#include "store/instancestore.h"

#include "store/database.h"
#include "store/storeutil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

namespace crsync {

using namespace storeutil;

namespace {

const QString Columns = QStringLiteral(
    "id, name, url, allow_http, account_id, region, flavor, ca_file, insecure_skip_verify, "
    "username");

Instance fromQuery(const QSqlQuery &q)
{
    Instance i;
    i.id = q.value(0).toLongLong();
    i.name = q.value(1).toString();
    i.url = QUrl(q.value(2).toString());
    i.allowHttp = q.value(3).toBool();
    i.accountId = q.value(4).toString();
    i.region = q.value(5).toString();
    flavorFromName(q.value(6).toString(), &i.flavor);
    i.caFile = q.value(7).toString();
    i.insecureSkipVerify = q.value(8).toBool();
    i.username = q.value(9).toString();
    return i;
}

// The columns add and update write, in order.
QVariantList fieldValues(const Instance &i)
{
    return { textToDb(i.name),     textToDb(i.url.toString(QUrl::FullyEncoded)),
             i.allowHttp,          textToDb(i.accountId),
             textToDb(i.region),   textToDb(flavorName(i.flavor)),
             textToDb(i.caFile),   i.insecureSkipVerify,
             textToDb(i.username), QDateTime::currentMSecsSinceEpoch() };
}

Error duplicateName(const QString &name)
{
    Error e = Error::make(Error::Kind::Conflict,
                          QCoreApplication::translate("crsync::Store",
                                                      "An instance named \"%1\" already exists; "
                                                      "choose another name.")
                              .arg(name));
    e.field = QStringLiteral("name");
    return e;
}

Error notFound(const QString &what)
{
    return Error::make(
        Error::Kind::NotFound,
        QCoreApplication::translate("crsync::Store", "There is no instance %1.").arg(what));
}

QString idText(qint64 id)
{
    return QCoreApplication::translate("crsync::Store", "with id %1").arg(id);
}

Result<QList<Instance>> select(Database &database, const QString &where, const QVariantList &values,
                               const QString &what)
{
    return selectRows<Instance>(
        database, QStringLiteral("SELECT %1 FROM instances %2 ORDER BY name").arg(Columns, where),
        values, what, fromQuery);
}

} // namespace

Result<Instance> InstanceStore::add(const Instance &instance)
{
    Result<QSqlDatabase> db = m_db.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    if (Result<void> r = run(q,
                             QStringLiteral("INSERT INTO instances (name, url, allow_http, "
                                            "account_id, region, flavor, ca_file, "
                                            "insecure_skip_verify, username, updated_at, "
                                            "created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
                             fieldValues(instance) << QDateTime::currentMSecsSinceEpoch(),
                             QCoreApplication::translate("crsync::Store", "Saving instance \"%1\"")
                                 .arg(instance.name));
        !r)
        return r.error().kind == Error::Kind::Conflict ? duplicateName(instance.name) : r.error();
    Instance stored = instance;
    stored.id = q.lastInsertId().toLongLong();
    return stored;
}

Result<void> InstanceStore::update(const Instance &instance)
{
    const Result<int> changed = write(
        m_db,
        QStringLiteral("UPDATE instances SET name = ?, url = ?, allow_http = ?, account_id = ?, "
                       "region = ?, flavor = ?, ca_file = ?, insecure_skip_verify = ?, "
                       "username = ?, updated_at = ? WHERE id = ?"),
        fieldValues(instance) << instance.id,
        QCoreApplication::translate("crsync::Store", "Saving instance \"%1\"").arg(instance.name));
    if (!changed)
        return changed.error().kind == Error::Kind::Conflict ? duplicateName(instance.name)
                                                             : changed.error();
    if (*changed == 0)
        return notFound(QStringLiteral("\"%1\" (%2)").arg(instance.name, idText(instance.id)));
    return {};
}

Result<void> InstanceStore::remove(qint64 id)
{
    return m_db.transaction([&](QSqlDatabase &db) -> Result<void> {
        const Result<Instance> instance = get(id);
        if (!instance)
            return instance.error();
        const Result<QStringList> users = rulesUsing(id);
        if (!users)
            return users.error();
        if (!users->isEmpty())
            return Error::make(
                Error::Kind::Conflict,
                QCoreApplication::translate("crsync::Store",
                                            "The instance \"%1\" is still used by the "
                                            "rule(s) %2. Change or delete those rules "
                                            "first.")
                    .arg(instance->name, users->join(QStringLiteral(", "))));
        QSqlQuery q(db);
        return run(q, QStringLiteral("DELETE FROM instances WHERE id = ?"), { id },
                   QCoreApplication::translate("crsync::Store", "Deleting instance \"%1\"")
                       .arg(instance->name));
    });
}

Result<Instance> InstanceStore::get(qint64 id)
{
    const Result<QList<Instance>> found
        = select(m_db, QStringLiteral("WHERE id = ?"), { id },
                 QCoreApplication::translate("crsync::Store", "Reading an instance"));
    if (!found)
        return found.error();
    if (found->isEmpty())
        return notFound(idText(id));
    return found->first();
}

Result<Instance> InstanceStore::findByName(const QString &name)
{
    const Result<QList<Instance>> found
        = select(m_db, QStringLiteral("WHERE name = ?"), { name },
                 QCoreApplication::translate("crsync::Store", "Reading an instance"));
    if (!found)
        return found.error();
    if (found->isEmpty())
        return notFound(QStringLiteral("\"%1\"").arg(name));
    return found->first();
}

Result<QList<Instance>> InstanceStore::list()
{
    return select(m_db, QString(), {},
                  QCoreApplication::translate("crsync::Store", "Listing instances"));
}

Result<QStringList> InstanceStore::rulesUsing(qint64 instanceId)
{
    const Result<QList<QString>> names = selectRows<QString>(
        m_db,
        QStringLiteral("SELECT name FROM rules WHERE source_instance_id = ? OR "
                       "target_instance_id = ? ORDER BY name"),
        { instanceId, instanceId },
        QCoreApplication::translate("crsync::Store", "Listing the rules of an instance"),
        [](const QSqlQuery &q) { return q.value(0).toString(); });
    if (!names)
        return names.error();
    return QStringList(*names);
}

} // namespace crsync
