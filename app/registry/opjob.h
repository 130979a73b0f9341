#pragma once

#include "registry/registryclient.h"
#include "registry/registryrequest.h"

#include <QMetaObject>

namespace crsync {

// Base of the client's operations: a chain of RegistryRequests that completes exactly once, and
// always from the event loop (never inside the call that started it or inside abort()).
class OpJob : public RegistryJob
{
    Q_OBJECT
public:
    explicit OpJob(RegistryClient *client);
    void abort() override;

    // The chain is driven from outside by the client's operations, hence public.
    // Runs one request of the chain through `via` (the client whose registry it talks to). An
    // error fails the job unless onError takes it.
    void send(RegistryClient *via, RequestSpec spec, std::function<void(Response)> onOk,
              std::function<void(Error)> onError = {});
    void send(RequestSpec spec, std::function<void(Response)> onOk,
              std::function<void(Error)> onError = {})
    {
        send(m_client, std::move(spec), std::move(onOk), std::move(onError));
    }
    virtual void fail(Error error) = 0;

protected:
    virtual void onAbort() {}

public:
    void stopRequests();
    bool isFinished() const { return m_finished; }
    RegistryClient *client() const { return m_client; }
    QString registryName() const { return m_client->endpoint().displayName(); }

    RegistryClient *m_client;
    QPointer<RegistryRequest> m_current;
    bool m_finished = false;
};

template<typename T>
class TypedJob : public OpJob
{
public:
    TypedJob(RegistryClient *client, Callback<T> done) : OpJob(client), m_done(std::move(done)) {}

    void finish(Result<T> result)
    {
        if (m_finished)
            return;
        m_finished = true;
        stopRequests();
        QMetaObject::invokeMethod(
            this,
            [this, result = std::move(result)]() mutable {
                auto done = std::move(m_done);
                m_done = nullptr;
                if (done)
                    done(std::move(result));
                deleteLater();
            },
            Qt::QueuedConnection);
    }
    void fail(Error error) override { finish(Result<T>(std::move(error))); }

private:
    Callback<T> m_done;
};

} // namespace crsync
