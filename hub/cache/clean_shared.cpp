// The shared-blob-store half of DeletePlan (clean.h): which stored files a plan leaves, which
// it removes, and the manifest upkeep after execute().

#include "hub/cache/detail/sharedplan.h"
#include "hub/cache/layout.h"

#include "hub/core/strings.h"

#include <algorithm>

namespace hub::cache {

using RKind = PlannedRemoval::Kind;

namespace {
std::string shortHash(const std::string &h)
{
    return h.substr(0, 12);
}
} // namespace

std::string SharedPlanner::hashOf(const RepoEntry &repo, const std::string &etag)
{
    auto it = std::lower_bound(repo.sharedLinks.begin(), repo.sharedLinks.end(), etag,
                               [](const SharedStoreLink &l, const std::string &e) { return l.etag < e; });
    return it != repo.sharedLinks.end() && it->etag == etag ? it->xetHash : std::string();
}

void SharedPlanner::removeLink(const RepoEntry &repo, const std::string &etag, const std::string &hash)
{
    removedLinks.insert(layout::repoBlobRelPath(repo.folderName, etag));
    touched.insert(hash);
}

void SharedPlanner::removeRepo(const RepoEntry &repo)
{
    for (const auto &l : repo.sharedLinks)
        removeLink(repo, l.etag, l.xetHash);
}

void SharedPlanner::finish(DeletePlan &plan, std::vector<PlannedRemoval> &items, std::vector<KeptBlob> &kept,
                           uint64_t &freed, bool removeUnused) const
{
    auto removeItem = [&](const SharedBlob &sb, std::string reason) {
        PlannedRemoval r;
        r.kind = RKind::SharedBlob;
        r.path = sb.path;
        r.bytes = sb.size;
        r.reason = std::move(reason);
        r.xetHash = sb.xetHash;
        items.push_back(std::move(r));
        freed += sb.size;
    };
    for (const auto &hash : touched) {
        const SharedBlob *sb = store.find(hash);
        if (!sb)
            continue;
        plan.m_sharedTouched.push_back(hash);
        KeptBlob k;
        k.path = sb->path;
        k.fileName = "stored file " + shortHash(hash);
        k.bytes = sb->size;
        k.xetHash = hash;
        std::vector<std::string> &left = plan.m_sharedCandidates[hash];
        for (const auto &u : sb->users) {
            if (removedLinks.count(u.manifestLine()))
                continue;
            left.push_back(u.manifestLine());
            if (std::find(k.keptFor.begin(), k.keptFor.end(), u.repoId) == k.keptFor.end())
                k.keptFor.push_back(u.repoId);
        }
        if (!k.keptFor.empty()) {
            std::string list;
            for (const auto &s : k.keptFor)
                list += (list.empty() ? "" : " and ") + s;
            k.reason =
                "stays in the shared blob store: " + list + (k.keptFor.size() > 1 ? " still use it" : " still uses it");
        } else if (!sb->hasManifest) {
            k.sharedUnknownUsers = true;
            k.reason = "stays in the shared blob store: it has no manifest, so HubDesk cannot tell which other repos "
                       "use it";
        } else if (removeUnused) {
            removeItem(*sb, "no repo uses it after this deletion");
            continue;
        } else {
            k.reason = "no repo uses it after this deletion; it stays in the shared blob store until you remove unused "
                       "stored files";
        }
        kept.push_back(std::move(k));
    }
    if (!removeUnused)
        return;
    for (const auto &sb : store.files)
        if (sb.unreferenced && !touched.count(sb.xetHash))
            removeItem(sb, "no repo uses it");
}

Expected<bool> SharedPlanner::removeStored(const DeletePlan &plan, const PlannedRemoval &item, DeleteReport &report,
                                           std::set<std::string> &removed)
{
    static const std::vector<std::string> none;
    const auto it = plan.m_sharedCandidates.find(item.xetHash);
    auto sweep =
        refreshSharedBlob(plan.root(), item.xetHash, it != plan.m_sharedCandidates.end() ? it->second : none, true);
    if (!sweep)
        return sweep.error();
    if (!sweep->removed) {
        report.skipped.push_back("stored file " + shortHash(item.xetHash) + ": kept, " + sweep->keptBecause);
        return false;
    }
    removed.insert(item.xetHash);
    return true;
}

void SharedPlanner::refreshManifests(const DeletePlan &plan, const std::set<std::string> &removed, DeleteReport &report)
{
    for (const auto &hash : plan.m_sharedTouched) {
        if (removed.count(hash))
            continue;
        const auto it = plan.m_sharedCandidates.find(hash);
        auto sweep = refreshSharedBlob(
            plan.root(), hash, it != plan.m_sharedCandidates.end() ? it->second : std::vector<std::string>{}, false);
        if (!sweep)
            report.skipped.push_back("manifest of stored file " + shortHash(hash) +
                                     " not updated: " + sweep.error().message);
    }
}

} // namespace hub::cache
