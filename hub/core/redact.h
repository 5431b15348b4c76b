#pragma once
// Keeps secrets out of anything a person or a log could see.

#include <string>
#include <string_view>

namespace hub {

/// Replaces Hub tokens (hf_..., api_org_...), Bearer credentials, user:password@ in URLs and the query of every URL
/// in `text` with "[redacted]". Safe to call on any message before it is shown or logged.
std::string redactSecrets(std::string_view text);

/// The URL without its query string and fragment (signed URLs carry credentials there).
std::string stripUrlQuery(std::string_view url);

} // namespace hub
