#pragma once

// Helpers shared by the store's repositories; not part of the store's public API.

#include "core/result.h"
#include "store/database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace crsync::storeutil {

// Milliseconds since the epoch, NULL for an invalid time.
inline QVariant toDb(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

inline QDateTime dateFromDb(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// Qt binds a null QString as SQL NULL; text columns are NOT NULL, so "" it is.
inline QVariant textToDb(const QString &text)
{
    return text.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(text);
}

// NULL for 0, so "no instance" satisfies the foreign key.
inline QVariant idToDb(qint64 id)
{
    return id != 0 ? QVariant(id) : QVariant();
}

bool isUniqueViolation(const QSqlError &error);

// The errors name what was being done (`what`, translated by the caller).
Result<void> prepare(QSqlQuery &query, const QString &sql, const QString &what);
// Binds `values` positionally to the prepared query and runs it; a loop prepares once and
// calls this per row.
Result<void> exec(QSqlQuery &query, const QVariantList &values, const QString &what);
// prepare() then exec().
Result<void> run(QSqlQuery &query, const QString &sql, const QVariantList &values,
                 const QString &what);

// A statement that changes rows, on this thread's connection; returns how many it changed.
Result<int> write(Database &database, const QString &sql, const QVariantList &values,
                  const QString &what);

// A SELECT on this thread's connection, each row turned into a T by `fromRow(query)`.
template<typename T, typename FromRow>
Result<QList<T>> selectRows(Database &database, const QString &sql, const QVariantList &values,
                            const QString &what, FromRow fromRow)
{
    Result<QSqlDatabase> db = database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    if (Result<void> r = run(q, sql, values, what); !r)
        return r.error();
    QList<T> rows;
    while (q.next())
        rows << fromRow(q);
    return rows;
}

} // namespace crsync::storeutil
