#pragma once

#include "core/result.h"
#include "core/rule.h"
#include "core/task.h"
#include "engine/artifactresult.h"
#include "engine/endpointresolver.h"
#include "engine/enginesettings.h"
#include "engine/previewjob.h"
#include "engine/tasklocks.h"

#include <QList>
#include <QObject>
#include <map>
#include <memory>

class QThread;

namespace crsync {

class ConcurrencyLimiter;
class CredentialProvider;
class Database;
class Worker;

// The transfer engine: runs rules as tasks on its own worker threads (each with its own
// registry clients) and reports on them through queued, batched signals. Lives on the
// thread that creates it (the GUI's, the CLI's, the daemon's) and never blocks it. Tasks of
// other crsync processes on the same data dir are seen and canceled through TaskLocks.
class Engine : public QObject
{
    Q_OBJECT
public:
    enum class ShutdownMode {
        CancelRunning, // running tasks stop within seconds and end Canceled
        FinishRunning, // running tasks go on to their end; nothing new starts
    };

    // How much the engine holds, for a long-running process to check that it stays bounded.
    struct Stats
    {
        int runs = 0; // tasks and previews in progress
        int clients = 0; // registry clients kept by the workers (shared by runs)
    };

    // Marks tasks that a dead process left Pending/InProgress as Interrupted. database and
    // credentials must outlive the engine; the data dir is the database's directory.
    Engine(Database &database, CredentialProvider *credentials, EngineSettings settings = {},
           QObject *parent = nullptr);
    // Tasks still running are stopped and marked Interrupted (the next sync completes them);
    // call shutdown() first to end them properly.
    ~Engine() override;

    // Starts a task for the rule; returns its ID at once. Refused for an unknown or disabled
    // rule, for a rule that already has a running task ("rule X is already syncing"), and once
    // shutdown() was called.
    Result<qint64> trigger(const QString &ruleName, Trigger trigger = Trigger::Manual);
    Result<qint64> trigger(qint64 ruleId, Trigger trigger = Trigger::Manual);
    // A task for only these artifacts (those of them the rule covers) instead of a scan of the
    // whole source namespace: what an event, a poll watcher or "retry failed" asks for.
    Result<qint64> triggerArtifacts(qint64 ruleId, Trigger trigger, QList<ArtifactRef> artifacts);

    // Stops a running task within seconds; it ends Canceled. A task run by another crsync
    // process of the same data dir is asked to stop through the data dir.
    Result<void> cancel(qint64 taskId);

    // Scans the source and the target like a sync would, and moves nothing; the rule need not
    // be stored (a form's draft). The job is the caller's (parent, or delete it).
    PreviewJob *preview(const Rule &rule, const PreviewOptions &options = {},
                        QObject *parent = nullptr);

    // Ends the engine's work without blocking: refuses new tasks, stops (or lets finish) the
    // running ones, and emits shutdownFinished() once none runs (queued, also when none did).
    void shutdown(ShutdownMode mode);
    bool isShuttingDown() const { return m_shuttingDown; }

    bool isActive(qint64 taskId) const;
    QList<qint64> activeTasks() const;
    const EngineSettings &settings() const { return m_settings; }
    const TaskLocks &locks() const { return m_locks; }
    Stats stats() const;

signals:
    void taskStarted(qint64 taskId, qint64 ruleId);
    void taskProgress(qint64 taskId, int artifactsDone, int artifactsTotal, qint64 bytes);
    // Emitted just before taskFinished when the task failed as a whole (the source could not be
    // listed, a registry is down, a password could not be read): why, with its kind.
    void taskFailed(qint64 taskId, const crsync::Error &error);
    void taskFinished(qint64 taskId, crsync::TaskStatus status);
    void shutdownFinished();

private:
    friend class PreviewJob;
    struct Run;
    Result<qint64> start(const Rule &rule, Trigger trigger, QList<ArtifactRef> scope = {});
    void resolved(quint64 runId, Result<RuleEndpoints> endpoints);
    void launch(quint64 runId, const RuleEndpoints &endpoints);
    void connectPreview(Run &run);
    void runFinished(quint64 runId, TaskStatus status, const QString &message, int errorKind);
    void failBeforeStart(quint64 runId, TaskStatus status, const Error &error);
    // report: the job hears that it stopped; else it is going away and hears nothing more.
    void stopPreview(quint64 runId, bool report);
    void cancelRun(Run &run);
    void forget(quint64 runId);
    void maybeShutdownFinished();

    Database &m_database;
    EngineSettings m_settings;
    TaskLocks m_locks;
    EndpointResolver m_resolver;
    std::unique_ptr<ConcurrencyLimiter> m_limiter;
    QList<QThread *> m_threads;
    QList<Worker *> m_workers;
    std::map<quint64, std::unique_ptr<Run>> m_runs;
    quint64 m_nextRunId = 1;
    bool m_shuttingDown = false;
    bool m_shutdownAnnounced = false;
};

} // namespace crsync
