#include "engine/worker.h"

#include "engine/runcontext.h"
#include "registry/registryclient.h"

#include <QNetworkAccessManager>

namespace crsync {

Worker::~Worker()
{
    for (const Clients &c : std::as_const(m_clients)) {
        c.source->abortAll();
        c.target->abortAll();
    }
}

Worker::Clients Worker::clients(const RunContext &context)
{
    auto it = m_clients.find(context.runId);
    if (it != m_clients.end())
        return *it;
    if (!m_nam) // created here so it belongs to this thread
        m_nam = new QNetworkAccessManager(this);
    Clients c;
    c.source = new RegistryClient(context.source, m_nam, this);
    c.target = new RegistryClient(context.target, m_nam, this);
    c.source->setTuning(context.settings.registryTuning);
    c.target->setTuning(context.settings.registryTuning);
    m_clients.insert(context.runId, c);
    return c;
}

void Worker::abortRun(quint64 runId)
{
    const auto it = m_clients.constFind(runId);
    if (it == m_clients.cend())
        return;
    it->source->abortAll();
    it->target->abortAll();
}

void Worker::releaseRun(quint64 runId)
{
    const Clients c = m_clients.take(runId);
    if (c.source) {
        c.source->abortAll();
        c.target->abortAll();
        c.source->deleteLater();
        c.target->deleteLater();
    }
}

} // namespace crsync
