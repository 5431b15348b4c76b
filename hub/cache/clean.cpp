#include "hub/cache/clean.h"

#include "hub/cache/blob_lock.h"
#include "hub/cache/detail/fsutil.h"
#include "hub/cache/detail/sharedplan.h"
#include "hub/cache/layout.h"
#include "hub/core/strings.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <map>
#include <set>
#include <unordered_map>

namespace hub::cache {

namespace fs = std::filesystem;
using RKind = PlannedRemoval::Kind;

std::string_view removalKindName(RKind kind)
{
    switch (kind) {
    case RKind::RepoFolder: return "repo";
    case RKind::Ref: return "ref";
    case RKind::NoExist: return "no-exist-markers";
    case RKind::TreeListing: return "tree-listing";
    case RKind::SnapshotFile: return "snapshot-file";
    case RKind::SnapshotDir: return "snapshot";
    case RKind::Blob: return "blob";
    case RKind::Partial: return "partial";
    case RKind::SharedBlob: return "shared-blob";
    case RKind::EmptyDir: return "empty-folder";
    }
    return "unknown";
}

namespace {

int phase(RKind k)
{
    switch (k) {
    case RKind::Ref: return 0;
    case RKind::NoExist:
    case RKind::TreeListing: return 1;
    case RKind::SnapshotFile: return 2;
    case RKind::SnapshotDir: return 3;
    case RKind::Blob: return 4;
    case RKind::Partial: return 5;
    case RKind::RepoFolder: return 6;
    case RKind::SharedBlob: return 7; // after every link to it is gone
    case RKind::EmptyDir: return 8;
    }
    return 9;
}

std::string shortCommit(const std::string &c)
{
    return c.substr(0, 8);
}

/// "v1.0.0" / "main, refs/pr/1" or the short commit for detached revisions.
std::string revisionLabel(const RevisionEntry &rev)
{
    if (rev.refs.empty())
        return shortCommit(rev.commit);
    std::string out;
    for (const auto &r : rev.refs)
        out += (out.empty() ? "" : ", ") + r;
    return out;
}

std::string baseName(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Plans the removals of one repo that stays (revision and file level).
struct RepoPlanner {
    const RepoEntry &repo;
    std::set<std::string> revisions;                    // whole revisions removed
    std::map<std::string, std::set<std::string>> files; // commit -> paths removed
    std::vector<PlannedRemoval> &items;
    std::vector<KeptBlob> &kept;
    uint64_t &freed;
    std::string reason;
    SharedPlanner &shared;

    std::string blobKey(const CachedFile &f) const { return f.blobPath.string(); }

    void plan()
    {
        const std::string id = repo.cacheId();
        const RepoLayout dir(repo.path);
        // Remaining uses of each blob after the removal, and who keeps it.
        std::unordered_map<std::string, std::vector<const RevisionEntry *>> remaining;
        std::map<std::string, const CachedFile *> removedBlobs; // key -> one file using it
        for (const auto &rev : repo.revisions) {
            const bool revGone = revisions.count(rev.commit) > 0;
            const auto fit = files.find(rev.commit);
            for (const auto &f : rev.files) {
                const bool fileGone = revGone || (fit != files.end() && fit->second.count(f.path));
                if (fileGone)
                    removedBlobs.emplace(blobKey(f), &f);
                else {
                    auto &v = remaining[blobKey(f)];
                    if (v.empty() || v.back() != &rev)
                        v.push_back(&rev);
                }
            }
        }
        for (const auto &rev : repo.revisions) {
            if (!revisions.count(rev.commit))
                continue;
            const std::string why = reason.empty() ? "revision " + revisionLabel(rev) + " was selected" : reason;
            for (const auto &ref : rev.refs)
                items.push_back({RKind::Ref, dir.refPath(ref), 0, id, rev.commit, "ref " + ref + " points to it"});
            if (detail::lexists(dir.noExistDir(rev.commit)))
                items.push_back({RKind::NoExist, dir.noExistDir(rev.commit), 0, id, rev.commit,
                                 "markers of files missing at this revision"});
            if (detail::lexists(dir.treeListingPath(rev.commit)))
                items.push_back({RKind::TreeListing, dir.treeListingPath(rev.commit), 0, id, rev.commit,
                                 "file listing of this revision"});
            uint64_t inSnapshot = 0;
            for (const auto &f : rev.files)
                if (!f.isLink && remaining.find(blobKey(f)) == remaining.end())
                    inSnapshot += f.size;
            items.push_back({RKind::SnapshotDir, rev.snapshotPath, inSnapshot, id, rev.commit, why});
            freed += inSnapshot;
        }
        for (const auto &[commit, paths] : files) {
            if (revisions.count(commit))
                continue;
            const RevisionEntry *rev = repo.revision(commit);
            for (const auto &f : rev->files) {
                if (!paths.count(f.path))
                    continue;
                uint64_t bytes = 0;
                if (!f.isLink && remaining.find(blobKey(f)) == remaining.end())
                    bytes = f.size;
                freed += bytes;
                items.push_back({RKind::SnapshotFile, f.filePath, bytes, id, commit,
                                 reason.empty() ? f.path + " at " + revisionLabel(*rev) + " was selected" : reason});
            }
        }
        for (const auto &[key, file] : removedBlobs) {
            if (!file->isLink)
                continue; // plain files went with their snapshot entry
            auto it = remaining.find(key);
            if (it != remaining.end()) {
                KeptBlob k;
                k.path = file->blobPath;
                k.repoId = id;
                k.fileName = baseName(file->path);
                k.bytes = file->size;
                for (const auto *r : it->second)
                    k.keptFor.push_back(revisionLabel(*r));
                std::string list;
                for (const auto &s : k.keptFor)
                    list += (list.empty() ? "" : " and ") + s;
                k.reason = k.fileName + " is shared with " + list + " and stays";
                kept.push_back(std::move(k));
                continue;
            }
            if (const std::string hash = SharedPlanner::hashOf(repo, file->blobName);
                !file->blobName.empty() && !hash.empty()) {
                // Only the link goes; the stored file is the shared planner's business.
                shared.removeLink(repo, file->blobName, hash);
                PlannedRemoval r{RKind::Blob, dir.blobPath(file->blobName),
                                 0,           id,
                                 {},          "only used by the removed " + baseName(file->path)};
                r.xetHash = hash;
                items.push_back(std::move(r));
                continue;
            }
            freed += file->size;
            if (file->blobName.empty()) {
                KeptBlob k;
                k.path = file->blobPath;
                k.repoId = id;
                k.fileName = baseName(file->path);
                k.bytes = file->size;
                k.reason = k.fileName + " points outside the repo folder; only the link is removed, " +
                           file->blobPath.string() + " stays";
                kept.push_back(std::move(k));
                continue;
            }
            items.push_back({RKind::Blob,
                             dir.blobPath(file->blobName),
                             file->size,
                             id,
                             {},
                             "only used by the removed " + baseName(file->path)});
        }
    }
};

bool allRevisionsSelected(const RepoEntry &repo, const std::set<std::string> &revs)
{
    if (repo.revisions.empty())
        return false;
    return std::all_of(repo.revisions.begin(), repo.revisions.end(),
                       [&](const RevisionEntry &r) { return revs.count(r.commit) > 0; });
}

} // namespace

size_t DeletePlan::repoCount() const
{
    return static_cast<size_t>(
        std::count_if(m_items.begin(), m_items.end(), [](const auto &i) { return i.kind == RKind::RepoFolder; }));
}

size_t DeletePlan::sharedBlobCount() const
{
    return static_cast<size_t>(
        std::count_if(m_items.begin(), m_items.end(), [](const auto &i) { return i.kind == RKind::SharedBlob; }));
}

size_t DeletePlan::revisionCount() const
{
    return static_cast<size_t>(
        std::count_if(m_items.begin(), m_items.end(), [](const auto &i) { return i.kind == RKind::SnapshotDir; }));
}

namespace {
struct Builder {
    const CacheInfo &info;
    std::vector<PlannedRemoval> items;
    std::vector<KeptBlob> kept;
    uint64_t freed = 0;
    SharedPlanner shared;

    void wholeRepo(const RepoEntry &repo, const std::string &reason)
    {
        // Its links into the shared store go with it; the stored files are decided in finish().
        PlannedRemoval r{RKind::RepoFolder, repo.path, repo.sizeOnDisk - repo.sharedStoreBytes,
                         repo.cacheId(),    {},        reason};
        r.storeBytes = repo.sharedStoreBytes;
        freed += r.bytes;
        items.push_back(std::move(r));
        shared.removeRepo(repo);
    }
    void finish(DeletePlan &plan, bool removeUnused) { shared.finish(plan, items, kept, freed, removeUnused); }
};
} // namespace

Expected<DeletePlan> DeletePlan::forSelection(const CacheInfo &info, const DeleteSelection &selection)
{
    Builder b{info, {}, {}, 0, SharedPlanner{info.sharedStore}};
    std::set<const RepoEntry *> wholeRepos;
    for (const auto &ref : selection.repos) {
        const RepoEntry *repo = info.findRepo(ref);
        if (!repo)
            return HubError::make(ErrorCode::InvalidArgument,
                                  std::string(repoTypeName(ref.type)) + "/" + ref.id.str() + " is not in the cache.");
        wholeRepos.insert(repo);
    }
    std::map<const RepoEntry *, std::set<std::string>> revs;
    for (const auto &commit : selection.revisions) {
        auto [repo, rev] = info.findRevision(commit);
        if (!repo)
            return HubError::make(ErrorCode::InvalidArgument,
                                  "Revision " + commit +
                                      " is not in the cache. Use the full 40-character commit id "
                                      "shown by 'hubdesk-cli cache scan --revisions'.");
        revs[repo].insert(commit);
    }
    std::map<const RepoEntry *, std::map<std::string, std::set<std::string>>> files;
    for (const auto &sel : selection.files) {
        const RepoEntry *repo = info.findRepo(sel.repo);
        const RevisionEntry *rev = repo ? repo->revision(sel.commit) : nullptr;
        const bool found = rev && std::any_of(rev->files.begin(), rev->files.end(),
                                              [&](const CachedFile &f) { return f.path == sel.path; });
        if (!found)
            return HubError::make(ErrorCode::InvalidArgument, sel.path + " at " + sel.commit + " of " +
                                                                  sel.repo.id.str() + " is not in the cache.");
        files[repo][sel.commit].insert(sel.path);
    }
    for (const auto &repo : info.repos) {
        const RepoEntry *r = &repo;
        if (wholeRepos.count(r)) {
            b.wholeRepo(repo, "the whole repo was selected");
            continue;
        }
        auto rit = revs.find(r);
        auto fit = files.find(r);
        if (rit == revs.end() && fit == files.end())
            continue;
        if (rit != revs.end() && allRevisionsSelected(repo, rit->second)) {
            b.wholeRepo(repo, "all its revisions were selected");
            continue;
        }
        RepoPlanner p{repo,
                      rit != revs.end() ? rit->second : std::set<std::string>{},
                      fit != files.end() ? fit->second : std::map<std::string, std::set<std::string>>{},
                      b.items,
                      b.kept,
                      b.freed,
                      {},
                      b.shared};
        p.plan();
    }
    DeletePlan plan;
    b.finish(plan, selection.sharedUnreferenced);
    plan.m_root = info.root;
    plan.m_items = std::move(b.items);
    std::stable_sort(plan.m_items.begin(), plan.m_items.end(),
                     [](const auto &x, const auto &y) { return phase(x.kind) < phase(y.kind); });
    plan.m_kept = std::move(b.kept);
    plan.m_bytesFreed = b.freed;
    return plan;
}

DeletePlan DeletePlan::forPrune(const CacheInfo &info, const PruneOptions &options)
{
    const int64_t now =
        options.now
            ? options.now
            : std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                  .count();
    Builder b{info, {}, {}, 0, SharedPlanner{info.sharedStore}};
    std::vector<PlannedRemoval> extra;
    uint64_t partialBytes = 0;
    for (const auto &repo : info.repos) {
        std::set<std::string> chosen;
        std::string reason;
        // A damaged repo is never pruned by revision rules: what looks detached there may be the
        // target of a ref that only lost its snapshot. The user repairs or deletes it explicitly.
        for (const auto &rev : repo.damaged() ? std::vector<RevisionEntry>{} : repo.revisions) {
            if (options.pinned.count(rev.commit))
                continue;
            if (options.unreferenced && rev.detached()) {
                chosen.insert(rev.commit);
                reason = "no ref points to it";
            } else if (options.olderThanDays >= 0 &&
                       now - std::max(rev.lastAccessed, rev.lastModified) > int64_t(options.olderThanDays) * 86400) {
                chosen.insert(rev.commit);
                reason = "not used for more than " + std::to_string(options.olderThanDays) + " days";
            }
        }
        if (chosen.size() > 1)
            reason = "unreferenced or unused revision";
        if (!chosen.empty()) {
            if (allRevisionsSelected(repo, chosen)) {
                b.wholeRepo(repo, "every revision is prunable (" + reason + ")");
                continue; // partials and folders go with the repo
            }
            RepoPlanner p{repo, chosen, {}, b.items, b.kept, b.freed, reason, b.shared};
            p.plan();
        }
        if (options.partials) {
            for (const auto &part : repo.partials) {
                if (part.locked)
                    continue;
                extra.push_back({RKind::Partial,
                                 part.path,
                                 part.size,
                                 repo.cacheId(),
                                 {},
                                 "download that is not running (" + humanBytes(part.size) + ")"});
                partialBytes += part.size;
            }
        }
        if (options.emptyFolders) {
            const bool emptyRepo = repo.revisions.empty() && repo.refs.empty() && repo.partials.empty() &&
                                   repo.noExist.empty() && repo.orphanBytes == 0;
            if (emptyRepo) {
                extra.push_back({RKind::RepoFolder, repo.path, 0, repo.cacheId(), {}, "empty repo folder"});
                continue;
            }
            for (const auto &rev : repo.revisions)
                if (rev.files.empty() && rev.detached() && !chosen.count(rev.commit) &&
                    !options.pinned.count(rev.commit))
                    extra.push_back({RKind::EmptyDir, rev.snapshotPath, 0, repo.cacheId(), rev.commit,
                                     "empty snapshot folder no ref points to"});
        }
    }
    if (options.emptyFolders) {
        // .locks/<repo folder>/ of repos that are gone (stale locks left by crashed downloads).
        std::error_code ec;
        for (const auto &e : fs::directory_iterator(CacheLayout(info.root).locksRoot(), ec)) {
            const std::string name = e.path().filename().string();
            if (!CacheLayout::parseRepoFolderName(name) || detail::lexists(info.root / name) ||
                !detail::isRealDir(e.path()))
                continue;
            extra.push_back({RKind::EmptyDir, e.path(), 0, "", {}, "lock folder of a repo that is no longer cached"});
        }
    }
    DeletePlan plan;
    b.finish(plan, options.sharedUnreferenced);
    plan.m_root = info.root;
    plan.m_items = std::move(b.items);
    plan.m_items.insert(plan.m_items.end(), extra.begin(), extra.end());
    std::stable_sort(plan.m_items.begin(), plan.m_items.end(),
                     [](const auto &x, const auto &y) { return phase(x.kind) < phase(y.kind); });
    plan.m_kept = std::move(b.kept);
    plan.m_bytesFreed = b.freed;
    plan.m_partialBytesFreed = partialBytes;
    return plan;
}

std::vector<std::string> DeletePlan::describe() const
{
    std::vector<std::string> out;
    for (const auto &i : m_items) {
        std::string line;
        switch (i.kind) {
        case RKind::RepoFolder:
            line = "Delete " + i.repoId + " (entire repo, " + humanBytes(i.bytes) +
                   (i.storeBytes ? " of its own; what it uses in the shared blob store, " + humanBytes(i.storeBytes) +
                                       ", is listed below"
                                 : "") +
                   "): " + i.reason;
            break;
        case RKind::SnapshotDir:
            line = "Delete revision " + i.commit + " of " + i.repoId +
                   (i.bytes ? " (" + humanBytes(i.bytes) + " in copied files)" : "") + ": " + i.reason;
            break;
        case RKind::Blob:
            line = i.xetHash.empty()
                       ? "Delete blob " + i.path.filename().string() + " (" + humanBytes(i.bytes) + "): " + i.reason
                       : "Remove the link " + i.path.filename().string() +
                             " into the shared blob store (the stored file is listed separately): " + i.reason;
            break;
        case RKind::SharedBlob:
            line = "Delete stored file " + i.xetHash.substr(0, 12) + " from the shared blob store (" +
                   humanBytes(i.bytes) + "): " + i.reason;
            break;
        case RKind::Partial: line = "Delete partial download " + i.path.filename().string() + ": " + i.reason; break;
        default:
            line = "Delete " + std::string(removalKindName(i.kind)) + " " + i.path.string() + ": " + i.reason;
            break;
        }
        out.push_back(std::move(line));
    }
    for (const auto &k : m_kept)
        out.push_back("Keep " + (k.xetHash.empty() ? k.path.filename().string() : k.fileName) + " (" +
                      humanBytes(k.bytes) + "): " + k.reason);
    out.push_back("Frees " + humanBytes(m_bytesFreed) + " of cached files" +
                  (m_partialBytesFreed ? " and " + humanBytes(m_partialBytesFreed) + " of partial downloads" : "") +
                  ".");
    return out;
}

namespace {

/// Every component between the cache root and the item's final component must be a real
/// directory (never a symlink): then unlink/rmdir cannot be redirected out of the cache.
bool safeChain(const fs::path &root, const fs::path &target, std::string &why)
{
    if (!detail::isWithin(target, root)) {
        why = "outside the cache folder";
        return false;
    }
    const fs::path rel = target.lexically_normal().lexically_relative(root.lexically_normal());
    if (rel.empty() || rel.begin()->string() == "..") {
        why = "outside the cache folder";
        return false;
    }
    fs::path cur = root;
    auto it = rel.begin();
    auto last = std::prev(rel.end());
    for (; it != last; ++it) {
        if (*it == ".." || *it == ".") {
            why = "path with . or ..";
            return false;
        }
        cur /= *it;
        if (!detail::isRealDir(cur)) {
            why = detail::lexists(cur) ? cur.string() + " is a link or a file" : "already gone";
            return false;
        }
    }
    return true;
}

Status removeRepoFolder(const fs::path &root, const fs::path &repoDir)
{
    // Order mirrors the revision-level rule: refs first, snapshots, then blobs, so an interruption
    // never leaves a ref to a missing snapshot or a link to a missing blob.
    const CacheLayout cache(root);
    const RepoLayout repo(repoDir);
    const std::string folder = repoDir.filename().string();
    for (const std::string_view sub :
         {layout::kRefsDir, layout::kNoExistDir, layout::kTreesDir, layout::kSnapshotsDir, layout::kBlobsDir}) {
        const fs::path p = repoDir / sub;
        if (!detail::isRealDir(p)) {
            if (auto st = detail::unlinkPath(p); !st && detail::lexists(p) && !detail::isRealDir(p))
                return st;
            continue;
        }
        if (sub == layout::kBlobsDir) {
            // Skip partials a running download holds; remove everything else.
            std::error_code ec;
            for (const auto &e : fs::directory_iterator(p, ec)) {
                const std::string name = e.path().filename().string();
                if (layout::isPartialName(name) &&
                    BlobLock::isHeld(cache.lockPath(folder, layout::etagOfBlobEntry(name))))
                    continue;
                if (detail::isRealDir(e.path())) {
                    if (auto st = detail::removeTreeNoFollow(e.path()); !st)
                        return st;
                } else if (auto st = detail::unlinkPath(e.path()); !st) {
                    return st;
                }
            }
            detail::removeDirIfEmpty(p);
            continue;
        }
        if (sub == layout::kSnapshotsDir) {
            // Keep snapshots/ itself until the end so a half-deleted repo still looks like a repo.
            std::error_code ec;
            for (const auto &e : fs::directory_iterator(p, ec)) {
                if (detail::isRealDir(e.path())) {
                    if (auto st = detail::removeTreeNoFollow(e.path()); !st)
                        return st;
                } else if (auto st = detail::unlinkPath(e.path()); !st) {
                    return st;
                }
            }
            continue;
        }
        if (auto st = detail::removeTreeNoFollow(p); !st)
            return st;
    }
    // Whatever else is left (unknown files), except partials that are in use.
    std::error_code ec;
    for (const auto &e : fs::directory_iterator(repoDir, ec)) {
        const std::string name = e.path().filename().string();
        if (name == layout::kSnapshotsDir || name == layout::kBlobsDir)
            continue;
        if (detail::isRealDir(e.path())) {
            if (auto st = detail::removeTreeNoFollow(e.path()); !st)
                return st;
        } else if (auto st = detail::unlinkPath(e.path()); !st) {
            return st;
        }
    }
    if (detail::isRealDir(repo.blobsDir()))
        return {}; // a running download keeps the folder alive
    detail::removeDirIfEmpty(repo.snapshotsDir());
    detail::removeDirIfEmpty(repoDir);
    // The lock folder goes too unless some download still holds a lock in it.
    const fs::path locks = cache.locksDir(folder);
    bool anyHeld = false;
    for (const auto &e : fs::directory_iterator(locks, ec))
        anyHeld = anyHeld || BlobLock::isHeld(e.path());
    if (!anyHeld && detail::isRealDir(locks))
        (void)detail::removeTreeNoFollow(locks);
    return {};
}

} // namespace

DeleteReport DeletePlan::execute(const ExecuteOptions &options) const
{
    DeleteReport report;
    const fs::path root = m_root.lexically_normal();
    std::set<std::string> removedShared;
    for (const auto &item : m_items) {
        if ((options.cancel && options.cancel->load()) || (options.beforeEach && !options.beforeEach(item))) {
            report.interrupted = true;
            break;
        }
        std::string why;
        if (!safeChain(root, item.path, why)) {
            report.skipped.push_back(item.path.string() + ": " + why);
            continue;
        }
        if (!detail::lexists(item.path)) {
            report.skipped.push_back(item.path.string() + ": already gone");
            continue;
        }
        Status st;
        switch (item.kind) {
        case RKind::RepoFolder:
            if (!detail::isRealDir(item.path)) {
                report.skipped.push_back(item.path.string() + ": not a folder");
                continue;
            }
            st = removeRepoFolder(root, item.path);
            break;
        case RKind::Ref:
        case RKind::TreeListing:
            st = detail::unlinkPath(item.path);
            if (st && item.kind == RKind::Ref) {
                // Drop empty parents of nested refs (refs/refs/pr/, refs/feature/) but keep refs/.
                const fs::path refsDir = item.path.lexically_normal();
                for (fs::path p = refsDir.parent_path(); detail::isWithin(p, root) && p.filename() != layout::kRefsDir;
                     p = p.parent_path())
                    if (!detail::removeDirIfEmpty(p))
                        break;
            }
            break;
        case RKind::SnapshotFile: {
            st = detail::unlinkPath(item.path);
            // Remove emptied sub-folders, never the snapshots/<commit>/ folder itself.
            for (fs::path p = item.path.parent_path();
                 st && p.parent_path().filename() != layout::kSnapshotsDir && detail::isWithin(p, root);
                 p = p.parent_path())
                if (!detail::removeDirIfEmpty(p))
                    break;
            break;
        }
        case RKind::NoExist:
        case RKind::SnapshotDir:
            st = detail::isRealDir(item.path) ? detail::removeTreeNoFollow(item.path) : detail::unlinkPath(item.path);
            break;
        case RKind::EmptyDir:
            if (item.path.parent_path().filename() == layout::kLocksDir) {
                bool anyHeld = false;
                std::error_code ec;
                for (const auto &e : fs::directory_iterator(item.path, ec))
                    anyHeld = anyHeld || BlobLock::isHeld(e.path());
                if (anyHeld) {
                    report.skipped.push_back(item.path.string() + ": a download holds a lock in it");
                    continue;
                }
                st = detail::removeTreeNoFollow(item.path);
            } else if (!detail::removeDirIfEmpty(item.path)) {
                report.skipped.push_back(item.path.string() + ": no longer empty");
                continue;
            }
            break;
        case RKind::Blob:
        case RKind::Partial: {
            const std::string name = item.path.filename().string();
            const fs::path repoDir = item.path.parent_path().parent_path();
            auto lock = BlobLock::tryAcquire(
                CacheLayout(root).lockPath(repoDir.filename().string(), layout::etagOfBlobEntry(name)));
            if (lock && !lock->has_value()) {
                report.skipped.push_back(item.path.string() + ": a download is using it right now");
                continue;
            }
            // unlink blobs/<etag> itself, never what it resolves to (shared blob store safety).
            st = detail::unlinkPath(item.path);
            break;
        }
        case RKind::SharedBlob: {
            auto done = SharedPlanner::removeStored(*this, item, report, removedShared);
            if (done && !*done)
                continue; // kept; the reason is in report.skipped
            if (!done)
                st = done.error();
            break;
        }
        }
        if (!st) {
            report.errors.push_back(st.error());
            continue;
        }
        ++report.removed;
        report.bytesFreed += item.bytes;
    }
    // Also after an interruption: the links removed so far leave stale manifest lines otherwise.
    SharedPlanner::refreshManifests(*this, removedShared, report);
    return report;
}

} // namespace hub::cache
