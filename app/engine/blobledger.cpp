#include "engine/blobledger.h"

#include <QMutexLocker>

namespace crsync {

BlobLedger::Claim BlobLedger::claim(const QString &repository, const QString &digest,
                                    QObject *context, Waiter waiter)
{
    QMutexLocker lock(&m_mutex);
    Entry &entry = m_entries[key(repository, digest)];
    if (entry.present)
        return Claim::Present;
    if (entry.inFlight) {
        entry.waiters.append({ QPointer<QObject>(context), std::move(waiter) });
        return Claim::Waiting;
    }
    entry.inFlight = true;
    return Claim::Owner;
}

void BlobLedger::finish(const QString &repository, const QString &digest,
                        const Result<void> &outcome)
{
    QList<QPair<QPointer<QObject>, Waiter>> waiters;
    {
        QMutexLocker lock(&m_mutex);
        Entry &entry = m_entries[key(repository, digest)];
        entry.inFlight = false;
        if (outcome.ok()) {
            entry.present = true;
            m_repositoriesByDigest[digest].insert(repository);
        }
        waiters.swap(entry.waiters);
        const auto streaming = m_streamingByDigest.constFind(digest);
        if (streaming != m_streamingByDigest.cend() && *streaming == repository) {
            m_streamingByDigest.remove(digest);
            waiters.append(m_digestWaiters.take(digest));
        }
    }
    for (auto &[context, waiter] : waiters) {
        if (context)
            QMetaObject::invokeMethod(
                context.data(), [w = std::move(waiter), outcome] { w(outcome); },
                Qt::QueuedConnection);
    }
}

void BlobLedger::markPresent(const QString &repository, const QString &digest)
{
    QMutexLocker lock(&m_mutex);
    m_entries[key(repository, digest)].present = true;
    m_repositoriesByDigest[digest].insert(repository);
}

bool BlobLedger::startStreaming(const QString &repository, const QString &digest, QObject *context,
                                Waiter waiter)
{
    QMutexLocker lock(&m_mutex);
    const auto streaming = m_streamingByDigest.constFind(digest);
    if (streaming != m_streamingByDigest.cend() && *streaming != repository) {
        m_digestWaiters[digest].append({ QPointer<QObject>(context), std::move(waiter) });
        return false;
    }
    m_streamingByDigest.insert(digest, repository);
    return true;
}

QString BlobLedger::mountSource(const QString &digest, const QString &except) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_repositoriesByDigest.constFind(digest);
    if (it == m_repositoriesByDigest.cend())
        return {};
    for (const QString &repository : *it)
        if (repository != except)
            return repository;
    return {};
}

} // namespace crsync
