// The one HTTP policy (see curlsetup.h). This is the only translation unit of hub/ that calls
// curl_easy_setopt.
#include "hub/api/curlsetup.h"

#include "hub/core/redact.h"
#include "hub/core/strings.h"

#include <mutex>

namespace hub {

namespace {

struct UrlHost {
    std::string scheme; // lowercase
    std::string host;   // lowercase, without brackets
};

UrlHost hostOf(std::string_view url)
{
    // urlOrigin gives "scheme://host:port" for anything with a scheme.
    const std::string origin = urlOrigin(url);
    UrlHost h;
    const auto sep = origin.find("://");
    if (sep == std::string::npos)
        return h;
    h.scheme = origin.substr(0, sep);
    std::string hostPort = origin.substr(sep + 3);
    const auto colon = hostPort.rfind(':');
    h.host = colon == std::string::npos ? hostPort : hostPort.substr(0, colon);
    if (h.host.size() >= 2 && h.host.front() == '[' && h.host.back() == ']')
        h.host = h.host.substr(1, h.host.size() - 2);
    return h;
}

/// A server-given URL made safe to show: no query, no user:password, no control characters,
/// not longer than a line.
std::string displayUrl(std::string_view url)
{
    std::string s = redactSecrets(stripUrlQuery(url));
    std::string out;
    for (unsigned char c : s)
        out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
    if (out.size() > 200)
        out = out.substr(0, 200) + "...";
    return out;
}

bool noProxyMatches(std::string_view noProxy, const std::string &host)
{
    for (const auto &part : split(noProxy, ',')) {
        std::string entry = toLower(trim(part));
        if (entry.empty())
            continue;
        if (entry == "*")
            return true;
        if (entry.front() == '.')
            entry.erase(0, 1);
        if (entry.size() >= 2 && entry.front() == '[' && entry.back() == ']')
            entry = entry.substr(1, entry.size() - 2);
        if (host == entry || (host.size() > entry.size() && host.ends_with("." + entry)))
            return true;
    }
    return false;
}

template <class T> void setopt(CURL *curl, CURLoption option, T value)
{
    curl_easy_setopt(curl, option, value);
}

bool isAuthorizationLine(std::string_view line)
{
    const auto colon = line.find(':');
    return colon != std::string_view::npos && toLower(trim(line.substr(0, colon))) == "authorization";
}

} // namespace

void curlGlobalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Expected<void> checkServerUrl(std::string_view url, std::string_view what)
{
    const UrlHost h = hostOf(trim(url));
    if ((h.scheme == "http" || h.scheme == "https") && !h.host.empty())
        return {};
    HubError e = HubError::make(
        ErrorCode::Refused,
        "HubDesk refused " + std::string(what) + " to " + (h.host.empty() ? "\"" + displayUrl(url) + "\"" : h.host) +
            ": a server may only send http:// or https:// addresses. Nothing was opened there; if this keeps "
            "happening, the Hub address you use (Settings, or HF_ENDPOINT) may not be a real Hub.",
        displayUrl(url));
    e.subject = h.host.empty() ? (h.scheme.empty() ? displayUrl(url) : h.scheme + "://") : h.host;
    return e;
}

HeaderLine parseHeaderLine(std::string_view line)
{
    HeaderLine out;
    const std::string_view t = trim(line);
    if (startsWith(t, "HTTP/")) {
        out.kind = HeaderLine::Kind::StatusLine;
        const auto sp = t.find(' ');
        uint64_t code = 0;
        if (sp != std::string_view::npos && parseUint64(t.substr(sp + 1, 3), code) && code < 1000)
            out.status = static_cast<int>(code);
        return out;
    }
    const auto colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return out;
    out.kind = HeaderLine::Kind::Field;
    out.name = std::string(trim(t.substr(0, colon)));
    out.value = std::string(trim(t.substr(colon + 1)));
    return out;
}

void takeHeaderLine(std::string_view line, long &status, HttpHeaders &headers)
{
    HeaderLine h = parseHeaderLine(line);
    if (h.kind == HeaderLine::Kind::StatusLine) {
        headers = HttpHeaders(); // a new response: after 100 Continue or a proxy's CONNECT answer
        status = h.status;
    } else if (h.kind == HeaderLine::Kind::Field && headers.items().size() < 1000) {
        headers.add(std::move(h.name), std::move(h.value));
    }
}

std::string proxyFor(const ClientConfig &config, std::string_view url)
{
    const UrlHost h = hostOf(url);
    const std::string &proxy = h.scheme == "http" ? config.httpProxy : config.proxy;
    if (proxy.empty() || noProxyMatches(config.noProxy, h.host))
        return {};
    return proxy;
}

std::string proxyDisplayName(std::string_view proxyUrl)
{
    std::string_view s = trim(proxyUrl);
    if (const auto sep = s.find("://"); sep != std::string_view::npos)
        s = s.substr(sep + 3);
    s = s.substr(0, s.find_first_of("/?#"));
    if (const auto at = s.rfind('@'); at != std::string_view::npos)
        s = s.substr(at + 1);
    std::string out(s);
    if (out.find(':') == std::string::npos || (out.front() == '[' && out.back() == ']'))
        out += ":1080"; // libcurl's default proxy port
    return out;
}

Expected<curl_slist *> applyRequest(CURL *curl, const ClientConfig &config, const CurlRequest &r)
{
    if (auto ok = checkServerUrl(r.url, "an address"); !ok)
        return ok.error();
    setopt(curl, CURLOPT_URL, r.url.c_str());
    setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    setopt(curl, CURLOPT_FOLLOWLOCATION, 0L); // our own redirect rules, in HttpClient and the engine
    setopt(curl, CURLOPT_NOSIGNAL, 1L);
    // TLS: verification is always on; a CA bundle adds to (replaces) the system store.
    setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    setopt(curl, CURLOPT_PROXY_SSL_VERIFYPEER, 1L);
    setopt(curl, CURLOPT_PROXY_SSL_VERIFYHOST, 2L);
    if (!config.caBundle.empty()) {
        setopt(curl, CURLOPT_CAINFO, config.caBundle.c_str());
        setopt(curl, CURLOPT_PROXY_CAINFO, config.caBundle.c_str());
    }
    // Proxy: what the config says, never libcurl's own environment lookup ("" switches it off).
    const std::string proxy = proxyFor(config, r.url);
    setopt(curl, CURLOPT_PROXY, proxy.c_str());
    if (!config.noProxy.empty())
        setopt(curl, CURLOPT_NOPROXY, config.noProxy.c_str());
    const bool withToken = r.withToken && !config.token.empty() && urlOrigin(r.url) == urlOrigin(config.endpoint);
    if (!proxy.empty()) {
        // The proxy sees only "CONNECT host:port": https always, and plain http when a token
        // travels, so the Authorization header never reaches the proxy.
        const bool https = hostOf(r.url).scheme == "https";
        setopt(curl, CURLOPT_HTTPPROXYTUNNEL, (https || withToken) ? 1L : 0L);
    }
    // Our headers go to the server only; the proxy gets none of them.
    setopt(curl, CURLOPT_HEADEROPT, static_cast<long>(CURLHEADER_SEPARATE));
    setopt(curl, CURLOPT_PROXYHEADER, static_cast<curl_slist *>(nullptr));

    setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config.connectTimeout.count()));
    setopt(curl, CURLOPT_LOW_SPEED_LIMIT, std::max(1L, config.lowSpeedLimitBytes));
    setopt(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(r.lowSpeedTime.value_or(config.lowSpeedTime).count()));
    if (r.timeout.count() > 0)
        setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(r.timeout.count()));
    const std::string ua = config.userAgent.empty() ? ClientConfig::defaultUserAgent() : config.userAgent;
    setopt(curl, CURLOPT_USERAGENT, ua.c_str());
    if (r.acceptEncoding)
        setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    if (r.bufferSize > 0)
        setopt(curl, CURLOPT_BUFFERSIZE, r.bufferSize);
    if (r.uploadBufferSize > 0)
        setopt(curl, CURLOPT_UPLOAD_BUFFERSIZE, r.uploadBufferSize);
    if (r.tcpKeepAlive)
        setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);

    const bool hasBody = r.body && !r.body->empty();
    switch (r.method) {
    case HttpMethod::Get: setopt(curl, CURLOPT_HTTPGET, 1L); break;
    case HttpMethod::Head: setopt(curl, CURLOPT_NOBODY, 1L); break;
    case HttpMethod::Put:
        if (r.read) {
            setopt(curl, CURLOPT_UPLOAD, 1L);
            setopt(curl, CURLOPT_READFUNCTION, r.read);
            setopt(curl, CURLOPT_READDATA, r.readData);
            setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(r.uploadSize));
            break;
        }
        [[fallthrough]];
    case HttpMethod::Post:
    case HttpMethod::Delete:
        if (r.method != HttpMethod::Post)
            setopt(curl, CURLOPT_CUSTOMREQUEST, r.method == HttpMethod::Put ? "PUT" : "DELETE");
        else
            setopt(curl, CURLOPT_POST, 1L);
        if (r.method != HttpMethod::Delete || hasBody) {
            setopt(curl, CURLOPT_POSTFIELDS, r.body ? r.body->data() : "");
            setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body ? r.body->size() : 0));
        }
        break;
    }

    curl_slist *list = nullptr;
    for (const auto &line : r.headers) {
        if (!isAuthorizationLine(line))
            list = curl_slist_append(list, line.c_str());
    }
    if (withToken)
        list = curl_slist_append(list, ("Authorization: Bearer " + config.token).c_str());
    if (r.method != HttpMethod::Get && r.method != HttpMethod::Head)
        list = curl_slist_append(list, "Expect:");
    setopt(curl, CURLOPT_HTTPHEADER, list);

    if (r.header) {
        setopt(curl, CURLOPT_HEADERFUNCTION, r.header);
        setopt(curl, CURLOPT_HEADERDATA, r.headerData);
    }
    if (r.write) {
        setopt(curl, CURLOPT_WRITEFUNCTION, r.write);
        setopt(curl, CURLOPT_WRITEDATA, r.writeData);
    }
    if (r.progress) {
        setopt(curl, CURLOPT_NOPROGRESS, 0L);
        setopt(curl, CURLOPT_XFERINFOFUNCTION, r.progress);
        setopt(curl, CURLOPT_XFERINFODATA, r.progressData);
    }
    if (r.privateData)
        setopt(curl, CURLOPT_PRIVATE, r.privateData);
    if (r.errorBuffer) {
        r.errorBuffer[0] = '\0';
        setopt(curl, CURLOPT_ERRORBUFFER, r.errorBuffer);
    }
    return list;
}

void forgetHeaders(CURL *curl)
{
    setopt(curl, CURLOPT_HTTPHEADER, static_cast<curl_slist *>(nullptr));
}

std::optional<HubError> proxyAnswerError(CURL *curl, long status, const ClientConfig &config, const std::string &url)
{
    const std::string proxy = proxyFor(config, url);
    if (proxy.empty())
        return std::nullopt;
    long connectCode = 0;
    curl_easy_getinfo(curl, CURLINFO_HTTP_CONNECTCODE, &connectCode);
    const long code = connectCode > 0 ? connectCode : (status == 407 ? 407 : 0);
    if (code == 0 || (code >= 200 && code < 300))
        return std::nullopt;
    const std::string name = proxyDisplayName(proxy);
    const std::string host = hostOf(url).host;
    HubError e = code == 407
                     ? HubError::make(ErrorCode::Proxy,
                                      "The proxy " + name +
                                          " asks for a user name and password: put them in the proxy address as "
                                          "user:password@" +
                                          name + " (Settings → Network → Proxy, or HTTPS_PROXY).",
                                      "proxy answered 407 for " + host)
                     : HubError::make(
                           ErrorCode::Proxy,
                           "The proxy " + name + " refused to connect to " + host + " (answer " + std::to_string(code) +
                               "): ask your network administrator whether HubDesk may reach it, or change the proxy "
                               "setting (Settings → Network, or HTTPS_PROXY).",
                           "CONNECT " + host + " answered " + std::to_string(code));
    e.httpStatus = static_cast<int>(code);
    e.subject = name;
    return e;
}

HubError curlFailure(CURL *curl, CURLcode rc, const ClientConfig &config, const std::string &url,
                     const char *errorBuffer, std::string_view peer)
{
    const std::string where = displayUrl(url);
    const std::string curlText = redactSecrets(std::string(curl_easy_strerror(rc)) +
                                               (errorBuffer && errorBuffer[0] ? std::string(": ") + errorBuffer : ""));
    const std::string detail = where + ": " + curlText;
    const std::string host = hostOf(url).host;
    const std::string proxy = proxyFor(config, url);
    const std::string Peer = std::string(peer);
    auto make = [&](ErrorCode c, std::string msg, std::string subject) {
        HubError e = HubError::make(c, std::move(msg), detail);
        e.subject = std::move(subject);
        return e;
    };
    if (auto p = proxyAnswerError(curl, 0, config, url))
        return *p;
    const std::string proxyName = proxy.empty() ? std::string() : proxyDisplayName(proxy);
    switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
        return make(ErrorCode::Timeout,
                    "The connection to " + Peer + " (" + host +
                        ") stalled: check your network connection and try again.",
                    host);
    case CURLE_COULDNT_RESOLVE_PROXY:
        return make(ErrorCode::Proxy,
                    "Could not find the proxy " + proxyName +
                        ": check the proxy setting (Settings → Network, or HTTPS_PROXY).",
                    proxyName);
    case CURLE_COULDNT_RESOLVE_HOST:
        return make(ErrorCode::Network,
                    "Could not find the address of " + host + ": check your network connection, proxy and Hub address.",
                    host);
    case CURLE_COULDNT_CONNECT:
        if (!proxy.empty())
            return make(ErrorCode::Proxy,
                        "Could not connect to the proxy " + proxyName +
                            ": check that it is running and the proxy setting (Settings → Network, or HTTPS_PROXY).",
                        proxyName);
        return make(ErrorCode::Network,
                    "Could not connect to " + Peer + " (" + host +
                        "): check your network connection, proxy and Hub address.",
                    host);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR: {
        long verify = 0;
        curl_easy_getinfo(curl, CURLINFO_SSL_VERIFYRESULT, &verify);
        const std::string text = toLower(curlText);
        const std::string lead = "The secure connection to " + host + " could not be verified: ";
        std::string why;
        if (rc == CURLE_SSL_CACERT_BADFILE)
            why = "the CA bundle " + config.caBundle +
                  " could not be read. Check the file, or clear the setting (Settings → Network → CA bundle, or "
                  "CURL_CA_BUNDLE).";
        else if (verify == 10 || verify == 9 || text.find("expired") != std::string::npos)
            why = "its certificate has expired or is not valid yet. Check this computer's date and time; if they are "
                  "right, the server's administrator must renew the certificate.";
        else if (rc == CURLE_PEER_FAILED_VERIFICATION &&
                 (verify == 62 || text.find("subject name") != std::string::npos ||
                  text.find("does not match") != std::string::npos ||
                  text.find("match target host") != std::string::npos))
            why = "its certificate was made for another host name. Check the Hub address (Settings, or HF_ENDPOINT); "
                  "a firewall that intercepts secure connections can also cause this.";
        else if (rc == CURLE_PEER_FAILED_VERIFICATION || verify != 0)
            why = "the certificate is not from an authority this computer trusts. If your company uses its own "
                  "certificate authority, install its certificate or point HubDesk at it (Settings → Network → CA "
                  "bundle, or CURL_CA_BUNDLE).";
        else
            why = "the secure connection could not be set up. Check that the address really serves https://, and "
                  "your proxy setting.";
        return make(ErrorCode::Certificate, lead + why, host);
    }
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return make(ErrorCode::InvalidArgument, "The address " + where + " is not a valid http:// or https:// address.",
                    host);
    default:
        return make(ErrorCode::Network, "The connection to " + Peer + " (" + host + ") was interrupted: try again.",
                    host);
    }
}

} // namespace hub
