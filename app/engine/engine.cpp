#include "engine/engine.h"

#include "engine/concurrencylimiter.h"
#include "engine/runcontext.h"
#include "engine/taskrun.h"
#include "engine/worker.h"
#include "store/database.h"
#include "store/rulestore.h"
#include "store/taskstore.h"

#include <QLockFile>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <tuple>

Q_LOGGING_CATEGORY(lcEngine, "crsync.engine")

namespace crsync {

struct Engine::Run
{
    quint64 runId = 0;
    qint64 taskId = 0; // 0 for a preview
    Rule rule;
    std::shared_ptr<RunContext> context;
    TaskRun *taskRun = nullptr;
    std::unique_ptr<QLockFile> lock;
    QPointer<PreviewJob> preview;
    PreviewOptions previewOptions;
    bool cancelRequested = false;
    QList<ArtifactRef> scope; // empty = the whole source namespace
};

Engine::Engine(Database &database, CredentialProvider *credentials, EngineSettings settings,
               QObject *parent)
    : QObject(parent), m_database(database), m_settings(std::move(settings)), m_locks(database),
      m_resolver(database, credentials),
      m_limiter(std::make_unique<ConcurrencyLimiter>(m_settings.maxArtifactsInFlight,
                                                     m_settings.maxArtifactsPerRegistry))
{
    qRegisterMetaType<crsync::ArtifactResult>();
    qRegisterMetaType<crsync::TaskStatus>();
    if (!m_database.isReadOnly()) {
        if (auto marked = m_locks.recoverInterrupted(m_database); !marked)
            qCWarning(lcEngine) << marked.error().message;
    }
    const int threads = std::max(1, m_settings.workerThreads);
    for (int i = 0; i < threads; ++i) {
        auto *thread = new QThread(this);
        thread->setObjectName(QStringLiteral("crsync-engine-%1").arg(i));
        auto *worker = new Worker;
        worker->moveToThread(thread);
        thread->start();
        m_threads.append(thread);
        m_workers.append(worker);
    }
}

Engine::~Engine()
{
    for (auto &[id, run] : m_runs) {
        if (run->context)
            run->context->canceled = true;
        // Going away mid-task is an interruption: the next sync completes the job. A task that
        // finished meanwhile keeps its status (the store refuses to move it back).
        if (run->taskId)
            TaskStore(m_database)
                .setStatus(run->taskId, TaskStatus::Interrupted,
                           tr("crsync stopped while the task ran. Sync the rule "
                              "again to complete it."));
    }
    // No run sends anything to a worker any more (a cancel already queued on a run's thread
    // would otherwise reach a worker deleted below)...
    for (auto &[id, run] : m_runs)
        if (TaskRun *taskRun = run->taskRun)
            QMetaObject::invokeMethod(
                taskRun, [taskRun] { taskRun->forgetWorkers(); }, Qt::BlockingQueuedConnection);
    // ...then workers go first, so no registry job can call back into a run that is gone.
    for (Worker *worker : std::as_const(m_workers))
        QMetaObject::invokeMethod(
            worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    for (auto &[id, run] : m_runs)
        if (TaskRun *taskRun = run->taskRun)
            QMetaObject::invokeMethod(
                taskRun, [taskRun] { delete taskRun; }, Qt::BlockingQueuedConnection);
    for (QThread *thread : std::as_const(m_threads)) {
        thread->quit();
        thread->wait();
    }
    for (auto &[id, run] : m_runs)
        if (run->lock)
            m_locks.release(run->taskId, std::move(run->lock));
}

Result<qint64> Engine::trigger(const QString &ruleName, Trigger trigger)
{
    auto rule = RuleStore(m_database).findByName(ruleName);
    if (!rule)
        return rule.error();
    return start(*rule, trigger);
}

Result<qint64> Engine::trigger(qint64 ruleId, Trigger trigger)
{
    auto rule = RuleStore(m_database).get(ruleId);
    if (!rule)
        return rule.error();
    return start(*rule, trigger);
}

Result<qint64> Engine::triggerArtifacts(qint64 ruleId, Trigger trigger,
                                        QList<ArtifactRef> artifacts)
{
    auto rule = RuleStore(m_database).get(ruleId);
    if (!rule)
        return rule.error();
    if (artifacts.isEmpty()) {
        return Error::invalid(QStringLiteral("artifacts"),
                              tr("No artifact was named for rule %1.").arg(rule->name));
    }
    return start(*rule, trigger, std::move(artifacts));
}

Result<qint64> Engine::start(const Rule &rule, Trigger trigger, QList<ArtifactRef> scope)
{
    if (m_shuttingDown) {
        return Error::make(Error::Kind::Conflict,
                           tr("crsync is shutting down; rule %1 was not synced.").arg(rule.name));
    }
    if (!rule.enabled) {
        return Error::make(Error::Kind::Conflict,
                           tr("Rule %1 is disabled; enable it before syncing it.").arg(rule.name));
    }
    if (!RuleMatcher(rule).isValid()) {
        return Error::invalid(QStringLiteral("filter"),
                              tr("Rule %1 has a filter that is not a valid regular expression; "
                                 "edit the rule.")
                                  .arg(rule.name));
    }
    const Result<RuleEndpoints> ends = m_resolver.endpoints(rule);
    if (!ends)
        return ends.error();

    Task task;
    task.ruleId = rule.id;
    task.ruleName = rule.name;
    task.source = ends->sourceName + QLatin1Char('/') + rule.sourceNamespace;
    task.target = ends->targetName + QLatin1Char('/') + rule.effectiveTargetNamespace();
    task.trigger = trigger;
    task.status = TaskStatus::Pending;
    // The lock is taken inside the transaction that creates the task, so no other process can
    // see the task before its lock says that it runs.
    std::unique_ptr<QLockFile> lock;
    auto claim = [this, &lock](qint64 taskId) -> Result<void> {
        auto taken = m_locks.lock(taskId);
        if (!taken)
            return taken.error();
        lock = std::move(taken).value();
        return {};
    };
    auto created = TaskStore(m_database).createIfIdle(task, claim);
    if (!created && created.error().kind == Error::Kind::Conflict && !lock) {
        // The running task may belong to a crsync that died since this engine started.
        if (auto marked = m_locks.recoverInterrupted(m_database); marked && *marked > 0)
            created = TaskStore(m_database).createIfIdle(task, claim);
    }
    if (!created) {
        if (lock) // the insert was rolled back after the lock was taken
            lock->unlock();
        return created.error();
    }

    auto run = std::make_unique<Run>();
    run->runId = m_nextRunId++;
    run->taskId = created->id;
    run->rule = rule;
    run->scope = std::move(scope);
    run->lock = std::move(lock);
    const quint64 runId = run->runId;
    const qint64 taskId = run->taskId;
    m_runs.emplace(runId, std::move(run));
    qCInfo(lcEngine) << "task" << taskId << "of rule" << rule.name << "created";
    m_resolver.resolve(rule, {}, this, [this, runId](Result<RuleEndpoints> endpoints) {
        resolved(runId, std::move(endpoints));
    });
    return taskId;
}

PreviewJob *Engine::preview(const Rule &rule, const PreviewOptions &options, QObject *parent)
{
    auto run = std::make_unique<Run>();
    run->runId = m_nextRunId++;
    run->rule = rule;
    run->previewOptions = options;
    auto *job = new PreviewJob(this, run->runId, rule, parent);
    run->preview = job;
    const quint64 runId = run->runId;
    m_runs.emplace(runId, std::move(run));
    if (!RuleMatcher(rule).isValid()) {
        const Error error = Error::invalid(
            QStringLiteral("filter"),
            tr("A filter of the rule is not a valid regular expression; nothing was previewed."));
        QTimer::singleShot(0, this, [this, runId, error] {
            failBeforeStart(runId, TaskStatus::Failed, error);
        });
        return job;
    }
    m_resolver.resolve(rule, options.passwords, this,
                       [this, runId](Result<RuleEndpoints> endpoints) {
                           resolved(runId, std::move(endpoints));
                       });
    return job;
}

void Engine::resolved(quint64 runId, Result<RuleEndpoints> endpoints)
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end())
        return;
    if (it->second->cancelRequested) {
        failBeforeStart(runId, TaskStatus::Canceled,
                        Error::make(Error::Kind::Canceled, tr("The task was canceled.")));
        return;
    }
    if (!endpoints) {
        failBeforeStart(runId, TaskStatus::Failed, endpoints.error());
        return;
    }
    launch(runId, *endpoints);
}

void Engine::launch(quint64 runId, const RuleEndpoints &endpoints)
{
    Run &run = *m_runs.at(runId);
    const bool dryRun = run.taskId == 0;
    run.context = std::make_shared<RunContext>(runId, run.taskId, run.rule, endpoints.source,
                                               endpoints.target, m_settings, dryRun);
    for (const ArtifactRef &ref : std::as_const(run.scope))
        run.context->scope.append({ ref.repository, ref.tag });
    if (dryRun) {
        run.context->listing = run.previewOptions.listing;
        run.context->lastSeen = run.previewOptions.lastSeen;
    } else {
        run.context->locks = m_locks;
    }
    Worker *home = m_workers.at(int(runId % quint64(m_workers.size())));
    run.taskRun = new TaskRun(run.context, home, m_workers, m_limiter.get(),
                              dryRun ? nullptr : &m_database);
    run.taskRun->moveToThread(home->thread());
    connect(run.taskRun, &TaskRun::progress, this, &Engine::taskProgress);
    connect(run.taskRun, &TaskRun::finished, this, &Engine::runFinished);
    if (dryRun)
        connectPreview(run);
    QMetaObject::invokeMethod(run.taskRun, &TaskRun::start, Qt::QueuedConnection);
    if (!dryRun)
        emit taskStarted(run.taskId, run.rule.id);
}

// The scan's findings travel (queued) from the run's thread to the job on the caller's.
void Engine::connectPreview(Run &run)
{
    QPointer<PreviewJob> job = run.preview;
    connect(run.taskRun, &TaskRun::repositoriesMatched, this,
            [job](quint64, const QStringList &repositories) {
                if (job)
                    emit job->repositoriesMatched(repositories);
            });
    connect(run.taskRun, &TaskRun::tagsMatched, this,
            [job](quint64, const QString &repository, const QStringList &tags) {
                if (job)
                    emit job->tagsMatched(repository, tags);
            });
    connect(run.taskRun, &TaskRun::artifactDecided, this,
            [job](quint64, const ArtifactResult &result) {
                if (job)
                    emit job->artifactDecided(result);
            });
}

void Engine::failBeforeStart(quint64 runId, TaskStatus status, const Error &error)
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end())
        return;
    Run &run = *it->second;
    if (run.taskId) {
        if (auto set = TaskStore(m_database).setStatus(run.taskId, status, error.message); !set)
            qCWarning(lcEngine) << set.error().message;
        const qint64 taskId = run.taskId;
        forget(runId);
        if (status == TaskStatus::Failed)
            emit taskFailed(taskId, error);
        emit taskFinished(taskId, status);
        maybeShutdownFinished();
        return;
    }
    QPointer<PreviewJob> job = run.preview;
    forget(runId);
    if (job)
        job->fail(error);
    maybeShutdownFinished();
}

void Engine::runFinished(quint64 runId, TaskStatus status, const QString &message, int errorKind)
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end())
        return;
    Run &run = *it->second;
    const qint64 taskId = run.taskId;
    const std::optional<Error> failure = errorKind >= 0
        ? std::optional<Error>(Error::make(Error::Kind(errorKind), message))
        : std::nullopt;
    if (taskId == 0) {
        QPointer<PreviewJob> job = run.preview;
        Plan plan;
        plan.rule = run.rule;
        plan.repositories = run.taskRun->repositories();
        plan.artifacts = run.taskRun->results();
        // Results arrive in completion order; a plan reads best in name order.
        std::sort(plan.artifacts.begin(), plan.artifacts.end(),
                  [](const ArtifactResult &a, const ArtifactResult &b) {
                      return std::tie(a.spec.sourceRepository, a.spec.tag)
                          < std::tie(b.spec.sourceRepository, b.spec.tag);
                  });
        const bool canceled = run.cancelRequested;
        forget(runId);
        if (job) {
            if (canceled)
                job->fail(Error::make(Error::Kind::Canceled, tr("The preview was stopped.")));
            else if (failure)
                job->fail(*failure);
            else
                job->complete(std::move(plan));
        }
        maybeShutdownFinished();
        return;
    }
    qCInfo(lcEngine) << "task" << taskId << "finished" << taskStatusName(status);
    forget(runId);
    if (failure)
        emit taskFailed(taskId, *failure);
    emit taskFinished(taskId, status);
    maybeShutdownFinished();
}

void Engine::forget(quint64 runId)
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end())
        return;
    std::unique_ptr<Run> run = std::move(it->second);
    m_runs.erase(it);
    for (Worker *worker : std::as_const(m_workers))
        QMetaObject::invokeMethod(
            worker, [worker, runId] { worker->releaseRun(runId); }, Qt::QueuedConnection);
    if (run->taskRun)
        run->taskRun->deleteLater();
    if (run->taskId)
        m_locks.release(run->taskId, std::move(run->lock));
}

void Engine::cancelRun(Run &run)
{
    run.cancelRequested = true;
    if (run.context) {
        run.context->canceled = true; // jobs see it at their next step at once
        QMetaObject::invokeMethod(run.taskRun, &TaskRun::cancel, Qt::QueuedConnection);
    }
}

Result<void> Engine::cancel(qint64 taskId)
{
    for (auto &[runId, run] : m_runs) {
        if (run->taskId == taskId && taskId != 0) {
            cancelRun(*run);
            return {};
        }
    }
    return m_locks.requestCancel(taskId);
}

void Engine::stopPreview(quint64 runId, bool report)
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end() || it->second->taskId != 0)
        return;
    if (!report)
        it->second->preview = nullptr;
    cancelRun(*it->second);
}

void Engine::shutdown(ShutdownMode mode)
{
    m_shuttingDown = true;
    if (mode == ShutdownMode::CancelRunning)
        for (auto &[runId, run] : m_runs)
            cancelRun(*run);
    maybeShutdownFinished();
}

void Engine::maybeShutdownFinished()
{
    if (!m_shuttingDown || m_shutdownAnnounced || !m_runs.empty())
        return;
    m_shutdownAnnounced = true;
    QMetaObject::invokeMethod(this, &Engine::shutdownFinished, Qt::QueuedConnection);
}

bool Engine::isActive(qint64 taskId) const
{
    for (const auto &[runId, run] : m_runs)
        if (run->taskId == taskId && taskId != 0)
            return true;
    return false;
}

QList<qint64> Engine::activeTasks() const
{
    QList<qint64> ids;
    for (const auto &[runId, run] : m_runs)
        if (run->taskId)
            ids.append(run->taskId);
    return ids;
}

Engine::Stats Engine::stats() const
{
    Stats s;
    s.runs = int(m_runs.size());
    for (const Worker *worker : m_workers)
        s.clients += worker->clientCount();
    return s;
}

} // namespace crsync
