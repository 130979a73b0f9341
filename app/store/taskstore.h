#pragma once

#include "core/result.h"
#include "core/task.h"

#include <QHash>
#include <QList>
#include <functional>
#include <QDateTime>
#include <optional>

namespace crsync {

class Database;

// Which tasks TaskStore::list/count return. All set criteria must hold.
// How list() orders the tasks; ties go by id, so paging with offsets is stable.
enum class TaskOrder { Id, Created, Duration, SuccessRatio, Repositories, Status, Rule, Trigger, Bytes };

struct TaskFilter
{
    std::optional<qint64> ruleId;
    QString ruleName; // the name kept in the task: finds logs of deleted rules
    QList<TaskStatus> statuses; // any of them; empty = every status
    std::optional<Trigger> trigger;
    std::optional<QDateTime> createdFrom; // inclusive
    std::optional<QDateTime> createdTo;   // exclusive
    // Case-insensitive part of the rule name or the message; a number also finds that task id.
    QString text;
    TaskOrder order = TaskOrder::Id;
    bool descending = true;
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
    // two triggers racing cannot both start. `claim` runs inside that transaction with the new
    // id, before any other connection can see the task; its error rolls the insert back.
    Result<Task> createIfIdle(const Task &task,
                              const std::function<Result<void>(qint64 taskId)> &claim = {});

    // Moves the task to `status`, only along the allowed transitions (statusesBefore(); checked
    // in the UPDATE itself, so two processes cannot race a task backwards). Stamps `started`
    // when moving to InProgress and `finished` when moving to a finished status (when not yet
    // set); `message` replaces the stored one when not null. True when it moved; false when the
    // task was already past that point (e.g. finished); Kind::NotFound when there is no such task.
    Result<bool> setStatus(qint64 taskId, TaskStatus status, const QString &message = QString());
    Result<void> setCounters(qint64 taskId, int repositories, int total, int copied, int skipped,
                             int failed, qint64 bytes);

    Result<Task> get(qint64 taskId);
    // In the filter's order (by default newest first). A page of 200 at any offset of 100,000
    // tasks takes a few ms in every order along the indexes of schema version 3; with a text or
    // rule-name filter the matching tasks are found in the table first (tens of ms).
    Result<QList<Task>> list(const TaskFilter &filter = {});
    Result<int> count(const TaskFilter &filter = {}); // ignores limit/offset

    // The newest `perRule` tasks of each rule (newest first): the rules page's last run and its
    // strip of recent outcomes. One indexed lookup per rule, so a log of any size costs the same.
    Result<QHash<qint64, QList<Task>>> recentByRule(const QList<qint64> &ruleIds, int perRule);

    // The Pending or InProgress task of the rule, if any (the newest when several).
    Result<std::optional<Task>> activeTask(qint64 ruleId);
    // Tasks Pending or InProgress (running, or left so by a process that died), oldest first.
    Result<QList<Task>> unfinished();

    // Items, written once each (when their artifact is done), in one transaction; fills in ids.
    Result<QList<TaskItem>> addItems(qint64 taskId, const QList<TaskItem> &items);
    // In insertion order; with afterItemId, only those written after that one (a running
    // task's detail reads what is new).
    Result<QList<TaskItem>> items(qint64 taskId, qint64 afterItemId = 0);

private:
    Database &m_db;
};

} // namespace crsync
