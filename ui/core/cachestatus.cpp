#include "ui/core/cachestatus.h"

#include "hub/cache/layout.h"
#include "hub/cache/resolve.h"

#include <QCoreApplication>

#include <system_error>

namespace fs = std::filesystem;

namespace hubui {

QString cacheBadgeText(CacheBadge badge)
{
    switch (badge) {
    case CacheBadge::Unknown: return {};
    case CacheBadge::NotDownloaded: return QCoreApplication::translate("hubui::CacheBadge", "Not downloaded");
    case CacheBadge::Downloaded: return QCoreApplication::translate("hubui::CacheBadge", "Downloaded");
    case CacheBadge::UpdateAvailable: return QCoreApplication::translate("hubui::CacheBadge", "Update available");
    }
    return {};
}

QString cacheBadgeToolTip(CacheBadge badge)
{
    switch (badge) {
    case CacheBadge::Unknown: return {};
    case CacheBadge::NotDownloaded:
        return QCoreApplication::translate("hubui::CacheBadge", "No file of this repo is in the local cache.");
    case CacheBadge::Downloaded:
        return QCoreApplication::translate("hubui::CacheBadge", "Files of this repo are in the local cache.");
    case CacheBadge::UpdateAvailable:
        return QCoreApplication::translate("hubui::CacheBadge",
                                           "The cached main branch is older than the Hub's: download it again "
                                           "to get the newest version.");
    }
    return {};
}

fs::path snapshotDir(const fs::path &root, const hub::RepoRef &repo, const std::string &commit)
{
    return hub::cache::CacheLayout(root).snapshotDir(repo, commit);
}

RepoCacheInfo inspectRepoCache(const fs::path &root, const hub::RepoRef &repo, const std::string &hubHead)
{
    RepoCacheInfo info;
    std::error_code ec;
    const fs::path snapshots = hub::cache::CacheLayout(root).snapshotsDir(repo);
    for (fs::directory_iterator it(snapshots, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec) && !fs::is_empty(it->path(), ec))
            info.snapshotCommits.push_back(it->path().filename().string());
    }
    if (info.snapshotCommits.empty()) {
        info.badge = CacheBadge::NotDownloaded;
        return info;
    }
    const hub::cache::CacheResolver resolver(root);
    if (auto main = resolver.resolveCommit(repo, "main"))
        info.cachedMainCommit = *main;
    const bool stale = !hubHead.empty() && !info.cachedMainCommit.empty() && info.cachedMainCommit != hubHead;
    info.badge = stale ? CacheBadge::UpdateAvailable : CacheBadge::Downloaded;
    return info;
}

std::set<std::string> cachedPathsAt(const fs::path &root, const hub::RepoRef &repo, const std::string &commit)
{
    std::set<std::string> out;
    if (commit.empty())
        return out;
    const fs::path dir = snapshotDir(root, repo, commit);
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        // A snapshot entry is a symlink into blobs/ (or a plain file): count it only when its
        // target exists, so a broken link does not show as cached.
        if (!it->is_directory(ec) && fs::exists(it->path(), ec))
            out.insert(it->path().lexically_relative(dir).generic_string());
    }
    return out;
}

} // namespace hubui
