#pragma once
// The one HTTP policy of HubDesk: how every libcurl handle is set up (protocols, TLS, proxy,
// timeouts, User-Agent, where the token may go), how header lines are read, which server-given
// URLs may be opened, and what a failed transfer means in plain words. HttpClient (easy
// interface) and the transfer engine (multi interface) both go through here, so the two
// stacks cannot drift apart again.

#include "hub/api/config.h"
#include "hub/api/http.h"
#include "hub/core/expected.h"

#include <curl/curl.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hub {

/// Process-wide libcurl set-up. Thread-safe and idempotent (std::call_once); every program calls
/// it at start, and HttpClient and the engine call it again as a safety net.
void curlGlobalInit();

/// The rule for every URL a server gives us (redirect Location, LFS hrefs and part URLs,
/// completion URLs, Link pages): http:// or https:// with a host, nothing else. Anything else is
/// ErrorCode::Refused with a sentence naming the host (subject = host) and `what` ("a download
/// redirect"). Call it before a handle is opened for the URL.
Expected<void> checkServerUrl(std::string_view url, std::string_view what);

/// One header line as libcurl hands it to a header callback.
struct HeaderLine {
    enum class Kind { StatusLine, Field, Other };
    Kind kind = Kind::Other;
    int status = 0; ///< Kind::StatusLine: the code ("HTTP/1.1 206 Partial Content" -> 206), 0 if unreadable
    std::string name;
    std::string value;
};
/// Parses "HTTP/x yyy reason" (a new response starts: a caller drops the headers it had, as after
/// 100 Continue or a proxy's CONNECT answer) or "Name: value" (trimmed).
HeaderLine parseHeaderLine(std::string_view line);
/// Feeds one header line into (status, headers): the shared body of every header callback.
void takeHeaderLine(std::string_view line, long &status, HttpHeaders &headers);

/// The proxy that applies to `url` under `config` (respecting noProxy); empty when none. The
/// config already holds what the environment says (ClientConfig::fromEnvironment), so libcurl's
/// own environment lookup is always switched off: both stacks decide the same way.
std::string proxyFor(const ClientConfig &config, std::string_view url);

/// What one transfer needs beyond the policy. Pointers must outlive the transfer.
struct CurlRequest {
    std::string url;
    HttpMethod method = HttpMethod::Get;
    /// "Name: value" lines. An Authorization line here is dropped: the token is added by the
    /// policy, and only when withToken is set AND the URL is on the endpoint's origin.
    std::vector<std::string> headers;
    bool withToken = false;
    /// POST/PUT/DELETE body held in memory (may be null for none).
    const std::string *body = nullptr;
    /// Streamed upload (PUT): libcurl pulls `uploadSize` bytes from `read`.
    curl_read_callback read = nullptr;
    void *readData = nullptr;
    uint64_t uploadSize = 0;
    curl_write_callback header = nullptr;
    void *headerData = nullptr;
    curl_write_callback write = nullptr;
    void *writeData = nullptr;
    curl_xferinfo_callback progress = nullptr;
    void *progressData = nullptr;
    void *privateData = nullptr;
    char *errorBuffer = nullptr; ///< CURL_ERROR_SIZE bytes
    /// Overall limit of the transfer (0: none).
    std::chrono::milliseconds timeout{0};
    /// Overrides config.lowSpeedTime (the minimum-progress window).
    std::optional<std::chrono::seconds> lowSpeedTime;
    /// Let libcurl ask for and decode gzip/deflate (API answers; never for ranged blobs).
    bool acceptEncoding = false;
    long bufferSize = 0;       ///< CURLOPT_BUFFERSIZE (0: libcurl's default)
    long uploadBufferSize = 0; ///< CURLOPT_UPLOAD_BUFFERSIZE (0: default)
    bool tcpKeepAlive = false;
};

/// Applies the policy and `request` to a fresh or reset handle. Returns the header list the
/// handle now points at; the caller frees it with curl_slist_free_all after the transfer (after
/// forgetHeaders when the handle is reused). Refuses a non-http(s) URL before anything is set.
Expected<curl_slist *> applyRequest(CURL *curl, const ClientConfig &config, const CurlRequest &request);

/// Makes a reused handle drop its pointer to a header list (it holds the token) before the list
/// is freed.
void forgetHeaders(CURL *curl);

/// A failed transfer in plain words: TLS -> Certificate (why, and what to do), proxy -> Proxy
/// (naming host:port, never its password), timeouts, DNS, refused connections. `peer` names the
/// server for the sentence ("the Hub", "the download server"). Subject is the host concerned.
HubError curlFailure(CURL *curl, CURLcode code, const ClientConfig &config, const std::string &url,
                     const char *errorBuffer, std::string_view peer);

/// An HTTP answer from a proxy that did not let the request through (407, or any answer to a
/// CONNECT that is not 2xx); nullopt when `status` is an answer from the server itself.
std::optional<HubError> proxyAnswerError(CURL *curl, long status, const ClientConfig &config, const std::string &url);

/// "host:port" of a proxy URL, without scheme and without user name or password.
std::string proxyDisplayName(std::string_view proxyUrl);

} // namespace hub
