#include "hub/core/redact.h"

#include <cctype>
#include <regex>

namespace hub {

std::string stripUrlQuery(std::string_view url)
{
    const auto pos = url.find_first_of("?#");
    return std::string(pos == std::string_view::npos ? url : url.substr(0, pos));
}

std::string redactSecrets(std::string_view text)
{
    if (text.empty())
        return {};
    static const std::regex token(R"((hf_|api_org_)[A-Za-z0-9_\-]{4,})");
    static const std::regex bearer(R"((Bearer|Basic)\s+[A-Za-z0-9_\-\.=:/+]+)");
    static const std::regex urlQuery(R"((https?://[^\s?#"']*)[?][^\s"'#]*)");
    // user:password@ in any URL (a proxy's credentials, or a server-given URL)
    static const std::regex userInfo(R"(([A-Za-z][A-Za-z0-9+.\-]*://)[^/\s@?#"']+@)");
    std::string s(text);
    s = std::regex_replace(s, token, "[redacted]");
    s = std::regex_replace(s, bearer, "$1 [redacted]");
    s = std::regex_replace(s, urlQuery, "$1?[redacted]");
    s = std::regex_replace(s, userInfo, "$1[redacted]@");
    return s;
}

} // namespace hub
