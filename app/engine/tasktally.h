#pragma once

#include "core/task.h"

namespace crsync {

// How the outcomes of a task's artifacts add up to its counters and its final status.
class TaskTally
{
public:
    void discovered(int artifacts = 1) { m_total += artifacts; }
    void excluded() { --m_total; } // a discovered artifact the rule's resource type leaves out
    void record(TaskItem::Outcome outcome, qint64 bytes);

    int total() const { return m_total; }
    // Artifacts that were synced or failed; canceled ones were not done.
    int done() const { return m_copied + m_skipped + m_failed; }
    int copied() const { return m_copied; }
    int skipped() const { return m_skipped; }
    int failed() const { return m_failed; }
    int canceled() const { return m_canceled; }
    qint64 bytes() const { return m_bytes; }

    // Canceled wins; then a task-wide failure (e.g. the source could not be listed); then the
    // items decide: none failed = Succeeded, none succeeded = Failed, else PartiallySucceeded.
    TaskStatus finalStatus(bool canceled, bool fatalError) const;
    // Copies the artifact counters into a Task row.
    void applyTo(Task *task) const;

private:
    int m_total = 0;
    int m_copied = 0;
    int m_skipped = 0;
    int m_failed = 0;
    int m_canceled = 0;
    qint64 m_bytes = 0;
};

} // namespace crsync
