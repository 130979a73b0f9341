#include "store/taskstore.h"

#include "store/database.h"
#include "store/storeutil.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace crsync {

using namespace storeutil;

namespace {

const QString TaskColumns = QStringLiteral(
    "id, rule_id, rule_name, source, target, trigger, status, created_at, started_at, "
    "finished_at, repositories, artifacts_total, artifacts_copied, artifacts_skipped, "
    "artifacts_failed, bytes, message");

const QString ItemColumns = QStringLiteral(
    "id, task_id, source_repository, target_repository, tag, digest, kind, outcome, bytes, "
    "duration_ms, error");

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
    Result<QSqlDatabase> db = database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    const QString doing = QCoreApplication::translate("crsync::Store", "Reading the sync log");
    if (Result<void> r
        = prepare(q, QStringLiteral("SELECT %1 FROM tasks %2").arg(TaskColumns, tail), doing);
        !r)
        return r.error();
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (Result<void> r = exec(q, doing); !r)
        return r.error();
    QList<Task> tasks;
    while (q.next())
        tasks << taskFromQuery(q);
    return tasks;
}

// WHERE clause (possibly empty) and its values for a filter.
QString whereFor(const TaskFilter &filter, QVariantList *values)
{
    QStringList conditions;
    if (filter.ruleId) {
        conditions << QStringLiteral("rule_id = ?");
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
        conditions << QStringLiteral("status IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (filter.trigger) {
        conditions << QStringLiteral("trigger = ?");
        *values << triggerName(*filter.trigger);
    }
    return conditions.isEmpty()
        ? QString()
        : QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND "));
}

void bindItemFields(QSqlQuery &q, const TaskItem &item)
{
    q.addBindValue(textToDb(item.sourceRepository));
    q.addBindValue(textToDb(item.targetRepository));
    q.addBindValue(textToDb(item.tag));
    q.addBindValue(textToDb(item.digest));
    q.addBindValue(textToDb(item.kind));
    q.addBindValue(outcomeName(item.outcome));
    q.addBindValue(item.bytes);
    q.addBindValue(item.durationMs);
    q.addBindValue(textToDb(item.error));
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
    const QString doing
        = QCoreApplication::translate("crsync::Store", "Recording a task of rule \"%1\"")
              .arg(task.ruleName);
    if (Result<void> r
        = prepare(q,
                  QStringLiteral("INSERT INTO tasks (rule_id, rule_name, source, "
                                 "target, trigger, status, created_at, "
                                 "started_at, finished_at, repositories, "
                                 "artifacts_total, artifacts_copied, "
                                 "artifacts_skipped, artifacts_failed, bytes, "
                                 "message) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
                  doing);
        !r)
        return r.error();
    q.addBindValue(idToDb(stored.ruleId));
    q.addBindValue(textToDb(stored.ruleName));
    q.addBindValue(textToDb(stored.source));
    q.addBindValue(textToDb(stored.target));
    q.addBindValue(triggerName(stored.trigger));
    q.addBindValue(taskStatusName(stored.status));
    q.addBindValue(toDb(stored.created));
    q.addBindValue(toDb(stored.started));
    q.addBindValue(toDb(stored.finished));
    q.addBindValue(stored.repositories);
    q.addBindValue(stored.artifactsTotal);
    q.addBindValue(stored.artifactsCopied);
    q.addBindValue(stored.artifactsSkipped);
    q.addBindValue(stored.artifactsFailed);
    q.addBindValue(stored.bytes);
    q.addBindValue(textToDb(stored.message));
    if (Result<void> r = exec(q, doing); !r)
        return r.error();
    stored.id = q.lastInsertId().toLongLong();
    // What the database holds, to the millisecond, so a later get() compares equal.
    stored.created = dateFromDb(toDb(stored.created));
    stored.started = dateFromDb(toDb(stored.started));
    stored.finished = dateFromDb(toDb(stored.finished));
    return stored;
}

Result<Task> TaskStore::createIfIdle(const Task &task)
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
                    .arg(taskStatusName(running.status)));
        }
        created = create(task);
        if (!created)
            return created.error();
        return {};
    });
    if (!done)
        return done.error();
    return created;
}

Result<void> TaskStore::update(const Task &task)
{
    Result<QSqlDatabase> db = m_db.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    const QString doing
        = QCoreApplication::translate("crsync::Store", "Updating a task in the sync log");
    if (Result<void> r = prepare(q,
                                 QStringLiteral("UPDATE tasks SET status = ?, started_at = ?, "
                                                "finished_at = ?, repositories = ?, "
                                                "artifacts_total = ?, artifacts_copied = ?, "
                                                "artifacts_skipped = ?, artifacts_failed = ?, "
                                                "bytes = ?, message = ?, source = ?, target = ? "
                                                "WHERE id = ?"),
                                 doing);
        !r)
        return r;
    q.addBindValue(taskStatusName(task.status));
    q.addBindValue(toDb(task.started));
    q.addBindValue(toDb(task.finished));
    q.addBindValue(task.repositories);
    q.addBindValue(task.artifactsTotal);
    q.addBindValue(task.artifactsCopied);
    q.addBindValue(task.artifactsSkipped);
    q.addBindValue(task.artifactsFailed);
    q.addBindValue(task.bytes);
    q.addBindValue(textToDb(task.message));
    q.addBindValue(textToDb(task.source));
    q.addBindValue(textToDb(task.target));
    q.addBindValue(task.id);
    if (Result<void> r = exec(q, doing); !r)
        return r;
    if (q.numRowsAffected() == 0)
        return taskNotFound(task.id);
    return {};
}

Result<void> TaskStore::setStatus(qint64 taskId, TaskStatus status, const QString &message)
{
    Result<QSqlDatabase> db = m_db.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    const QString doing
        = QCoreApplication::translate("crsync::Store", "Updating a task in the sync log");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (Result<void> r = prepare(q,
                                 QStringLiteral("UPDATE tasks SET status = ?, "
                                                "started_at = CASE WHEN ? THEN "
                                                "COALESCE(started_at, ?) ELSE started_at END, "
                                                "finished_at = CASE WHEN ? THEN "
                                                "COALESCE(finished_at, ?) ELSE finished_at END, "
                                                "message = COALESCE(?, message) WHERE id = ?"),
                                 doing);
        !r)
        return r;
    q.addBindValue(taskStatusName(status));
    q.addBindValue(status == TaskStatus::InProgress);
    q.addBindValue(now);
    q.addBindValue(isFinished(status));
    q.addBindValue(now);
    q.addBindValue(message.isNull() ? QVariant() : QVariant(message));
    q.addBindValue(taskId);
    if (Result<void> r = exec(q, doing); !r)
        return r;
    if (q.numRowsAffected() == 0)
        return taskNotFound(taskId);
    return {};
}

Result<void> TaskStore::setCounters(qint64 taskId, int repositories, int total, int copied,
                                    int skipped, int failed, qint64 bytes)
{
    Result<QSqlDatabase> db = m_db.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    const QString doing
        = QCoreApplication::translate("crsync::Store", "Updating a task in the sync log");
    if (Result<void> r = prepare(q,
                                 QStringLiteral("UPDATE tasks SET repositories = ?, "
                                                "artifacts_total = ?, artifacts_copied = ?, "
                                                "artifacts_skipped = ?, artifacts_failed = ?, "
                                                "bytes = ? WHERE id = ?"),
                                 doing);
        !r)
        return r;
    for (const QVariant &v :
         { QVariant(repositories), QVariant(total), QVariant(copied), QVariant(skipped),
           QVariant(failed), QVariant(bytes), QVariant(taskId) })
        q.addBindValue(v);
    if (Result<void> r = exec(q, doing); !r)
        return r;
    if (q.numRowsAffected() == 0)
        return taskNotFound(taskId);
    return {};
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
    QVariantList values;
    QString tail = whereFor(filter, &values) + QStringLiteral(" ORDER BY id DESC");
    if (filter.limit > 0) {
        tail += QStringLiteral(" LIMIT ? OFFSET ?");
        values << filter.limit << qMax(0, filter.offset);
    } else if (filter.offset > 0) {
        tail += QStringLiteral(" LIMIT -1 OFFSET ?");
        values << filter.offset;
    }
    return selectTasks(m_db, tail, values);
}

Result<int> TaskStore::count(const TaskFilter &filter)
{
    Result<QSqlDatabase> db = m_db.connection();
    if (!db)
        return db.error();
    QVariantList values;
    const QString where = whereFor(filter, &values);
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    const QString doing
        = QCoreApplication::translate("crsync::Store", "Counting tasks in the sync log");
    if (Result<void> r = prepare(q, QStringLiteral("SELECT count(*) FROM tasks ") + where, doing);
        !r)
        return r.error();
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (Result<void> r = exec(q, doing); !r)
        return r.error();
    return q.next() ? q.value(0).toInt() : 0;
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

Result<int> TaskStore::markInterrupted()
{
    Result<QSqlDatabase> db = m_db.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    const QString doing = QCoreApplication::translate("crsync::Store", "Marking interrupted tasks");
    if (Result<void> r = prepare(q,
                                 QStringLiteral("UPDATE tasks SET status = ?, "
                                                "finished_at = COALESCE(finished_at, ?), "
                                                "message = CASE WHEN message = '' THEN ? ELSE "
                                                "message END WHERE %1")
                                     .arg(activeCondition()),
                                 doing);
        !r)
        return r.error();
    q.addBindValue(taskStatusName(TaskStatus::Interrupted));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(QCoreApplication::translate(
        "crsync::Store",
        "crsync stopped before this task finished; sync the rule again to finish "
        "the job (what already arrived is not moved again)."));
    if (Result<void> r = exec(q, doing); !r)
        return r.error();
    return q.numRowsAffected();
}

Result<TaskItem> TaskStore::addItem(const TaskItem &item)
{
    const Result<QList<TaskItem>> added = addItems(item.taskId, { item });
    if (!added)
        return added.error();
    return added->first();
}

Result<QList<TaskItem>> TaskStore::addItems(qint64 taskId, const QList<TaskItem> &items)
{
    QList<TaskItem> stored = items;
    Result<void> done = m_db.transaction([&](QSqlDatabase &db) -> Result<void> {
        QSqlQuery q(db);
        const QString doing
            = QCoreApplication::translate("crsync::Store", "Recording the artifacts of a task");
        if (Result<void> r = prepare(q,
                                     QStringLiteral("INSERT INTO task_items (task_id, "
                                                    "source_repository, target_repository, tag, "
                                                    "digest, kind, outcome, bytes, duration_ms, "
                                                    "error) VALUES (?,?,?,?,?,?,?,?,?,?)"),
                                     doing);
            !r)
            return r;
        for (TaskItem &item : stored) {
            item.taskId = taskId;
            q.addBindValue(taskId);
            bindItemFields(q, item);
            if (Result<void> r = exec(q, doing); !r)
                return r;
            item.id = q.lastInsertId().toLongLong();
        }
        return {};
    });
    if (!done)
        return done.error();
    return stored;
}

Result<void> TaskStore::updateItem(const TaskItem &item)
{
    return updateItems({ item });
}

Result<void> TaskStore::updateItems(const QList<TaskItem> &items)
{
    return m_db.transaction([&](QSqlDatabase &db) -> Result<void> {
        QSqlQuery q(db);
        const QString doing
            = QCoreApplication::translate("crsync::Store", "Recording the outcome of an artifact");
        if (Result<void> r = prepare(q,
                                     QStringLiteral("UPDATE task_items SET source_repository = ?, "
                                                    "target_repository = ?, tag = ?, digest = ?, "
                                                    "kind = ?, outcome = ?, bytes = ?, "
                                                    "duration_ms = ?, error = ? WHERE id = ?"),
                                     doing);
            !r)
            return r;
        for (const TaskItem &item : items) {
            bindItemFields(q, item);
            q.addBindValue(item.id);
            if (Result<void> r = exec(q, doing); !r)
                return r;
            if (q.numRowsAffected() == 0)
                return Error::make(
                    Error::Kind::NotFound,
                    QCoreApplication::translate("crsync::Store", "There is no task item %1.")
                        .arg(item.id));
        }
        return {};
    });
}

Result<QList<TaskItem>> TaskStore::items(qint64 taskId)
{
    Result<QSqlDatabase> db = m_db.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    const QString doing
        = QCoreApplication::translate("crsync::Store", "Reading the artifacts of a task");
    if (Result<void> r = prepare(q,
                                 QStringLiteral("SELECT %1 FROM task_items WHERE task_id = ? "
                                                "ORDER BY id")
                                     .arg(ItemColumns),
                                 doing);
        !r)
        return r.error();
    q.addBindValue(taskId);
    if (Result<void> r = exec(q, doing); !r)
        return r.error();
    QList<TaskItem> result;
    while (q.next())
        result << itemFromQuery(q);
    return result;
}

Result<QList<TaskItem>> TaskStore::previousItems(qint64 ruleId, qint64 beforeTaskId)
{
    const Result<QList<Task>> previous = beforeTaskId > 0
        ? selectTasks(m_db, QStringLiteral("WHERE rule_id = ? AND id < ? ORDER BY id DESC LIMIT 1"),
                      { ruleId, beforeTaskId })
        : selectTasks(m_db, QStringLiteral("WHERE rule_id = ? ORDER BY id DESC LIMIT 1"),
                      { ruleId });
    if (!previous)
        return previous.error();
    if (previous->isEmpty())
        return QList<TaskItem>();
    return items(previous->first().id);
}

Result<int> TaskStore::removeFinishedBefore(const QDateTime &before)
{
    Result<QSqlDatabase> db = m_db.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    const QString doing
        = QCoreApplication::translate("crsync::Store", "Removing old tasks from the sync log");
    if (Result<void> r = prepare(q,
                                 QStringLiteral("DELETE FROM tasks WHERE created_at < ? AND NOT %1")
                                     .arg(activeCondition()),
                                 doing);
        !r)
        return r.error();
    q.addBindValue(before.toMSecsSinceEpoch());
    if (Result<void> r = exec(q, doing); !r)
        return r.error();
    return q.numRowsAffected();
}

} // namespace crsync
