#include "registry/retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>

namespace crsync {

qint64 RetryPolicy::delayMs(const Tuning &tuning, int attempt, std::optional<qint64> retryAfterMs)
{
    if (retryAfterMs)
        return std::clamp<qint64>(*retryAfterMs, 0, MaxRetryAfterMs);
    const int shift = std::clamp(attempt - 1, 0, 20);
    const qint64 ceiling = std::min<qint64>(qint64(tuning.backoffBaseMs) << shift, tuning.backoffMaxMs);
    // "Equal jitter": at least half the step, so retries spread out but still back off.
    const qint64 half = ceiling / 2;
    return half + (half > 0 ? qint64(QRandomGenerator::global()->bounded(quint64(half + 1))) : 0);
}

bool RetryPolicy::isRetryableStatus(int httpStatus)
{
    return httpStatus == 429 || httpStatus == 500 || httpStatus == 502 || httpStatus == 503
        || httpStatus == 504;
}

} // namespace crsync
