#include "engine/taskrun.h"

#include "engine/artifactclassifier.h"
#include "engine/concurrencylimiter.h"
#include "engine/listingcache.h"
#include "engine/runcontext.h"
#include "engine/taskrecorder.h"
#include "engine/worker.h"
#include "registry/registryclient.h"

#include <QCoreApplication>
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

// An artifact the run gave up on because a registry is down: failed, without its own retries.
ArtifactResult notTriedResult(const ArtifactSpec &spec)
{
    ArtifactResult failed;
    failed.spec = spec;
    failed.outcome = TaskItem::Outcome::Failed;
    failed.error = TaskRun::tr("%1:%2 was not synced: the task stopped trying because a registry "
                               "stopped answering or refused the credentials (see the task's "
                               "message).")
                       .arg(spec.sourceRepository, spec.tag);
    return failed;
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
    task.repositories = repositories();
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

    // A Harbor or TCR target: the project of the target namespace is made before the first
    // push if it is missing (a missing namespace is created, as with a plain registry).
    if (!m_context->dryRun && m_context->target.harborApi) {
        const QString project = m_context->rule.effectiveTargetNamespace().section(QLatin1Char('/'), 0, 0);
        const Worker::Clients clients = m_home->clients(*m_context);
        m_listingCalls << clients.target->ensureProject(project, [this, project](Result<bool> made) {
            if (!made) {
                if (made.error().kind != Error::Kind::Canceled)
                    failTaskWide(made.error());
                listingFinished();
                return;
            }
            if (*made)
                qCInfo(lcTask).noquote() << "task" << m_context->taskId << "created the Harbor project" << project;
            startWork();
        });
        return;
    }
    startWork();
}

void TaskRun::startWork()
{
    if (!m_context->scope.isEmpty()) {
        startScoped();
        return;
    }
    if (m_context->listing) {
        if (const auto cached = m_context->listing->repositories()) {
            repositoriesListed(*cached);
            return;
        }
    }
    const Worker::Clients clients = m_home->clients(*m_context);
    if (m_context->source.harborApi) {
        listProjectRepositories(clients.source);
        return;
    }
    m_listingCalls << clients.source->listRepositories(
        m_context->settings.pageSize, [this](Result<QStringList> repositories) {
            if (!repositories) {
                if (repositories.error().kind != Error::Kind::Canceled)
                    catalogRefused(repositories.error());
                else
                    listingFinished();
                return;
            }
            if (m_context->listing)
                m_context->listing->setRepositories(*repositories);
            repositoriesListed(*repositories);
        });
}

// Harbor and TCR: the namespace's project lists its repositories to its members through the
// API; those below the namespace ("team/apps" in project "team") are the ones to look at.
void TaskRun::listProjectRepositories(RegistryClient *source)
{
    const QString project = m_context->rule.sourceNamespace.section(QLatin1Char('/'), 0, 0);
    m_listingCalls << source->listProjectRepositories(
        project, m_context->settings.pageSize, [this](Result<QStringList> repositories) {
            if (!repositories) {
                if (repositories.error().kind != Error::Kind::Canceled)
                    catalogRefused(repositories.error());
                else
                    listingFinished();
                return;
            }
            if (m_context->listing)
                m_context->listing->setRepositories(*repositories);
            repositoriesListed(*repositories);
        });
}

// Many registries (Harbor and TCR for all but administrators, most cloud registries) answer
// /v2/_catalog with 401, 403 or 404. A rule whose repository filter names its repositories
// goes on without the listing; any other says what to do.
void TaskRun::catalogRefused(const Error &refusal)
{
    const int status = refusal.httpStatus;
    const bool closed = status == 401 || status == 403 || status == 404;
    const QStringList named = m_context->matcher.namedRepositories();
    if (closed && !named.isEmpty()) {
        m_namedWithoutListing = true;
        repositoriesListed(named);
        return;
    }
    // The client's message already says what was listed where and why it failed.
    Error error = refusal;
    if (closed)
        error.message += QLatin1Char(' ')
            + tr("This registry does not let this account list its repositories. Name them in "
                 "the rule's repository filter (for example web|api|worker), and crsync syncs "
                 "them without listing.");
    failTaskWide(error);
    listingFinished();
}

void TaskRun::repositoriesListed(const QStringList &all)
{
    QStringList matched;
    for (const QString &repository : all)
        if (m_context->matcher.matchesRepository(repository))
            matched.append(repository);
    matched.sort();
    if (m_context->dryRun)
        emit repositoriesMatched(m_context->runId, matched);
    m_repositoriesToList.assign(matched.begin(), matched.end());
    listNextTags();
}

// An event names the artifacts: no scan, only those the rule covers, each once.
void TaskRun::startScoped()
{
    QSet<QPair<QString, QString>> seen;
    for (const auto &[repository, tag] : std::as_const(m_context->scope)) {
        const QPair<QString, QString> key(repository, tag);
        if (seen.contains(key))
            continue;
        ArtifactSpec spec;
        spec.sourceRepository = repository;
        spec.targetRepository = m_context->matcher.targetRepository(repository);
        spec.tag = tag;
        // A new signature of an artifact: what the tag filter says of its subject's tag is not
        // known here; it goes where its subject went, if its subject did.
        const bool referrer = m_context->rule.withReferrers && isReferrerTag(tag, &spec.subjectDigest);
        if (!m_context->matcher.matchesRepository(repository)
            || (!referrer && !m_context->matcher.matchesTag(tag)))
            continue;
        seen.insert(key);
        enqueue(spec);
    }
    listingFinished();
}

void TaskRun::listNextTags()
{
    while (!m_context->canceled && !m_repositoriesToList.empty()
           && m_listing < m_context->settings.maxTagListingsInFlight) {
        const QString repository = m_repositoriesToList.front();
        m_repositoriesToList.pop_front();
        if (m_context->listing) {
            if (const auto cached = m_context->listing->tags(repository)) {
                tagsListed(repository, *cached);
                continue;
            }
        }
        ++m_listing;
        const Worker::Clients clients = m_home->clients(*m_context);
        m_listingCalls.removeIf([](const QPointer<RegistryJob> &j) { return j.isNull(); });
        m_listingCalls << clients.source->listTags(
            repository, m_context->settings.pageSize,
            [this, repository](Result<QStringList> tags) {
                --m_listing;
                if (tags && m_context->listing)
                    m_context->listing->setTags(repository, *tags);
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
        if (m_namedWithoutListing && tags.error().httpStatus == 404)
            return; // named by the filter, not (yet) at the source: nothing to sync

        // One repository that cannot be listed fails as one item, not the whole task.
        ArtifactResult failed;
        failed.spec.sourceRepository = repository;
        failed.spec.targetRepository = m_context->matcher.targetRepository(repository);
        failed.outcome = TaskItem::Outcome::Failed;
        failed.error = tags.error().message;
        failed.errorKind = tags.error().kind;
        failed.errorStatus = tags.error().httpStatus;
        m_tally.discovered();
        record(failed);
        if (m_health.record(failed))
            stopAll();
        return;
    }
    // With Rule::withReferrers the scheme's tags travel with the artifact they describe,
    // whatever the tag filter says, and are not artifacts of their own.
    QStringList matched;
    auto referrerTags = std::make_shared<QSet<QString>>();
    for (const QString &tag : *tags) {
        if (m_context->rule.withReferrers && isReferrerTag(tag))
            referrerTags->insert(tag);
        else if (m_context->matcher.matchesTag(tag))
            matched.append(tag);
    }
    matched.sort();
    if (m_context->dryRun && !matched.isEmpty())
        emit tagsMatched(m_context->runId, repository, matched);
    ArtifactSpec spec;
    spec.sourceRepository = repository;
    spec.targetRepository = m_context->matcher.targetRepository(repository);
    spec.referrerTags = std::move(referrerTags);
    for (const QString &tag : std::as_const(matched)) {
        spec.tag = tag;
        enqueue(spec);
    }
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
    if (m_workers.isEmpty()) { // the engine is going away
        artifactDone(canceledResult(spec));
        return;
    }
    Worker *worker = m_workers.at(m_nextWorker++ % m_workers.size());
    QPointer<TaskRun> self(this);
    QMetaObject::invokeMethod(
        worker,
        [worker, context = m_context, spec, self] {
            worker->startArtifact(context, spec, [self](const ArtifactResult &result) {
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, result] {
                        if (self)
                            self->artifactDone(result);
                    },
                    Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
}

void TaskRun::artifactDone(ArtifactResult result)
{
    m_limiter->release(m_limiterKeys);
    --m_inFlight;
    if (m_stopping && result.outcome == TaskItem::Outcome::Canceled)
        result = notTriedResult(result.spec);
    if (result.excluded) {
        m_tally.excluded();
        if (m_context->dryRun) // a preview shows the tag, then learns the type leaves it out
            emit artifactDecided(m_context->runId, result);
    } else {
        record(result);
        if (m_health.record(result))
            stopAll();
    }
    maybeFinish();
}

void TaskRun::record(const ArtifactResult &result)
{
    m_tally.record(result.outcome, result.bytes);
    m_syncedRepositories.insert(result.spec.sourceRepository);
    if (m_recorder)
        m_unwritten.append(result.toItem(m_context->taskId));
    if (m_context->dryRun) {
        m_results.append(result);
        emit artifactDecided(m_context->runId, result);
    }
}

void TaskRun::failTaskWide(const Error &error)
{
    if (m_fatal)
        return;
    m_fatal = true;
    m_fatalKind = int(error.kind);
    m_message = error.message;
}

// A registry of the run is down: say so once, and give up on everything not done yet.
void TaskRun::stopAll()
{
    if (m_stopping || m_finished)
        return;
    qCInfo(lcTask).noquote() << "task" << m_context->taskId << m_health.reason();
    m_stopping = true;
    failTaskWide(Error::make(m_health.kind(), m_health.reason()));
    m_context->canceled = true; // jobs stop at their next step
    m_limiter->dropWaiters(this);
    const QList<ArtifactSpec> waiting = m_waiting.values();
    m_waiting.clear();
    for (const ArtifactSpec &spec : waiting)
        record(notTriedResult(spec));
    m_repositoriesToList.clear();
    for (const QPointer<RegistryJob> &call : std::as_const(m_listingCalls))
        if (call)
            call->abort();
    for (Worker *worker : std::as_const(m_workers))
        QMetaObject::invokeMethod(
            worker, [worker, id = m_context->runId] { worker->abortRun(id); },
            Qt::QueuedConnection);
}

void TaskRun::cancel()
{
    // The engine sets the shared flag before it asks (so jobs stop at their next step at once);
    // this run's own bookkeeping of the cancel happens once, here.
    if (m_finished || m_stopping || m_canceling)
        return;
    m_canceling = true;
    m_context->canceled = true;
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
    const QList<QPointer<RegistryJob>> calls = m_listingCalls;
    for (const QPointer<RegistryJob> &call : calls)
        if (call)
            call->abort();
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
    const bool canceled = m_context->canceled && !m_stopping;
    if (!canceled && !m_fatal && m_health.judgeAtEnd())
        failTaskWide(Error::make(m_health.kind(), m_health.reason()));
    if (!canceled && !m_fatal && m_tally.total() == 0 && m_context->scope.isEmpty())
        m_message = tr("Nothing to sync: no repository of namespace %1 on %2 has a tag that "
                       "matches the rule's filters and resource type.")
                        .arg(m_context->rule.sourceNamespace, m_context->source.displayName());
    const TaskStatus status = m_tally.finalStatus(canceled, m_fatal);
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
    if (m_context->locks && m_context->locks->isCancelRequested(m_context->taskId)) {
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
    const auto state = std::make_tuple(m_tally.done(), m_tally.total(), repositories());
    if (m_unwritten.isEmpty() && m_lastJournal == state)
        return; // nothing new: no write
    m_lastJournal = state;
    if (auto written = m_recorder->record(counters(), m_unwritten); !written)
        qCWarning(lcTask) << "task" << m_context->taskId << written.error().message;
    m_unwritten.clear();
}

} // namespace crsync
