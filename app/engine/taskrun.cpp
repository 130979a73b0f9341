#include "engine/taskrun.h"

#include "engine/concurrencylimiter.h"
#include "engine/runcontext.h"
#include "engine/taskrecorder.h"
#include "engine/worker.h"
#include "registry/registryclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>
#include <QTimer>

Q_LOGGING_CATEGORY(lcTask, "crsync.engine.task")

namespace crsync {

namespace {
ArtifactResult canceledResult(const ArtifactSpec &spec)
{
    ArtifactResult canceled;
    canceled.spec = spec;
    canceled.outcome = TaskItem::Outcome::Canceled;
    canceled.error = TaskRun::tr("Canceled.");
    return canceled;
}
} // namespace

TaskRun::TaskRun(std::shared_ptr<RunContext> context, Worker *home, QList<Worker *> workers,
                 ConcurrencyLimiter *limiter, Database *database)
    : m_context(std::move(context)), m_home(home), m_workers(std::move(workers)), m_limiter(limiter)
{
    if (database && !m_context->dryRun)
        m_recorder = std::make_unique<TaskRecorder>(*database);
    m_limiterKeys = QStringList { m_context->sourceKey, m_context->targetKey };
}

TaskRun::~TaskRun() = default;

Task TaskRun::counters() const
{
    Task task;
    task.id = m_context->taskId;
    m_tally.applyTo(&task);
    task.repositories = m_repositories;
    return task;
}

void TaskRun::start()
{
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(m_context->settings.progressIntervalMs);
    connect(m_progressTimer, &QTimer::timeout, this, &TaskRun::tick);
    m_progressTimer->start();
    if (m_recorder) {
        m_journalTimer = new QTimer(this);
        m_journalTimer->setInterval(m_context->settings.journalIntervalMs);
        connect(m_journalTimer, &QTimer::timeout, this, &TaskRun::flush);
        m_journalTimer->start();
        if (auto started = m_recorder->started(m_context->taskId); !started)
            qCWarning(lcTask) << "task" << m_context->taskId << started.error().message;
    }

    if (!m_context->scope.isEmpty()) {
        startScoped();
        return;
    }
    const Worker::Clients clients = m_home->clients(*m_context);
    clients.source->listRepositories(
        m_context->settings.pageSize, [this](Result<QStringList> repositories) {
            if (!repositories) {
                if (repositories.error().kind != Error::Kind::Canceled) {
                    m_fatal = true;
                    m_fatalKind = int(repositories.error().kind);
                    m_message
                        = tr("Listing the repositories of %1 failed: %2")
                              .arg(m_context->source.displayName(), repositories.error().message);
                }
                listingFinished();
                return;
            }
            QStringList matched;
            for (const QString &repository : *repositories)
                if (m_context->matcher.matchesRepository(repository))
                    matched.append(repository);
            matched.sort();
            m_repositories = int(matched.size());
            m_repositoriesToList.assign(matched.begin(), matched.end());
            listNextTags();
        });
}

// An event names the artifacts: no scan, only those the rule covers, each once.
void TaskRun::startScoped()
{
    QSet<QString> repositories;
    QSet<QPair<QString, QString>> seen;
    for (const auto &[repository, tag] : std::as_const(m_context->scope)) {
        const QPair<QString, QString> key(repository, tag);
        if (!m_context->matcher.matches(repository, tag) || seen.contains(key))
            continue;
        seen.insert(key);
        repositories.insert(repository);
        enqueue(ArtifactSpec { repository, m_context->matcher.targetRepository(repository), tag });
    }
    m_repositories = int(repositories.size());
    listingFinished();
}

void TaskRun::listNextTags()
{
    const Worker::Clients clients = m_home->clients(*m_context);
    while (!m_context->canceled && !m_repositoriesToList.empty()
           && m_listing < m_context->settings.maxTagListingsInFlight) {
        const QString repository = m_repositoriesToList.front();
        m_repositoriesToList.pop_front();
        ++m_listing;
        clients.source->listTags(repository, m_context->settings.pageSize,
                                 [this, repository](Result<QStringList> tags) {
                                     --m_listing;
                                     tagsListed(repository, tags);
                                     listNextTags();
                                 });
    }
    if (m_listing == 0 && (m_repositoriesToList.empty() || m_context->canceled))
        listingFinished();
}

void TaskRun::tagsListed(const QString &repository, const Result<QStringList> &tags)
{
    if (!tags) {
        if (tags.error().kind == Error::Kind::Canceled)
            return;
        // One repository that cannot be listed fails as one item, not the whole task.
        ArtifactResult failed;
        failed.spec = { repository, m_context->matcher.targetRepository(repository), QString() };
        failed.outcome = TaskItem::Outcome::Failed;
        failed.error
            = tr("Listing the tags of %1 failed: %2").arg(repository, tags.error().message);
        m_tally.discovered();
        record(failed);
        return;
    }
    QStringList matched;
    for (const QString &tag : *tags)
        if (m_context->matcher.matchesTag(tag))
            matched.append(tag);
    matched.sort();
    const QString target = m_context->matcher.targetRepository(repository);
    for (const QString &tag : std::as_const(matched))
        enqueue(ArtifactSpec { repository, target, tag });
}

void TaskRun::listingFinished()
{
    if (m_listingDone)
        return;
    m_listingDone = true;
    maybeFinish();
}

void TaskRun::enqueue(const ArtifactSpec &spec)
{
    m_tally.discovered();
    const int id = m_nextId++;
    m_waiting.insert(id, spec);
    m_limiter->acquire(m_limiterKeys, this, [this, id] { granted(id); });
}

void TaskRun::granted(int id)
{
    const auto it = m_waiting.find(id);
    if (it == m_waiting.end()) { // canceled while the grant was on its way
        m_limiter->release(m_limiterKeys);
        return;
    }
    const ArtifactSpec spec = it.value();
    m_waiting.erase(it);
    ++m_inFlight;
    if (m_context->canceled) {
        artifactDone(canceledResult(spec));
        return;
    }
    dispatch(spec);
}

void TaskRun::dispatch(const ArtifactSpec &spec)
{
    Worker *worker = m_workers.at(m_nextWorker++ % m_workers.size());
    QMetaObject::invokeMethod(
        worker,
        [worker, context = m_context, spec, self = this] {
            auto *job = new ArtifactJob(
                context, worker->clients(*context), spec, [self](const ArtifactResult &result) {
                    QMetaObject::invokeMethod(
                        self, [self, result] { self->artifactDone(result); }, Qt::QueuedConnection);
                });
            job->start();
        },
        Qt::QueuedConnection);
}

void TaskRun::artifactDone(const ArtifactResult &result)
{
    m_limiter->release(m_limiterKeys);
    --m_inFlight;
    if (result.excluded) {
        m_tally.excluded();
    } else {
        record(result);
    }
    maybeFinish();
}

void TaskRun::record(const ArtifactResult &result)
{
    m_tally.record(result.outcome, result.bytes);
    if (m_recorder)
        m_unwritten.append(result.toItem(m_context->taskId));
    if (m_context->dryRun)
        m_results.append(result);
}

void TaskRun::cancel()
{
    if (m_finished || m_context->canceled.exchange(true))
        return;
    qCInfo(lcTask) << "canceling task" << m_context->taskId;
    m_limiter->dropWaiters(this);
    const QList<ArtifactSpec> waiting = m_waiting.values();
    m_waiting.clear();
    for (const ArtifactSpec &spec : waiting) {
        const ArtifactResult canceled = canceledResult(spec);
        m_tally.record(canceled.outcome, 0);
        if (m_recorder)
            m_unwritten.append(canceled.toItem(m_context->taskId));
    }
    m_repositoriesToList.clear();
    for (Worker *worker : std::as_const(m_workers))
        QMetaObject::invokeMethod(
            worker, [worker, id = m_context->runId] { worker->abortRun(id); },
            Qt::QueuedConnection);
    maybeFinish();
}

void TaskRun::maybeFinish()
{
    if (m_finished || !m_listingDone || !m_waiting.isEmpty() || m_inFlight > 0)
        return;
    m_finished = true;
    if (m_progressTimer)
        m_progressTimer->stop();
    if (m_journalTimer)
        m_journalTimer->stop();
    const TaskStatus status = m_tally.finalStatus(m_context->canceled, m_fatal);
    if (m_recorder) {
        if (auto written = m_recorder->finished(counters(), m_unwritten, status, m_message);
            !written)
            qCWarning(lcTask) << "task" << m_context->taskId << written.error().message;
        m_unwritten.clear();
    }
    emit progress(m_context->taskId, m_tally.done(), m_tally.total(), m_context->liveBytes);
    emit finished(m_context->runId, status, m_message, m_fatalKind);
}

void TaskRun::tick()
{
    if (!m_context->settings.dataDir.isEmpty() && m_context->taskId > 0
        && QFileInfo::exists(
            QDir(m_context->settings.dataDir)
                .filePath(QStringLiteral("tasks/%1.cancel").arg(m_context->taskId)))) {
        cancel();
        if (m_finished)
            return;
    }
    const auto now = std::make_tuple(m_tally.done(), m_tally.total(), qint64(m_context->liveBytes));
    if (m_lastProgress == now)
        return;
    m_lastProgress = now;
    emit progress(m_context->taskId, std::get<0>(now), std::get<1>(now), std::get<2>(now));
}

void TaskRun::flush()
{
    if (!m_recorder || m_finished)
        return;
    const auto state = std::make_tuple(m_tally.done(), m_tally.total(), m_repositories);
    if (m_unwritten.isEmpty() && m_lastJournal == state)
        return; // nothing new: no write
    m_lastJournal = state;
    if (auto written = m_recorder->record(counters(), m_unwritten); !written)
        qCWarning(lcTask) << "task" << m_context->taskId << written.error().message;
    m_unwritten.clear();
}

} // namespace crsync
