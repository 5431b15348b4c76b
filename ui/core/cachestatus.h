#pragma once
// What the local cache holds of a repo, for badges. Disk I/O: call these off the GUI thread
// (through runJob); they only read.

#include "hub/core/types.h"

#include <QString>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace hubui {

/// The cache badge of a repo. Never shown by colour alone: every state has its own text.
enum class CacheBadge {
    Unknown,         ///< not checked yet
    NotDownloaded,   ///< nothing of this repo in the cache
    Downloaded,      ///< some revision is cached and it is current (or no branch is tracked)
    UpdateAvailable, ///< the cached main branch points to an older commit than the Hub's
};

QString cacheBadgeText(CacheBadge badge);
QString cacheBadgeToolTip(CacheBadge badge);

struct RepoCacheInfo {
    CacheBadge badge = CacheBadge::Unknown;
    std::string cachedMainCommit;             ///< refs/main, empty when absent
    std::vector<std::string> snapshotCommits; ///< every snapshots/<commit>/
};

/// Looks at `<root>/<models--ns--name>`; `hubHead` is the Hub's current main commit (empty when
/// unknown, then a cached repo is just Downloaded).
RepoCacheInfo inspectRepoCache(const std::filesystem::path &root, const hub::RepoRef &repo, const std::string &hubHead);

/// Paths ('/'-separated, relative) of the files present in snapshots/<commit>/ (empty if none).
std::set<std::string> cachedPathsAt(const std::filesystem::path &root, const hub::RepoRef &repo,
                                    const std::string &commit);

/// The snapshot folder of a commit (may not exist).
std::filesystem::path snapshotDir(const std::filesystem::path &root, const hub::RepoRef &repo,
                                  const std::string &commit);

} // namespace hubui
