#include "engine/taskrecorder.h"

#include "store/taskstore.h"

namespace crsync {

Result<void> TaskRecorder::started(qint64 taskId)
{
    const Result<bool> moved = TaskStore(m_database).setStatus(taskId, TaskStatus::InProgress);
    if (!moved)
        return moved.error();
    return {};
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
    const Result<bool> stored = TaskStore(m_database).setStatus(counters.id, status, message);
    if (!recorded)
        return recorded;
    if (!stored)
        return stored.error();
    return {};
}

} // namespace crsync
