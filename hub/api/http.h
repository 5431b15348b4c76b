#pragma once
// HTTP for the engine: libcurl with our own redirect, retry, timeout and error rules.

#include "hub/api/config.h"
#include "hub/core/expected.h"
#include "hub/core/types.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hub {

/// Ordered, case-insensitive header list (a response may repeat a header, e.g. X-HF-Warning).
class HttpHeaders {
public:
    void add(std::string name, std::string value);
    /// Replaces every header of that name.
    void set(const std::string &name, std::string value);
    void remove(std::string_view name);
    /// First value, nullopt when absent.
    std::optional<std::string> get(std::string_view name) const;
    std::string getOr(std::string_view name, std::string fallback = {}) const;
    std::vector<std::string> getAll(std::string_view name) const;
    bool has(std::string_view name) const { return get(name).has_value(); }
    const std::vector<std::pair<std::string, std::string>> &items() const { return m_items; }

private:
    std::vector<std::pair<std::string, std::string>> m_items;
};

enum class HttpMethod { Get, Head, Post, Put, Delete };
std::string_view httpMethodName(HttpMethod method);

/// One request. A value: build it, hand it to HttpClient::send.
struct HttpRequest {
    HttpMethod method = HttpMethod::Get;
    /// Absolute URL.
    std::string url;
    HttpHeaders headers;
    std::string body;
    /// Attach "Authorization: Bearer <config.token>" (only to the endpoint's origin and same-origin
    /// redirects; never to another host, port or scheme).
    bool sendToken = true;
    /// Retry on 408/429/5xx and network errors. Defaults by method: GET/HEAD/PUT/DELETE yes,
    /// POST no unless set explicitly (a commit must never be sent twice).
    std::optional<bool> retry;
    /// Follow redirects (our own logic; libcurl's is always off). Off: 3xx answers are returned.
    bool followRedirects = true;
    /// Follow only relative (same-origin) redirects, like huggingface_hub's metadata HEAD.
    bool followRelativeOnly = false;
    /// Statuses >= 400 become a HubError (mapped by mapHttpError) unless this is false.
    bool failOnHttpError = true;
    /// Overrides config.maxBodyBytes when non-zero.
    size_t maxBodyBytes = 0;
    /// Overrides config.requestTimeout when non-zero.
    std::chrono::milliseconds timeout{0};
    /// Streaming sink for large bodies: when set, the body of a 2xx answer is passed here instead
    /// of being buffered; return false to abort (Cancelled). A request that delivered bytes is
    /// never retried.
    std::function<bool(const char *data, size_t size)> onData;
    /// Context for plain-language error messages.
    std::optional<RepoType> repoType;
    std::string repoId;
    std::string revision;
    std::string path;
};

struct HttpResponse {
    int status = 0;
    HttpHeaders headers;
    std::string body;
    /// URL of the final hop (may carry a signed query: never log it unredacted).
    std::string url;
    /// Redirect hops that were followed.
    int redirects = 0;
    /// Attempts made (1 + retries).
    int attempts = 1;
};

/// Maps an HTTP error answer (status + X-Error-Code/X-Error-Message + JSON {"error"}) to a HubError
/// with a sentence saying what to do. `request` gives the repo context for the message.
HubError mapHttpError(const HttpRequest &request, const HttpResponse &response, bool hadToken);

/// Seconds to wait before retrying this answer: `RateLimit: "api";r=0;t=N` (N+1), else an integer
/// Retry-After; -1 when the server said nothing.
int serverRetryDelaySeconds(const HttpHeaders &headers);

/// The rel="next" target of an RFC 8288 Link header, resolved against `base` when relative;
/// empty when there is none.
std::string parseLinkNext(std::string_view linkHeader, std::string_view base);

/// Resolves a Location header against the URL it answered.
std::string resolveUrl(std::string_view base, std::string_view location);

/// "scheme://host:port" in lowercase with the default port made explicit.
std::string urlOrigin(std::string_view url);

/// Thin libcurl client. Thread-safe: calls on one instance are serialised on an internal mutex
/// (it reuses one curl handle, so connections are kept alive); use one instance per worker
/// thread for parallel requests. Cancellation: setCancelFlag; a set flag makes running and
/// future calls fail with ErrorCode::Cancelled.
class HttpClient {
public:
    explicit HttpClient(ClientConfig config);
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    const ClientConfig &config() const { return m_config; }
    void setCancelFlag(std::shared_ptr<const std::atomic<bool>> flag) { m_cancel = std::move(flag); }
    /// Replaces the token (e.g. after sign-in); takes effect on the next call.
    void setToken(std::string token);

    /// Sends the request with retries and redirects. Fails with a HubError on network errors,
    /// timeouts, too-large bodies, cancellation and (when failOnHttpError) statuses >= 400.
    Expected<HttpResponse> send(const HttpRequest &request);

    /// Test hook: replaces the sleep used between retries (default std::this_thread::sleep_for).
    void setSleepFunction(std::function<void(std::chrono::milliseconds)> sleep) { m_sleep = std::move(sleep); }

private:
    struct Attempt;
    /// send() without the diagnostic log record of a failure.
    Expected<HttpResponse> sendWithRetries(const HttpRequest &request);
    Expected<HttpResponse> sendOnce(const HttpRequest &request, const std::string &url, bool withToken,
                                    bool &deliveredData);
    bool cancelled() const { return m_cancel && m_cancel->load(); }

    ClientConfig m_config;
    std::shared_ptr<const std::atomic<bool>> m_cancel;
    std::function<void(std::chrono::milliseconds)> m_sleep;
    std::mutex m_mutex;
    void *m_curl = nullptr;
};

} // namespace hub
