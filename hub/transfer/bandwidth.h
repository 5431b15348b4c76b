#pragma once
// A token bucket shared by every connection of the engine (both directions).

#include <chrono>
#include <cstdint>

namespace hub::transfer_internal {

/// Bytes may be spent while the bucket is positive; the balance may go negative by one chunk so
/// large curl buffers never starve. Time comes from the caller (the engine's clock), so the rate
/// is testable without waiting. Threading: worker thread only.
class BandwidthLimiter {
public:
    using Clock = std::chrono::steady_clock;

    /// Sets the rate and empties the bucket; tokens accrue from `now`.
    void setLimit(uint64_t bytesPerSec, Clock::time_point now);
    uint64_t limit() const { return m_limit; }
    bool limited() const { return m_limit > 0; }
    /// True when `bytes` may pass now (and they are charged); false means "pause and retry".
    bool take(uint64_t bytes);
    /// Adds the tokens earned between the last refill and `now` (at most one burst of 1/10 s, at
    /// least 16 KiB). Returns true when spending is allowed again.
    bool refill(Clock::time_point now);

private:
    uint64_t m_limit = 0;
    double m_tokens = 0;
    Clock::time_point m_last{};
};

} // namespace hub::transfer_internal
