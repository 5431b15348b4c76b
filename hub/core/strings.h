#pragma once
// Small string helpers shared by the engine (URL encoding, sizes, case).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hub {

/// Percent-encodes everything but unreserved characters; `keepSlash` leaves '/' as is.
std::string percentEncode(std::string_view s, bool keepSlash = false);
/// Decodes %XX (and, when `plusIsSpace`, '+' as space). Invalid escapes are kept literally.
std::string percentDecode(std::string_view s, bool plusIsSpace = false);

std::vector<std::string> split(std::string_view s, char sep);
std::string_view trim(std::string_view s);
std::string toLower(std::string_view s);
bool startsWith(std::string_view s, std::string_view prefix);
bool endsWith(std::string_view s, std::string_view suffix);

/// "1.2 GB", "512 B", "45.0 MB" (decimal units, as the Hub shows sizes).
std::string humanBytes(uint64_t bytes);

/// Parses a decimal unsigned integer; false on anything else or overflow.
bool parseUint64(std::string_view s, uint64_t &out);

} // namespace hub
