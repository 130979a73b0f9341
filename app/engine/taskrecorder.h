#pragma once

#include "core/result.h"
#include "core/task.h"

#include <QList>

namespace crsync {

class Database;

// Writes one task's progress to the sync log in batches, from the thread that coordinates the
// task (through that thread's own database connection).
class TaskRecorder
{
public:
    explicit TaskRecorder(Database &database) : m_database(database) { }

    Result<void> started(qint64 taskId);
    // New items and the current counters, one batch.
    Result<void> record(const Task &counters, const QList<TaskItem> &items);
    Result<void> finished(const Task &counters, const QList<TaskItem> &items, TaskStatus status,
                          const QString &message);

private:
    Database &m_database;
};

} // namespace crsync
