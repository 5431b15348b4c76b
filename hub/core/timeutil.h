#pragma once
// Hub timestamps: UTC ISO-8601 with a Z suffix ("2026-09-22T17:25:10.000Z").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hub {

/// Seconds since the Unix epoch -> "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string formatIsoUtc(int64_t epochSeconds, int millis = 0);
/// Parses "YYYY-MM-DDTHH:MM:SS[.fff](Z|+00:00)" into epoch seconds; nullopt if malformed.
std::optional<int64_t> parseIsoUtc(std::string_view text);

} // namespace hub
