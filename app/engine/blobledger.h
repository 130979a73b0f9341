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
        Owner,   // the caller moves it and then calls finish()
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
};

} // namespace crsync
