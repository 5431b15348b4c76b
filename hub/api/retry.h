#pragma once
// The one retry policy of HubDesk: which answers and errors are worth another attempt, how long
// to wait before it, and when a server's own request to wait is too long to sleep through.
// HttpClient and the transfer engine both decide with these functions, from ClientConfig::retry.

#include "hub/api/config.h"
#include "hub/api/http.h"
#include "hub/core/error.h"

#include <chrono>
#include <optional>

namespace hub {

/// 408, 429, 500, 502, 503, 504: the same request may well succeed later.
bool isRetryableStatus(int status);

/// A failure worth another attempt: a transient error code (network, timeout, rate limit, server
/// error). Certificate, proxy and refusals never are: trying again cannot fix them.
bool isRetryableError(const HubError &error);

/// The backoff before retry number `retry` (0 = the first retry): initialDelay doubling up to
/// maxDelay (1, 2, 4, 8, 8 s with the defaults, like huggingface_hub).
std::chrono::milliseconds backoffDelay(const RetryPolicy &policy, int retry);

/// How long to wait before retry number `retry` after an answer with `headers` (may be null):
/// the server's Retry-After / RateLimit wait when it sent one, else the backoff. nullopt when
/// the server asks for longer than policy.maxServerDelay: the caller reports the error (with
/// HubError::retryAfterSeconds) instead of sleeping.
std::optional<std::chrono::milliseconds> retryDelay(const RetryPolicy &policy, int retry, const HttpHeaders *headers);

} // namespace hub
