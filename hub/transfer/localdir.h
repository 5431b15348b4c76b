#pragma once
// huggingface_hub's local_dir layout (hub-cache.md §2.4): plain files under a folder the user
// picked, with per-file metadata in <dir>/.cache/huggingface/download/<path>.metadata.

#include "hub/core/expected.h"

#include <filesystem>
#include <optional>
#include <string>

namespace hub::transfer_internal {

struct LocalDirMetadata {
    std::string commit;
    std::string etag;
    double timestamp = 0;
};

std::filesystem::path localMetadataDir(const std::filesystem::path &localDir);
std::filesystem::path localMetadataPath(const std::filesystem::path &localDir, const std::string &repoPath);
std::filesystem::path localLockPath(const std::filesystem::path &localDir, const std::string &repoPath);
/// A fresh temp name next to the metadata file (random suffix, ".incomplete").
std::filesystem::path localPartialPath(const std::filesystem::path &localDir, const std::string &repoPath,
                                       const std::string &etag);

std::optional<LocalDirMetadata> readLocalMetadata(const std::filesystem::path &localDir, const std::string &repoPath);
/// Writes the metadata (temp + rename) and the folder's .gitignore and CACHEDIR.TAG.
Status writeLocalMetadata(const std::filesystem::path &localDir, const std::string &repoPath, const std::string &commit,
                          const std::string &etag);
/// True when <dir>/<path> is the file with this etag according to its metadata (and the file was
/// not modified after the metadata was written).
bool localFileIsCurrent(const std::filesystem::path &localDir, const std::string &repoPath, const std::string &etag,
                        uint64_t size);

/// Refuses to write <root>/<repoPath> when a folder on the way already exists as a symbolic link:
/// a link planted in a work tree, or in a cache snapshot, would take the write outside the folder
/// the user picked. Missing folders are fine (they are created as real folders); the file itself
/// may be a link (it is replaced by rename, which never follows one).
Status checkNoLinkOnTheWay(const std::filesystem::path &root, const std::string &repoPath);

/// Eight random lowercase hex digits.
std::string randomHex8();

} // namespace hub::transfer_internal
