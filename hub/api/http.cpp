#include "hub/api/http.h"

#include "hub/api/curlsetup.h"
#include "hub/api/retry.h"
#include "hub/core/log.h"
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
    long status = st->response->status;
    takeHeaderLine(std::string_view(data, size * n), status, st->response->headers);
    st->response->status = static_cast<int>(status);
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
    curlGlobalInit();
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

    CurlRequest cr;
    cr.url = url;
    cr.method = request.method;
    cr.withToken = withToken;
    cr.body = &request.body;
    for (const auto &[k, v] : request.headers.items()) {
        if (!iequals(k, "Authorization")) // only the configured token, and only where it belongs
            cr.headers.push_back(k + ": " + v);
    }
    // curl would label a body form-urlencoded; API POSTs are JSON, PUTs (LFS parts) raw bytes
    if (!request.headers.has("Content-Type") && request.method == HttpMethod::Post)
        cr.headers.emplace_back("Content-Type: application/json");
    else if (!request.headers.has("Content-Type") &&
             (request.method == HttpMethod::Put || (request.method == HttpMethod::Delete && !request.body.empty())))
        cr.headers.emplace_back("Content-Type: application/octet-stream");
    cr.acceptEncoding = !request.onData && !request.headers.has("Accept-Encoding");
    cr.timeout = request.timeout.count() ? request.timeout : m_config.requestTimeout;
    cr.header = &headerCallback;
    cr.headerData = &st;
    cr.write = &writeCallback;
    cr.writeData = &st;
    cr.progress = &progressCallback;
    cr.progressData = &st;
    char errbuf[CURL_ERROR_SIZE] = {0};
    cr.errorBuffer = errbuf;
    auto applied = applyRequest(curl, m_config, cr);
    if (!applied)
        return applied.error();
    curl_slist *headers = *applied;

    const CURLcode rc = curl_easy_perform(curl);
    // the request's secrets must not outlive the call in the reused handle
    forgetHeaders(curl);
    curl_slist_free_all(headers);
    deliveredData = st.delivered;

    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    if (code > 0)
        response.status = static_cast<int>(code);

    if (rc == CURLE_OK) {
        if (auto proxyError = proxyAnswerError(curl, response.status, m_config, url))
            return *proxyError;
        return response;
    }
    if (cancelled() || st.sinkStopped)
        return cancelledError();
    if (st.tooLarge)
        return HubError::make(ErrorCode::TooLarge,
                              "The Hub sent more data than expected for this request, so it was stopped.",
                              stripUrlQuery(url) + " (limit " + std::to_string(st.maxBody) + " bytes)");
    return curlFailure(curl, rc, m_config, url, errbuf, "the Hub");
}

namespace {
/// "GET https://host/path" for the diagnostic log (never the query: signed URLs carry credentials).
std::string requestLine(const HttpRequest &request)
{
    return std::string(httpMethodName(request.method)) + " " + stripUrlQuery(request.url);
}
} // namespace

Expected<HttpResponse> HttpClient::send(const HttpRequest &request)
{
    auto result = sendWithRetries(request);
    // A failure the caller sees goes to the diagnostic log with its detail (redacted there); an
    // HTTP error status the caller asked to handle itself (failOnHttpError off) is not a failure.
    if (!result && result.error().code != ErrorCode::Cancelled && result.error().code != ErrorCode::Offline)
        logError("http", requestLine(request), result.error());
    return result;
}

Expected<HttpResponse> HttpClient::sendWithRetries(const HttpRequest &request)
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

    auto sleepInterruptibly = [&](std::chrono::milliseconds d) {
        // sleep in slices so a cancel is honoured quickly
        const auto slice = std::chrono::milliseconds(100);
        while (d.count() > 0 && !cancelled()) {
            const auto step = std::min(d, slice);
            m_sleep(step);
            d -= step;
        }
    };

    // One deadline for the whole call (every hop and retry), so a server that trickles its answer
    // cannot hold a caller for longer than the configured time.
    const auto limit = request.timeout.count() ? request.timeout : m_config.requestTimeout;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    auto remaining = [&]() -> std::chrono::milliseconds {
        if (limit.count() <= 0)
            return std::chrono::milliseconds(0);
        return std::max(std::chrono::milliseconds(1), std::chrono::duration_cast<std::chrono::milliseconds>(
                                                          deadline - std::chrono::steady_clock::now()));
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
            hop.timeout = remaining();
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
            if (auto allowed = checkServerUrl(next, "a redirect"); !allowed)
                return allowed.error();
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
        const bool retryableFailure = !result ? isRetryableError(result.error()) : isRetryableStatus(result->status);
        const bool timeLeft = limit.count() <= 0 || std::chrono::steady_clock::now() < deadline;
        if (retryableFailure && attempt < maxRetries && !delivered && !cancelled() && timeLeft) {
            const auto delay = retryDelay(m_config.retry, attempt, result ? &result->headers : nullptr);
            if (!delay) // the server asks for a longer wait than we sleep through: tell the person
                return mapHttpError(request, *result, sentToken);
            logMessage(
                LogLevel::Info, "http",
                requestLine(request) + ": " +
                    (result ? "HTTP " + std::to_string(result->status)
                            : std::string(errorCodeName(result.error().code)) + " (" + result.error().detail + ")") +
                    ", attempt " + std::to_string(attempt + 1) + ", retrying in " + std::to_string(delay->count()) +
                    " ms");
            sleepInterruptibly(*delay);
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
