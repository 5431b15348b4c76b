#pragma once
// A token bucket shared by every connection of the engine (both directions).

#include <chrono>
#include <cstdint>

namespace hub::transfer_internal {

/// Bytes may be spent while the bucket is positive; the balance may go negative by one chunk so
/// large curl buffers never starve. Threading: worker thread only.
class BandwidthLimiter {
public:
    using Clock = std::chrono::steady_clock;

    void setLimit(uint64_t bytesPerSec);
    uint64_t limit() const { return m_limit; }
    bool limited() const { return m_limit > 0; }
    /// True when `bytes` may pass now (and they are charged); false means "pause and retry".
    bool take(uint64_t bytes);
    /// Adds the tokens earned since the last refill. Returns true when spending is allowed again.
    bool refill();

private:
    uint64_t m_limit = 0;
    double m_tokens = 0;
    Clock::time_point m_last = Clock::now();
};

} // namespace hub::transfer_internal
