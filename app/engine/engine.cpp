#include "engine/engine.h"

#include "engine/concurrencylimiter.h"
#include "engine/credentialprovider.h"
#include "engine/runcontext.h"
#include "engine/taskrun.h"
#include "engine/worker.h"
#include "secrets/credentialstore.h"
#include "store/instancestore.h"
#include "store/rulestore.h"
#include "store/taskstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QLoggingCategory>
#include <QPointer>
#include <QThread>
#include <algorithm>
#include <tuple>

Q_LOGGING_CATEGORY(lcEngine, "crsync.engine")

namespace crsync {

namespace {

QString taskFile(const QString &dataDir, qint64 taskId, const char *suffix)
{
    return QDir(dataDir).filePath(
        QStringLiteral("tasks/%1.%2").arg(taskId).arg(QLatin1String(suffix)));
}
} // namespace

int Plan::count(Decision decision) const
{
    int n = 0;
    for (const ArtifactResult &a : artifacts)
        if (a.outcome != TaskItem::Outcome::Failed && a.decision == decision)
            ++n;
    return n;
}

struct Engine::Run
{
    quint64 runId = 0;
    qint64 taskId = 0; // 0 for a preview
    Rule rule;
    Endpoint source;
    Endpoint target;
    std::shared_ptr<RunContext> context;
    TaskRun *taskRun = nullptr;
    std::unique_ptr<QLockFile> lock;
    std::function<void(Result<Plan>)> previewDone;
    bool cancelRequested = false;
    QList<ArtifactRef> scope; // empty = the whole source namespace
};

Engine::Engine(Database &database, CredentialProvider *credentials, EngineSettings settings,
               QObject *parent)
    : QObject(parent), m_database(database), m_credentials(credentials),
      m_settings(std::move(settings)),
      m_limiter(std::make_unique<ConcurrencyLimiter>(m_settings.maxArtifactsInFlight,
                                                     m_settings.maxArtifactsPerRegistry))
{
    if (auto marked = recoverInterrupted(m_database, m_settings.dataDir); !marked)
        qCWarning(lcEngine) << marked.error().message;
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
        // Going away mid-task is an interruption: the next sync completes the job.
        if (run->taskId)
            TaskStore(m_database)
                .setStatus(run->taskId, TaskStatus::Interrupted,
                           tr("crsync stopped while the task ran. Sync the rule "
                              "again to complete it."));
    }
    // Workers go first, so no registry job can call back into a run that is gone.
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
}

Result<int> Engine::recoverInterrupted(Database &database, const QString &dataDir)
{
    TaskStore tasks(database);
    auto unfinished = tasks.unfinished();
    if (!unfinished)
        return unfinished.error();
    int marked = 0;
    for (const Task &task : std::as_const(*unfinished)) {
        if (!dataDir.isEmpty()) {
            QLockFile lock(taskFile(dataDir, task.id, "lock"));
            lock.setStaleLockTime(0); // only a dead owner makes it stale, never its age
            if (!lock.tryLock(0) && lock.error() == QLockFile::LockFailedError)
                continue; // its process is alive and still running it
            lock.unlock();
            QFile::remove(taskFile(dataDir, task.id, "cancel"));
        }
        auto set = tasks.setStatus(task.id, TaskStatus::Interrupted,
                                   tr("The crsync process running this task stopped before it "
                                      "finished. Sync the rule again to complete it."));
        if (!set)
            return set.error();
        ++marked;
    }
    if (marked > 0)
        qCInfo(lcEngine) << "marked" << marked << "unfinished task(s) Interrupted";
    return marked;
}

Result<void> Engine::requestCancel(const QString &dataDir, qint64 taskId)
{
    QLockFile lock(taskFile(dataDir, taskId, "lock"));
    lock.setStaleLockTime(0);
    if (dataDir.isEmpty() || lock.tryLock(0) || lock.error() != QLockFile::LockFailedError) {
        return Error::make(
            Error::Kind::NotFound,
            tr("Task %1 is not running, so there is nothing to cancel.").arg(taskId));
    }
    QFile file(taskFile(dataDir, taskId, "cancel"));
    if (!file.open(QIODevice::WriteOnly)) {
        return Error::make(Error::Kind::Storage,
                           tr("Could not ask task %1 to cancel: %2 (%3).")
                               .arg(taskId)
                               .arg(file.errorString(), file.fileName()));
    }
    return {};
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

Result<std::pair<Endpoint, Endpoint>> Engine::endpoints(const Rule &rule, QStringList *secretKeys)
{
    InstanceStore instances(m_database);
    auto source = instances.get(rule.sourceInstanceId);
    if (!source)
        return source.error();
    Endpoint from { source->url, source->username, {}, source->caFile, source->insecureSkipVerify };
    secretKeys->append(source->username.isEmpty() ? QString()
                                                  : CredentialStore::instanceKey(source->id));
    Endpoint to;
    if (rule.crossAccount) {
        to = Endpoint { rule.targetUrl, rule.targetUsername, {}, {}, false };
        secretKeys->append(rule.targetUsername.isEmpty()
                               ? QString()
                               : CredentialStore::targetKey(rule.targetUrl, rule.targetUsername));
    } else {
        auto target = instances.get(rule.targetInstanceId);
        if (!target)
            return target.error();
        to = Endpoint {
            target->url, target->username, {}, target->caFile, target->insecureSkipVerify
        };
        secretKeys->append(target->username.isEmpty() ? QString()
                                                      : CredentialStore::instanceKey(target->id));
    }
    return std::pair { from, to };
}

Result<qint64> Engine::start(const Rule &rule, Trigger trigger, QList<ArtifactRef> scope)
{
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
    QStringList keys;
    auto ends = endpoints(rule, &keys);
    if (!ends)
        return ends.error();

    Task task;
    task.ruleId = rule.id;
    task.ruleName = rule.name;
    task.trigger = trigger;
    task.status = TaskStatus::Pending;
    auto created = TaskStore(m_database).createIfIdle(task);
    if (!created && created.error().kind == Error::Kind::Conflict
        && !m_settings.dataDir.isEmpty()) {
        // The running task may belong to a crsync that died since this engine started.
        if (auto marked = recoverInterrupted(m_database, m_settings.dataDir); marked && *marked > 0)
            created = TaskStore(m_database).createIfIdle(task);
    }
    if (!created)
        return created.error();

    auto run = std::make_unique<Run>();
    run->runId = m_nextRunId++;
    run->taskId = created->id;
    run->rule = rule;
    run->source = ends->first;
    run->target = ends->second;
    run->scope = std::move(scope);
    if (!m_settings.dataDir.isEmpty()) {
        QDir(m_settings.dataDir).mkpath(QStringLiteral("tasks"));
        run->lock = std::make_unique<QLockFile>(taskFile(m_settings.dataDir, run->taskId, "lock"));
        run->lock->setStaleLockTime(0);
        if (!run->lock->tryLock(0))
            qCWarning(lcEngine) << "could not lock" << run->lock->error();
    }
    const quint64 runId = run->runId;
    const qint64 taskId = run->taskId;
    m_runs.emplace(runId, std::move(run));
    qCInfo(lcEngine) << "task" << taskId << "of rule" << rule.name << "created";
    // Answered later even when no secret is needed, so the caller has the ID before any signal.
    QMetaObject::invokeMethod(
        this, [this, runId, keys] { fetchSecrets(runId, keys, {}); }, Qt::QueuedConnection);
    return taskId;
}

void Engine::fetchSecrets(quint64 runId, QStringList keys, QStringList secrets)
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end())
        return;
    Run &run = *it->second;
    if (run.cancelRequested) {
        failBeforeStart(runId, TaskStatus::Canceled,
                        Error::make(Error::Kind::Canceled, tr("The task was canceled.")));
        return;
    }
    if (keys.isEmpty()) {
        launch(runId, secrets);
        return;
    }
    const QString key = keys.takeFirst();
    if (key.isEmpty() || !m_credentials) {
        secrets.append(QString());
        fetchSecrets(runId, keys, secrets);
        return;
    }
    const bool forSource = secrets.isEmpty();
    // The keychain may answer after the engine is gone (a window closing): then nobody listens.
    m_credentials->fetchSecret(
        key,
        [self = QPointer<Engine>(this), this, runId, keys, secrets,
         forSource](Result<QString> secret) mutable {
            if (!self)
                return;
            auto it = m_runs.find(runId);
            if (it == m_runs.end())
                return;
            if (!secret) {
                const Run &run = *it->second;
                const Endpoint &endpoint = forSource ? run.source : run.target;
                Error error = secret.error();
                error.message
                    = tr("Could not read the password of %1 (user %2) from the keychain: %3 Store "
                         "it "
                         "again with the instance or rule settings.")
                          .arg(endpoint.displayName(), endpoint.username, secret.error().message);
                if (error.kind == Error::Kind::NotFound)
                    error.kind = Error::Kind::Auth;
                failBeforeStart(runId, TaskStatus::Failed, error);
                return;
            }
            secrets.append(*secret);
            fetchSecrets(runId, keys, secrets);
        });
}

void Engine::launch(quint64 runId, const QStringList &secrets)
{
    Run &run = *m_runs.at(runId);
    run.source.password = secrets.value(0);
    run.target.password = secrets.value(1);
    run.context = std::make_shared<RunContext>(runId, run.taskId, run.rule, run.source, run.target,
                                               m_settings, run.taskId == 0);
    for (const ArtifactRef &ref : std::as_const(run.scope))
        run.context->scope.append({ ref.repository, ref.tag });
    Worker *home = m_workers.at(int(runId % quint64(m_workers.size())));
    run.taskRun = new TaskRun(run.context, home, m_workers, m_limiter.get(),
                              run.taskId ? &m_database : nullptr);
    run.taskRun->moveToThread(home->thread());
    connect(run.taskRun, &TaskRun::progress, this, &Engine::taskProgress);
    connect(run.taskRun, &TaskRun::finished, this, &Engine::runFinished);
    QMetaObject::invokeMethod(run.taskRun, &TaskRun::start, Qt::QueuedConnection);
    if (run.taskId)
        emit taskStarted(run.taskId, run.rule.id);
}

void Engine::failBeforeStart(quint64 runId, TaskStatus status, const Error &error)
{
    Run &run = *m_runs.at(runId);
    const QString message = error.message;
    if (run.taskId) {
        if (status == TaskStatus::Failed)
            m_failures.insert(run.taskId, error);
        if (auto set = TaskStore(m_database).setStatus(run.taskId, status, message); !set)
            qCWarning(lcEngine) << set.error().message;
        const qint64 taskId = run.taskId;
        forget(runId);
        emit taskFinished(taskId, status);
        return;
    }
    auto done = std::move(run.previewDone);
    forget(runId);
    if (done)
        done(error);
}

void Engine::runFinished(quint64 runId, TaskStatus status, const QString &message, int errorKind)
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end())
        return;
    Run &run = *it->second;
    const qint64 taskId = run.taskId;
    qCInfo(lcEngine) << "task" << taskId << "finished" << taskStatusName(status);
    if (taskId == 0) {
        auto done = std::move(run.previewDone);
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
        const bool failed = errorKind >= 0;
        forget(runId);
        if (done) {
            if (failed)
                done(Error::make(Error::Kind(errorKind), message));
            else
                done(std::move(plan));
        }
        return;
    }
    if (errorKind >= 0)
        m_failures.insert(taskId, Error::make(Error::Kind(errorKind), message));
    forget(runId);
    emit taskFinished(taskId, status);
}

std::optional<Error> Engine::failure(qint64 taskId) const
{
    const auto it = m_failures.constFind(taskId);
    if (it == m_failures.cend())
        return std::nullopt;
    return *it;
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
    if (run->lock) {
        QFile::remove(taskFile(m_settings.dataDir, run->taskId, "cancel"));
        run->lock->unlock();
    }
}

Result<void> Engine::cancel(qint64 taskId)
{
    for (auto &[runId, run] : m_runs) {
        if (run->taskId != taskId)
            continue;
        run->cancelRequested = true;
        if (run->context) {
            run->context->canceled = true; // jobs see it at their next step at once
            QMetaObject::invokeMethod(run->taskRun, &TaskRun::cancel, Qt::QueuedConnection);
        }
        return {};
    }
    return requestCancel(m_settings.dataDir, taskId);
}

void Engine::preview(const Rule &rule, std::function<void(Result<Plan>)> done)
{
    QStringList keys;
    auto ends = endpoints(rule, &keys);
    if (!ends.ok() || !RuleMatcher(rule).isValid()) {
        Error error = ends.ok() ? Error::invalid(QStringLiteral("filter"),
                                                 tr("Rule %1 has a filter that is not a valid "
                                                    "regular expression.")
                                                     .arg(rule.name))
                                : ends.error();
        QMetaObject::invokeMethod(
            this, [done, error] { done(error); }, Qt::QueuedConnection);
        return;
    }
    auto run = std::make_unique<Run>();
    run->runId = m_nextRunId++;
    run->rule = rule;
    run->source = ends->first;
    run->target = ends->second;
    run->previewDone = std::move(done);
    const quint64 runId = run->runId;
    m_runs.emplace(runId, std::move(run));
    QMetaObject::invokeMethod(
        this, [this, runId, keys] { fetchSecrets(runId, keys, {}); }, Qt::QueuedConnection);
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

} // namespace crsync
