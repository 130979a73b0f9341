#pragma once

#include "engine/artifactresult.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <atomic>
#include <functional>
#include <memory>

namespace crsync {

class ArtifactJob;
class RegistryClient;
struct Endpoint;
struct RunContext;

// One engine thread's network side: the registry clients of the runs it serves (each with its
// own connections). A client is shared by every run that talks to the same registry with the
// same credentials and TLS settings, so its tokens and connections outlive a task; clients no
// run uses are dropped after a while, so a long-running process holds only what it uses. Lives
// on its worker thread; call it only there (except clientCount()).
class Worker : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Worker() override;

    struct Clients
    {
        RegistryClient *source = nullptr;
        RegistryClient *target = nullptr;
    };
    // The clients of the run, made or found on first use; the run holds them until releaseRun().
    Clients clients(const RunContext &context);
    // Starts one artifact of the run on this thread; `done` runs here when it is over.
    void startArtifact(const std::shared_ptr<RunContext> &context, const ArtifactSpec &spec,
                       std::function<void(const ArtifactResult &)> done);
    void abortRun(quint64 runId); // cancels the run's artifacts and their registry calls here
    void releaseRun(quint64 runId); // the run is over: it no longer needs its clients

    // How many clients this worker keeps (safe from any thread; for tests of boundedness).
    int clientCount() const { return m_clientCount.load(); }

    // A client no run has used for this long is dropped (its tokens with it).
    static constexpr int IdleClientLifetimeMs = 10 * 60 * 1000;
    // At most this many idle clients are kept; the oldest go first.
    static constexpr int MaxIdleClients = 8;

private:
    struct Entry
    {
        RegistryClient *client = nullptr;
        QSet<quint64> runs;
        QElapsedTimer idle; // valid while no run uses it
    };
    RegistryClient *client(const Endpoint &endpoint, const RunContext &context);
    void dropIdleClients();

    QHash<QString, Entry> m_entries; // endpoint identity -> client
    QHash<quint64, QList<QPointer<ArtifactJob>>> m_jobs; // run -> its artifacts here
    std::atomic<int> m_clientCount { 0 };
};

} // namespace crsync
