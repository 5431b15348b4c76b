// HTTP error answers -> HubError with a plain-language sentence saying what to do.
#include "hub/api/http.h"

#include "hub/api/parse.h"
#include "hub/core/redact.h"

namespace hub {

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

} // namespace hub
