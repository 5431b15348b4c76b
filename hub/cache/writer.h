#pragma once
// Writing into the hub cache the way Python's hf_hub_download does, so Python, `hf` and
// @huggingface/hub keep working on the same folder:
//   refs/<revision>                 exactly the 40-hex commit, no newline, temp file + rename
//   blobs/<etag>                    content, visible only after size + hash check, fsync, rename
//   blobs/<etag>.incomplete         resumable partial (PartialBlob)
//   snapshots/<commit>/<path>       relative symlink ../../blobs/<etag> (one more ../ per subdir),
//                                   created atomically (temp link + rename), or a copy/move in
//                                   no-symlink mode
//   .no_exist/<commit>/<path>       empty marker after a 404 with X-Repo-Commit
//   <root>/.locks/<repo folder>/<etag>.lock   flock'ed (BlobLock)
//   <root>/CACHEDIR.TAG             like huggingface_hub >= 1.9
//
// Typical use by the transfer engine for one file (HEAD gave commit, etag, size):
//   CacheWriter w(root);
//   if (auto p = w.findPointer(repo, commit, path); p && *p) return **p;       // already cached
//   w.writeRef(repo, revision, commit);
//   auto lock = w.lockBlob(repo, etag, {timeout, &cancel});                      // may wait
//   if (w.hasBlob(repo, etag)) return w.linkBlob(repo, etag, commit, path);      // other revision has it
//   auto part = w.openPartial(*lock, repo, etag, size);   // resume from part->currentSize()
//   ... part->append(chunk) ...
//   return part->finish(commit, path);
//
// All methods are safe to call from several threads and processes at once (the lock serialises
// writers of one blob; refs and pointers are replaced atomically).

#include "hub/cache/blob_lock.h"
#include "hub/cache/layout.h"
#include "hub/cache/partial_blob.h"
#include "hub/core/expected.h"
#include "hub/core/types.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace hub::cache {

enum class SymlinkMode {
    Auto,   // probe once per cache root (like Python); fall back to copies when symlinks fail.
            // HF_HUB_DISABLE_SYMLINKS=1 in the environment forces Never.
    Always, // fail with NotSupported when a symlink cannot be created
    Never,  // no-symlink mode: new blobs are moved into the snapshot, existing ones copied
};

struct WriterOptions {
    SymlinkMode symlinks = SymlinkMode::Auto;
};

class CacheWriter {
public:
    explicit CacheWriter(std::filesystem::path root, WriterOptions options = {});

    const std::filesystem::path &root() const { return m_root; }
    /// Every path of this cache (layout.h); the ones below are its most used.
    CacheLayout layout() const { return CacheLayout(m_root); }
    /// Whether pointers are symlinks (after probing in Auto mode).
    bool usesSymlinks() const;

    // Paths (pure; no I/O). `path` must satisfy isSafeRepoPath, `etag` must be a bare hex-ish
    // name without '/', checked by the functions that touch disk.
    std::filesystem::path repoDir(const RepoRef &repo) const;
    std::filesystem::path blobPath(const RepoRef &repo, std::string_view etag) const;
    std::filesystem::path partialPath(const RepoRef &repo, std::string_view etag) const;
    std::filesystem::path pointerPath(const RepoRef &repo, std::string_view commit, std::string_view path) const;
    std::filesystem::path lockPath(const RepoRef &repo, std::string_view etag) const;
    std::filesystem::path noExistPath(const RepoRef &repo, std::string_view commit, std::string_view path) const;

    /// Writes <root>/CACHEDIR.TAG if absent (errors ignored, like Python).
    void ensureCacheDirTag() const;

    /// Writes refs/<revision> = commit (40 hex, no newline) atomically, only when revision is not
    /// the commit itself and the content differs. Nested names ("refs/pr/1", "feature/x") create
    /// subdirectories. InvalidArgument for a non-40-hex commit or an unsafe revision name.
    Status writeRef(const RepoRef &repo, std::string_view revision, std::string_view commit) const;

    /// Touches .no_exist/<commit>/<path> and, when revision != commit, writes the ref.
    Status markNoExist(const RepoRef &repo, std::string_view revision, std::string_view commit,
                       std::string_view path) const;

    /// snapshots/<commit>/<path> if it exists and resolves to a file; nullopt when not cached.
    Expected<std::optional<std::filesystem::path>> findPointer(const RepoRef &repo, std::string_view commit,
                                                               std::string_view path) const;

    bool hasBlob(const RepoRef &repo, std::string_view etag) const;

    /// Who makes a new link durable: linkBlob itself (an fsync of the link's folder), or a caller
    /// that links a batch of files and then fsyncs each of their folders once.
    enum class LinkSync { Now, ByCaller };

    /// Creates snapshots/<commit>/<path> for an existing blobs/<etag> (symlink, or copy in
    /// no-symlink mode). Replaces an existing pointer atomically. Returns the pointer path.
    Expected<std::filesystem::path> linkBlob(const RepoRef &repo, std::string_view etag, std::string_view commit,
                                             std::string_view path, LinkSync sync = LinkSync::Now) const;

    /// Takes .locks/<repo folder>/<etag>.lock (see BlobLock / LockWait).
    Expected<BlobLock> lockBlob(const RepoRef &repo, std::string_view etag, const LockWait &wait = {}) const;
    Expected<std::optional<BlobLock>> tryLockBlob(const RepoRef &repo, std::string_view etag) const;

    /// Opens (creating or resuming) blobs/<etag>.incomplete. `lock` must be the lock of this blob
    /// (InvalidArgument otherwise). Writes CACHEDIR.TAG like Python does before a download.
    Expected<PartialBlob> openPartial(const BlobLock &lock, const RepoRef &repo, std::string_view etag,
                                      uint64_t expectedSize, HashCheck check = HashCheck::Auto) const;

    /// Convenience for small files already in memory: lock, write, verify, publish, link, write
    /// the ref. Returns the pointer path.
    Expected<std::filesystem::path> storeFile(const RepoRef &repo, std::string_view revision, std::string_view commit,
                                              std::string_view path, std::string_view etag,
                                              std::string_view content) const;

private:
    struct Probe;
    std::filesystem::path m_root;
    WriterOptions m_options;
    std::shared_ptr<Probe> m_probe; // symlink support, probed once (thread-safe)
};

} // namespace hub::cache
