#pragma once

#include "core/result.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <functional>

namespace crsync {

// What one task knows about blobs at its target, shared by the task's worker threads so a blob
// that several artifacts need moves once per target repository, and a blob already pushed to
// another target repository can be mounted from there. Thread-safe.
class BlobLedger
{
public:
    enum class Claim {
        Present, // already at the target repository: nothing to do
        Owner, // the caller moves it and then calls finish()
        Waiting, // another artifact moves it; the waiter is called when it is done
    };
    using Waiter = std::function<void(Result<void>)>;

    // waiter is run queued on context's thread, only when the answer is Waiting.
    Claim claim(const QString &repository, const QString &digest, QObject *context, Waiter waiter);
    // Ends an ownership; a failure goes to the waiters and lets a later claim try again.
    void finish(const QString &repository, const QString &digest, const Result<void> &outcome);
    void markPresent(const QString &repository, const QString &digest);

    // A target repository other than `except` that has the blob, for a mount; empty if none.
    QString mountSource(const QString &digest, const QString &except) const;

    // The owner of (repository, digest) is about to stream the blob from the source. True: go
    // ahead (finish() ends it). False: another repository of the target is streaming the same
    // blob right now; waiter runs (queued on context) when that ends, and the caller then
    // mounts from there. Only streaming owners are waited on, and they never wait themselves,
    // so owners cannot wait on each other in a circle.
    bool startStreaming(const QString &repository, const QString &digest, QObject *context,
                        Waiter waiter);

private:
    struct Entry
    {
        bool present = false;
        bool inFlight = false;
        QList<QPair<QPointer<QObject>, Waiter>> waiters;
    };
    static QString key(const QString &repository, const QString &digest)
    {
        return repository + QLatin1Char('@') + digest;
    }

    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    QHash<QString, QSet<QString>> m_repositoriesByDigest; // where each digest is present
    QHash<QString, QString> m_streamingByDigest; // digest -> repository receiving it
    QHash<QString, QList<QPair<QPointer<QObject>, Waiter>>> m_digestWaiters;
};

} // namespace crsync
