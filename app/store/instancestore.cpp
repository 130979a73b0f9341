#include "store/instancestore.h"

#include "store/database.h"
#include "store/storeutil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>
#include <QSqlRecord>

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

void bindFields(QSqlQuery &q, const Instance &i)
{
    q.addBindValue(textToDb(i.name));
    q.addBindValue(textToDb(i.url.toString(QUrl::FullyEncoded)));
    q.addBindValue(i.allowHttp);
    q.addBindValue(textToDb(i.accountId));
    q.addBindValue(textToDb(i.region));
    q.addBindValue(textToDb(flavorName(i.flavor)));
    q.addBindValue(textToDb(i.caFile));
    q.addBindValue(i.insecureSkipVerify);
    q.addBindValue(textToDb(i.username));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
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

} // namespace

Result<Instance> InstanceStore::add(const Instance &instance)
{
    Result<QSqlDatabase> db = m_db.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    const QString what
        = QCoreApplication::translate("crsync::Store", "Saving instance \"%1\"").arg(instance.name);
    if (Result<void> r = prepare(q,
                                 QStringLiteral("INSERT INTO instances (name, url, allow_http, "
                                                "account_id, region, flavor, ca_file, "
                                                "insecure_skip_verify, username, updated_at, "
                                                "created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
                                 what);
        !r)
        return r.error();
    bindFields(q, instance);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (Result<void> r = exec(q, what); !r)
        return r.error().kind == Error::Kind::Conflict ? duplicateName(instance.name) : r.error();
    Instance stored = instance;
    stored.id = q.lastInsertId().toLongLong();
    return stored;
}

Result<void> InstanceStore::update(const Instance &instance)
{
    Result<QSqlDatabase> db = m_db.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    const QString what
        = QCoreApplication::translate("crsync::Store", "Saving instance \"%1\"").arg(instance.name);
    if (Result<void> r = prepare(q,
                                 QStringLiteral("UPDATE instances SET name = ?, url = ?, "
                                                "allow_http = ?, account_id = ?, region = ?, "
                                                "flavor = ?, ca_file = ?, "
                                                "insecure_skip_verify = ?, username = ?, "
                                                "updated_at = ? WHERE id = ?"),
                                 what);
        !r)
        return r;
    bindFields(q, instance);
    q.addBindValue(instance.id);
    if (Result<void> r = exec(q, what); !r)
        return r.error().kind == Error::Kind::Conflict ? duplicateName(instance.name) : r.error();
    if (q.numRowsAffected() == 0)
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
        const QString what
            = QCoreApplication::translate("crsync::Store", "Deleting instance \"%1\"")
                  .arg(instance->name);
        if (Result<void> r = prepare(q, QStringLiteral("DELETE FROM instances WHERE id = ?"), what);
            !r)
            return r;
        q.addBindValue(id);
        return exec(q, what);
    });
}

Result<Instance> InstanceStore::get(qint64 id)
{
    Result<QSqlDatabase> db = m_db.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    const QString what = QCoreApplication::translate("crsync::Store", "Reading an instance");
    if (Result<void> r
        = prepare(q, QStringLiteral("SELECT %1 FROM instances WHERE id = ?").arg(Columns), what);
        !r)
        return r.error();
    q.addBindValue(id);
    if (Result<void> r = exec(q, what); !r)
        return r.error();
    if (!q.next())
        return notFound(idText(id));
    return fromQuery(q);
}

Result<Instance> InstanceStore::findByName(const QString &name)
{
    Result<QSqlDatabase> db = m_db.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    const QString what = QCoreApplication::translate("crsync::Store", "Reading an instance");
    if (Result<void> r
        = prepare(q, QStringLiteral("SELECT %1 FROM instances WHERE name = ?").arg(Columns), what);
        !r)
        return r.error();
    q.addBindValue(name);
    if (Result<void> r = exec(q, what); !r)
        return r.error();
    if (!q.next())
        return notFound(QStringLiteral("\"%1\"").arg(name));
    return fromQuery(q);
}

Result<QList<Instance>> InstanceStore::list()
{
    Result<QSqlDatabase> db = m_db.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM instances ORDER BY name").arg(Columns)))
        return Database::errorFrom(
            q.lastError(), QCoreApplication::translate("crsync::Store", "Listing instances"));
    QList<Instance> result;
    while (q.next())
        result << fromQuery(q);
    return result;
}

Result<QStringList> InstanceStore::rulesUsing(qint64 instanceId)
{
    Result<QSqlDatabase> db = m_db.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    const QString what = QCoreApplication::translate("crsync::Store",
                                                     "Listing the rules of an "
                                                     "instance");
    if (Result<void> r = prepare(q,
                                 QStringLiteral("SELECT name FROM rules WHERE "
                                                "source_instance_id = ? OR "
                                                "target_instance_id = ? ORDER BY name"),
                                 what);
        !r)
        return r.error();
    q.addBindValue(instanceId);
    q.addBindValue(instanceId);
    if (Result<void> r = exec(q, what); !r)
        return r.error();
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

} // namespace crsync
