#include "hub/api/retry.h"

#include <algorithm>

namespace hub {

bool isRetryableStatus(int s)
{
    return s == 408 || s == 429 || s == 500 || s == 502 || s == 503 || s == 504;
}

bool isRetryableError(const HubError &error)
{
    return isTransient(error.code);
}

std::chrono::milliseconds backoffDelay(const RetryPolicy &policy, int retry)
{
    const auto d = policy.initialDelay * (int64_t{1} << std::clamp(retry, 0, 20));
    return std::min<std::chrono::milliseconds>(d, policy.maxDelay);
}

std::optional<std::chrono::milliseconds> retryDelay(const RetryPolicy &policy, int retry, const HttpHeaders *headers)
{
    if (headers) {
        const int server = serverRetryDelaySeconds(*headers);
        if (server >= 0) {
            if (std::chrono::seconds(server) > policy.maxServerDelay)
                return std::nullopt;
            return std::chrono::seconds(server);
        }
    }
    return backoffDelay(policy, retry);
}

} // namespace hub
