#include "store/metastore.h"

#include "store/database.h"
#include "store/storeutil.h"

#include <QCoreApplication>

namespace crsync {

using namespace storeutil;

Result<QString> MetaStore::value(const QString &key)
{
    const Result<QList<QString>> values = selectRows<QString>(
        m_db, QStringLiteral("SELECT value FROM meta WHERE key = ?"), { key },
        QCoreApplication::translate("crsync::Store", "Reading the database settings"),
        [](const QSqlQuery &q) { return q.value(0).toString(); });
    if (!values)
        return values.error();
    return values->isEmpty() ? QString() : values->first();
}

Result<void> MetaStore::setValue(const QString &key, const QString &value)
{
    const Result<int> written = write(
        m_db, QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
        { key, textToDb(value) },
        QCoreApplication::translate("crsync::Store", "Saving the database settings"));
    if (!written)
        return written.error();
    return {};
}

Result<void> MetaStore::remove(const QString &key)
{
    const Result<int> written
        = write(m_db, QStringLiteral("DELETE FROM meta WHERE key = ?"), { key },
                QCoreApplication::translate("crsync::Store", "Saving the database settings"));
    if (!written)
        return written.error();
    return {};
}

} // namespace crsync
