#pragma once
// Internal POSIX file helpers for hub/cache. Not part of the public API.

#include "hub/core/expected.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hub::cache::detail {

/// Names ignored everywhere, like Python's FILES_TO_IGNORE.
bool isIgnoredName(std::string_view name);

/// An I/O error with a plain message: ENOSPC -> DiskFull, everything else -> Io.
HubError ioError(std::string_view what, const std::filesystem::path &path, int err);

/// n lowercase hex characters from a random source.
std::string randomHex(size_t n);

/// mkdir -p; Io error on failure.
Status makeDirs(const std::filesystem::path &dir);

/// Writes `content` to `file` via "<file>.<8hex>.tmp" + fsync + rename + directory fsync.
Status writeFileAtomic(const std::filesystem::path &file, std::string_view content);

/// Reads a whole small file; nullopt on error.
bool readSmallFile(const std::filesystem::path &file, std::string &out, size_t limit = 1 << 20);

/// fsyncs a directory (best effort).
void syncDir(const std::filesystem::path &dir);

/// True when `child` is lexically inside `parent` (both normalised, absolute).
bool isWithin(const std::filesystem::path &child, const std::filesystem::path &parent);

/// Relative symlink target from snapshots/<commit>/<repoPath> to blobs/<etag>
/// (layout::pointerTarget; kept under this name for the pointer code).
std::string blobLinkTarget(std::string_view repoPath, std::string_view etag);

/// lstat-based helpers (never follow a final symlink).
bool lexists(const std::filesystem::path &p);
bool isRealDir(const std::filesystem::path &p);

/// Removes a file or a symlink (unlink). ENOENT counts as success. Never follows.
Status unlinkPath(const std::filesystem::path &p);
/// Removes a directory tree without ever following a symlink (symlinks are unlinked); the top
/// must be a real directory. Bytes of regular files removed are added to `bytes` if non-null.
Status removeTreeNoFollow(const std::filesystem::path &dir, uint64_t *bytes = nullptr);
/// rmdir; true when it was removed (false when not empty / absent).
bool removeDirIfEmpty(const std::filesystem::path &dir);

/// Sum of st_size of regular files below `dir` (not following links).
uint64_t treeBytes(const std::filesystem::path &dir);

} // namespace hub::cache::detail
