#pragma once
// Internal to DeletePlan: what a deletion does to the shared blob store. Not part of the public API.

#include "hub/cache/clean.h"

#include <set>
#include <string>
#include <vector>

namespace hub::cache {

struct SharedPlanner {
    const SharedBlobStore &store;
    std::set<std::string> removedLinks = {}; // "<folder>/blobs/<etag>" the plan unlinks
    std::set<std::string> touched = {};      // hashes of stored files those links lead to

    /// The whole repo goes: all its links into the store.
    void removeRepo(const RepoEntry &repo);
    /// The hash blobs/<etag> of `repo` links to, or "" when it is no store link.
    static std::string hashOf(const RepoEntry &repo, const std::string &etag);
    void removeLink(const RepoEntry &repo, const std::string &etag, const std::string &hash);
    /// Decides, per touched stored file, whether it stays (and says why) or goes (when
    /// `removeUnused`), and with `removeUnused` adds every stored file no repo used before.
    void finish(DeletePlan &plan, std::vector<PlannedRemoval> &items, std::vector<KeptBlob> &kept, uint64_t &freed,
                bool removeUnused) const;
    /// Carries out one SharedBlob item (under the store lock, re-checking every reference): true
    /// when removed, false when kept (the reason is added to report.skipped).
    static Expected<bool> removeStored(const DeletePlan &plan, const PlannedRemoval &item, DeleteReport &report,
                                       std::set<std::string> &removed);
    /// Rewrites the manifests of touched stored files that stay.
    static void refreshManifests(const DeletePlan &plan, const std::set<std::string> &removed, DeleteReport &report);
};

} // namespace hub::cache
