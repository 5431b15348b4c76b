#include "hub/core/error.h"

#include "hub/core/redact.h"

namespace hub {

bool isTransient(ErrorCode code)
{
    return code == ErrorCode::Network || code == ErrorCode::Timeout || code == ErrorCode::RateLimited ||
           code == ErrorCode::ServerError;
}

std::string_view errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::RepoNotFound: return "RepoNotFound";
    case ErrorCode::RevisionNotFound: return "RevisionNotFound";
    case ErrorCode::EntryNotFound: return "EntryNotFound";
    case ErrorCode::GatedRepo: return "GatedRepo";
    case ErrorCode::Unauthorized: return "Unauthorized";
    case ErrorCode::Forbidden: return "Forbidden";
    case ErrorCode::RateLimited: return "RateLimited";
    case ErrorCode::Conflict: return "Conflict";
    case ErrorCode::PreconditionFailed: return "PreconditionFailed";
    case ErrorCode::BadRequest: return "BadRequest";
    case ErrorCode::TooLarge: return "TooLarge";
    case ErrorCode::ServerError: return "ServerError";
    case ErrorCode::Network: return "Network";
    case ErrorCode::Timeout: return "Timeout";
    case ErrorCode::BadResponse: return "BadResponse";
    case ErrorCode::Offline: return "Offline";
    case ErrorCode::NotCached: return "NotCached";
    case ErrorCode::Certificate: return "Certificate";
    case ErrorCode::Proxy: return "Proxy";
    case ErrorCode::Refused: return "Refused";
    case ErrorCode::Cancelled: return "Cancelled";
    case ErrorCode::DiskFull: return "DiskFull";
    case ErrorCode::Io: return "Io";
    case ErrorCode::Corrupt: return "Corrupt";
    case ErrorCode::InvalidArgument: return "InvalidArgument";
    case ErrorCode::NotSupported: return "NotSupported";
    case ErrorCode::Internal: return "Internal";
    }
    return "Internal";
}

HubError HubError::make(ErrorCode code, std::string message, std::string detail)
{
    HubError e;
    e.code = code;
    e.message = redactSecrets(message);
    e.detail = redactSecrets(detail);
    return e;
}

std::string HubError::describe() const
{
    if (detail.empty())
        return message;
    return message + " (" + detail + ")";
}

} // namespace hub
