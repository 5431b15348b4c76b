#pragma once
// A blob being downloaded: <repo>/blobs/<etag>.incomplete, opened for append so an interrupted
// download resumes from currentSize(). The blob becomes visible (renamed to blobs/<etag>) only
// after it is complete and its hash matches the etag; then the snapshot pointer is created.
// Obtain one from CacheWriter::openPartial while holding the blob's BlobLock.

#include "hub/core/expected.h"
#include "hub/core/hash.h"
#include "hub/core/types.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace hub::cache {

class CacheWriter;

/// How the finished blob is checked against its etag.
enum class HashCheck {
    Auto, // 64 hex -> SHA-256 of the content, 40 hex -> git blob SHA-1, anything else -> size only
    Sha256,
    GitSha1,
    SizeOnly // e.g. a Xet hash etag, which is not a content SHA-256
};

/// Not thread-safe; one writer thread per partial (the lock guarantees one per process group).
class PartialBlob {
public:
    ~PartialBlob();
    PartialBlob(PartialBlob &&) noexcept;
    PartialBlob &operator=(PartialBlob &&) noexcept;
    PartialBlob(const PartialBlob &) = delete;
    PartialBlob &operator=(const PartialBlob &) = delete;

    /// Bytes already on disk: ask the server for "Range: bytes=<currentSize()>-".
    uint64_t currentSize() const;
    uint64_t expectedSize() const;
    const std::filesystem::path &path() const;
    const std::string &etag() const;

    /// Appends data. DiskFull / Io errors leave what was written in place for a later resume.
    Status append(const void *data, size_t size);
    Status append(std::string_view data) { return append(data.data(), data.size()); }
    /// Truncates to zero, e.g. when the server answered 200 to a Range request.
    Status restart();

    /// Checks size and hash, fsyncs, renames to blobs/<etag>, fsyncs the directory and creates
    /// snapshots/<commit>/<path> (relative symlink, or move in no-symlink mode). Returns the
    /// pointer path. On a size or hash mismatch the partial is deleted and ErrorCode::Corrupt is
    /// returned (the data can never become right by appending more).
    Expected<std::filesystem::path> finish(std::string_view commit, std::string_view repoPath);
    /// Like finish() but only makes blobs/<etag> visible, without a snapshot pointer.
    Status finishBlobOnly();
    /// Deletes the partial (e.g. the user cancelled and does not want to resume).
    void discard();

private:
    friend class CacheWriter;
    struct Impl;
    explicit PartialBlob(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace hub::cache
