#include "engine/tasktally.h"

namespace crsync {

void TaskTally::record(TaskItem::Outcome outcome, qint64 bytes)
{
    switch (outcome) {
    case TaskItem::Outcome::Copied:
        ++m_copied;
        break;
    case TaskItem::Outcome::UpToDate:
    case TaskItem::Outcome::ExistsNotOverwritten:
        ++m_skipped;
        break;
    case TaskItem::Outcome::Failed:
        ++m_failed;
        break;
    case TaskItem::Outcome::Canceled:
    case TaskItem::Outcome::Pending:
        ++m_canceled;
        break;
    }
    m_bytes += bytes;
}

TaskStatus TaskTally::finalStatus(bool canceled, bool fatalError) const
{
    if (canceled)
        return TaskStatus::Canceled;
    if (fatalError)
        return m_copied + m_skipped > 0 ? TaskStatus::PartiallySucceeded : TaskStatus::Failed;
    if (m_failed == 0)
        return TaskStatus::Succeeded;
    if (m_copied + m_skipped == 0)
        return TaskStatus::Failed;
    return TaskStatus::PartiallySucceeded;
}

void TaskTally::applyTo(Task *task) const
{
    task->artifactsTotal = m_total;
    task->artifactsCopied = m_copied;
    task->artifactsSkipped = m_skipped;
    task->artifactsFailed = m_failed;
    task->bytes = m_bytes;
}

} // namespace crsync
