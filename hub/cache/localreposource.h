#pragma once
// The repos of the local cache, read the way the Hub is asked: which repos of a type and
// namespace, a repo's refs and cached revisions, the tree of a revision (what is on disk and what
// is known to be missing), and the bytes of one file at a revision. This is what HubDesk shows
// and hubdesk-cli prints when the Hub cannot be reached (HF_HUB_OFFLINE, "Work offline", no
// network): the same questions as HubClient, answered from disk only.
//
// It never writes, never guesses ("main" is not cached -> an error, not "some other snapshot"),
// and never reads through a link that leads out of the cache root.

#include "hub/core/expected.h"
#include "hub/core/types.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hub::cache {

/// One snapshots/<commit>/ folder of a cached repo.
struct LocalRevision {
    std::string commit;
    std::vector<std::string> refs; ///< ref names pointing here ("main", "v1.1.0", "refs/pr/1"), sorted
    int64_t lastModified = 0;      ///< newest blob mtime (seconds)
    uint64_t sizeOnDisk = 0;
    uint64_t fileCount = 0;    ///< files on disk
    uint64_t missingCount = 0; ///< listed in trees/<commit>.json but not on disk

    /// The name to show and to ask for: its first ref ("main" first), else the commit.
    std::string name() const;
};

/// A cached repo: what LocalRepoSource::listRepos and repoInfo answer.
struct LocalRepoInfo {
    RepoRef repo;
    std::vector<LocalRevision> revisions;    ///< newest first
    std::map<std::string, std::string> refs; ///< every ref name -> commit, also refs to missing snapshots
    int64_t lastModified = 0;
    uint64_t sizeOnDisk = 0;
    bool damaged = false; ///< the scanner found broken links or bad refs (see `hubdesk-cli cache verify`)

    /// The revision a viewer opens by default: the one "main" points to when it is cached, else
    /// the newest cached revision; nullptr when nothing is cached.
    const LocalRevision *defaultRevision() const;
    const LocalRevision *revision(std::string_view commit) const;
};

/// One file of a cached revision.
struct LocalFile {
    enum class Presence {
        OnDisk,        ///< in the snapshot, its blob readable
        NotDownloaded, ///< listed in trees/<commit>.json, not in the snapshot
        Unsafe,        ///< in the snapshot, but its link leads out of the cache root: never read
    };
    std::string path; ///< '/'-separated, relative to the revision root
    Presence presence = Presence::OnDisk;
    uint64_t size = 0;     ///< bytes of the file (the listing's size when it is not on disk)
    std::string gitOid;    ///< git blob id when known (the blob name of a file stored in git)
    std::string lfsSha256; ///< content sha256 of an LFS/Xet file when known

    bool onDisk() const { return presence == Presence::OnDisk; }
};

/// The files of one cached revision.
struct LocalTree {
    std::string commit;
    std::vector<LocalFile> files; ///< sorted by path
    /// trees/<commit>.json was there (written by huggingface_hub's snapshot_download): the files
    /// not downloaded are known. Without it only what is on disk is listed.
    bool hasListing = false;

    size_t onDiskCount() const;
};

struct LocalListQuery {
    std::optional<RepoType> type; ///< nullopt = every type
    std::string author;           ///< the namespace, compared without case ("" = every namespace)
    std::string search;           ///< a substring of "owner/name", compared without case
};

/// Read-only answers from one cache root. Cheap to copy; every call reads the disk (call it off
/// the GUI thread); thread-safe.
class LocalRepoSource {
public:
    explicit LocalRepoSource(std::filesystem::path root);

    const std::filesystem::path &root() const { return m_root; }

    /// Cached repos matching `query` (at least one snapshot), sorted by type then id. A cache
    /// folder that does not exist yet is an empty list. `cancel` stops the scan early (Cancelled).
    Expected<std::vector<LocalRepoInfo>> listRepos(const LocalListQuery &query,
                                                   const std::atomic<bool> *cancel = nullptr) const;
    /// NotCached ("... is not on this computer") when nothing of it is cached.
    Expected<LocalRepoInfo> repoInfo(const RepoRef &repo) const;
    /// The cached commit of `revision`: a ref name (read from refs/, like Python), a full commit
    /// id, or an unambiguous prefix of at least 7 hex digits of a cached commit. Empty = "main".
    /// NotCached when that revision has no snapshot on this computer (it may well exist on the Hub).
    Expected<std::string> resolve(const RepoRef &repo, std::string_view revision) const;
    /// Files of a cached revision, on disk and (from trees/<commit>.json) not downloaded.
    Expected<LocalTree> tree(const RepoRef &repo, std::string_view revision) const;
    /// The bytes of `path` at `revision`. EntryNotFound when the revision is known not to have it
    /// (.no_exist marker, or absent from its trees/ listing); NotCached when it may exist but is
    /// not on this computer; Refused when its link leads out of the cache root; TooLarge above
    /// maxBytes.
    Expected<std::string> readFile(const RepoRef &repo, std::string_view revision, std::string_view path,
                                   size_t maxBytes) const;

private:
    std::filesystem::path m_root;
};

} // namespace hub::cache
