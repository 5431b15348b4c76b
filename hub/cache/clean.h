#pragma once
// Deleting from the cache: first a plan that says exactly what goes and what stays (and why),
// then execute(). A fresh scan afterwards shows exactly bytesFreed() fewer in totalSizeOnDisk.
//
// Safety rules (enforced in execute(), whatever the plan says):
// * nothing outside the cache root and the repo folder being cleaned is touched;
// * symlinks are unlinked, never followed (a blob reached through a link outside the repo stays);
// * order refs -> .no_exist/trees -> snapshot entries/dirs -> blobs -> empty folders, so an
//   interruption at any point leaves a cache the scanner does not call damaged;
// * a blob or partial whose .locks/<repo>/<etag>.lock is held by a running download is skipped;
// * shared blob store (sharedstore.h): a repo's blobs/<etag> link into it is unlinked, never the
//   stored file; a stored file goes only when the selection or prune options ask for unused stored
//   files to be removed, and then only if, under the store's lock, no manifest line or known link
//   still leads to it. Manifests of stored files whose links were removed are rewritten atomically.

#include "hub/cache/scan.h"
#include "hub/core/expected.h"
#include "hub/core/types.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace hub::cache {

/// A single file of a revision chosen for deletion.
struct FileSelection {
    RepoRef repo;
    std::string commit;
    std::string path; // relative to snapshots/<commit>/
};

/// What the user picked. Repos and revisions may overlap; a repo selection wins.
struct DeleteSelection {
    std::vector<RepoRef> repos;
    std::vector<std::string> revisions; // full commit ids (unique across repos)
    std::vector<FileSelection> files;
    /// Also remove stored files of the shared blob store that no repo uses after this deletion,
    /// and those no repo used before it.
    bool sharedUnreferenced = false;
};

struct PruneOptions {
    bool unreferenced = false;       // revisions no ref points to (Python's `hf cache prune`)
    int olderThanDays = -1;          // revisions whose blobs were not accessed for N days (-1: off)
    bool partials = false;           // *.incomplete not locked by a running download
    bool emptyFolders = false;       // empty snapshot dirs, empty repo folders, stale empty .locks dirs
    bool sharedUnreferenced = false; // stored files of the shared blob store no repo uses (afterwards)
    std::set<std::string> pinned;    // commit ids that are never pruned (HubDesk keeps them in its settings)
    int64_t now = 0;                 // seconds since epoch; 0 = current time
};

/// One path the plan removes.
struct PlannedRemoval {
    enum class Kind {
        RepoFolder,
        Ref,
        NoExist,
        TreeListing,
        SnapshotFile,
        SnapshotDir,
        Blob,
        Partial,
        SharedBlob, // a stored file of the shared blob store (and its manifest)
        EmptyDir
    };
    Kind kind = Kind::Blob;
    std::filesystem::path path;
    uint64_t bytes = 0;       // counted in bytesFreed (blobs, copied snapshot files, partials, whole repos)
    std::string repoId;       // cache id of the repo ("model/owner/name")
    std::string commit;       // for revision-level items
    std::string reason;       // "only used by 1a2b3c4 (detached)", "not accessed for 40 days"
    std::string xetHash = {}; // SharedBlob items, and Blob items that are links into the shared store
    uint64_t storeBytes = 0;  // RepoFolder: bytes its links point at in the shared store (not in `bytes`)
};

/// A blob that a selected revision or file uses but that stays.
struct KeptBlob {
    std::filesystem::path path;
    std::string repoId;
    std::string fileName; // e.g. "config.json"
    uint64_t bytes = 0;
    std::vector<std::string> keptFor; // revisions still using it: "v1.0.0" or short commit; for a stored file, repos
    std::string reason;               // "config.json is shared with v1.0.0 and stays"
    std::string xetHash = {};         // set when this is a stored file of the shared blob store
    bool sharedUnknownUsers = false;  // a stored file without a manifest: other users cannot be ruled out
};

struct DeleteReport {
    uint64_t bytesFreed = 0;          // bytes actually removed (from plan items that succeeded)
    size_t removed = 0;               // plan items done
    std::vector<std::string> skipped; // items skipped with the reason (locked, vanished, ...)
    std::vector<HubError> errors;     // items that failed
    bool interrupted = false;         // stopped by ExecuteOptions::beforeEach or cancel
};

struct ExecuteOptions {
    const std::atomic<bool> *cancel = nullptr;
    /// Called before each removal; return false to stop there (used to test interruption).
    std::function<bool(const PlannedRemoval &)> beforeEach;
};

/// An immutable deletion plan, built from a scan. Cheap to copy; show it, then execute it.
class DeletePlan {
public:
    /// Repos, revisions and single files chosen by the user. InvalidArgument for selections that
    /// are not in `info` (unknown repo, commit or file), with the offending item named.
    static Expected<DeletePlan> forSelection(const CacheInfo &info, const DeleteSelection &selection);
    /// Revisions/partials/folders matching the prune rules (pinned commits never included).
    static DeletePlan forPrune(const CacheInfo &info, const PruneOptions &options);

    const std::filesystem::path &root() const { return m_root; }
    const std::vector<PlannedRemoval> &items() const { return m_items; }
    const std::vector<KeptBlob> &kept() const { return m_kept; }
    /// Bytes by which CacheInfo::totalSizeOnDisk drops after execute().
    uint64_t bytesFreed() const { return m_bytesFreed; }
    /// Partial-download bytes removed (not part of totalSizeOnDisk).
    uint64_t partialBytesFreed() const { return m_partialBytesFreed; }
    /// Everything else removed that scans do not count (orphan blobs, markers): informational.
    uint64_t otherBytesFreed() const { return m_otherBytesFreed; }
    size_t repoCount() const;       // whole repos removed
    size_t revisionCount() const;   // revisions removed from repos that stay
    size_t sharedBlobCount() const; // stored files removed from the shared blob store
    bool empty() const { return m_items.empty(); }

    /// Human summary lines ("Delete model/x (entire repo, 45.0 MB)", "Keep ... shared with ...").
    std::vector<std::string> describe() const;

    /// Carries the plan out in the safe order. Missing paths are skipped, not errors.
    DeleteReport execute(const ExecuteOptions &options = {}) const;

private:
    std::filesystem::path m_root;
    std::vector<PlannedRemoval> m_items; // in execution order
    std::vector<KeptBlob> m_kept;
    uint64_t m_bytesFreed = 0;
    uint64_t m_partialBytesFreed = 0;
    uint64_t m_otherBytesFreed = 0;
    /// Shared store: hash -> references (manifest spelling) the scan saw that the plan leaves; and
    /// the hashes whose links the plan removes (their manifests are refreshed after execute()).
    std::map<std::string, std::vector<std::string>> m_sharedCandidates;
    std::vector<std::string> m_sharedTouched;

    friend struct SharedPlanner;
};

std::string_view removalKindName(PlannedRemoval::Kind kind);

} // namespace hub::cache
