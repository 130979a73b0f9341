#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace crsync {

class Database;
class Engine;

// For registries that cannot call crsync: every instance with a poll interval (PollStore) is
// looked at that often. For each enabled rule of the instance the engine scans the source as a
// preview does (paginated listing, each matching tag's manifest and the target's tag, under the
// engine's concurrency limits, nothing moved); a tag the target needs whose digest differs from
// the one this watcher saw last becomes an event (origin "poll") for the queue, which makes it
// a task with trigger `poll`. Nothing changed: no event, no task.
class PollWatcher : public QObject
{
    Q_OBJECT
public:
    PollWatcher(Database &database, Engine &engine, QObject *parent = nullptr);

    void start(int checkEveryMs = 5000); // how often it looks for instances due
    void stop();
    void pollNow(qint64 instanceId); // tests, and "poll now" in a front end

signals:
    void eventsStored(int count);
    void polled(qint64 instanceId, int changes); // each rule of a poll done
    void logLine(const QString &line);

private:
    void checkDue();
    void pollRule(qint64 instanceId, qint64 ruleId);

    Database &m_database;
    Engine &m_engine;
    QTimer m_timer;
    QHash<qint64, qint64> m_lastPoll; // instance -> ms since the epoch
    QSet<qint64> m_busy;              // rules being scanned
};

} // namespace crsync
