#include "hub/api/http.h"

#include "hub/core/redact.h"
#include "hub/core/strings.h"

#include <curl/curl.h>

#include <algorithm>
#include <thread>

namespace hub {

// ---------------------------------------------------------------- client

namespace {
bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

/// An absolute URL (scheme://host...), as opposed to a path-relative Location.
bool hasScheme(std::string_view s)
{
    return !urlOrigin(s).empty();
}

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
    else if (!request.headers.has("Content-Type") &&
             (request.method == HttpMethod::Put || (request.method == HttpMethod::Delete && !request.body.empty())))
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
        const bool retryableFailure = !result ? isTransient(result.error().code) : isRetryableStatus(result->status);
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
