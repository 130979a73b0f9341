#include "registry/requestpacer.h"

#include <QDeadlineTimer>
#include <QMutexLocker>

#include <algorithm>

namespace crsync {

namespace {
qint64 nowMs()
{
    return QDeadlineTimer::current().deadline();
}
} // namespace

RequestPacer &RequestPacer::instance()
{
    static RequestPacer pacer;
    return pacer;
}

void RequestPacer::relax(State &state, qint64 now) const
{
    if (state.intervalMs == 0)
        return;
    const qint64 periods = (now - state.lastThrottle) / RelaxAfterMs;
    if (periods <= 0)
        return;
    state.intervalMs = periods >= 30 ? 0 : state.intervalMs >> periods;
    if (state.intervalMs < FirstIntervalMs / 2)
        state.intervalMs = 0;
    state.lastThrottle += periods * RelaxAfterMs;
}

qint64 RequestPacer::reserve(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_states.find(key);
    if (it == m_states.end())
        return 0;
    State &state = *it;
    const qint64 now = nowMs();
    relax(state, now);
    const qint64 start = std::max({ now, state.notBefore, state.nextSlot });
    state.nextSlot = start + state.intervalMs;
    if (state.intervalMs == 0 && state.notBefore <= now)
        m_states.erase(it); // calm again
    return start - now;
}

void RequestPacer::throttled(const QString &key, qint64 retryAfterMs)
{
    QMutexLocker lock(&m_mutex);
    State &state = m_states[key];
    const qint64 now = nowMs();
    relax(state, now);
    // The requests already in flight when the registry started refusing hear 429 together:
    // that is one complaint, so the spacing doubles at most once a second.
    if (state.intervalMs == 0)
        state.intervalMs = FirstIntervalMs;
    else if (now - state.lastThrottle >= 1000)
        state.intervalMs = std::min(state.intervalMs * 2, MaxIntervalMs);
    state.lastThrottle = now;
    state.notBefore = std::max(state.notBefore, now + (retryAfterMs >= 0 ? retryAfterMs : 1000));
    state.nextSlot = std::max(state.nextSlot, state.notBefore);
}

int RequestPacer::intervalMs(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_states.find(key);
    if (it == m_states.end())
        return 0;
    relax(*it, nowMs());
    return it->intervalMs;
}

} // namespace crsync
