#pragma once

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <deque>
#include <functional>

namespace crsync {

// Shares the engine's global and per-registry limits between every running task and worker
// thread. A request waits in FIFO order until every counter it names has room; granting runs
// the callback queued on the requester's thread. Thread-safe.
class ConcurrencyLimiter
{
public:
    ConcurrencyLimiter(int globalLimit, int perKeyLimit);

    // keys: the registries the work touches (duplicates count once).
    void acquire(const QStringList &keys, QObject *context, std::function<void()> granted);
    void release(const QStringList &keys);
    // Forgets the waiting (not yet granted) requests of context.
    void dropWaiters(QObject *context);

    int inFlight() const;
    int inFlight(const QString &key) const;
    int waiting() const;

private:
    struct Waiter
    {
        QStringList keys;
        QPointer<QObject> context;
        std::function<void()> granted;
    };
    bool fits(const QStringList &keys) const;
    void take(const QStringList &keys);
    void grantLocked();

    mutable QMutex m_mutex;
    const int m_globalLimit;
    const int m_perKeyLimit;
    int m_inFlight = 0;
    QHash<QString, int> m_perKey;
    std::deque<Waiter> m_waiters;
};

} // namespace crsync
