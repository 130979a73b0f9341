#pragma once

#include <QObject>

class QTimer;

namespace crsync {

class Database;

// Notices that someone else changed the data dir's database: another crsync process (a
// `crsync sync` in a terminal, the daemon) or this process's engine threads, which write
// through connections of their own. Every `intervalMs` it asks SQLite for PRAGMA data_version
// on this thread's connection, which moves only when another connection committed: a read of
// one page of the file's header, no network, no table scan.
class StoreWatcher : public QObject
{
    Q_OBJECT
public:
    explicit StoreWatcher(Database &database, int intervalMs = 500, QObject *parent = nullptr);

    void check(); // now, without waiting for the timer

signals:
    void changed();

private:
    Database &m_database;
    QTimer *m_timer = nullptr;
    qint64 m_version = -1;
};

} // namespace crsync
