#include "hub/api/http.h"

#include "hub/api/parse.h"
#include "hub/core/redact.h"
#include "hub/core/strings.h"

#include <curl/curl.h>

#include <algorithm>
#include <thread>

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

// ---------------------------------------------------------------- error mapping

namespace {
std::string repoWord(const HttpRequest &r)
{
    return r.repoType ? std::string(repoTypeName(*r.repoType)) : std::string("repository");
}

std::string theRepo(const HttpRequest &r)
{
    const std::string word = repoWord(r);
    return r.repoId.empty() ? "This " + word : "The " + word + " " + r.repoId;
}
} // namespace

HubError mapHttpError(const HttpRequest &request, const HttpResponse &response, bool hadToken)
{
    const int status = response.status;
    const std::string code = response.headers.getOr("X-Error-Code");
    std::string serverMsg = response.headers.getOr("X-Error-Message");
    if (const std::string bodyMsg = parseErrorMessage(response.body); !bodyMsg.empty() && serverMsg.empty())
        serverMsg = bodyMsg;
    std::string detail = "HTTP " + std::to_string(status) + " " + std::string(httpMethodName(request.method)) + " " +
                         stripUrlQuery(response.url.empty() ? request.url : response.url);
    if (!code.empty())
        detail += " [" + code + "]";
    if (!serverMsg.empty())
        detail += ": " + serverMsg.substr(0, 300);
    if (auto rid = response.headers.get("X-Request-Id"))
        detail += " (request id " + *rid + ")";

    const bool aboutRepo = !request.repoId.empty();
    const std::string word = repoWord(request);
    auto make = [&](ErrorCode c, std::string msg) {
        HubError e = HubError::make(c, std::move(msg), detail);
        e.httpStatus = status;
        e.retryAfterSeconds = serverRetryDelaySeconds(response.headers);
        return e;
    };

    if (code == "RevisionNotFound")
        return make(ErrorCode::RevisionNotFound,
                    "The revision \"" + (request.revision.empty() ? std::string("?") : request.revision) +
                        "\" does not exist in this " + word + ": choose a branch, tag or commit that exists.");
    if (code == "EntryNotFound")
        return make(ErrorCode::EntryNotFound,
                    (request.path.empty() ? std::string("This file or folder") : "\"" + request.path + "\"") +
                        " does not exist at this revision of the " + word + ".");
    if (code == "GatedRepo")
        return make(ErrorCode::GatedRepo, hadToken
                                              ? "You need to accept this " + word +
                                                    "'s conditions on the Hub first, then sign in with that account."
                                              : "This " + word +
                                                    " is gated: sign in, accept its conditions on the Hub, and "
                                                    "try again.");
    if (serverMsg == "Access to this resource is disabled.")
        return make(ErrorCode::Forbidden, theRepo(request) + " has been disabled on the Hub and cannot be used.");
    if (code == "RepoNotFound" || (status == 404 && aboutRepo) ||
        (status == 401 && aboutRepo && serverMsg != "Invalid credentials in Authorization header"))
        return make(ErrorCode::RepoNotFound,
                    hadToken
                        ? theRepo(request) + " does not exist or your account cannot see it: check the name, or "
                                             "sign in with an account that has access."
                        : theRepo(request) + " does not exist or is private: sign in with an account that can see it.");
    switch (status) {
    case 401:
        return make(ErrorCode::Unauthorized, hadToken ? "Your Hub token was not accepted: sign in again, or create a "
                                                        "new access token in your Hub settings."
                                                      : "You need to sign in to the Hub for this.");
    case 403:
        return make(ErrorCode::Forbidden, "Your account or token is not allowed to do this: use a token with write "
                                          "access to this " +
                                              word + ", or ask its owner for access.");
    case 404: return make(ErrorCode::EntryNotFound, "The Hub has nothing at this address: check the Hub address.");
    case 408: return make(ErrorCode::Timeout, "The Hub took too long to answer: try again in a moment.");
    case 409:
        return make(ErrorCode::Conflict, "This already exists on the Hub, or another change is in progress: refresh "
                                         "and try again." +
                                             (serverMsg.empty() ? std::string() : " The Hub said: " + serverMsg));
    case 412:
        return make(ErrorCode::PreconditionFailed,
                    "The branch changed on the Hub since you started: refresh to see the new state and try again.");
    case 413: return make(ErrorCode::TooLarge, "The request was too large for the Hub: send fewer files at once.");
    case 416:
        return make(ErrorCode::BadRequest, "The Hub could not serve that part of the file: start the download again.");
    case 429: {
        const int wait = serverRetryDelaySeconds(response.headers);
        return make(ErrorCode::RateLimited,
                    "The Hub is limiting how fast you can send requests: wait " +
                        (wait > 0 ? std::to_string(wait) + " seconds" : std::string("a few minutes")) +
                        " and try again" + (hadToken ? "." : " (signed-in users get higher limits)."));
    }
    default: break;
    }
    if (status >= 500)
        return make(ErrorCode::ServerError, "The Hub had a problem answering (HTTP " + std::to_string(status) +
                                                "): try again in a few minutes.");
    if (status == 400 || status == 422)
        return make(ErrorCode::BadRequest,
                    "The Hub refused the request" + (serverMsg.empty() ? std::string(".") : ": " + serverMsg));
    return make(ErrorCode::BadResponse, "The Hub answered with an unexpected status (HTTP " + std::to_string(status) +
                                            "): try again, and report this if it keeps happening.");
}

// ---------------------------------------------------------------- client

namespace {
void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool isRetryableStatus(int s)
{
    return s == 408 || s == 429 || s == 500 || s == 502 || s == 503 || s == 504;
}

struct TransferState {
    const HttpRequest *request = nullptr;
    const std::atomic<bool> *cancel = nullptr;
    HttpResponse *response = nullptr;
    size_t maxBody = 0;
    bool tooLarge = false;
    bool sinkStopped = false;
    bool delivered = false;
};

size_t headerCallback(char *data, size_t size, size_t n, void *user)
{
    auto *st = static_cast<TransferState *>(user);
    const std::string_view line(data, size * n);
    const std::string_view t = trim(line);
    if (startsWith(line, "HTTP/")) {
        // a new response (after 100 Continue or a proxy CONNECT): start over
        st->response->headers = HttpHeaders();
        const auto sp = t.find(' ');
        uint64_t code = 0;
        if (sp != std::string_view::npos && parseUint64(t.substr(sp + 1, 3), code))
            st->response->status = static_cast<int>(code);
        return size * n;
    }
    const auto colon = t.find(':');
    if (colon != std::string_view::npos)
        st->response->headers.add(std::string(trim(t.substr(0, colon))), std::string(trim(t.substr(colon + 1))));
    return size * n;
}

size_t writeCallback(char *data, size_t size, size_t n, void *user)
{
    auto *st = static_cast<TransferState *>(user);
    const size_t len = size * n;
    const int status = st->response->status;
    if (st->request->onData && status >= 200 && status < 300) {
        st->delivered = true;
        if (!st->request->onData(data, len)) {
            st->sinkStopped = true;
            return 0;
        }
        return len;
    }
    // error and redirect bodies are kept small: only their message matters
    const size_t cap = (status >= 200 && status < 300) ? st->maxBody : std::min<size_t>(st->maxBody, 1 << 20);
    if (st->response->body.size() + len > cap) {
        if (status >= 300) {
            st->response->body.append(data, cap - st->response->body.size());
            return len; // drop the rest silently
        }
        st->tooLarge = true;
        return 0;
    }
    st->response->body.append(data, len);
    return len;
}

int progressCallback(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    auto *st = static_cast<TransferState *>(user);
    return (st->cancel && st->cancel->load()) ? 1 : 0;
}

HubError cancelledError()
{
    return HubError::make(ErrorCode::Cancelled, "Cancelled.");
}
} // namespace

struct HttpClient::Attempt {};

HttpClient::HttpClient(ClientConfig config) : m_config(std::move(config))
{
    globalInit();
    m_config.endpoint = ClientConfig::normalizeEndpoint(m_config.endpoint);
    if (m_config.userAgent.empty())
        m_config.userAgent = ClientConfig::defaultUserAgent();
    m_sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
    m_curl = curl_easy_init();
}

HttpClient::~HttpClient()
{
    if (m_curl)
        curl_easy_cleanup(static_cast<CURL *>(m_curl));
}

void HttpClient::setToken(std::string token)
{
    std::lock_guard lock(m_mutex);
    m_config.token = std::move(token);
}

Expected<HttpResponse> HttpClient::sendOnce(const HttpRequest &request, const std::string &url, bool withToken,
                                            bool &deliveredData)
{
    CURL *curl = static_cast<CURL *>(m_curl);
    if (!curl)
        return HubError::make(ErrorCode::Internal, "The network library could not start.");
    curl_easy_reset(curl);

    HttpResponse response;
    response.url = url;
    TransferState st;
    st.request = &request;
    st.cancel = m_cancel.get();
    st.response = &response;
    st.maxBody = request.maxBodyBytes ? request.maxBodyBytes : m_config.maxBodyBytes;

    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!m_config.caBundle.empty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, m_config.caBundle.c_str());
    const bool https = startsWith(toLower(url), "https://");
    const std::string &proxy = https ? m_config.proxy : m_config.httpProxy;
    curl_easy_setopt(curl, CURLOPT_PROXY, proxy.c_str()); // "" disables proxies from the environment
    if (!m_config.noProxy.empty())
        curl_easy_setopt(curl, CURLOPT_NOPROXY, m_config.noProxy.c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_config.connectTimeout.count()));
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, m_config.lowSpeedLimitBytes);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(m_config.lowSpeedTime.count()));
    const auto timeout = request.timeout.count() ? request.timeout : m_config.requestTimeout;
    if (timeout.count())
        curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(curl, CURLOPT_USERAGENT, m_config.userAgent.c_str());
    if (!request.onData && !request.headers.has("Accept-Encoding"))
        curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");

    switch (request.method) {
    case HttpMethod::Get: curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L); break;
    case HttpMethod::Head: curl_easy_setopt(curl, CURLOPT_NOBODY, 1L); break;
    case HttpMethod::Post:
    case HttpMethod::Put:
    case HttpMethod::Delete:
        if (request.method != HttpMethod::Post)
            curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, std::string(httpMethodName(request.method)).c_str());
        if (request.method != HttpMethod::Delete || !request.body.empty()) {
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
            curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        }
        break;
    }

    curl_slist *headers = nullptr;
    std::vector<std::string> lines;
    for (const auto &[k, v] : request.headers.items()) {
        if (iequals(k, "Authorization"))
            continue; // only the configured token, and only where it belongs
        lines.push_back(k + ": " + v);
    }
    if (withToken)
        lines.push_back("Authorization: Bearer " + m_config.token);
    lines.emplace_back("Expect:");
    // curl would label a body form-urlencoded; API POSTs are JSON, PUTs (LFS parts) raw bytes
    if (!request.headers.has("Content-Type") && request.method == HttpMethod::Post)
        lines.emplace_back("Content-Type: application/json");
    else if (!request.headers.has("Content-Type") && request.method != HttpMethod::Get &&
             request.method != HttpMethod::Head)
        lines.emplace_back("Content-Type: application/octet-stream");
    for (const auto &l : lines)
        headers = curl_slist_append(headers, l.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &headerCallback);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &st);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &writeCallback);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &st);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &progressCallback);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &st);
    char errbuf[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);

    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    // the request's secrets must not outlive the call in the reused handle
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    deliveredData = st.delivered;

    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    if (code > 0)
        response.status = static_cast<int>(code);

    if (rc == CURLE_OK)
        return response;
    const std::string where = stripUrlQuery(url);
    const std::string curlText =
        redactSecrets(std::string(curl_easy_strerror(rc)) + (errbuf[0] ? std::string(": ") + errbuf : ""));
    if (cancelled() || st.sinkStopped)
        return cancelledError();
    if (st.tooLarge)
        return HubError::make(ErrorCode::TooLarge,
                              "The Hub sent more data than expected for this request, so it was stopped.",
                              where + " (limit " + std::to_string(st.maxBody) + " bytes)");
    HubError e;
    switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
        e = HubError::make(ErrorCode::Timeout,
                           "The connection to the Hub stalled: check your network connection and try again.",
                           where + ": " + curlText);
        break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        e = HubError::make(ErrorCode::Network,
                           "Could not find the Hub's address: check your network connection, proxy and Hub address.",
                           where + ": " + curlText);
        break;
    case CURLE_COULDNT_CONNECT:
        e = HubError::make(ErrorCode::Network,
                           "Could not connect to the Hub: check your network connection, proxy and Hub address.",
                           where + ": " + curlText);
        break;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
        e = HubError::make(ErrorCode::Network,
                           "The Hub's secure connection could not be verified: check the system clock, your proxy, "
                           "or the CA bundle setting.",
                           where + ": " + curlText);
        break;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        e = HubError::make(ErrorCode::InvalidArgument, "The Hub address is not a valid http:// or https:// address.",
                           where + ": " + curlText);
        break;
    default:
        e = HubError::make(ErrorCode::Network, "The connection to the Hub was interrupted: try again.",
                           where + ": " + curlText);
        break;
    }
    return e;
}

Expected<HttpResponse> HttpClient::send(const HttpRequest &request)
{
    if (m_config.offline)
        return HubError::make(ErrorCode::Offline,
                              "HubDesk is in offline mode (HF_HUB_OFFLINE is set): turn it off to reach the Hub.");
    if (cancelled())
        return cancelledError();
    std::lock_guard lock(m_mutex);

    const bool mayRetry = request.retry.value_or(request.method != HttpMethod::Post);
    const int maxRetries = mayRetry ? std::max(0, m_config.retry.maxRetries) : 0;
    const std::string endpointOrigin = urlOrigin(m_config.endpoint);
    const bool haveToken = request.sendToken && !m_config.token.empty();

    auto backoff = [&](int retryIndex) {
        auto d = m_config.retry.initialDelay * (1LL << std::min(retryIndex, 20));
        return std::min<std::chrono::milliseconds>(d, m_config.retry.maxDelay);
    };
    auto sleepInterruptibly = [&](std::chrono::milliseconds d) {
        // sleep in slices so a cancel is honoured quickly
        const auto slice = std::chrono::milliseconds(100);
        while (d.count() > 0 && !cancelled()) {
            const auto step = std::min(d, slice);
            m_sleep(step);
            d -= step;
        }
    };

    int attempt = 0;
    for (;;) {
        HttpRequest hop = request;
        std::string url = request.url;
        int redirects = 0;
        bool delivered = false;
        bool sentToken = false;
        Expected<HttpResponse> result = HubError::make(ErrorCode::Internal, "No request was made.");
        for (;;) {
            const bool withToken = haveToken && urlOrigin(url) == endpointOrigin;
            sentToken = withToken;
            result = sendOnce(hop, url, withToken, delivered);
            if (!result)
                break;
            const int s = result->status;
            const auto location = result->headers.get("Location");
            if (s < 300 || s >= 400 || s == 304 || !location || !request.followRedirects)
                break;
            if (request.followRelativeOnly && hasScheme(*location))
                break;
            if (++redirects > m_config.maxRedirects)
                return HubError::make(ErrorCode::BadResponse, "The Hub redirected too many times: try again later.",
                                      stripUrlQuery(request.url));
            const std::string next = resolveUrl(url, *location);
            if (!startsWith(toLower(next), "http://") && !startsWith(toLower(next), "https://"))
                return HubError::make(ErrorCode::BadResponse, "The Hub redirected to an unsupported address.",
                                      stripUrlQuery(next));
            if (s == 303 || ((s == 301 || s == 302) && hop.method == HttpMethod::Post)) {
                hop.method = HttpMethod::Get;
                hop.body.clear();
            }
            url = next;
        }
        if (result) {
            result->redirects = redirects;
            result->attempts = attempt + 1;
        }
        const bool retryableFailure =
            !result ? (result.error().code == ErrorCode::Network || result.error().code == ErrorCode::Timeout)
                    : isRetryableStatus(result->status);
        if (retryableFailure && attempt < maxRetries && !delivered && !cancelled()) {
            std::chrono::milliseconds delay = backoff(attempt);
            if (result) {
                const int server = serverRetryDelaySeconds(result->headers);
                if (server >= 0) {
                    if (std::chrono::seconds(server) > m_config.retry.maxServerDelay)
                        return mapHttpError(request, *result, sentToken);
                    delay = std::chrono::seconds(server);
                }
            }
            sleepInterruptibly(delay);
            if (cancelled())
                return cancelledError();
            ++attempt;
            continue;
        }
        if (!result)
            return result;
        if (request.failOnHttpError && result->status >= 400)
            return mapHttpError(request, *result, sentToken);
        return result;
    }
}

} // namespace hub
