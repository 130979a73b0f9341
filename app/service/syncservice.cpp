#include "service/syncservice.h"

#include "engine/engine.h"
#include "engine/tasklocks.h"
#include "store/database.h"

namespace crsync {

SyncService::SyncService(Database &database, Engine *engine, QObject *parent)
    : QObject(parent), m_database(database), m_engine(engine)
{
}

Result<Engine *> SyncService::requireEngine()
{
    if (!m_engine)
        return Error::make(Error::Kind::Internal, tr("This front end cannot run syncs."));
    return m_engine;
}

Result<qint64> SyncService::trigger(qint64 ruleId, Trigger trigger)
{
    const Result<Engine *> engine = requireEngine();
    if (!engine)
        return engine.error();
    return (*engine)->trigger(ruleId, trigger);
}

Result<qint64> SyncService::retryFailed(qint64 taskId)
{
    const Result<Engine *> engine = requireEngine();
    if (!engine)
        return engine.error();
    const Result<Task> original = task(taskId);
    if (!original)
        return original.error();
    if (original->ruleId == 0)
        return Error::make(Error::Kind::NotFound,
                           tr("The rule of task %1 (%2) was deleted; there is nothing to retry "
                              "it with.")
                               .arg(taskId)
                               .arg(original->ruleName));
    const Result<QList<TaskItem>> all = items(taskId);
    if (!all)
        return all.error();
    QList<ArtifactRef> failed;
    for (const TaskItem &item : *all)
        if (item.outcome == TaskItem::Outcome::Failed && !item.tag.isEmpty())
            failed.append({ item.sourceRepository, item.tag });
    if (failed.isEmpty())
        return Error::make(Error::Kind::NotFound,
                           tr("Task %1 has no failed artifact to retry.").arg(taskId));
    return (*engine)->triggerArtifacts(original->ruleId, Trigger::Manual, failed);
}

Result<void> SyncService::cancel(qint64 taskId)
{
    const Result<Task> current = task(taskId);
    if (!current)
        return current.error();
    if (isFinished(current->status))
        return Error::make(Error::Kind::Conflict, tr("Task %1 is not running: it ended %2.")
                                                      .arg(taskId)
                                                      .arg(taskStatusText(current->status)));
    if (m_engine)
        return m_engine->cancel(taskId);
    return TaskLocks(m_database).requestCancel(taskId);
}

Result<int> SyncService::recoverInterrupted()
{
    if (m_database.isReadOnly())
        return 0;
    return TaskLocks(m_database).recoverInterrupted(m_database);
}

Result<Task> SyncService::task(qint64 taskId)
{
    return TaskStore(m_database).get(taskId);
}

Result<QList<Task>> SyncService::tasks(const TaskFilter &filter)
{
    return TaskStore(m_database).list(filter);
}

Result<int> SyncService::count(const TaskFilter &filter)
{
    return TaskStore(m_database).count(filter);
}

Result<QList<TaskItem>> SyncService::items(qint64 taskId, qint64 afterItemId)
{
    return TaskStore(m_database).items(taskId, afterItemId);
}

Result<std::optional<Task>> SyncService::activeTask(qint64 ruleId)
{
    return TaskStore(m_database).activeTask(ruleId);
}

Result<QHash<qint64, QList<Task>>> SyncService::recentByRule(const QList<qint64> &ruleIds,
                                                             int perRule)
{
    return TaskStore(m_database).recentByRule(ruleIds, perRule);
}

PreviewJob *SyncService::preview(const Rule &rule, const PreviewOptions &options, QObject *parent)
{
    if (!m_engine)
        return nullptr;
    return m_engine->preview(rule, options, parent);
}

} // namespace crsync
