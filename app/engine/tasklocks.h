#pragma once

#include "core/result.h"

#include <QString>
#include <memory>

class QLockFile;

namespace crsync {

class Database;

// The protocol that lets every crsync process of one data dir see which tasks are really
// running and ask their process to stop, through files in <data dir>/tasks:
//   <id>.lock    held (QLockFile) by the process running task <id> for as long as it runs;
//                a lock whose process died is stale, whatever its age
//   <id>.cancel  created by whoever wants task <id> to stop; its process polls for it
class TaskLocks
{
public:
    explicit TaskLocks(const Database &database);

    QString directory() const { return m_dir; }

    // Takes the lock of a task this process is about to run. Kind::Conflict when a live
    // process holds it already; Kind::Storage when the file cannot be made.
    Result<std::unique_ptr<QLockFile>> lock(qint64 taskId) const;
    // Unlocks and removes the task's cancel request; the lock object goes with it.
    void release(qint64 taskId, std::unique_ptr<QLockFile> lock) const;

    // Whether a live process (this one included) holds the task's lock.
    bool isRunning(qint64 taskId) const;

    // Asks the process running the task to cancel it; Kind::NotFound when none runs it.
    Result<void> requestCancel(qint64 taskId) const;
    bool isCancelRequested(qint64 taskId) const;
    void clearCancelRequest(qint64 taskId) const;

    // Tasks left Pending/InProgress whose lock no live process holds become Interrupted (a
    // task that finished meanwhile keeps its status: the store refuses to move it back).
    // Returns how many were marked.
    Result<int> recoverInterrupted(Database &database) const;

private:
    QString file(qint64 taskId, const char *suffix) const;

    QString m_dir;
};

} // namespace crsync
