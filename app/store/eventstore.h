#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>
#include <optional>
#include <QList>
#include <QString>

namespace crsync {

class Database;

// A push that a rule covers, waiting to be synced: one row per (push, rule). Written before
// the webhook is answered, consumed by tasks (trigger `event` or `poll`), so neither a crash
// nor a busy rule loses one.
struct PendingEvent
{
    enum class State { Pending, Running, Done, Failed };

    qint64 id = 0;
    QDateTime receivedAt;
    QString origin; // "docker", "harbor", "poll"
    qint64 ruleId = 0;
    QString repository; // full path at the source
    QString tag;
    QString digest; // as the registry said; may be empty
    State state = State::Pending;
    int attempts = 0;     // tasks that tried it and did not copy it
    QDateTime notBefore;  // a retry waits until then
    qint64 taskId = 0;    // the task that has it (Running) or had it last
    QString error;        // why the last attempt did not copy it
};

QString eventStateName(PendingEvent::State state);

// The digests the poll watcher saw last, per rule, and each instance's poll interval.
class PollStore
{
public:
    explicit PollStore(Database &db) : m_db(db) { }

    // "repository:tag" -> digest, for one rule.
    Result<QHash<QString, QString>> seen(qint64 ruleId);
    Result<void> remember(qint64 ruleId, const QList<std::pair<QString, QString>> &repoTags,
                          const QStringList &digests);
    // Seconds between polls of an instance; 0 = not polled.
    Result<int> interval(qint64 instanceId);
    Result<void> setInterval(qint64 instanceId, int seconds);

private:
    Database &m_db;
};

// Rules' schedules (the text form of core/schedule.h) and when each last ran.
struct RuleSchedule
{
    qint64 ruleId = 0;
    QString spec;
    QDateTime lastRun; // invalid until it ran once
};

class ScheduleStore
{
public:
    explicit ScheduleStore(Database &db) : m_db(db) { }
    Result<QList<RuleSchedule>> list();
    Result<std::optional<RuleSchedule>> get(qint64 ruleId);
    Result<void> set(qint64 ruleId, const QString &spec); // "" removes it
    Result<void> ran(qint64 ruleId, const QDateTime &at);

private:
    Database &m_db;
};

class EventStore
{
public:
    explicit EventStore(Database &db) : m_db(db) { }

    // All in one transaction; fills in ids and receivedAt.
    Result<QList<PendingEvent>> add(QList<PendingEvent> events);
    // Rules with Pending events due now (notBefore passed), oldest event first.
    Result<QList<qint64>> rulesWithDueEvents(const QDateTime &now);
    Result<QList<PendingEvent>> due(qint64 ruleId, const QDateTime &now);
    // The events handed to a task.
    Result<void> claim(const QList<qint64> &eventIds, qint64 taskId);
    Result<QList<PendingEvent>> ofTask(qint64 taskId);
    Result<void> markDone(const QList<qint64> &eventIds);
    // Back to Pending until `notBefore` (a later task retries it), or Failed for good.
    Result<void> markRetry(qint64 eventId, int attempts, const QDateTime &notBefore,
                           const QString &error);
    Result<void> markFailed(qint64 eventId, int attempts, const QString &error);
    // After a crash: Running events whose task is not running any more wait again.
    Result<int> releaseOrphans();
    Result<int> countPending();
    // When the soonest retry still held back after `now` is due; invalid when none waits.
    Result<QDateTime> nextRetryAt(const QDateTime &now);
    Result<QList<PendingEvent>> list(int limit = 200); // newest first

private:
    Database &m_db;
};

} // namespace crsync
