#pragma once

#include "core/task.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace crsync {

class Database;
class Engine;

// Feeds the stored push events to the engine: the due events of a rule become one task narrowed
// to those artifacts (Engine::triggerArtifacts, trigger `event` or `poll`); events that arrive
// while the rule's task runs wait and form the next task, so a burst becomes a few tasks. When
// a task ends, each of its events is done (its artifact was copied or already there), or is
// retried in a later task after a backoff, at most MaxAttempts times, or failed for good; the
// log says which. Events of tasks stopped by a shutdown wait for the next start, uncounted.
class EventQueue : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxAttempts = 4;

    EventQueue(Database &database, Engine &engine, QObject *parent = nullptr);

    void start(); // releases the events of tasks a crash left behind, then dispatches
    void stop();  // starts no task any more; events of tasks still running will wait
    void dispatch(); // now: every rule with due events and no running task gets one
    // New events were stored: dispatch after a short gathering delay, so the pushes of one
    // burst (a `docker push` of many tags, a CI job) share a task.
    void eventsArrived();
    static constexpr int GatherMs = 300;
    // The delay before the n-th retry (n >= 1): 5 s, 20 s, 80 s, ...
    static int backoffSeconds(int attempt);
    void setBackoffScale(double scale) { m_backoffScale = scale; } // tests

signals:
    void taskStarted(qint64 taskId, qint64 ruleId, int events);
    void logLine(const QString &line);

private:
    void taskFinished(qint64 taskId, TaskStatus status);
    void scheduleNextDispatch();

    Database &m_database;
    Engine &m_engine;
    QTimer m_retryTimer;
    QTimer m_gatherTimer;
    QSet<qint64> m_tasks; // tasks this queue started and still waits for
    bool m_running = false;
    double m_backoffScale = 1.0;
};

} // namespace crsync
