#pragma once

#include "core/result.h"
#include "core/rule.h"
#include "core/task.h"
#include "engine/artifactjob.h"
#include "engine/enginesettings.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <functional>
#include <map>
#include <memory>
#include <optional>

class QLockFile;
class QThread;

namespace crsync {

class ConcurrencyLimiter;
class CredentialProvider;
class Database;
class TaskRun;
class Worker;
struct Endpoint;
struct RunContext;

// One source repository:tag, for a task narrowed to what a push event named.
struct ArtifactRef
{
    QString repository; // full path at the source
    QString tag;
};

// What a sync of a rule would do, artifact by artifact; nothing is moved to make it.
struct Plan
{
    Rule rule;
    int repositories = 0;
    QList<ArtifactResult> artifacts; // outcome Pending = would be copied
    int count(Decision decision) const;
};

// The transfer engine: runs rules as tasks on its own worker threads (each with its own
// QNetworkAccessManager) and reports on them through queued, batched signals. Lives on the
// thread that creates it (the GUI's, the CLI's, the daemon's) and never blocks it.
class Engine : public QObject
{
    Q_OBJECT
public:
    // Marks tasks that a dead process left Pending/InProgress as Interrupted (see
    // recoverInterrupted). database and credentials must outlive the engine.
    Engine(Database &database, CredentialProvider *credentials, EngineSettings settings = {},
           QObject *parent = nullptr);
    ~Engine() override;

    // Starts a task for the rule; returns its ID at once. Refused for an unknown or disabled
    // rule, and for a rule that already has a running task ("rule X is already syncing").
    Result<qint64> trigger(const QString &ruleName, Trigger trigger = Trigger::Manual);
    Result<qint64> trigger(qint64 ruleId, Trigger trigger = Trigger::Manual);
    // A task for only these artifacts (those of them the rule covers) instead of a scan of the
    // whole source namespace: what an event or a poll watcher that saw a push asks for.
    Result<qint64> triggerArtifacts(qint64 ruleId, Trigger trigger, QList<ArtifactRef> artifacts);

    // Stops a running task within seconds; it ends Canceled. A task run by another crsync
    // process of the same data dir is asked to stop through the data dir.
    Result<void> cancel(qint64 taskId);

    // Scans the source and the target like a sync would, and moves nothing.
    void preview(const Rule &rule, std::function<void(Result<Plan>)> done);

    // Why a task of this engine failed as a whole (the source could not be listed, a password
    // could not be read), once it has finished; std::nullopt when it did not.
    std::optional<Error> failure(qint64 taskId) const;

    bool isActive(qint64 taskId) const;
    QList<qint64> activeTasks() const;
    const EngineSettings &settings() const { return m_settings; }

    // Tasks left Pending/InProgress by a process that is gone become Interrupted; tasks whose
    // process still runs (its lock in <dataDir>/tasks is held) are left alone. Returns how many.
    static Result<int> recoverInterrupted(Database &database, const QString &dataDir);
    // Asks whichever process runs the task to cancel it; Kind::NotFound when none does.
    static Result<void> requestCancel(const QString &dataDir, qint64 taskId);

signals:
    void taskStarted(qint64 taskId, qint64 ruleId);
    void taskProgress(qint64 taskId, int artifactsDone, int artifactsTotal, qint64 bytes);
    void taskFinished(qint64 taskId, crsync::TaskStatus status);

private:
    struct Run;
    Result<qint64> start(const Rule &rule, Trigger trigger, QList<ArtifactRef> scope = {});
    Result<std::pair<Endpoint, Endpoint>> endpoints(const Rule &rule, QStringList *secretKeys);
    void fetchSecrets(quint64 runId, QStringList keys, QStringList secrets);
    void launch(quint64 runId, const QStringList &secrets);
    void runFinished(quint64 runId, TaskStatus status, const QString &message, int errorKind);
    void failBeforeStart(quint64 runId, TaskStatus status, const Error &error);
    void forget(quint64 runId);

    Database &m_database;
    CredentialProvider *m_credentials;
    EngineSettings m_settings;
    std::unique_ptr<ConcurrencyLimiter> m_limiter;
    QList<QThread *> m_threads;
    QList<Worker *> m_workers;
    std::map<quint64, std::unique_ptr<Run>> m_runs;
    quint64 m_nextRunId = 1;
    QHash<qint64, Error> m_failures;
};

} // namespace crsync
