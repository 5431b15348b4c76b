// The wire-level pieces of HTTP: header lists, URL resolution and origins, Link and rate-limit headers.
#include "hub/api/http.h"

#include "hub/core/strings.h"

#include <algorithm>

namespace hub {

// ---------------------------------------------------------------- headers

namespace {
bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}
} // namespace

void HttpHeaders::add(std::string name, std::string value)
{
    m_items.emplace_back(std::move(name), std::move(value));
}

void HttpHeaders::set(const std::string &name, std::string value)
{
    remove(name);
    add(name, std::move(value));
}

void HttpHeaders::remove(std::string_view name)
{
    m_items.erase(
        std::remove_if(m_items.begin(), m_items.end(), [&](const auto &kv) { return iequals(kv.first, name); }),
        m_items.end());
}

std::optional<std::string> HttpHeaders::get(std::string_view name) const
{
    for (const auto &[k, v] : m_items)
        if (iequals(k, name))
            return v;
    return std::nullopt;
}

std::string HttpHeaders::getOr(std::string_view name, std::string fallback) const
{
    auto v = get(name);
    return v ? *v : std::move(fallback);
}

std::vector<std::string> HttpHeaders::getAll(std::string_view name) const
{
    std::vector<std::string> out;
    for (const auto &[k, v] : m_items)
        if (iequals(k, name))
            out.push_back(v);
    return out;
}

std::string_view httpMethodName(HttpMethod method)
{
    switch (method) {
    case HttpMethod::Get: return "GET";
    case HttpMethod::Head: return "HEAD";
    case HttpMethod::Post: return "POST";
    case HttpMethod::Put: return "PUT";
    case HttpMethod::Delete: return "DELETE";
    }
    return "GET";
}

// ---------------------------------------------------------------- URLs

namespace {
struct UrlParts {
    std::string scheme; // lowercase
    std::string host;   // lowercase, brackets kept for IPv6
    std::string port;
    std::string rest; // path + query, starting with '/' or empty
};

std::optional<UrlParts> splitUrl(std::string_view url)
{
    const auto colon = url.find("://");
    if (colon == std::string_view::npos || colon == 0)
        return std::nullopt;
    for (char c : url.substr(0, colon))
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
            return std::nullopt;
    UrlParts p;
    p.scheme = toLower(url.substr(0, colon));
    std::string_view after = url.substr(colon + 3);
    const auto end = after.find_first_of("/?#");
    std::string_view authority = after.substr(0, end);
    p.rest = end == std::string_view::npos ? std::string() : std::string(after.substr(end));
    if (const auto at = authority.rfind('@'); at != std::string_view::npos)
        authority = authority.substr(at + 1);
    std::string_view hostPort = authority;
    if (!hostPort.empty() && hostPort.front() == '[') {
        const auto close = hostPort.find(']');
        p.host = toLower(hostPort.substr(0, close == std::string_view::npos ? hostPort.size() : close + 1));
        if (close != std::string_view::npos && close + 1 < hostPort.size() && hostPort[close + 1] == ':')
            p.port = std::string(hostPort.substr(close + 2));
    } else if (const auto c = hostPort.rfind(':'); c != std::string_view::npos) {
        p.host = toLower(hostPort.substr(0, c));
        p.port = std::string(hostPort.substr(c + 1));
    } else {
        p.host = toLower(hostPort);
    }
    if (p.port.empty())
        p.port = p.scheme == "https" ? "443" : p.scheme == "http" ? "80" : "";
    return p;
}

bool hasScheme(std::string_view s)
{
    return splitUrl(s).has_value();
}
} // namespace

std::string urlOrigin(std::string_view url)
{
    auto p = splitUrl(url);
    if (!p)
        return {};
    return p->scheme + "://" + p->host + ":" + p->port;
}

std::string resolveUrl(std::string_view base, std::string_view location)
{
    location = trim(location);
    if (hasScheme(location))
        return std::string(location);
    auto b = splitUrl(base);
    if (!b)
        return std::string(location);
    const auto schemeEnd = base.find("://") + 3;
    const auto pathStart = base.find_first_of("/?#", schemeEnd);
    const std::string originPart(base.substr(0, pathStart == std::string_view::npos ? base.size() : pathStart));
    if (startsWith(location, "//"))
        return b->scheme + ":" + std::string(location);
    if (startsWith(location, "/"))
        return originPart + std::string(location);
    std::string path = pathStart == std::string_view::npos ? std::string("/") : std::string(base.substr(pathStart));
    if (const auto q = path.find_first_of("?#"); q != std::string::npos) {
        if (startsWith(location, "?"))
            return originPart + path.substr(0, q) + std::string(location);
        path = path.substr(0, q);
    }
    if (startsWith(location, "?"))
        return originPart + path + std::string(location);
    const auto slash = path.rfind('/');
    return originPart + path.substr(0, slash + 1) + std::string(location);
}

std::string parseLinkNext(std::string_view header, std::string_view base)
{
    size_t pos = 0;
    while (pos < header.size()) {
        const auto open = header.find('<', pos);
        if (open == std::string_view::npos)
            break;
        const auto close = header.find('>', open);
        if (close == std::string_view::npos)
            break;
        const std::string_view target = header.substr(open + 1, close - open - 1);
        auto next = header.find('<', close);
        const std::string_view params =
            header.substr(close + 1, (next == std::string_view::npos ? header.size() : next) - close - 1);
        for (const auto &param : split(params, ';')) {
            const std::string_view p = trim(param);
            const auto eq = p.find('=');
            if (eq == std::string_view::npos || toLower(trim(p.substr(0, eq))) != "rel")
                continue;
            std::string value(trim(p.substr(eq + 1)));
            while (!value.empty() && (value.back() == ',' || value.back() == ' '))
                value.pop_back();
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
                value = value.substr(1, value.size() - 2);
            for (const auto &rel : split(value, ' '))
                if (toLower(rel) == "next")
                    return resolveUrl(base, target);
        }
        pos = close + 1;
    }
    return {};
}

int serverRetryDelaySeconds(const HttpHeaders &headers)
{
    // IETF draft: RateLimit: "api";r=0;t=55 -> wait t (+1 like huggingface_hub) when nothing remains.
    if (auto rl = headers.get("RateLimit")) {
        std::optional<uint64_t> r, t;
        for (const auto &part : split(*rl, ';')) {
            const std::string_view p = trim(part);
            uint64_t v = 0;
            if (startsWith(p, "r=") && parseUint64(p.substr(2), v))
                r = v;
            else if (startsWith(p, "t=") && parseUint64(p.substr(2), v))
                t = v;
        }
        if (r && *r == 0 && t)
            return static_cast<int>(std::min<uint64_t>(*t, 86400)) + 1;
    }
    if (auto ra = headers.get("Retry-After")) {
        uint64_t v = 0;
        if (parseUint64(trim(*ra), v))
            return static_cast<int>(std::min<uint64_t>(v, 86400));
    }
    return -1;
}

} // namespace hub
