#pragma once

#include "registry/registryclient.h"

#include <optional>

namespace crsync {

// Backoff between attempts of one request: exponential with jitter, or what the registry asked
// for with Retry-After (bounded, so a confused server cannot park a transfer for hours).
class RetryPolicy
{
public:
    static constexpr qint64 MaxRetryAfterMs = 60000;

    // attempt counts from 1 (the attempt that just failed).
    static qint64 delayMs(const Tuning &tuning, int attempt, std::optional<qint64> retryAfterMs);
    static bool isRetryableStatus(int httpStatus);
};

} // namespace crsync
