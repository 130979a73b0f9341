#include "engine/concurrencylimiter.h"

#include <QMutexLocker>
#include <algorithm>

namespace crsync {

namespace {
QStringList unique(QStringList keys)
{
    keys.removeDuplicates();
    return keys;
}
} // namespace

ConcurrencyLimiter::ConcurrencyLimiter(int globalLimit, int perKeyLimit)
    : m_globalLimit(std::max(1, globalLimit)), m_perKeyLimit(std::max(1, perKeyLimit))
{
}

bool ConcurrencyLimiter::fits(const QStringList &keys) const
{
    if (m_inFlight >= m_globalLimit)
        return false;
    for (const QString &key : keys)
        if (m_perKey.value(key) >= m_perKeyLimit)
            return false;
    return true;
}

void ConcurrencyLimiter::take(const QStringList &keys)
{
    ++m_inFlight;
    for (const QString &key : keys)
        ++m_perKey[key];
}

void ConcurrencyLimiter::acquire(const QStringList &keys, QObject *context,
                                 std::function<void()> granted)
{
    QMutexLocker lock(&m_mutex);
    m_waiters.push_back(Waiter { unique(keys), context, std::move(granted) });
    grantLocked();
}

void ConcurrencyLimiter::release(const QStringList &keys)
{
    QMutexLocker lock(&m_mutex);
    --m_inFlight;
    for (const QString &key : unique(keys)) {
        auto it = m_perKey.find(key);
        if (it != m_perKey.end() && --it.value() <= 0)
            m_perKey.erase(it);
    }
    grantLocked();
}

void ConcurrencyLimiter::dropWaiters(QObject *context)
{
    QMutexLocker lock(&m_mutex);
    std::erase_if(m_waiters, [context](const Waiter &w) { return w.context == context; });
    grantLocked(); // a dropped head may have blocked others
}

// The first waiter that fits is granted even when an earlier one does not: a task whose
// registry is saturated must not hold back a task that uses other registries.
void ConcurrencyLimiter::grantLocked()
{
    for (auto it = m_waiters.begin(); it != m_waiters.end() && m_inFlight < m_globalLimit;) {
        if (!it->context) {
            it = m_waiters.erase(it);
            continue;
        }
        if (!fits(it->keys)) {
            ++it;
            continue;
        }
        take(it->keys);
        QMetaObject::invokeMethod(it->context.data(), std::move(it->granted), Qt::QueuedConnection);
        it = m_waiters.erase(it);
    }
}

int ConcurrencyLimiter::inFlight() const
{
    QMutexLocker lock(&m_mutex);
    return m_inFlight;
}

int ConcurrencyLimiter::inFlight(const QString &key) const
{
    QMutexLocker lock(&m_mutex);
    return m_perKey.value(key);
}

int ConcurrencyLimiter::waiting() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_waiters.size());
}

} // namespace crsync
