#pragma once

// Helpers shared by the store's repositories; not part of the store's public API.

#include "core/result.h"

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

// Prepares and binds positionally; the error names what was being done.
Result<void> prepare(QSqlQuery &query, const QString &sql, const QString &what);
Result<void> exec(QSqlQuery &query, const QString &what);

} // namespace crsync::storeutil
