#include "automation/eventqueue.h"

#include "engine/artifactresult.h"
#include "engine/engine.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "store/rulestore.h"
#include "store/taskstore.h"

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEvents, "crsync.events")

namespace crsync {

EventQueue::EventQueue(Database &database, Engine &engine, QObject *parent)
    : QObject(parent), m_database(database), m_engine(engine)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &EventQueue::dispatch);
    m_gatherTimer.setSingleShot(true);
    m_gatherTimer.setInterval(GatherMs);
    connect(&m_gatherTimer, &QTimer::timeout, this, &EventQueue::dispatch);
    connect(&m_engine, &Engine::taskFinished, this, &EventQueue::taskFinished);
}

int EventQueue::backoffSeconds(int attempt)
{
    int seconds = 5;
    for (int i = 1; i < attempt && seconds < 3600; ++i)
        seconds *= 4;
    return std::min(seconds, 3600);
}

void EventQueue::start()
{
    m_running = true;
    if (const Result<int> released = EventStore(m_database).releaseOrphans(); !released)
        qCWarning(lcEvents) << released.error().message;
    else if (*released > 0)
        emit logLine(tr("%n push event(s) of an earlier run wait again.", nullptr, *released));
    dispatch();
}

void EventQueue::stop()
{
    m_running = false;
    m_retryTimer.stop();
    m_gatherTimer.stop();
}

void EventQueue::eventsArrived()
{
    if (!m_gatherTimer.isActive()) // the first event of a burst starts the clock
        m_gatherTimer.start();
}

void EventQueue::dispatch()
{
    if (!m_running || m_engine.isShuttingDown())
        return;
    EventStore events(m_database);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Result<QList<qint64>> rules = events.rulesWithDueEvents(now);
    if (!rules) {
        qCWarning(lcEvents) << rules.error().message;
        return;
    }
    for (qint64 ruleId : *rules) {
        const Result<std::optional<Task>> active = TaskStore(m_database).activeTask(ruleId);
        if (active && active->has_value())
            continue; // they form the next task when this one ends
        const Result<QList<PendingEvent>> due = events.due(ruleId, now);
        if (!due || due->isEmpty())
            continue;
        QList<ArtifactRef> artifacts;
        QSet<QString> seen;
        QList<qint64> ids;
        Trigger trigger = Trigger::Poll;
        for (const PendingEvent &e : *due) {
            ids << e.id;
            if (e.origin != QLatin1String("poll"))
                trigger = Trigger::Event;
            const QString key = e.repository + QLatin1Char(':') + e.tag;
            if (seen.contains(key))
                continue;
            seen.insert(key);
            artifacts << ArtifactRef { e.repository, e.tag };
        }
        const Result<qint64> task = m_engine.triggerArtifacts(ruleId, trigger, artifacts);
        if (!task) {
            if (m_engine.isShuttingDown())
                return; // they run after the next start
            if (task.error().kind == Error::Kind::Conflict) {
                // A task of the rule started meanwhile (another process, a click): after it.
                const Result<Rule> rule = RuleStore(m_database).get(ruleId);
                if (rule && rule->enabled)
                    continue;
            }
            // The rule cannot sync (disabled, a filter broken, its target gone): these events
            // are over, and the log says why.
            for (const PendingEvent &e : *due)
                events.markFailed(e.id, e.attempts, task.error().message);
            emit logLine(tr("%n push event(s) of rule %1 dropped: %2", nullptr, int(due->size()))
                             .arg(ruleId)
                             .arg(task.error().message));
            continue;
        }
        if (Result<void> claimed = events.claim(ids, *task); !claimed)
            qCWarning(lcEvents) << claimed.error().message;
        m_tasks.insert(*task);
        emit logLine(tr("task %1 started for %n push event(s) (%2 artifact(s)) of rule %3", nullptr,
                        int(ids.size()))
                         .arg(*task)
                         .arg(artifacts.size())
                         .arg(ruleId));
        emit taskStarted(*task, ruleId, int(ids.size()));
    }
    scheduleNextDispatch();
}

void EventQueue::scheduleNextDispatch()
{
    // The soonest retry that waits for its backoff.
    const Result<QDateTime> next = EventStore(m_database).nextRetryAt(QDateTime::currentDateTimeUtc());
    if (!next || !next->isValid())
        return;
    const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(*next);
    m_retryTimer.start(int(std::clamp<qint64>(wait, 50, 3600 * 1000)));
}

void EventQueue::taskFinished(qint64 taskId, TaskStatus status)
{
    EventStore events(m_database);
    const Result<QList<PendingEvent>> mine = events.ofTask(taskId);
    m_tasks.remove(taskId);
    if (!mine || mine->isEmpty()) {
        dispatch(); // a rule's task ended: events that waited for it may go now
        return;
    }
    QHash<QString, TaskItem> items;
    if (const Result<QList<TaskItem>> all = TaskStore(m_database).items(taskId))
        for (const TaskItem &i : *all)
            items.insert(i.sourceRepository + QLatin1Char(':') + i.tag, i);
    const Result<Task> task = TaskStore(m_database).get(taskId);
    const QString taskMessage = task ? task->message : QString();

    QList<qint64> done;
    int retried = 0;
    int failed = 0;
    int waiting = 0;
    for (const PendingEvent &e : *mine) {
        if (e.state != PendingEvent::State::Running)
            continue;
        const auto it = items.constFind(e.repository + QLatin1Char(':') + e.tag);
        const bool synced = it != items.cend()
            && (it->outcome == TaskItem::Outcome::Copied || it->outcome == TaskItem::Outcome::UpToDate
                || it->outcome == TaskItem::Outcome::ExistsNotOverwritten);
        if (synced) {
            done << e.id;
            continue;
        }
        if (!m_running || status == TaskStatus::Interrupted) {
            // Stopped by a shutdown: waits for the next start, not counted as an attempt.
            events.markRetry(e.id, e.attempts, QDateTime::currentDateTimeUtc(), e.error);
            ++waiting;
            continue;
        }
        QString why = it != items.cend() && !it->error.isEmpty() ? it->error : taskMessage;
        if (why.isEmpty())
            why = it == items.cend() ? tr("The task did not reach %1:%2 (it may be gone from the source, "
                                          "or not of the rule's resource type).")
                                           .arg(e.repository, e.tag)
                                     : tr("The task ended %1.").arg(taskStatusText(status));
        const int attempts = e.attempts + 1;
        // An artifact the task looked at and left out (gone, another resource type) is not
        // retried: there is nothing to copy.
        const bool pointless = it == items.cend() && status == TaskStatus::Succeeded;
        if (attempts >= MaxAttempts || pointless) {
            events.markFailed(e.id, attempts, why);
            ++failed;
            emit logLine(tr("push %1:%2 (event %3) given up after %n attempt(s): %4", nullptr, attempts)
                             .arg(e.repository, e.tag)
                             .arg(e.id)
                             .arg(why));
        } else {
            const int delay = std::max(1, int(backoffSeconds(attempts) * m_backoffScale * 1000));
            events.markRetry(e.id, attempts, QDateTime::currentDateTimeUtc().addMSecs(delay), why);
            ++retried;
            emit logLine(tr("push %1:%2 (event %3) not synced by task %4, retried in %5 s: %6")
                             .arg(e.repository, e.tag)
                             .arg(e.id)
                             .arg(taskId)
                             .arg(QString::number(delay / 1000.0, 'f', 1))
                             .arg(why));
        }
    }
    events.markDone(done);
    emit logLine(tr("task %1 ended %2: %3 push event(s) synced, %4 to retry, %5 failed, %6 waiting "
                    "for the next start")
                     .arg(taskId)
                     .arg(taskStatusName(status))
                     .arg(done.size())
                     .arg(retried)
                     .arg(failed)
                     .arg(waiting));
    dispatch();
}

} // namespace crsync
