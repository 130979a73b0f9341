#pragma once

#include <QObject>
#include <QString>

class QTimer;

namespace crsync {

class Database;

// Notices that someone else changed the data dir's database: another crsync process (a
// `crsync sync` in a terminal, the daemon), this process's engine threads, and this thread's own
// repositories too, since all of them write through connections other than the watcher's. Every
// `intervalMs` it asks SQLite for PRAGMA data_version on a read-only connection of its own, which
// moves only when another connection committed: one read of the file's header (and of the WAL
// index), no network, no table scan. The connection waits at most BusyTimeoutMs for a lock; a
// tick that would wait longer is skipped and the next one asks again. Lives on, and must be
// used from, the thread that made it (normally the GUI thread).
class StoreWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int BusyTimeoutMs = 5;

    explicit StoreWatcher(Database &database, int intervalMs = 500, QObject *parent = nullptr);
    ~StoreWatcher() override;

    int interval() const;
    void setInterval(int intervalMs);

    // Asks now, without waiting for the timer; emits like a tick would.
    void check();

signals:
    // Anything in the database changed.
    void changed();
    // After changed(), when the sync log is among what changed: a new task, one removed, or one
    // that was Pending or InProgress moved (status, counters). Finished tasks never change.
    void tasksChanged();

private:
    bool ensureConnection();
    QString tasksFingerprint();

    QString m_connectionName;
    QString m_filePath;
    QTimer *m_timer = nullptr;
    qint64 m_version = -1;
    QString m_tasks;
    bool m_warned = false;
};

} // namespace crsync
