#include "service/storewatcher.h"

#include "store/database.h"

#include <QSqlQuery>
#include <QTimer>

namespace crsync {

StoreWatcher::StoreWatcher(Database &database, int intervalMs, QObject *parent)
    : QObject(parent), m_database(database)
{
    m_timer = new QTimer(this);
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &StoreWatcher::check);
    check(); // the starting point
    m_timer->start();
}

void StoreWatcher::check()
{
    Result<QSqlDatabase> db = m_database.connection();
    if (!db)
        return;
    QSqlQuery q(*db);
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return; // busy or gone: the next tick asks again
    const qint64 version = q.value(0).toLongLong();
    const bool moved = m_version >= 0 && version != m_version;
    m_version = version;
    if (moved)
        emit changed();
}

} // namespace crsync
