#include "engine/tasklocks.h"

#include "store/database.h"
#include "store/taskstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace crsync {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(crsync::TaskLocks)
};
} // namespace

TaskLocks::TaskLocks(const Database &database)
    : m_dir(QDir(database.dataDir()).filePath(QStringLiteral("tasks")))
{
}

QString TaskLocks::file(qint64 taskId, const char *suffix) const
{
    return QDir(m_dir).filePath(QStringLiteral("%1.%2").arg(taskId).arg(QLatin1String(suffix)));
}

Result<std::unique_ptr<QLockFile>> TaskLocks::lock(qint64 taskId) const
{
    if (!QDir().mkpath(m_dir))
        return Error::make(Error::Kind::Storage,
                           Text::tr("Cannot create the folder %1 for the locks of running tasks; "
                                    "check the permissions of the data directory.")
                               .arg(m_dir));
    auto lock = std::make_unique<QLockFile>(file(taskId, "lock"));
    lock->setStaleLockTime(0); // only a dead owner makes it stale, never its age
    if (lock->tryLock(0))
        return lock;
    if (lock->error() == QLockFile::LockFailedError)
        return Error::make(Error::Kind::Conflict,
                           Text::tr("Task %1 is already being run by another crsync process.")
                               .arg(taskId));
    return Error::make(Error::Kind::Storage,
                       Text::tr("Cannot lock task %1 in %2; check the permissions of the data "
                                "directory.")
                           .arg(taskId)
                           .arg(m_dir));
}

void TaskLocks::release(qint64 taskId, std::unique_ptr<QLockFile> lock) const
{
    clearCancelRequest(taskId);
    if (lock)
        lock->unlock();
}

bool TaskLocks::isRunning(qint64 taskId) const
{
    QLockFile probe(file(taskId, "lock"));
    probe.setStaleLockTime(0);
    if (probe.tryLock(0)) {
        probe.unlock();
        return false;
    }
    return probe.error() == QLockFile::LockFailedError;
}

Result<void> TaskLocks::requestCancel(qint64 taskId) const
{
    if (!isRunning(taskId))
        return Error::make(
            Error::Kind::NotFound,
            Text::tr("Task %1 is not running, so there is nothing to cancel.").arg(taskId));
    QFile request(file(taskId, "cancel"));
    if (!request.open(QIODevice::WriteOnly))
        return Error::make(Error::Kind::Storage,
                           Text::tr("Could not ask task %1 to cancel: %2 (%3).")
                               .arg(taskId)
                               .arg(request.errorString(), request.fileName()));
    return {};
}

bool TaskLocks::isCancelRequested(qint64 taskId) const
{
    return QFile::exists(file(taskId, "cancel"));
}

void TaskLocks::clearCancelRequest(qint64 taskId) const
{
    QFile::remove(file(taskId, "cancel"));
}

Result<int> TaskLocks::recoverInterrupted(Database &database) const
{
    TaskStore tasks(database);
    const Result<QList<Task>> unfinished = tasks.unfinished();
    if (!unfinished)
        return unfinished.error();
    int marked = 0;
    for (const Task &task : *unfinished) {
        if (isRunning(task.id))
            continue; // its process is alive and still running it
        const Result<bool> moved = tasks.setStatus(
            task.id, TaskStatus::Interrupted,
            Text::tr("The crsync process running this task stopped before it finished. Sync the "
                     "rule again to complete it (what already arrived is not moved again)."));
        if (!moved)
            return moved.error();
        clearCancelRequest(task.id);
        if (*moved)
            ++marked;
    }
    if (marked > 0)
        qCInfo(lcEngine) << "marked" << marked << "unfinished task(s) Interrupted";
    return marked;
}

} // namespace crsync
