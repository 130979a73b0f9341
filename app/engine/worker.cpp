#include "engine/worker.h"

#include "engine/artifactjob.h"
#include "engine/runcontext.h"
#include "registry/registryclient.h"

#include <QCryptographicHash>
#include <algorithm>

namespace crsync {

namespace {
// Everything that makes two clients different; the password only as a hash.
QString identity(const Endpoint &e)
{
    const QByteArray secret
        = QCryptographicHash::hash(e.password.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringList { e.url.toString(), e.username, QString::fromLatin1(secret), e.caFile,
                         e.insecureSkipVerify ? QStringLiteral("insecure") : QString(),
                         e.allowHttp ? QStringLiteral("http") : QString() }
        .join(QChar(0x1f));
}
} // namespace

Worker::~Worker()
{
    for (const Entry &entry : std::as_const(m_entries))
        entry.client->abortAll();
}

RegistryClient *Worker::client(const Endpoint &endpoint, const RunContext &context)
{
    const QString key = identity(endpoint);
    auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        Entry entry;
        entry.client = new RegistryClient(endpoint, this);
        entry.client->setTuning(context.settings.registryTuning);
        it = m_entries.insert(key, entry);
        m_clientCount = int(m_entries.size());
    }
    it->runs.insert(context.runId);
    it->idle.invalidate();
    return it->client;
}

Worker::Clients Worker::clients(const RunContext &context)
{
    return Clients { client(context.source, context), client(context.target, context) };
}

void Worker::startArtifact(const std::shared_ptr<RunContext> &context, const ArtifactSpec &spec,
                           std::function<void(const ArtifactResult &)> done)
{
    const quint64 runId = context->runId;
    auto *job = new ArtifactJob(context, clients(*context), spec,
                                [this, runId, done = std::move(done)](const ArtifactResult &r) {
                                    auto it = m_jobs.find(runId);
                                    if (it != m_jobs.end()) {
                                        it->removeIf([](const QPointer<ArtifactJob> &j) {
                                            return j.isNull();
                                        });
                                    }
                                    done(r);
                                });
    m_jobs[runId].append(job);
    job->start();
}

void Worker::abortRun(quint64 runId)
{
    const QList<QPointer<ArtifactJob>> jobs = m_jobs.value(runId);
    for (const QPointer<ArtifactJob> &job : jobs)
        if (job)
            job->abort();
}

void Worker::releaseRun(quint64 runId)
{
    m_jobs.remove(runId);
    for (Entry &entry : m_entries) {
        if (entry.runs.remove(runId) && entry.runs.isEmpty())
            entry.idle.start();
    }
    dropIdleClients();
}

void Worker::dropIdleClients()
{
    QList<QPair<qint64, QString>> idle; // (idle ms, key)
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (it->runs.isEmpty() && it->idle.isValid())
            idle.append({ it->idle.elapsed(), it.key() });
    std::sort(idle.begin(), idle.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (int i = 0; i < idle.size(); ++i) {
        if (idle[i].first < IdleClientLifetimeMs && idle.size() - i <= MaxIdleClients)
            break;
        Entry entry = m_entries.take(idle[i].second);
        entry.client->abortAll();
        entry.client->deleteLater();
    }
    m_clientCount = int(m_entries.size());
}

} // namespace crsync
