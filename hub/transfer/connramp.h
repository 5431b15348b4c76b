#pragma once
// How many connections one large download may use right now (the adaptive ramp).

#include <chrono>
#include <cstdint>

namespace hub::transfer_internal {

/// Starts a file on one connection and doubles the connections only while each step makes the
/// verified bytes arrive clearly faster (kGain: 25%, well above the jitter of a window), measured
/// over a window (two windows after a step that added connections, so the new ones are past their
/// handshake and TCP slow start). The first step that does not pay settles the count at the one
/// before it: as fast, and cheaper for both ends.
///
/// Why: on a link where one stream is already as fast as it gets (a fast LAN, a local server, a
/// machine whose CPU or disk is the limit), extra streams only cost CPU on both ends and finish no
/// sooner; on a long fat link they add speed and are kept. Speed is that of the verified prefix
/// (what the hash has read), not of the fetched bytes: connections that fetch faster than the
/// hash can follow do not make a file ready sooner.
/// Threading: none (the engine's worker thread owns it).
class ConnectionRamp {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr double kGain = 1.25;

    explicit ConnectionRamp(std::chrono::milliseconds window) : m_window(window) {}

    /// Connections allowed now, at most `most`. `fetched`: bytes written by this attempt at the
    /// file; `verified`: bytes of the file hashed so far (may jump ahead after a resume).
    int limit(Clock::time_point now, int most, uint64_t fetched, uint64_t verified);
    bool settled() const { return m_settled; }

private:
    std::chrono::milliseconds m_window;
    int m_limit = 1;
    int m_prevLimit = 0;
    double m_prevRate = 0;
    bool m_settled = false;
    Clock::time_point m_since{};
    uint64_t m_fetchedAtStart = 0;
    uint64_t m_verifiedAtStart = 0;
};

} // namespace hub::transfer_internal
