#pragma once
// Hub URLs, encoded the way huggingface_hub encodes them (hub-api.md §1.2). Shared with the
// transfer engine.

#include "hub/core/types.h"

#include <string>
#include <string_view>

namespace hub {

/// A revision as one path segment: percent-encoded with no safe characters ("refs/pr/1" ->
/// "refs%2Fpr%2F1").
std::string encodeRevision(std::string_view revision);
/// A repo path for resolve URLs: slashes kept, everything else escaped.
std::string encodeRepoPath(std::string_view path);

/// {endpoint}/api/{type}s/{id}
std::string apiRepoUrl(std::string_view endpoint, const RepoRef &repo);
/// {endpoint}/{prefix}{id}/resolve/{rev}/{path}
std::string resolveFileUrl(std::string_view endpoint, const RepoRef &repo, std::string_view revision,
                           std::string_view path);
/// {endpoint}/{prefix}{id}/raw/{rev}/{path}
std::string rawFileUrl(std::string_view endpoint, const RepoRef &repo, std::string_view revision,
                       std::string_view path);
/// {endpoint}/{prefix}{id}.git/info/lfs/objects/batch
std::string lfsBatchUrl(std::string_view endpoint, const RepoRef &repo);
/// {endpoint}/{prefix}{id} (the repo's web page)
std::string repoWebUrl(std::string_view endpoint, const RepoRef &repo);

/// Appends "key=value" (both percent-encoded) with '?' or '&'.
void appendQuery(std::string &url, std::string_view key, std::string_view value);

} // namespace hub
