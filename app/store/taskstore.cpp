#include "store/taskstore.h"

#include "store/database.h"
#include "store/storeutil.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QStringList>

namespace crsync {

using namespace storeutil;

namespace {

const QString TaskColumns = QStringLiteral(
    "id, rule_id, rule_name, source, target, trigger, status, created_at, started_at, "
    "finished_at, repositories, artifacts_total, artifacts_copied, artifacts_skipped, "
    "artifacts_failed, bytes, message");

const QString ItemColumns = QStringLiteral(
    "id, task_id, source_repository, target_repository, tag, digest, kind, outcome, bytes, "
    "duration_ms, error, referrers");

Task taskFromQuery(const QSqlQuery &q)
{
    Task t;
    t.id = q.value(0).toLongLong();
    t.ruleId = q.value(1).isNull() ? 0 : q.value(1).toLongLong();
    t.ruleName = q.value(2).toString();
    t.source = q.value(3).toString();
    t.target = q.value(4).toString();
    triggerFromName(q.value(5).toString(), &t.trigger);
    taskStatusFromName(q.value(6).toString(), &t.status);
    t.created = dateFromDb(q.value(7));
    t.started = dateFromDb(q.value(8));
    t.finished = dateFromDb(q.value(9));
    t.repositories = q.value(10).toInt();
    t.artifactsTotal = q.value(11).toInt();
    t.artifactsCopied = q.value(12).toInt();
    t.artifactsSkipped = q.value(13).toInt();
    t.artifactsFailed = q.value(14).toInt();
    t.bytes = q.value(15).toLongLong();
    t.message = q.value(16).toString();
    return t;
}

TaskItem itemFromQuery(const QSqlQuery &q)
{
    TaskItem i;
    i.id = q.value(0).toLongLong();
    i.taskId = q.value(1).toLongLong();
    i.sourceRepository = q.value(2).toString();
    i.targetRepository = q.value(3).toString();
    i.tag = q.value(4).toString();
    i.digest = q.value(5).toString();
    i.kind = q.value(6).toString();
    outcomeFromName(q.value(7).toString(), &i.outcome);
    i.bytes = q.value(8).toLongLong();
    i.durationMs = q.value(9).toLongLong();
    i.error = q.value(10).toString();
    i.referrers = q.value(11).toInt();
    return i;
}

Error taskNotFound(qint64 id)
{
    return Error::make(
        Error::Kind::NotFound,
        QCoreApplication::translate("crsync::Store", "There is no task %1.").arg(id));
}

// The SQL condition for "Pending or InProgress", written once.
QString activeCondition()
{
    return QStringLiteral("status IN ('%1', '%2')")
        .arg(taskStatusName(TaskStatus::Pending), taskStatusName(TaskStatus::InProgress));
}

// Runs a SELECT over tasks with positional values.
Result<QList<Task>> selectTasks(Database &database, const QString &tail, const QVariantList &values)
{
    return selectRows<Task>(
        database, QStringLiteral("SELECT %1 FROM tasks %2").arg(TaskColumns, tail), values,
        QCoreApplication::translate("crsync::Store", "Reading the sync log"), taskFromQuery);
}

// Whether a page of the filter can be read along the order's index alone: the index holds
// every column the filter tests except the rule name and the text.
bool walksOrderIndex(const TaskFilter &filter)
{
    return filter.ruleName.isEmpty() && filter.text.trimmed().isEmpty();
}

// WHERE clause (possibly empty) and its values for a filter. `walk`: the columns get a unary +,
// so that SQLite tests them along the order's index instead of using an index of their own.
QString whereFor(const TaskFilter &filter, QVariantList *values, bool walk = false)
{
    const QString plus = walk ? QStringLiteral("+") : QString();
    QStringList conditions;
    if (filter.ruleId) {
        conditions << plus + QStringLiteral("rule_id = ?");
        *values << *filter.ruleId;
    }
    if (!filter.ruleName.isEmpty()) {
        conditions << QStringLiteral("rule_name = ?");
        *values << filter.ruleName;
    }
    if (!filter.statuses.isEmpty()) {
        QStringList marks;
        for (TaskStatus s : filter.statuses) {
            marks << QStringLiteral("?");
            *values << taskStatusName(s);
        }
        conditions << plus + QStringLiteral("status IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (filter.trigger) {
        conditions << plus + QStringLiteral("trigger = ?");
        *values << triggerName(*filter.trigger);
    }
    if (filter.createdFrom) {
        conditions << plus + QStringLiteral("created_at >= ?");
        *values << filter.createdFrom->toMSecsSinceEpoch();
    }
    if (filter.createdTo) {
        conditions << plus + QStringLiteral("created_at < ?");
        *values << filter.createdTo->toMSecsSinceEpoch();
    }
    if (const QString text = filter.text.trimmed(); !text.isEmpty()) {
        QString pattern = text;
        pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        bool number = false;
        const qint64 id = text.toLongLong(&number);
        conditions << (number ? QStringLiteral("(id = ? OR rule_name LIKE ? ESCAPE '\\' OR message LIKE ? ESCAPE '\\')")
                              : QStringLiteral("(rule_name LIKE ? ESCAPE '\\' OR message LIKE ? ESCAPE '\\')"));
        if (number)
            *values << id;
        *values << pattern << pattern;
    }
    return conditions.isEmpty()
        ? QString()
        : QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND "));
}

// The sort key of an order: the value Task shows (durationMs(), successRatio(), ...), written
// exactly as the indexes of schema version 3 (migrations.cpp) so that SQLite reads a page in
// index order instead of sorting. Status and trigger go by their enum order: the lifecycle,
// not the spelling of a name, which the window shows translated anyway.
QString orderKey(TaskOrder order)
{
    switch (order) {
    case TaskOrder::Id:
        return QStringLiteral("id");
    case TaskOrder::Created:
        return QStringLiteral("created_at");
    case TaskOrder::Duration: // of a finished task; NULL while it runs (see list())
        return QStringLiteral(
            "CASE WHEN started_at IS NULL THEN 0 ELSE finished_at - started_at END");
    case TaskOrder::SuccessRatio:
        return QStringLiteral(
            "CASE WHEN artifacts_total > 0 THEN "
            "CAST(artifacts_copied + artifacts_skipped AS REAL) / artifacts_total "
            "WHEN status = 'Succeeded' THEN 1.0 ELSE 0.0 END");
    case TaskOrder::Repositories:
        return QStringLiteral("repositories");
    case TaskOrder::Status:
        return QStringLiteral("CASE status WHEN 'Pending' THEN 0 WHEN 'InProgress' THEN 1 "
                              "WHEN 'Succeeded' THEN 2 WHEN 'PartiallySucceeded' THEN 3 "
                              "WHEN 'Failed' THEN 4 WHEN 'Canceled' THEN 5 "
                              "WHEN 'Interrupted' THEN 6 ELSE 7 END");
    case TaskOrder::Rule:
        return QStringLiteral("rule_name COLLATE NOCASE");
    case TaskOrder::Trigger:
        return QStringLiteral("CASE trigger WHEN 'manual' THEN 0 WHEN 'event' THEN 1 "
                              "WHEN 'poll' THEN 2 WHEN 'schedule' THEN 3 ELSE 4 END");
    case TaskOrder::Bytes:
        return QStringLiteral("bytes");
    }
    return QStringLiteral("id");
}

// LIMIT/OFFSET of a filter (possibly empty) and its values.
QString pageFor(const TaskFilter &filter, QVariantList *values)
{
    if (filter.limit > 0) {
        *values << filter.limit << qMax(0, filter.offset);
        return QStringLiteral(" LIMIT ? OFFSET ?");
    }
    if (filter.offset > 0) {
        *values << filter.offset;
        return QStringLiteral(" LIMIT -1 OFFSET ?");
    }
    return {};
}

// The item columns addItems writes after task_id, in itemValues order.
const QString ItemFields = QStringLiteral(
    "source_repository, target_repository, tag, digest, kind, outcome, bytes, duration_ms, error, "
    "referrers");

QVariantList itemValues(const TaskItem &item)
{
    return { textToDb(item.sourceRepository),
             textToDb(item.targetRepository),
             textToDb(item.tag),
             textToDb(item.digest),
             textToDb(item.kind),
             outcomeName(item.outcome),
             item.bytes,
             item.durationMs,
             textToDb(item.error),
             item.referrers };
}

// What changes while a task runs (started_at .. message), in column order; create and update
// write these the same way.
QVariantList progressValues(const Task &task)
{
    return { toDb(task.started),   toDb(task.finished),  task.repositories,
             task.artifactsTotal,  task.artifactsCopied, task.artifactsSkipped,
             task.artifactsFailed, task.bytes,           textToDb(task.message) };
}

Result<void> rowChanged(Result<int> changed, qint64 taskId)
{
    if (!changed)
        return changed.error();
    if (*changed == 0)
        return taskNotFound(taskId);
    return {};
}

} // namespace

Result<Task> TaskStore::create(const Task &task)
{
    Result<QSqlDatabase> db = m_db.connection();
    if (!db)
        return db.error();
    Task stored = task;
    if (!stored.created.isValid())
        stored.created = QDateTime::currentDateTimeUtc();
    QSqlQuery q(*db);
    const QVariantList values = QVariantList {
        idToDb(stored.ruleId),   textToDb(stored.ruleName),   textToDb(stored.source),
        textToDb(stored.target), triggerName(stored.trigger), taskStatusName(stored.status),
        toDb(stored.created)
    } + progressValues(stored);
    if (Result<void> r
        = run(q,
              QStringLiteral("INSERT INTO tasks (rule_id, rule_name, source, "
                             "target, trigger, status, created_at, "
                             "started_at, finished_at, repositories, "
                             "artifacts_total, artifacts_copied, "
                             "artifacts_skipped, artifacts_failed, bytes, "
                             "message) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
              values,
              QCoreApplication::translate("crsync::Store", "Recording a task of rule \"%1\"")
                  .arg(task.ruleName));
        !r)
        return r.error();
    stored.id = q.lastInsertId().toLongLong();
    // What the database holds, to the millisecond, so a later get() compares equal.
    stored.created = dateFromDb(toDb(stored.created));
    stored.started = dateFromDb(toDb(stored.started));
    stored.finished = dateFromDb(toDb(stored.finished));
    return stored;
}

Result<Task> TaskStore::createIfIdle(const Task &task,
                                     const std::function<Result<void>(qint64)> &claim)
{
    Result<Task> created = Error();
    Result<void> done = m_db.transaction([&](QSqlDatabase &) -> Result<void> {
        const Result<std::optional<Task>> active = activeTask(task.ruleId);
        if (!active)
            return active.error();
        if (active->has_value()) {
            const Task &running = **active;
            return Error::make(
                Error::Kind::Conflict,
                QCoreApplication::translate("crsync::Store",
                                            "Rule \"%1\" is already syncing (task %2, "
                                            "%3); nothing new was started.")
                    .arg(task.ruleName)
                    .arg(running.id)
                    .arg(taskStatusText(running.status)));
        }
        created = create(task);
        if (!created)
            return created.error();
        // Still inside the transaction: no other connection sees the row until it commits, so
        // whatever the claim stands for (the task's lock) exists before anyone can see the task.
        if (claim)
            return claim(created->id);
        return {};
    });
    if (!done)
        return done.error();
    return created;
}

Result<bool> TaskStore::setStatus(qint64 taskId, TaskStatus status, const QString &message)
{
    const QList<TaskStatus> from = statusesBefore(status);
    if (from.isEmpty())
        return false;
    QStringList marks;
    QVariantList fromNames;
    for (TaskStatus s : from) {
        marks << QStringLiteral("?");
        fromNames << taskStatusName(s);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // The guard is part of the UPDATE: a status another process wrote a moment ago is never
    // overwritten by one that would send the task backwards.
    const Result<int> changed = write(
        m_db,
        QStringLiteral("UPDATE tasks SET status = ?, "
                       "started_at = CASE WHEN ? THEN COALESCE(started_at, ?) ELSE started_at END, "
                       "finished_at = CASE WHEN ? THEN COALESCE(finished_at, ?) "
                       "ELSE finished_at END, "
                       "message = COALESCE(?, message) WHERE id = ? AND status IN (%1)")
            .arg(marks.join(QLatin1Char(','))),
        QVariantList { taskStatusName(status), status == TaskStatus::InProgress, now,
                       isFinished(status), now, message.isNull() ? QVariant() : QVariant(message),
                       taskId }
            + fromNames,
        QCoreApplication::translate("crsync::Store", "Updating a task in the sync log"));
    if (!changed)
        return changed.error();
    if (*changed > 0)
        return true;
    // Nothing changed: either the task is gone, or it had moved on already.
    const Result<Task> current = get(taskId);
    if (!current)
        return current.error();
    return false;
}

Result<void> TaskStore::setCounters(qint64 taskId, int repositories, int total, int copied,
                                    int skipped, int failed, qint64 bytes)
{
    const Result<int> changed
        = write(m_db,
                QStringLiteral("UPDATE tasks SET repositories = ?, artifacts_total = ?, "
                               "artifacts_copied = ?, artifacts_skipped = ?, artifacts_failed = ?, "
                               "bytes = ? WHERE id = ?"),
                { repositories, total, copied, skipped, failed, bytes, taskId },
                QCoreApplication::translate("crsync::Store", "Updating a task in the sync log"));
    return rowChanged(changed, taskId);
}

Result<Task> TaskStore::get(qint64 taskId)
{
    const Result<QList<Task>> tasks = selectTasks(m_db, QStringLiteral("WHERE id = ?"), { taskId });
    if (!tasks)
        return tasks.error();
    if (tasks->isEmpty())
        return taskNotFound(taskId);
    return tasks->first();
}

Result<QList<Task>> TaskStore::list(const TaskFilter &filter)
{
    const QLatin1String direction(filter.descending ? "DESC" : "ASC");
    // Normally the page is read along the order's index (schema version 3), testing the filter
    // on the way: a few milliseconds at any offset of 100,000 tasks, however many match. A
    // filter on the rule name or the text needs the table, so the matching tasks are found
    // first (by the rule name's index, or one pass over the table) and only their keys sorted;
    // the unary + keeps the order's index out of it.
    const bool walk = walksOrderIndex(filter);
    const QString key = orderKey(filter.order);
    const QString sortKey = walk ? key : QStringLiteral("+") + key;
    QVariantList values;
    // Either way only ids and keys are chosen from; the page's rows are read whole afterwards.
    QString page;
    if (filter.order == TaskOrder::Duration) {
        // Finished tasks come in index order; the running ones (a handful: the NULLs of the
        // same index) get now - started, and SQLite merges the two ordered halves.
        auto also = [](const QString &where, const QString &condition) {
            return where.isEmpty() ? QStringLiteral("WHERE ") + condition
                                   : where + QStringLiteral(" AND ") + condition;
        };
        const QString finished
            = also(whereFor(filter, &values, walk), QStringLiteral("(%1) IS NOT NULL").arg(key));
        values << QDateTime::currentMSecsSinceEpoch();
        const QString running
            = also(whereFor(filter, &values, true), QStringLiteral("(%1) IS NULL").arg(key));
        page = QStringLiteral("SELECT id AS page_id, %1 AS page_key FROM tasks %2 UNION ALL "
                              "SELECT id, ? - started_at FROM tasks INDEXED BY "
                              "tasks_order_duration %3 ORDER BY 2 %4, 1 %4")
                   .arg(sortKey, finished, running, direction);
    } else {
        page = QStringLiteral("SELECT id AS page_id, %1 AS page_key FROM tasks %2 "
                              "ORDER BY page_key %3, id %3")
                   .arg(sortKey, whereFor(filter, &values, walk), direction);
    }
    page += pageFor(filter, &values);
    return selectTasks(m_db,
                       QStringLiteral("JOIN (%1) ON id = page_id ORDER BY page_key %2, page_id %2")
                           .arg(page, direction),
                       values);
}

Result<int> TaskStore::count(const TaskFilter &filter)
{
    // One condition: its own index counts it. Several (rule and status, say): a walk along the
    // narrowest index that holds them all beats checking one index's hits in the table.
    const int indexed = int(filter.ruleId.has_value()) + int(!filter.statuses.isEmpty())
        + int(filter.trigger.has_value())
        + int(filter.createdFrom.has_value() || filter.createdTo.has_value());
    QVariantList values;
    const QString where = whereFor(filter, &values, walksOrderIndex(filter) && indexed > 1);
    const Result<QList<int>> counts = selectRows<int>(
        m_db, QStringLiteral("SELECT count(*) FROM tasks ") + where, values,
        QCoreApplication::translate("crsync::Store", "Counting tasks in the sync log"),
        [](const QSqlQuery &q) { return q.value(0).toInt(); });
    if (!counts)
        return counts.error();
    return counts->value(0);
}

Result<QHash<qint64, QList<Task>>> TaskStore::recentByRule(const QList<qint64> &ruleIds,
                                                           int perRule)
{
    Result<QSqlDatabase> db = m_db.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    const QString doing = QCoreApplication::translate("crsync::Store", "Reading the sync log");
    if (Result<void> r = prepare(q,
                                 QStringLiteral("SELECT %1 FROM tasks WHERE rule_id = ? "
                                                "ORDER BY id DESC LIMIT ?")
                                     .arg(TaskColumns),
                                 doing);
        !r)
        return r.error();
    QHash<qint64, QList<Task>> byRule;
    for (qint64 ruleId : ruleIds) {
        if (Result<void> r = exec(q, { ruleId, perRule }, doing); !r)
            return r.error();
        QList<Task> &tasks = byRule[ruleId];
        while (q.next())
            tasks.append(taskFromQuery(q));
    }
    return byRule;
}

Result<std::optional<Task>> TaskStore::activeTask(qint64 ruleId)
{
    const Result<QList<Task>> tasks = selectTasks(
        m_db,
        QStringLiteral("WHERE rule_id = ? AND %1 ORDER BY id DESC LIMIT 1").arg(activeCondition()),
        { ruleId });
    if (!tasks)
        return tasks.error();
    if (tasks->isEmpty())
        return std::optional<Task>();
    return std::optional<Task>(tasks->first());
}

Result<QList<Task>> TaskStore::unfinished()
{
    return selectTasks(m_db, QStringLiteral("WHERE %1 ORDER BY id").arg(activeCondition()), {});
}

Result<QList<TaskItem>> TaskStore::addItems(qint64 taskId, const QList<TaskItem> &items)
{
    QList<TaskItem> stored = items;
    Result<void> done = m_db.transaction([&](QSqlDatabase &db) -> Result<void> {
        QSqlQuery q(db);
        const QString sql
            = QStringLiteral("INSERT INTO task_items (task_id, %1) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                  .arg(ItemFields);
        const QString doing
            = QCoreApplication::translate("crsync::Store", "Recording the artifacts of a task");
        if (Result<void> r = prepare(q, sql, doing); !r)
            return r;
        for (TaskItem &item : stored) {
            item.taskId = taskId;
            if (Result<void> r = exec(q, QVariantList { taskId } + itemValues(item), doing); !r)
                return r;
            item.id = q.lastInsertId().toLongLong();
        }
        return {};
    });
    if (!done)
        return done.error();
    return stored;
}

Result<QList<TaskItem>> TaskStore::items(qint64 taskId, qint64 afterItemId)
{
    return selectRows<TaskItem>(
        m_db,
        QStringLiteral("SELECT %1 FROM task_items WHERE task_id = ? AND id > ? ORDER BY id").arg(ItemColumns),
        { taskId, afterItemId }, QCoreApplication::translate("crsync::Store", "Reading the artifacts of a task"),
        itemFromQuery);
}

} // namespace crsync
