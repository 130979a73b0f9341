#include "store/eventstore.h"

#include "store/database.h"
#include "store/storeutil.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace crsync {

using namespace storeutil;

namespace {

const QString Columns = QStringLiteral(
    "id, received_at, origin, rule_id, repository, tag, digest, state, attempts, not_before, "
    "task_id, error");

PendingEvent::State stateFromName(const QString &name)
{
    if (name == QLatin1String("running"))
        return PendingEvent::State::Running;
    if (name == QLatin1String("done"))
        return PendingEvent::State::Done;
    if (name == QLatin1String("failed"))
        return PendingEvent::State::Failed;
    return PendingEvent::State::Pending;
}

PendingEvent fromQuery(const QSqlQuery &q)
{
    PendingEvent e;
    e.id = q.value(0).toLongLong();
    e.receivedAt = dateFromDb(q.value(1));
    e.origin = q.value(2).toString();
    e.ruleId = q.value(3).toLongLong();
    e.repository = q.value(4).toString();
    e.tag = q.value(5).toString();
    e.digest = q.value(6).toString();
    e.state = stateFromName(q.value(7).toString());
    e.attempts = q.value(8).toInt();
    e.notBefore = dateFromDb(q.value(9));
    e.taskId = q.value(10).isNull() ? 0 : q.value(10).toLongLong();
    e.error = q.value(11).toString();
    return e;
}

QString what(const char *text)
{
    return QCoreApplication::translate("crsync::Store", text);
}

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

} // namespace

QString eventStateName(PendingEvent::State state)
{
    switch (state) {
    case PendingEvent::State::Pending:
        return QStringLiteral("pending");
    case PendingEvent::State::Running:
        return QStringLiteral("running");
    case PendingEvent::State::Done:
        return QStringLiteral("done");
    case PendingEvent::State::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("pending");
}

Result<QList<PendingEvent>> EventStore::add(QList<PendingEvent> events)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Result<void> done = m_db.transaction([&](QSqlDatabase &db) -> Result<void> {
        QSqlQuery q(db);
        if (Result<void> r = prepare(
                q,
                QStringLiteral("INSERT INTO events (received_at, origin, rule_id, repository, tag, "
                               "digest, state, attempts, not_before) "
                               "VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, 0)"),
                what("Recording a push event"));
            !r)
            return r;
        for (PendingEvent &e : events) {
            e.receivedAt = now;
            if (Result<void> r = exec(q,
                                      { toDb(now), textToDb(e.origin), e.ruleId,
                                        textToDb(e.repository), textToDb(e.tag),
                                        textToDb(e.digest) },
                                      what("Recording a push event"));
                !r)
                return r;
            e.id = q.lastInsertId().toLongLong();
            e.state = PendingEvent::State::Pending;
        }
        return {};
    });
    if (!done)
        return done.error();
    return events;
}

Result<QList<qint64>> EventStore::rulesWithDueEvents(const QDateTime &now)
{
    return selectRows<qint64>(
        m_db,
        QStringLiteral("SELECT rule_id FROM events WHERE state = 'pending' AND not_before <= ? "
                       "GROUP BY rule_id ORDER BY min(id)"),
        { toDb(now) }, what("Reading the waiting push events"),
        [](const QSqlQuery &q) { return q.value(0).toLongLong(); });
}

Result<QList<PendingEvent>> EventStore::due(qint64 ruleId, const QDateTime &now)
{
    return selectRows<PendingEvent>(
        m_db,
        QStringLiteral("SELECT %1 FROM events WHERE rule_id = ? AND state = 'pending' "
                       "AND not_before <= ? ORDER BY id")
            .arg(Columns),
        { ruleId, toDb(now) }, what("Reading the waiting push events"), fromQuery);
}

Result<void> EventStore::claim(const QList<qint64> &eventIds, qint64 taskId)
{
    if (eventIds.isEmpty())
        return {};
    const Result<int> n = write(
        m_db,
        QStringLiteral("UPDATE events SET state = 'running', task_id = ? WHERE id IN (%1)")
            .arg(idList(eventIds)),
        { taskId }, what("Handing push events to a task"));
    if (!n)
        return n.error();
    return {};
}

Result<QList<PendingEvent>> EventStore::ofTask(qint64 taskId)
{
    return selectRows<PendingEvent>(
        m_db, QStringLiteral("SELECT %1 FROM events WHERE task_id = ? ORDER BY id").arg(Columns),
        { taskId }, what("Reading the push events of a task"), fromQuery);
}

Result<void> EventStore::markDone(const QList<qint64> &eventIds)
{
    if (eventIds.isEmpty())
        return {};
    const Result<int> n = write(
        m_db,
        QStringLiteral("UPDATE events SET state = 'done', error = '' WHERE id IN (%1)")
            .arg(idList(eventIds)),
        {}, what("Recording synced push events"));
    if (!n)
        return n.error();
    return {};
}

Result<void> EventStore::markRetry(qint64 eventId, int attempts, const QDateTime &notBefore,
                                   const QString &error)
{
    const Result<int> n = write(
        m_db,
        QStringLiteral("UPDATE events SET state = 'pending', attempts = ?, not_before = ?, "
                       "error = ? WHERE id = ?"),
        { attempts, toDb(notBefore), textToDb(error), eventId },
        what("Recording a push event to retry"));
    if (!n)
        return n.error();
    return {};
}

Result<void> EventStore::markFailed(qint64 eventId, int attempts, const QString &error)
{
    const Result<int> n = write(
        m_db,
        QStringLiteral("UPDATE events SET state = 'failed', attempts = ?, error = ? WHERE id = ?"),
        { attempts, textToDb(error), eventId }, what("Recording a push event that failed"));
    if (!n)
        return n.error();
    return {};
}

Result<int> EventStore::releaseOrphans()
{
    return write(m_db,
                 QStringLiteral("UPDATE events SET state = 'pending' WHERE state = 'running' AND "
                                "(task_id IS NULL OR task_id NOT IN (SELECT id FROM tasks WHERE "
                                "status IN ('Pending', 'InProgress')))"),
                 {}, what("Releasing push events of tasks that stopped"));
}

Result<int> EventStore::countPending()
{
    const Result<QList<int>> n = selectRows<int>(
        m_db, QStringLiteral("SELECT count(*) FROM events WHERE state IN ('pending', 'running')"),
        {}, what("Counting the waiting push events"),
        [](const QSqlQuery &q) { return q.value(0).toInt(); });
    if (!n)
        return n.error();
    return n->value(0);
}

Result<QDateTime> EventStore::nextRetryAt(const QDateTime &now)
{
    const Result<QList<QVariant>> n = selectRows<QVariant>(
        m_db, QStringLiteral("SELECT min(not_before) FROM events WHERE state = 'pending' AND not_before > ?"),
        { toDb(now) }, what("Reading the waiting push events"),
        [](const QSqlQuery &q) { return q.value(0); });
    if (!n)
        return n.error();
    return n->isEmpty() ? QDateTime() : dateFromDb(n->first());
}

Result<QHash<QString, QString>> PollStore::seen(qint64 ruleId)
{
    const Result<QList<std::pair<QString, QString>>> rows = selectRows<std::pair<QString, QString>>(
        m_db, QStringLiteral("SELECT repository, tag, digest FROM poll_state WHERE rule_id = ?"),
        { ruleId }, what("Reading what the poll watcher saw"), [](const QSqlQuery &q) {
            return std::make_pair(q.value(0).toString() + QLatin1Char(':') + q.value(1).toString(),
                                  q.value(2).toString());
        });
    if (!rows)
        return rows.error();
    QHash<QString, QString> seen;
    for (const auto &[key, digest] : *rows)
        seen.insert(key, digest);
    return seen;
}

Result<void> PollStore::remember(qint64 ruleId, const QList<std::pair<QString, QString>> &repoTags,
                                 const QStringList &digests)
{
    const QVariant now = toDb(QDateTime::currentDateTimeUtc());
    return m_db.transaction([&](QSqlDatabase &db) -> Result<void> {
        QSqlQuery q(db);
        if (Result<void> r = prepare(q,
                                     QStringLiteral("INSERT OR REPLACE INTO poll_state (rule_id, "
                                                    "repository, tag, digest, seen_at) VALUES (?, ?, ?, ?, ?)"),
                                     what("Recording what the poll watcher saw"));
            !r)
            return r;
        for (qsizetype i = 0; i < repoTags.size(); ++i)
            if (Result<void> r = exec(q, { ruleId, repoTags[i].first, repoTags[i].second,
                                           textToDb(digests.value(i)), now },
                                      what("Recording what the poll watcher saw"));
                !r)
                return r;
        return {};
    });
}

Result<int> PollStore::interval(qint64 instanceId)
{
    const Result<QList<int>> rows = selectRows<int>(
        m_db, QStringLiteral("SELECT value FROM meta WHERE key = ?"),
        { QStringLiteral("poll_interval/%1").arg(instanceId) }, what("Reading a poll interval"),
        [](const QSqlQuery &q) { return q.value(0).toInt(); });
    if (!rows)
        return rows.error();
    return rows->value(0, 0);
}

Result<void> PollStore::setInterval(qint64 instanceId, int seconds)
{
    const Result<int> n = seconds > 0
        ? write(m_db, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"),
                { QStringLiteral("poll_interval/%1").arg(instanceId), QString::number(seconds) },
                what("Recording a poll interval"))
        : write(m_db, QStringLiteral("DELETE FROM meta WHERE key = ?"),
                { QStringLiteral("poll_interval/%1").arg(instanceId) }, what("Recording a poll interval"));
    if (!n)
        return n.error();
    return {};
}

Result<QList<RuleSchedule>> ScheduleStore::list()
{
    return selectRows<RuleSchedule>(
        m_db, QStringLiteral("SELECT rule_id, spec, last_run_at FROM rule_schedules ORDER BY rule_id"), {},
        what("Reading the schedules"), [](const QSqlQuery &q) {
            return RuleSchedule { q.value(0).toLongLong(), q.value(1).toString(), dateFromDb(q.value(2)) };
        });
}

Result<std::optional<RuleSchedule>> ScheduleStore::get(qint64 ruleId)
{
    const Result<QList<RuleSchedule>> one = selectRows<RuleSchedule>(
        m_db, QStringLiteral("SELECT rule_id, spec, last_run_at FROM rule_schedules WHERE rule_id = ?"),
        { ruleId }, what("Reading the schedules"), [](const QSqlQuery &q) {
            return RuleSchedule { q.value(0).toLongLong(), q.value(1).toString(), dateFromDb(q.value(2)) };
        });
    if (!one)
        return one.error();
    return one->isEmpty() ? std::optional<RuleSchedule>() : std::optional<RuleSchedule>(one->first());
}

Result<void> ScheduleStore::set(qint64 ruleId, const QString &spec)
{
    const Result<int> n = spec.isEmpty()
        ? write(m_db, QStringLiteral("DELETE FROM rule_schedules WHERE rule_id = ?"), { ruleId },
                what("Removing a schedule"))
        : write(m_db,
                QStringLiteral("INSERT INTO rule_schedules (rule_id, spec, last_run_at) VALUES (?, ?, NULL) "
                               "ON CONFLICT(rule_id) DO UPDATE SET spec = excluded.spec"),
                { ruleId, spec }, what("Recording a schedule"));
    if (!n)
        return n.error();
    return {};
}

Result<void> ScheduleStore::ran(qint64 ruleId, const QDateTime &at)
{
    const Result<int> n = write(m_db, QStringLiteral("UPDATE rule_schedules SET last_run_at = ? WHERE rule_id = ?"),
                                { toDb(at), ruleId }, what("Recording a scheduled run"));
    if (!n)
        return n.error();
    return {};
}

Result<QList<PendingEvent>> EventStore::list(int limit)
{
    return selectRows<PendingEvent>(
        m_db, QStringLiteral("SELECT %1 FROM events ORDER BY id DESC LIMIT ?").arg(Columns),
        { limit }, what("Reading the push events"), fromQuery);
}

} // namespace crsync
