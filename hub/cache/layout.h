#pragma once
// Where things live in a hub cache: every path of the layout huggingface_hub writes, spelled once
// (hub-cache reference §1.3-1.6, §1.13). Everything else in hub/cache, the transfer engine and the
// app builds its paths here, so a change of layout (or a new artefact) is a change of this file.
//
//   <root>/CACHEDIR.TAG
//   <root>/.locks/<repo folder>/<etag>.lock      flock'ed while a blob is written (>= 0.19)
//   <root>/blobs/<2 hex>/<xet hash>              shared blob store (sharedstore.h), when marked
//   <root>/<repo folder>/                        models--ns--name, datasets--ns--name, spaces--ns--name
//       refs/<revision>                          the 40-hex commit, no newline ("refs/pr/1" nests)
//       snapshots/<commit>/<path>                pointer: relative link ../../(../)*blobs/<etag>
//       blobs/<etag>                             content, named by git SHA-1 or SHA-256
//       blobs/<etag>.incomplete                  partial download (< 1.18 and PartialBlob)
//       blobs/<etag>.<8 hex>.incomplete          partial download (>= 1.18, one per download)
//       .no_exist/<commit>/<path>                empty marker: the Hub has no such file there
//       trees/<commit>.json                      file listing of a revision (>= 1.22)
//
// Pure: no I/O, and no validation. Callers that touch disk check revisions (isSafeRepoPath), etags
// (detail::isSafeEtag) and repo paths first; a path built here from unchecked input is only a name.

#include "hub/core/types.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hub::cache {

/// The names the layout is made of, for code that walks it relative to directory fds.
namespace layout {
inline constexpr char kBlobsDir[] = "blobs";
inline constexpr char kRefsDir[] = "refs";
inline constexpr char kSnapshotsDir[] = "snapshots";
inline constexpr char kNoExistDir[] = ".no_exist";
inline constexpr char kTreesDir[] = "trees";
inline constexpr char kLocksDir[] = ".locks";
inline constexpr char kCacheDirTag[] = "CACHEDIR.TAG";
inline constexpr std::string_view kPartialSuffix = ".incomplete";
inline constexpr std::string_view kLockSuffix = ".lock";
inline constexpr std::string_view kTreeListingSuffix = ".json";

/// "<etag>.incomplete" or "<etag>.<8 hex>.incomplete".
bool isPartialName(std::string_view fileName);
/// "<etag>.lock" (a lock file of < 0.19 next to its blob, or one in .locks/).
bool isLockName(std::string_view fileName);
/// The etag a blobs/ entry belongs to: its name up to the first '.' (blob, partial or old lock).
std::string_view etagOfBlobEntry(std::string_view fileName);

/// The commit of a trees/ entry named "<40 chars>.json"; empty for any other name.
std::string_view commitOfTreeListing(std::string_view fileName);

/// Relative symlink target from snapshots/<commit>/<repoPath> to blobs/<etag>: "../../blobs/<etag>"
/// with one more "../" per folder of repoPath, exactly as Python's os.path.relpath gives.
std::string pointerTarget(std::string_view repoPath, std::string_view etag);
/// The blob name when `target` is the canonical pointerTarget(repoPath, <name>); empty otherwise
/// (other spellings are legal and need a real resolve).
std::string_view blobOfPointerTarget(std::string_view target, std::string_view repoPath);
/// "<repo folder>/blobs/<etag>": a repo blob relative to the cache root (shared store manifests).
std::string repoBlobRelPath(std::string_view folderName, std::string_view etag);
} // namespace layout

/// The layout inside one repo folder, when only the folder is at hand (scanner results).
class RepoLayout {
public:
    explicit RepoLayout(std::filesystem::path dir) : m_dir(std::move(dir)) {}

    const std::filesystem::path &dir() const { return m_dir; }

    std::filesystem::path refsDir() const { return m_dir / layout::kRefsDir; }
    std::filesystem::path refPath(std::string_view revision) const;
    std::filesystem::path snapshotsDir() const { return m_dir / layout::kSnapshotsDir; }
    std::filesystem::path snapshotDir(std::string_view commit) const;
    /// snapshots/<commit>/<path>: the file users open.
    std::filesystem::path pointerPath(std::string_view commit, std::string_view path) const;
    std::filesystem::path blobsDir() const { return m_dir / layout::kBlobsDir; }
    std::filesystem::path blobPath(std::string_view etag) const;
    /// blobs/<etag>.incomplete: the fixed partial name (resumable; Python < 1.18, PartialBlob).
    std::filesystem::path partialPath(std::string_view etag) const;
    /// blobs/<etag>.<unique>.incomplete: one download's own partial (Python >= 1.18, the engine).
    std::filesystem::path partialPath(std::string_view etag, std::string_view unique) const;
    std::filesystem::path noExistDir(std::string_view commit) const;
    std::filesystem::path noExistPath(std::string_view commit, std::string_view path) const;
    std::filesystem::path treesDir() const { return m_dir / layout::kTreesDir; }
    std::filesystem::path treeListingPath(std::string_view commit) const;

private:
    std::filesystem::path m_dir;
};

/// The layout of a whole cache root. A value: cheap to copy, thread-safe.
class CacheLayout {
public:
    explicit CacheLayout(std::filesystem::path root) : m_root(std::move(root)) {}

    const std::filesystem::path &root() const { return m_root; }

    /// "models--ns--name", "datasets--ns--name", "spaces--ns--name" ("models--gpt2" without a
    /// namespace), from the requested id: Python's repo_folder_name.
    static std::string repoFolderName(const RepoRef &repo);
    /// Reads a folder name back (split once on "--", the rest is the id; "--" is not allowed in
    /// Hub ids, so it is unambiguous); nullopt for anything else ("blobs", "kernels--a--b", "tmpXX").
    static std::optional<RepoRef> parseRepoFolderName(std::string_view folderName);

    std::filesystem::path repoDir(const RepoRef &repo) const { return m_root / repoFolderName(repo); }
    RepoLayout repo(const RepoRef &repo) const { return RepoLayout(repoDir(repo)); }
    RepoLayout repo(std::string_view folderName) const { return RepoLayout(m_root / std::string(folderName)); }

    std::filesystem::path refPath(const RepoRef &r, std::string_view revision) const
    {
        return repo(r).refPath(revision);
    }
    std::filesystem::path snapshotsDir(const RepoRef &r) const { return repo(r).snapshotsDir(); }
    std::filesystem::path snapshotDir(const RepoRef &r, std::string_view commit) const
    {
        return repo(r).snapshotDir(commit);
    }
    std::filesystem::path pointerPath(const RepoRef &r, std::string_view commit, std::string_view path) const
    {
        return repo(r).pointerPath(commit, path);
    }
    std::filesystem::path blobPath(const RepoRef &r, std::string_view etag) const { return repo(r).blobPath(etag); }
    std::filesystem::path partialPath(const RepoRef &r, std::string_view etag) const
    {
        return repo(r).partialPath(etag);
    }
    std::filesystem::path noExistPath(const RepoRef &r, std::string_view commit, std::string_view path) const
    {
        return repo(r).noExistPath(commit, path);
    }
    std::filesystem::path treeListingPath(const RepoRef &r, std::string_view commit) const
    {
        return repo(r).treeListingPath(commit);
    }

    /// <root>/.locks, and the lock folder of one repo folder.
    std::filesystem::path locksRoot() const { return m_root / layout::kLocksDir; }
    std::filesystem::path locksDir(std::string_view folderName) const;
    /// .locks/<repo folder>/<etag>.lock, the same for blobs/<etag> and any partial of it.
    std::filesystem::path lockPath(std::string_view folderName, std::string_view etag) const;
    std::filesystem::path lockPath(const RepoRef &r, std::string_view etag) const
    {
        return lockPath(repoFolderName(r), etag);
    }

    std::filesystem::path cacheDirTagPath() const { return m_root / layout::kCacheDirTag; }

    /// <root>/blobs: the shared blob store when marked (sharedstore.h); never a repo.
    std::filesystem::path sharedStoreDir() const { return m_root / layout::kBlobsDir; }
    /// <root>/blobs/<first 2 hex>/ and <root>/blobs/<first 2 hex>/<xet hash>.
    std::filesystem::path sharedPrefixDir(std::string_view xetHash) const;
    std::filesystem::path sharedBlobPath(std::string_view xetHash) const;

private:
    std::filesystem::path m_root;
};

} // namespace hub::cache
