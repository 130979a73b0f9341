#pragma once

#include "core/task.h"
#include "engine/artifactresult.h"
#include "engine/registryhealth.h"
#include "engine/tasktally.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <deque>
#include <memory>
#include <optional>

class QTimer;

namespace crsync {

class ConcurrencyLimiter;
class Database;
class RegistryJob;
class TaskRecorder;
class Worker;
class RegistryClient;
struct RunContext;

// Coordinates one run of a rule on its home worker thread: scans the source namespace,
// hands each matching repository:tag to the workers as the limits allow, tallies the outcomes,
// writes them to the sync log in batches and reports progress a few times a second. A preview
// is the same run that stops at the decision and records nothing; it reports what it finds as
// it goes (repositoriesMatched, tagsMatched, artifactDecided).
class TaskRun : public QObject
{
    Q_OBJECT
public:
    TaskRun(std::shared_ptr<RunContext> context, Worker *home, QList<Worker *> workers,
            ConcurrencyLimiter *limiter, Database *database);
    ~TaskRun() override;

    // Both on the run's thread.
    void start();
    void cancel();
    // The engine is going away and deletes its workers next: from now on no artifact or abort
    // is sent to them (called on this run's thread, before the workers go).
    void forgetWorkers() { m_workers.clear(); }

    // For a preview, after finished(): every artifact the rule takes, in discovery order.
    QList<ArtifactResult> results() const { return m_results; }
    // Repositories with at least one artifact the run takes (the seed's 同步仓库数).
    int repositories() const { return int(m_syncedRepositories.size()); }

signals:
    void progress(qint64 taskId, int done, int total, qint64 bytes);
    // errorKind: the Error::Kind of a task-wide failure (as int), -1 when there was none.
    void finished(quint64 runId, crsync::TaskStatus status, const QString &message, int errorKind);
    // Previews only, as the scan goes.
    void repositoriesMatched(quint64 runId, const QStringList &repositories);
    void tagsMatched(quint64 runId, const QString &repository, const QStringList &tags);
    void artifactDecided(quint64 runId, const crsync::ArtifactResult &result);

private:
    void startWork(); // the scan, or the artifacts an event names
    void listProjectRepositories(RegistryClient *source);
    void catalogRefused(const Error &refusal);
    void repositoriesListed(const QStringList &all);
    void startScoped();
    void listNextTags();
    void tagsListed(const QString &repository, const Result<QStringList> &tags);
    void enqueue(const ArtifactSpec &spec);
    void granted(int id);
    void dispatch(const ArtifactSpec &spec);
    void artifactDone(ArtifactResult result);
    // Counts a finished artifact and queues its log line (and keeps it, for a preview).
    void record(const ArtifactResult &result);
    void stopAll();
    void failTaskWide(const Error &error);
    void listingFinished();
    void maybeFinish();
    void tick();
    void flush();
    Task counters() const;

    std::shared_ptr<RunContext> m_context;
    Worker *m_home;
    QList<Worker *> m_workers;
    ConcurrencyLimiter *m_limiter;
    std::unique_ptr<TaskRecorder> m_recorder; // null for a preview
    QStringList m_limiterKeys;

    std::deque<QString> m_repositoriesToList;
    int m_listing = 0;
    bool m_listingDone = false;
    // The source would not list its catalog; the repositories the rule's filter names are
    // synced instead, and one of them that does not exist there has no tags to sync.
    bool m_namedWithoutListing = false;
    QList<QPointer<RegistryJob>> m_listingCalls;
    QSet<QString> m_syncedRepositories;
    QHash<int, ArtifactSpec> m_waiting; // discovered, waiting for a slot
    int m_nextId = 0;
    int m_inFlight = 0;
    int m_nextWorker = 0;

    TaskTally m_tally;
    RegistryHealth m_health;
    QList<TaskItem> m_unwritten;
    QList<ArtifactResult> m_results;
    bool m_fatal = false;
    int m_fatalKind = -1;
    QString m_message;
    bool m_finished = false;
    bool m_stopping = false; // stopped by the run itself (a registry is down), not canceled
    bool m_canceling = false;
    QTimer *m_progressTimer = nullptr;
    QTimer *m_journalTimer = nullptr;
    std::optional<std::tuple<int, int, qint64>> m_lastProgress;
    std::optional<std::tuple<int, int, int>> m_lastJournal;
};

} // namespace crsync
