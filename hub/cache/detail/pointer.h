#pragma once
// Internal: creating snapshot pointers, shared by CacheWriter and PartialBlob.

#include "hub/core/expected.h"

#include <filesystem>
#include <string_view>

namespace hub::cache::detail {

/// Blob names we are willing to put on disk: 1..128 of [0-9A-Za-z_-].
bool isSafeEtag(std::string_view etag);

/// Creates snapshots/<commit>/<repoPath> in `repoDir` for blobs/<etag>: a relative symlink made
/// atomically (temp link + rename), or without symlinks a move (newBlob) or a copy. With
/// `syncFolder` false the caller fsyncs the pointer's folder (once for many pointers).
Expected<std::filesystem::path> createPointer(const std::filesystem::path &repoDir, std::string_view etag,
                                              std::string_view commit, std::string_view repoPath, bool useSymlinks,
                                              bool newBlob, bool syncFolder = true);

} // namespace hub::cache::detail
