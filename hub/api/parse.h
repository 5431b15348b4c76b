#pragma once
// The wire JSON of every Hub endpoint, in one place. Pure functions: unknown fields are ignored,
// missing or wrong-typed required fields give ErrorCode::BadResponse; nothing throws.

#include "hub/api/types.h"
#include "hub/core/expected.h"

#include <string_view>
#include <vector>

namespace hub {

/// Bodies bigger than this are refused with BadResponse before parsing.
inline constexpr size_t kMaxParseBytes = size_t{512} << 20;

Expected<WhoAmI> parseWhoAmI(std::string_view body);
Expected<std::vector<RepoSummary>> parseRepoList(std::string_view body, RepoType type);
Expected<RepoInfo> parseRepoInfo(std::string_view body, RepoType type);
Expected<Refs> parseRefs(std::string_view body);
Expected<std::vector<CommitInfo>> parseCommits(std::string_view body);
/// Tree listings and paths-info answers (same entry shape).
Expected<std::vector<TreeEntry>> parseTree(std::string_view body);
/// `GET …/treesize/{rev}/{path}`: {"path": …, "size": bytes of every file below it}.
Expected<uint64_t> parseTreeSize(std::string_view body);
/// The compare endpoint: a JSON payload ({"files": [...]} or an array of {path, oldPath, status})
/// or the `raw=true` git raw-diff text.
Expected<std::vector<FileChange>> parseCompare(std::string_view body);
Expected<CreateRepoResult> parseCreateRepo(std::string_view body);
Expected<PreuploadResult> parsePreupload(std::string_view body);
Expected<LfsBatchResult> parseLfsBatch(std::string_view body);
Expected<CommitResult> parseCommitResult(std::string_view body);
/// The error text of an error body: {"error": "..."} / {"error": [..]} / {"message"} /
/// {"errors": [{"message"}]} / plain text. Empty when there is none.
std::string parseErrorMessage(std::string_view body);

} // namespace hub
