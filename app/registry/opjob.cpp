#include "registry/opjob.h"

#include <QCoreApplication>

namespace crsync {

OpJob::OpJob(RegistryClient *client) : RegistryJob(client), m_client(client) {}

void OpJob::abort()
{
    if (m_finished)
        return;
    onAbort();
    stopRequests();
    fail(Error::make(Error::Kind::Canceled,
                     QCoreApplication::translate("crsync::RegistryClient",
                                                 "The operation on the registry %1 was canceled.")
                         .arg(registryName())));
}

void OpJob::stopRequests()
{
    if (m_current) {
        m_current->abort();
        m_current->deleteLater();
        m_current = nullptr;
    }
}

void OpJob::send(RegistryClient *via, RequestSpec spec, std::function<void(Response)> onOk,
                 std::function<void(Error)> onError)
{
    if (m_finished)
        return;
    auto *request = new RegistryRequest(via, std::move(spec), this);
    m_current = request;
    request->start([this, request, onOk = std::move(onOk), onError = std::move(onError)](
                       Result<Response> result) {
        request->deleteLater();
        if (m_current == request)
            m_current = nullptr;
        if (m_finished)
            return;
        if (result)
            onOk(std::move(result).value());
        else if (onError)
            onError(result.error());
        else
            fail(result.error());
    });
}

} // namespace crsync
