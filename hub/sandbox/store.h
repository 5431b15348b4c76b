#pragma once
// The sandbox's storage: a small git-like object model persisted under a data directory.
//
// - Regular file contents are blobs named by their git blob SHA-1 (dataDir/blobs/aa/<sha1>).
// - LFS objects are files named by their SHA-256 (dataDir/lfs/aa/<sha256>); the repo tree holds
//   the pointer blob's SHA-1 and the LFS oid.
// - Trees are flat maps path -> entry, named by the real git tree id of their root.
// - Commits hold tree, parents, author, date and message; their id is the git commit SHA-1, so it
//   is deterministic (same content + same date = same id across restarts).
// - Repos hold refs (branches, tags, refs/pr/N) and metadata; they are saved atomically as JSON
//   (dataDir/state/...) after every change, so uploads survive a restart.
//
// Thread-safety: none. The server serialises access with its own mutex.

#include "hub/core/expected.h"
#include "hub/core/types.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hub::sandbox {

struct FileEntry {
    std::string blobId; ///< git blob SHA-1 of the content, or of the LFS pointer text
    uint64_t size = 0;  ///< real size (the large object's size for LFS files)
    std::string lfsOid; ///< SHA-256 of the content when stored in LFS, else empty

    bool isLfs() const { return !lfsOid.empty(); }
    friend bool operator==(const FileEntry &, const FileEntry &) = default;
};

using Tree = std::map<std::string, FileEntry>;

struct Commit {
    std::string id;
    std::string treeId;
    std::vector<std::string> parents;
    std::string author;
    int64_t date = 0; ///< epoch seconds
    std::string title;
    std::string message; ///< body after the title, may be empty
};

struct RepoState {
    RepoType type = RepoType::Model;
    std::string ns;
    std::string name;
    std::string mongoId; ///< 24-hex `_id`
    bool isPrivate = false;
    std::string gated = "false"; ///< "false", "auto" or "manual"
    int64_t createdAt = 0;
    int64_t downloads = 0;
    int64_t likes = 0;
    std::string sdk; ///< spaces only
    std::map<std::string, std::string> branches;
    std::map<std::string, std::string> tags;
    std::map<int, std::string> pullRequests;
    std::set<std::string> gatedApproved; ///< users granted access to a gated repo

    std::string fullId() const { return ns + "/" + name; }
};

/// Git's LFS pointer text for an object.
std::string lfsPointerText(const std::string &sha256, uint64_t size);

/// Git tree ids of every directory of a tree ("" = root).
std::map<std::string, std::string> directoryOids(const Tree &tree);

/// Content-addressed objects, repos and refs under one data directory.
class Store {
public:
    explicit Store(std::filesystem::path dataDir);

    const std::filesystem::path &dataDir() const { return m_dataDir; }
    /// Loads the saved state; false (not an error) when there is none yet.
    Expected<bool> load();

    // Objects
    Expected<std::string> putBlob(const std::string &content); ///< returns the git blob SHA-1
    Expected<std::string> readBlob(const std::string &blobId) const;
    std::filesystem::path blobPath(const std::string &blobId) const;
    std::filesystem::path lfsPath(const std::string &sha256) const;
    bool hasLfs(const std::string &sha256, uint64_t *size = nullptr) const;
    /// Moves a verified file into LFS storage under its SHA-256.
    Status adoptLfsFile(const std::filesystem::path &file, const std::string &sha256);
    std::filesystem::path uploadsDir() const { return m_dataDir / "uploads"; }

    Expected<std::string> putTree(Tree tree); ///< returns the tree id
    std::shared_ptr<const Tree> tree(const std::string &treeId) const;
    const std::map<std::string, std::string> &treeDirOids(const std::string &treeId);
    Expected<std::string> putCommit(Commit commit); ///< fills and returns commit.id
    const Commit *commit(const std::string &id) const;

    // Repos
    RepoState *repo(RepoType type, const std::string &fullId);
    const RepoState *repo(RepoType type, const std::string &fullId) const;
    std::vector<const RepoState *> repos(RepoType type) const;
    /// Creates a repo with its `initial commit` (.gitattributes) on main.
    Expected<RepoState *> createRepo(RepoType type, const std::string &ns, const std::string &name, bool isPrivate,
                                     int64_t now, const std::string &sdk = {});
    Status deleteRepo(RepoType type, const std::string &fullId);
    /// Saves one repo's metadata and refs atomically.
    Status saveRepo(const RepoState &repo);

    /// Resolves a branch, tag, refs/pr/N, "HEAD" or a full/short commit id.
    std::optional<std::string> resolve(const RepoState &repo, const std::string &revision) const;
    /// First-parent history from `commitId`, newest first.
    std::vector<const Commit *> history(const std::string &commitId) const;
    /// The newest commit in the history of `commitId` that changed each of `paths`
    /// (a file or a directory).
    std::map<std::string, const Commit *> lastCommits(const std::string &commitId,
                                                      const std::vector<std::string> &paths);

private:
    Status writeJsonAtomic(const std::filesystem::path &file, const std::string &text) const;
    std::filesystem::path repoFile(const RepoState &repo) const;

    std::filesystem::path m_dataDir;
    std::map<std::string, std::shared_ptr<const Tree>> m_trees;
    std::map<std::string, std::map<std::string, std::string>> m_dirOids;
    std::map<std::string, Commit> m_commits;
    std::map<std::string, std::unique_ptr<RepoState>> m_repos; ///< key "type:ns/name"
};

/// The `.gitattributes` of a new Hub repo (standard LFS patterns).
const std::string &defaultGitAttributes();
/// True when `path` matches one of the LFS patterns of a .gitattributes text.
bool matchesLfsPattern(const std::string &gitAttributes, const std::string &path);

} // namespace hub::sandbox
