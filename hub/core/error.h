#pragma once
// Errors are values with a machine code and a sentence a non-technical person understands.

#include <string>
#include <string_view>

namespace hub {

enum class ErrorCode {
    RepoNotFound,
    RevisionNotFound,
    EntryNotFound,
    GatedRepo,
    Unauthorized,
    Forbidden,
    RateLimited,
    Conflict,
    PreconditionFailed, // e.g. parentCommit no longer matches the branch head (412)
    BadRequest,
    TooLarge,
    ServerError,
    Network,
    Timeout,
    BadResponse, // the server answered something we cannot understand
    Offline,
    NotCached,   // offline: the answer would need the Hub, and this computer does not have it
    Certificate, // TLS: untrusted, expired or wrong-host certificate (never retried)
    Proxy,       // the proxy refused, needs credentials, or cannot be reached
    Refused,     // a server answer we will not act on: a non-http(s) URL, a hostile path or id
    Cancelled,
    DiskFull,
    Io,
    Corrupt, // data on disk or on the wire does not match its hash
    InvalidArgument,
    NotSupported,
    Internal,
};

/// Stable machine name of a code ("RepoNotFound"), for logs, JSON output and tests.
std::string_view errorCodeName(ErrorCode code);
/// The same request may well succeed later: the network, a timeout, rate limiting, a server error.
bool isTransient(ErrorCode code);

struct HubError {
    ErrorCode code = ErrorCode::Internal;
    /// Plain-language sentence for people, saying what to do next. Never contains a secret.
    std::string message;
    /// Technical detail for engineers (status line, server text). Never contains a secret.
    std::string detail;
    /// HTTP status when the error came from a response, else 0.
    int httpStatus = 0;
    /// Seconds the server asked us to wait (Retry-After / RateLimit), or -1.
    int retryAfterSeconds = -1;
    /// What the error is about, for ui/ to render its own (translated) sentence: a host name
    /// ("proxy.corp:3128"), a repo path, a repo id. Empty when nothing more specific applies.
    std::string subject;

    static HubError make(ErrorCode code, std::string message, std::string detail = {});
    /// "message (detail)" or just the message.
    std::string describe() const;
};

} // namespace hub
