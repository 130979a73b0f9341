#pragma once

#include "core/result.h"
#include "core/task.h"

#include <QList>
#include <optional>

namespace crsync {

class Database;

// Which tasks TaskStore::list/count return. All set criteria must hold.
struct TaskFilter
{
    std::optional<qint64> ruleId;
    QString ruleName; // the name kept in the task: finds logs of deleted rules
    QList<TaskStatus> statuses; // any of them; empty = every status
    std::optional<Trigger> trigger;
    int limit = 100; // <= 0: no limit
    int offset = 0;
};

// The sync log: tasks (newest first) and their items. Used by the engine from its worker
// threads and by the window/CLI to browse. Task ids are unique and increasing, never reused.
// Times are stored in milliseconds since the epoch and returned as UTC QDateTimes.
class TaskStore
{
public:
    explicit TaskStore(Database &db) : m_db(db) { }

    // Stores a new task and returns it with its id. `created` defaults to now; status is kept
    // as given (normally Pending). ruleName must be set (it outlives the rule).
    Result<Task> create(const Task &task);
    // Like create(), but refused with Kind::Conflict (message names the running task) when the
    // rule already has a Pending or InProgress task; check and insert are one transaction, so
    // two triggers racing cannot both start.
    Result<Task> createIfIdle(const Task &task);

    // Writes status, counters, timestamps and message of the task with task.id.
    Result<void> update(const Task &task);
    // Sets the status; stamps `started` when moving to InProgress and `finished` when moving
    // to a finished status (when not yet set); `message` replaces the stored one when not null.
    Result<void> setStatus(qint64 taskId, TaskStatus status, const QString &message = QString());
    Result<void> setCounters(qint64 taskId, int repositories, int total, int copied, int skipped,
                             int failed, qint64 bytes);

    Result<Task> get(qint64 taskId);
    Result<QList<Task>> list(const TaskFilter &filter = {}); // newest first
    Result<int> count(const TaskFilter &filter = {}); // ignores limit/offset

    // The Pending or InProgress task of the rule, if any (the newest when several).
    Result<std::optional<Task>> activeTask(qint64 ruleId);
    // Tasks left Pending/InProgress (by a process that died), oldest first.
    Result<QList<Task>> unfinished();
    // Marks every Pending/InProgress task Interrupted (finished = now); call once at start,
    // before the engine runs anything. Returns how many were marked.
    Result<int> markInterrupted();

    // Items. add* fill in the ids; the list versions run in one transaction.
    Result<TaskItem> addItem(const TaskItem &item);
    Result<QList<TaskItem>> addItems(qint64 taskId, const QList<TaskItem> &items);
    Result<void> updateItem(const TaskItem &item); // by item.id: outcome, digest, bytes, ...
    Result<void> updateItems(const QList<TaskItem> &items);
    Result<QList<TaskItem>> items(qint64 taskId); // in insertion order

    // Items of the newest task of the rule older than `beforeTaskId` (0 = any), for resuming
    // after an interruption; empty when there is none.
    Result<QList<TaskItem>> previousItems(qint64 ruleId, qint64 beforeTaskId = 0);

    // Removes finished tasks (and their items) created before `before`; returns how many.
    Result<int> removeFinishedBefore(const QDateTime &before);

private:
    Database &m_db;
};

} // namespace crsync
