#pragma once

#include <QHash>
#include <QMutex>
#include <QString>
#include <QtGlobal>

namespace crsync {

// Slows every request to a registry that answered 429, not only the request that heard it:
// the other transfers of the run (and of every worker thread) wait out its Retry-After too, and
// then go at a spaced pace that relaxes while the registry stays quiet. A registry that never
// says 429 is never slowed. Keys are "scheme://host:port"; one pacer for the whole process.
class RequestPacer
{
public:
    static RequestPacer &instance();

    // How long a request to `key` waits before it goes (0 = now); takes its slot in the pace.
    qint64 reserve(const QString &key);
    // `key` answered 429; retryAfterMs: what it asked for, or -1 when it did not say.
    void throttled(const QString &key, qint64 retryAfterMs);
    // The spacing now in force for `key` (0 = none); for tests and logs.
    int intervalMs(const QString &key);

    static constexpr int FirstIntervalMs = 50;
    static constexpr int MaxIntervalMs = 2000;
    static constexpr int RelaxAfterMs = 5000; // the spacing halves per quiet period this long

private:
    struct State
    {
        qint64 notBefore = 0; // ms on the monotonic clock
        qint64 nextSlot = 0;
        int intervalMs = 0;
        qint64 lastThrottle = 0;
    };
    void relax(State &state, qint64 now) const;

    QMutex m_mutex;
    QHash<QString, State> m_states;
};

} // namespace crsync
