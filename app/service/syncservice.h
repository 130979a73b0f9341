#pragma once

#include "core/result.h"
#include "core/task.h"
#include "engine/previewjob.h"
#include "store/taskstore.h"

#include <QObject>
#include <optional>

namespace crsync {

class Database;
class Engine;

// Syncs and the sync log, for every front end: trigger, retry what failed, cancel (in this
// process or another of the same data dir), and the queries the log pages and commands need.
// The engine is optional: a front end that only reads the log has none.
class SyncService : public QObject
{
    Q_OBJECT
public:
    SyncService(Database &database, Engine *engine, QObject *parent = nullptr);

    Engine *engine() const { return m_engine; }

    Result<qint64> trigger(qint64 ruleId, Trigger trigger = Trigger::Manual);
    // A new task of the task's rule for just the artifacts that failed in it.
    Result<qint64> retryFailed(qint64 taskId);
    // Asks a running task to stop (Kind::Conflict when it has finished already, naming how).
    Result<void> cancel(qint64 taskId);
    // Tasks whose process died become Interrupted; nothing happens on a read-only database.
    Result<int> recoverInterrupted();

    Result<Task> task(qint64 taskId);
    Result<QList<Task>> tasks(const TaskFilter &filter);
    Result<int> count(const TaskFilter &filter);
    Result<QList<TaskItem>> items(qint64 taskId, qint64 afterItemId = 0);
    Result<std::optional<Task>> activeTask(qint64 ruleId);
    Result<QHash<qint64, QList<Task>>> recentByRule(const QList<qint64> &ruleIds, int perRule);

    PreviewJob *preview(const Rule &rule, const PreviewOptions &options, QObject *parent);

private:
    Result<Engine *> requireEngine();

    Database &m_database;
    Engine *m_engine;
};

} // namespace crsync
