#pragma once
// How the engine talks to a Hub: endpoint, credentials, network settings and retry policy.

#include <chrono>
#include <cstddef>
#include <string>

namespace hub {

/// When and how often a failed idempotent request is tried again (408, 429, 5xx, network errors).
struct RetryPolicy {
    /// Retries after the first attempt; 0 disables retrying.
    int maxRetries = 5;
    /// Backoff doubles from this delay (1, 2, 4, 8, 8 s like huggingface_hub).
    std::chrono::milliseconds initialDelay{1000};
    std::chrono::milliseconds maxDelay{8000};
    /// A Retry-After / RateLimit wait longer than this is not slept through: the error is returned
    /// with HubError::retryAfterSeconds set so that the caller can tell the person.
    std::chrono::seconds maxServerDelay{120};
};

/// Everything a HubClient/HttpClient needs to reach a Hub. A plain value, cheap to copy.
struct ClientConfig {
    /// Base URL without trailing slash, e.g. "https://huggingface.co" or "http://127.0.0.1:8080".
    std::string endpoint = "https://huggingface.co";
    /// Hub access token (hf_...), empty for anonymous access. Never logged.
    std::string token;
    /// Proxy for https:// URLs (empty: none).
    std::string proxy;
    /// Proxy for http:// URLs (empty: none).
    std::string httpProxy;
    /// Hosts that bypass the proxy, curl-style comma list ("localhost,127.0.0.1,.internal").
    std::string noProxy;
    /// PEM file with extra CA certificates (empty: the system store). TLS verification is always on.
    std::string caBundle;
    /// "hubdesk/<version>; libcurl/<version>" (see defaultUserAgent).
    std::string userAgent;
    /// HF_HUB_OFFLINE: every request fails with ErrorCode::Offline before touching the network.
    bool offline = false;

    std::chrono::milliseconds connectTimeout{10000};
    /// A transfer slower than lowSpeedLimitBytes per second for lowSpeedTime fails with Timeout, so
    /// a stalled server never hangs a caller.
    long lowSpeedLimitBytes = 1;
    std::chrono::seconds lowSpeedTime{30};
    /// Overall deadline of one API call, every redirect and retry included (0: none), so a server
    /// that trickles its answer cannot hold a caller. Calls that send big bodies (commits) set
    /// their own; the transfer engine's downloads and uploads use the minimum-progress rule instead.
    std::chrono::milliseconds requestTimeout{60000};
    /// Largest body buffered in memory for one API response (a bigger body is TooLarge); routes
    /// with small answers set lower caps (HttpRequest::maxBodyBytes).
    size_t maxBodyBytes = size_t{64} << 20;
    /// Redirect hops followed per request.
    int maxRedirects = 10;
    RetryPolicy retry;

    /// The defaults, adjusted by the environment like huggingface_hub:
    /// HF_ENDPOINT (trailing '/' stripped), token from HF_TOKEN, then HUGGING_FACE_HUB_TOKEN, then
    /// the token file (HF_TOKEN_PATH, else $HF_HOME/token, HF_HOME defaulting to
    /// $XDG_CACHE_HOME/huggingface or ~/.cache/huggingface), unless HF_HUB_DISABLE_IMPLICIT_TOKEN
    /// is set; HTTPS_PROXY/https_proxy (proxy), HTTP_PROXY/http_proxy (httpProxy), ALL_PROXY for
    /// both, NO_PROXY/no_proxy;
    /// HF_HUB_OFFLINE (1/true/yes/on); CURL_CA_BUNDLE / SSL_CERT_FILE / REQUESTS_CA_BUNDLE.
    static ClientConfig fromEnvironment();

    /// "hubdesk/<version>; libcurl/<version>": a truthful agent, like huggingface_hub's
    /// "huggingface_hub/<version>; python/...". CDNs treat default agents differently (the Xet
    /// bridge's CDN strips X-Linked-* headers from cached replies to them).
    static std::string defaultUserAgent();

    /// Returns the endpoint without trailing slashes.
    static std::string normalizeEndpoint(std::string endpoint);
};

} // namespace hub
