#include "hub/transfer/connramp.h"

#include <algorithm>

namespace hub::transfer_internal {

int ConnectionRamp::limit(Clock::time_point now, int most, uint64_t fetched, uint64_t verified)
{
    most = std::max(1, most);
    if (m_settled || m_limit >= most)
        return std::min(m_limit, most);
    if (m_since == Clock::time_point{}) {
        // The first window starts with the first byte, so connecting is not counted as slowness.
        if (fetched > 0) {
            m_since = now;
            m_fetchedAtStart = fetched;
            m_verifiedAtStart = verified;
        }
        return m_limit;
    }
    const auto window = m_prevLimit == 0 ? m_window : 2 * m_window;
    if (now - m_since < window)
        return m_limit;
    const double seconds = std::chrono::duration<double>(now - m_since).count();
    // The smaller of both: after a resume the hash first catches up with bytes fetched earlier,
    // and while the hash lags, fetching faster does not finish the file sooner.
    const uint64_t moved =
        std::min(fetched - std::min(fetched, m_fetchedAtStart), verified - std::min(verified, m_verifiedAtStart));
    const double rate = static_cast<double>(moved) / seconds;
    if (m_prevLimit == 0 || rate > m_prevRate * kGain) {
        m_prevLimit = m_limit;
        m_prevRate = rate;
        m_limit = std::min(most, m_limit * 2);
    } else {
        // The step did not pay: go back to the count before it (as fast, cheaper for both ends).
        m_settled = true;
        m_limit = m_prevLimit;
    }
    m_since = now;
    m_fetchedAtStart = fetched;
    m_verifiedAtStart = verified;
    return m_limit;
}

} // namespace hub::transfer_internal
