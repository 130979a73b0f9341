#include "engine/taskrecorder.h"

#include "store/taskstore.h"

namespace crsync {

Result<void> TaskRecorder::started(qint64 taskId)
{
    return TaskStore(m_database).setStatus(taskId, TaskStatus::InProgress);
}

Result<void> TaskRecorder::record(const Task &counters, const QList<TaskItem> &items)
{
    TaskStore store(m_database);
    if (!items.isEmpty()) {
        auto added = store.addItems(counters.id, items);
        if (!added)
            return added.error();
    }
    return store.setCounters(counters.id, counters.repositories, counters.artifactsTotal,
                             counters.artifactsCopied, counters.artifactsSkipped,
                             counters.artifactsFailed, counters.bytes);
}

Result<void> TaskRecorder::finished(const Task &counters, const QList<TaskItem> &items,
                                    TaskStatus status, const QString &message)
{
    auto recorded = record(counters, items);
    auto stored = TaskStore(m_database).setStatus(counters.id, status, message);
    if (!recorded)
        return recorded;
    return stored;
}

} // namespace crsync
