#include "service/storewatcher.h"

#include "store/database.h"

#include <QAtomicInteger>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcService)

namespace crsync {

namespace {

QAtomicInteger<quint64> g_watchers;

} // namespace

StoreWatcher::StoreWatcher(Database &database, int intervalMs, QObject *parent)
    : QObject(parent),
      m_connectionName(
          QStringLiteral("crsync-watcher:%1:%2").arg(database.filePath()).arg(++g_watchers)),
      m_filePath(database.filePath())
{
    m_timer = new QTimer(this);
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &StoreWatcher::check);
    check(); // the starting point
    m_timer->start();
}

StoreWatcher::~StoreWatcher()
{
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

int StoreWatcher::interval() const
{
    return m_timer->interval();
}

void StoreWatcher::setInterval(int intervalMs)
{
    m_timer->setInterval(intervalMs);
}

// Its own connection and not the thread's one from Database: that one waits up to 10 s for a
// lock, and data_version does not move for what this thread writes through it.
bool StoreWatcher::ensureConnection()
{
    if (QSqlDatabase::contains(m_connectionName))
        return QSqlDatabase::database(m_connectionName, false).isOpen();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_filePath);
    db.setConnectOptions(
        QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1;QSQLITE_OPEN_READONLY").arg(BusyTimeoutMs));
    if (db.open())
        return true;
    // A file in a directory nobody may write is read as immutable: nothing can change it.
    if (!m_warned)
        qCInfo(lcService) << "not watching" << m_filePath
                          << "for changes:" << db.lastError().text();
    m_warned = true;
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_timer->stop();
    return false;
}

// What the logs page shows that can change: the newest task, how many there are, and the
// tasks still running. Read only after data_version moved, so its cost (an index lookup, a
// count along the narrowest index, the few unfinished tasks) is paid once per commit.
QString StoreWatcher::tasksFingerprint()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT (SELECT max(id) FROM tasks), (SELECT count(*) FROM tasks), "
            "(SELECT group_concat(id || ' ' || status || ' ' || repositories || ' ' || "
            "artifacts_total || ' ' || artifacts_copied || ' ' || artifacts_skipped || ' ' || "
            "artifacts_failed || ' ' || bytes || ' ' || coalesce(started_at, '') || ' ' || "
            "message, ';') FROM tasks WHERE status IN ('Pending', 'InProgress'))"))
        || !q.next())
        return {}; // busy: treated as changed, which costs a reload at worst
    return QStringLiteral("%1|%2|%3")
        .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
}

void StoreWatcher::check()
{
    if (!ensureConnection())
        return;
    qint64 version = -1;
    {
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
            return; // busy or gone: the next tick asks again
        version = q.value(0).toLongLong();
    }
    if (version == m_version)
        return;
    const bool first = m_version < 0;
    m_version = version;
    const QString tasks = tasksFingerprint();
    const bool tasksMoved = tasks.isEmpty() || tasks != m_tasks;
    m_tasks = tasks;
    if (first)
        return;
    emit changed();
    if (tasksMoved)
        emit tasksChanged();
}

} // namespace crsync
