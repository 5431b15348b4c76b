#include "hub/transfer/bandwidth.h"

#include <algorithm>

namespace hub::transfer_internal {

void BandwidthLimiter::setLimit(uint64_t bytesPerSec, Clock::time_point now)
{
    m_limit = bytesPerSec;
    m_tokens = 0;
    m_last = now;
}

bool BandwidthLimiter::take(uint64_t bytes)
{
    if (m_limit == 0)
        return true;
    if (m_tokens <= 0)
        return false;
    m_tokens -= static_cast<double>(bytes);
    return true;
}

bool BandwidthLimiter::refill(Clock::time_point now)
{
    if (m_limit == 0)
        return true;
    const double secs = std::max(0.0, std::chrono::duration<double>(now - m_last).count());
    m_last = now;
    // A burst of at most 1/10 s keeps the rate smooth while still allowing big curl chunks.
    const double burst = std::max(static_cast<double>(m_limit) / 10.0, 16384.0);
    m_tokens = std::min(m_tokens + secs * static_cast<double>(m_limit), burst);
    return m_tokens > 0;
}

} // namespace hub::transfer_internal
