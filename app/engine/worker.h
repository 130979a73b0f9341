#pragma once

#include <QHash>
#include <QObject>

class QNetworkAccessManager;

namespace crsync {

class RegistryClient;
struct RunContext;

// One engine thread's network side: its own QNetworkAccessManager and, per run, a client for
// the source and one for the target. Lives on its worker thread; call it only there.
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
    Clients clients(const RunContext &context);
    void abortRun(quint64 runId); // cancels the run's registry jobs on this thread
    void releaseRun(quint64 runId); // the run is over: drops its clients

private:
    QNetworkAccessManager *m_nam = nullptr;
    QHash<quint64, Clients> m_clients;
};

} // namespace crsync
