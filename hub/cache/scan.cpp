#include "hub/cache/scan.h"

#include "hub/cache/blob_lock.h"
#include "hub/cache/detail/fsutil.h"

#include "hub/core/strings.h"

#include <nlohmann/json.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace hub::cache {

namespace fs = std::filesystem;
using Kind = CacheProblem::Kind;

bool CacheProblem::damaging() const
{
    switch (kind) {
    case Kind::BrokenLink:
    case Kind::RefToMissingSnapshot:
    case Kind::MalformedRef:
    case Kind::SnapshotIsFile:
    case Kind::NotADirectory:
    case Kind::Unreadable: return true;
    case Kind::LinkOutsideRepo:
    case Kind::NoSnapshotsDir:
    case Kind::UnknownEntry:
    case Kind::OrphanBlob: return false;
    }
    return true;
}

std::string_view problemKindName(Kind kind)
{
    switch (kind) {
    case Kind::BrokenLink: return "BrokenLink";
    case Kind::LinkOutsideRepo: return "LinkOutsideRepo";
    case Kind::RefToMissingSnapshot: return "RefToMissingSnapshot";
    case Kind::MalformedRef: return "MalformedRef";
    case Kind::SnapshotIsFile: return "SnapshotIsFile";
    case Kind::NoSnapshotsDir: return "NoSnapshotsDir";
    case Kind::NotADirectory: return "NotADirectory";
    case Kind::UnknownEntry: return "UnknownEntry";
    case Kind::OrphanBlob: return "OrphanBlob";
    case Kind::Unreadable: return "Unreadable";
    }
    return "Unknown";
}

std::string RepoEntry::cacheId() const
{
    return std::string(repoTypeName(repo.type)) + "/" + repo.id.str();
}

bool RepoEntry::damaged() const
{
    return std::any_of(problems.begin(), problems.end(), [](const CacheProblem &p) { return p.damaging(); });
}

const RevisionEntry *RepoEntry::revision(std::string_view commit) const
{
    for (const auto &r : revisions)
        if (r.commit == commit)
            return &r;
    return nullptr;
}

const RepoEntry *CacheInfo::findRepo(const RepoRef &ref) const
{
    for (const auto &r : repos)
        if (r.repo == ref)
            return &r;
    return nullptr;
}

std::pair<const RepoEntry *, const RevisionEntry *> CacheInfo::findRevision(std::string_view commit) const
{
    for (const auto &r : repos)
        if (const auto *rev = r.revision(commit))
            return {&r, rev};
    return {nullptr, nullptr};
}

namespace {

bool cancelled(const ScanOptions &o)
{
    return o.cancel && o.cancel->load(std::memory_order_relaxed);
}

int openDirAt(int dfd, const char *name)
{
    return ::openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

/// Calls fn(dirfd, name, d_type) for every entry except . and .. ; consumes dfd.
template <class F> void forEachEntry(int dfd, F &&fn)
{
    DIR *d = ::fdopendir(dfd);
    if (!d) {
        ::close(dfd);
        return;
    }
    const int fd = ::dirfd(d);
    while (dirent *e = ::readdir(d)) {
        const char *n = e->d_name;
        if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0)))
            continue;
        unsigned char type = e->d_type;
        if (type == DT_UNKNOWN) {
            struct stat st {};
            if (::fstatat(fd, n, &st, AT_SYMLINK_NOFOLLOW) == 0)
                type = S_ISDIR(st.st_mode)   ? DT_DIR
                       : S_ISLNK(st.st_mode) ? DT_LNK
                       : S_ISREG(st.st_mode) ? DT_REG
                                             : DT_UNKNOWN;
        }
        fn(fd, n, type);
    }
    ::closedir(d);
}

/// Recursive walk of regular files and links: fn(dirfd, name, type, relPath).
template <class F> void walkFiles(int dfd, std::string &rel, F &fn)
{
    forEachEntry(dfd, [&](int fd, const char *name, unsigned char type) {
        const size_t keep = rel.size();
        if (!rel.empty())
            rel.push_back('/');
        rel += name;
        if (type == DT_DIR) {
            const int sub = openDirAt(fd, name);
            if (sub >= 0)
                walkFiles(sub, rel, fn);
        } else {
            fn(fd, name, type, rel);
        }
        rel.resize(keep);
    });
}

struct BlobStat {
    uint64_t size = 0;
    int64_t atime = 0;
    int64_t mtime = 0;
    fs::path path;    // blobs/<name> (not resolved) or the resolved external target / plain file
    std::string name; // blob name when in blobs/
    bool inBlobsDir = false;
    int revisionUses = 0; // number of revisions using it
    int lastRevision = -1;
};

class RepoScan {
public:
    RepoScan(const fs::path &root, const std::string &folder, RepoEntry &out, const ScanOptions &opt)
        : m_root(root), m_folder(folder), m_out(out), m_opt(opt)
    {
    }

    void run();

private:
    void problem(Kind kind, fs::path path, std::string message)
    {
        m_out.problems.push_back(CacheProblem{kind, std::move(path), std::move(message)});
    }
    int statIndex(const struct stat &st, fs::path path, std::string name, bool inBlobs)
    {
        const auto key = std::make_pair(static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino));
        auto it = m_byInode.find(key);
        if (it != m_byInode.end())
            return it->second;
        BlobStat b;
        b.size = static_cast<uint64_t>(st.st_size);
        b.atime = st.st_atime;
        b.mtime = st.st_mtime;
        b.path = std::move(path);
        b.name = std::move(name);
        b.inBlobsDir = inBlobs;
        m_stats.push_back(std::move(b));
        const int idx = static_cast<int>(m_stats.size() - 1);
        m_byInode.emplace(key, idx);
        return idx;
    }
    void scanBlobs(int repoFd);
    void scanRefs(int repoFd);
    void scanSnapshots(int repoFd);
    void scanRevision(int snapFd, RevisionEntry &rev, int revIndex);
    int resolveLink(int dfd, const char *name, const std::string &rel, const fs::path &filePath, std::string &blobName,
                    int depth);
    void scanNoExist(int repoFd);
    void scanTrees(int repoFd);
    void finish();

    const fs::path &m_root;
    const std::string &m_folder;
    RepoEntry &m_out;
    const ScanOptions &m_opt;
    std::vector<BlobStat> m_stats;
    std::map<std::pair<uint64_t, uint64_t>, int> m_byInode;
    std::unordered_map<std::string, int> m_blobByName;
    std::vector<std::vector<int>> m_revBlobs;
};

void RepoScan::scanBlobs(int repoFd)
{
    const int fd = openDirAt(repoFd, "blobs");
    if (fd < 0)
        return;
    const fs::path blobsDir = m_out.path / "blobs";
    forEachEntry(fd, [&](int dfd, const char *name, unsigned char type) {
        const std::string_view n(name);
        if (n.size() > 11 && n.substr(n.size() - 11) == ".incomplete") {
            struct stat st {};
            if (::fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
                return;
            PartialDownload p;
            p.repo = m_out.repo;
            p.path = blobsDir / n;
            p.etag = std::string(n.substr(0, n.find('.')));
            p.size = static_cast<uint64_t>(st.st_size);
            p.lastModified = st.st_mtime;
            if (m_opt.checkPartialLocks)
                p.locked = BlobLock::isHeld(m_root / ".locks" / m_folder / (p.etag + ".lock"));
            m_out.partials.push_back(std::move(p));
            return;
        }
        if (n.size() > 5 && n.substr(n.size() - 5) == ".lock")
            return; // < 0.19 lock files lived next to the blob
        if (detail::isIgnoredName(n) || type == DT_DIR)
            return;
        struct stat st {};
        // A blob may itself be a link (the upcoming shared blob store): measure its target.
        const int flags = type == DT_LNK ? 0 : AT_SYMLINK_NOFOLLOW;
        if (::fstatat(dfd, name, &st, flags) != 0)
            return; // a dangling blob link: snapshots using it are reported as broken
        const int idx = statIndex(st, blobsDir / n, std::string(n), true);
        m_blobByName.emplace(std::string(n), idx);
    });
}

void RepoScan::scanRefs(int repoFd)
{
    struct stat st {};
    if (::fstatat(repoFd, "refs", &st, AT_SYMLINK_NOFOLLOW) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        problem(Kind::MalformedRef, m_out.path / "refs", "refs is a file, not a folder");
        return;
    }
    const int fd = openDirAt(repoFd, "refs");
    if (fd < 0) {
        problem(Kind::Unreadable, m_out.path / "refs", "the refs folder cannot be read");
        return;
    }
    std::string rel;
    auto onFile = [&](int dfd, const char *name, unsigned char, const std::string &relPath) {
        const std::string_view n(name);
        if (detail::isIgnoredName(n) || (n.size() > 4 && n.substr(n.size() - 4) == ".tmp"))
            return;
        std::string content;
        const int f = ::openat(dfd, name, O_RDONLY | O_CLOEXEC);
        if (f >= 0) {
            char buf[256];
            ssize_t got = 0;
            while ((got = ::read(f, buf, sizeof buf)) > 0 && content.size() < 4096)
                content.append(buf, static_cast<size_t>(got));
            ::close(f);
        } else {
            problem(Kind::Unreadable, m_out.path / "refs" / relPath, "ref " + relPath + " cannot be read");
            return;
        }
        if (!isCommitId(content))
            problem(Kind::MalformedRef, m_out.path / "refs" / relPath,
                    "ref " + relPath + " does not hold exactly a 40-character commit id" +
                        (isCommitId(trim(content)) ? " (it has extra whitespace, which Python refuses)" : ""));
        m_out.refs[relPath] = content;
    };
    walkFiles(fd, rel, onFile);
}

int RepoScan::resolveLink(int dfd, const char *name, const std::string &rel, const fs::path &filePath,
                          std::string &blobName, int depth)
{
    char buf[PATH_MAX];
    const ssize_t len = ::readlinkat(dfd, name, buf, sizeof buf - 1);
    if (len > 0) {
        const std::string_view target(buf, static_cast<size_t>(len));
        // Fast path: the canonical relative link ../../(../)*blobs/<name> written by every client.
        size_t pos = 0;
        int ups = 0;
        while (target.substr(pos, 3) == "../") {
            pos += 3;
            ++ups;
        }
        if (ups == depth && target.substr(pos, 6) == "blobs/") {
            const std::string_view bn = target.substr(pos + 6);
            if (!bn.empty() && bn.find('/') == std::string_view::npos) {
                auto it = m_blobByName.find(std::string(bn));
                if (it != m_blobByName.end()) {
                    blobName = std::string(bn);
                    return it->second;
                }
            }
        }
    }
    // General path: resolve the whole chain.
    char *real = ::realpath(filePath.c_str(), nullptr);
    if (!real) {
        problem(Kind::BrokenLink, filePath,
                "snapshot file " + rel + " points to a missing blob (" +
                    std::string(len > 0 ? std::string(buf, static_cast<size_t>(len)) : "unreadable link") + ")");
        return -1;
    }
    const fs::path resolved(real);
    std::free(real);
    struct stat st {};
    if (::stat(resolved.c_str(), &st) != 0) {
        problem(Kind::BrokenLink, filePath, "snapshot file " + rel + " points to a missing blob");
        return -1;
    }
    fs::path repoReal = m_out.path;
    if (char *rr = ::realpath(m_out.path.c_str(), nullptr)) {
        repoReal = rr;
        std::free(rr);
    }
    const fs::path blobsReal = repoReal / "blobs";
    if (detail::isWithin(resolved, blobsReal) && resolved.parent_path() == blobsReal) {
        blobName = resolved.filename().string();
        return statIndex(st, m_out.path / "blobs" / blobName, blobName, true);
    }
    if (!detail::isWithin(resolved, repoReal))
        problem(Kind::LinkOutsideRepo, filePath,
                "snapshot file " + rel + " points outside the repo folder, to " + resolved.string() +
                    " (counted, never deleted through)");
    return statIndex(st, resolved, {}, false);
}

void RepoScan::scanRevision(int snapFd, RevisionEntry &rev, int revIndex)
{
    std::string rel;
    std::vector<int> &blobs = m_revBlobs[static_cast<size_t>(revIndex)];
    auto onFile = [&](int dfd, const char *name, unsigned char type, const std::string &relPath) {
        if (detail::isIgnoredName(name))
            return;
        CachedFile f;
        f.path = relPath;
        f.filePath = rev.snapshotPath / relPath;
        int idx = -1;
        if (type == DT_LNK) {
            int depth = 2;
            for (char c : relPath)
                depth += c == '/';
            idx = resolveLink(dfd, name, relPath, f.filePath, f.blobName, depth);
            if (idx < 0)
                return;
        } else {
            struct stat st {};
            if (::fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
                return;
            f.isLink = false;
            idx = statIndex(st, f.filePath, {}, false);
        }
        BlobStat &b = m_stats[static_cast<size_t>(idx)];
        f.blobPath = b.path;
        f.size = b.size;
        f.lastAccessed = b.atime;
        f.lastModified = b.mtime;
        if (b.lastRevision != revIndex) {
            b.lastRevision = revIndex;
            ++b.revisionUses;
            blobs.push_back(idx);
        }
        rev.files.push_back(std::move(f));
    };
    walkFiles(snapFd, rel, onFile);
}

void RepoScan::scanSnapshots(int repoFd)
{
    struct stat st {};
    if (::fstatat(repoFd, "snapshots", &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode)) {
        problem(Kind::NoSnapshotsDir, m_out.path / "snapshots", "the repo folder has no snapshots folder");
        return;
    }
    const int fd = openDirAt(repoFd, "snapshots");
    if (fd < 0) {
        problem(Kind::Unreadable, m_out.path / "snapshots", "the snapshots folder cannot be read");
        return;
    }
    const fs::path snapDir = m_out.path / "snapshots";
    forEachEntry(fd, [&](int dfd, const char *name, unsigned char type) {
        if (detail::isIgnoredName(name) || cancelled(m_opt))
            return;
        if (type != DT_DIR) {
            problem(Kind::SnapshotIsFile, snapDir / name,
                    std::string("snapshots/") + name + " is a file; only commit folders belong there");
            return;
        }
        RevisionEntry rev;
        rev.commit = name;
        rev.snapshotPath = snapDir / name;
        struct stat dst {};
        if (::fstatat(dfd, name, &dst, AT_SYMLINK_NOFOLLOW) == 0) {
            rev.lastModified = dst.st_mtime;
            rev.lastAccessed = dst.st_atime;
        }
        m_revBlobs.emplace_back();
        const int revIndex = static_cast<int>(m_out.revisions.size());
        const int sub = openDirAt(dfd, name);
        if (sub >= 0)
            scanRevision(sub, rev, revIndex);
        else
            problem(Kind::Unreadable, rev.snapshotPath, "snapshot " + rev.commit + " cannot be read");
        m_out.revisions.push_back(std::move(rev));
    });
}

void RepoScan::scanNoExist(int repoFd)
{
    const int fd = openDirAt(repoFd, ".no_exist");
    if (fd < 0)
        return;
    std::string rel;
    auto onFile = [&](int, const char *, unsigned char, const std::string &relPath) {
        const auto slash = relPath.find('/');
        if (slash == std::string::npos)
            return;
        m_out.noExist.push_back(NoExistMarker{relPath.substr(0, slash), relPath.substr(slash + 1)});
    };
    walkFiles(fd, rel, onFile);
    std::sort(m_out.noExist.begin(), m_out.noExist.end(),
              [](const auto &a, const auto &b) { return std::tie(a.commit, a.path) < std::tie(b.commit, b.path); });
}

void RepoScan::scanTrees(int repoFd)
{
    const int fd = openDirAt(repoFd, "trees");
    if (fd < 0)
        return;
    std::unordered_map<std::string, RevisionEntry *> byCommit;
    for (auto &r : m_out.revisions)
        byCommit[r.commit] = &r;
    forEachEntry(fd, [&](int, const char *name, unsigned char type) {
        const std::string_view n(name);
        if (type != DT_REG || n.size() != 45 || n.substr(40) != ".json")
            return;
        auto it = byCommit.find(std::string(n.substr(0, 40)));
        if (it == byCommit.end())
            return;
        RevisionEntry &rev = *it->second;
        rev.hasTreeListing = true;
        std::string text;
        if (!detail::readSmallFile(m_out.path / "trees" / n, text, 64u << 20))
            return;
        const auto json = nlohmann::json::parse(text, nullptr, false);
        if (json.is_discarded() || !json.is_object() || json.value("format_version", 0) != 1 ||
            !json.contains("files") || !json["files"].is_object())
            return;
        std::unordered_set<std::string> have;
        for (const auto &f : rev.files)
            have.insert(f.path);
        for (const auto &[path, _] : json["files"].items())
            if (!have.count(path))
                rev.missingFiles.push_back(path);
        std::sort(rev.missingFiles.begin(), rev.missingFiles.end());
    });
}

void RepoScan::finish()
{
    // Refs -> revisions; refs to missing snapshots damage the repo (Python drops the whole repo).
    std::unordered_map<std::string, RevisionEntry *> byCommit;
    for (auto &r : m_out.revisions)
        byCommit[r.commit] = &r;
    for (const auto &[name, commit] : m_out.refs) {
        auto it = byCommit.find(commit);
        if (it != byCommit.end())
            it->second->refs.push_back(name);
        else if (isCommitId(commit))
            problem(Kind::RefToMissingSnapshot, m_out.path / "refs" / name,
                    "ref " + name + " points to commit " + commit + " but snapshots/" + commit + " does not exist");
    }
    uint64_t total = 0;
    uint64_t count = 0;
    int64_t lastAcc = 0;
    int64_t lastMod = 0;
    for (size_t i = 0; i < m_out.revisions.size(); ++i) {
        auto &rev = m_out.revisions[i];
        std::sort(rev.refs.begin(), rev.refs.end());
        std::sort(rev.files.begin(), rev.files.end(), [](const auto &a, const auto &b) { return a.path < b.path; });
        int64_t revMod = 0;
        int64_t revAcc = 0;
        for (int idx : m_revBlobs[i]) {
            const BlobStat &b = m_stats[static_cast<size_t>(idx)];
            rev.sizeOnDisk += b.size;
            (b.revisionUses > 1 ? rev.sharedBytes : rev.exclusiveBytes) += b.size;
            revMod = std::max(revMod, b.mtime);
            revAcc = std::max(revAcc, b.atime);
        }
        if (!m_revBlobs[i].empty()) {
            rev.lastModified = revMod;
            rev.lastAccessed = revAcc;
        }
    }
    for (const auto &b : m_stats) {
        if (b.revisionUses == 0) {
            if (b.inBlobsDir) {
                m_out.orphanBytes += b.size;
                problem(Kind::OrphanBlob, b.path, "blob " + b.name + " is not used by any snapshot");
            }
            continue;
        }
        total += b.size;
        ++count;
        lastAcc = std::max(lastAcc, b.atime);
        lastMod = std::max(lastMod, b.mtime);
    }
    m_out.sizeOnDisk = total;
    m_out.fileCount = count;
    if (count) {
        m_out.lastAccessed = lastAcc;
        m_out.lastModified = lastMod;
    }
    std::sort(m_out.revisions.begin(), m_out.revisions.end(), [](const auto &a, const auto &b) {
        return a.lastModified != b.lastModified ? a.lastModified > b.lastModified : a.commit < b.commit;
    });
    std::sort(m_out.partials.begin(), m_out.partials.end(),
              [](const auto &a, const auto &b) { return a.path < b.path; });
}

void RepoScan::run()
{
    const int repoFd = ::open(m_out.path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (repoFd < 0) {
        problem(Kind::Unreadable, m_out.path, "the repo folder cannot be read");
        return;
    }
    struct stat st {};
    if (::fstat(repoFd, &st) == 0) {
        m_out.lastAccessed = st.st_atime;
        m_out.lastModified = st.st_mtime;
    }
    scanBlobs(repoFd);
    scanRefs(repoFd);
    scanSnapshots(repoFd);
    scanNoExist(repoFd);
    finish();
    scanTrees(repoFd);
    ::close(repoFd);
}

bool isRepoFolderName(std::string_view name)
{
    return RepoRef::fromCacheFolderName(name).has_value();
}

Expected<fs::path> checkRoot(const fs::path &root)
{
    struct stat st {};
    if (::stat(root.c_str(), &st) != 0)
        return HubError::make(ErrorCode::EntryNotFound,
                              "The cache folder " + root.string() +
                                  " does not exist. Nothing has been downloaded there yet, or HF_HUB_CACHE / "
                                  "--cache-dir points to the wrong place.");
    if (!S_ISDIR(st.st_mode))
        return HubError::make(ErrorCode::InvalidArgument,
                              root.string() + " is a file, not a cache folder. Point --cache-dir to a folder.");
    std::error_code ec;
    fs::path abs = fs::absolute(root, ec);
    return (ec ? root : abs).lexically_normal();
}

} // namespace

Expected<RepoEntry> CacheScanner::scanRepo(const fs::path &root, const RepoRef &repo, const ScanOptions &options)
{
    auto r = checkRoot(root);
    if (!r)
        return r.error();
    RepoEntry entry;
    entry.repo = repo;
    entry.folderName = repo.cacheFolderName();
    entry.path = *r / entry.folderName;
    if (!detail::isRealDir(entry.path))
        return HubError::make(ErrorCode::RepoNotFound, entry.folderName + " is not in the cache.");
    RepoScan(*r, entry.folderName, entry, options).run();
    return entry;
}

Expected<CacheInfo> CacheScanner::scan(const fs::path &root, const ScanOptions &options)
{
    auto r = checkRoot(root);
    if (!r)
        return r.error();
    CacheInfo info;
    info.root = *r;
    const int fd = ::open(info.root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return detail::ioError("read the cache folder", info.root, errno);
    std::vector<std::pair<std::string, unsigned char>> entries;
    forEachEntry(fd, [&](int, const char *name, unsigned char type) { entries.emplace_back(name, type); });
    std::sort(entries.begin(), entries.end());
    for (const auto &[name, type] : entries) {
        if (cancelled(options)) {
            info.cancelled = true;
            break;
        }
        if (name == ".locks" || name == "CACHEDIR.TAG" || detail::isIgnoredName(name))
            continue;
        const fs::path p = info.root / name;
        if (!isRepoFolderName(name)) {
            std::string why = "not a repo folder; left alone";
            if (name == "blobs")
                why = "shared blob store of a newer huggingface_hub; left alone";
            else if (name.rfind("kernels--", 0) == 0)
                why = "kernel repo (huggingface_hub >= 1.10); not scanned";
            else if (name.rfind("tmp", 0) == 0)
                why = "temporary file of an interrupted download by an old huggingface_hub (< 0.23)";
            info.warnings.push_back(CacheProblem{Kind::UnknownEntry, p, name + ": " + why});
            continue;
        }
        if (type != DT_DIR) {
            info.warnings.push_back(CacheProblem{Kind::NotADirectory, p, name + " is a file, not a repo folder"});
            continue;
        }
        RepoEntry entry;
        entry.repo = *RepoRef::fromCacheFolderName(name);
        entry.folderName = name;
        entry.path = p;
        RepoScan(info.root, entry.folderName, entry, options).run();
        info.totalSizeOnDisk += entry.sizeOnDisk;
        for (const auto &part : entry.partials) {
            info.partials.push_back(part);
            info.partialBytes += part.size;
        }
        info.warnings.insert(info.warnings.end(), entry.problems.begin(), entry.problems.end());
        info.repos.push_back(std::move(entry));
    }
    std::sort(info.repos.begin(), info.repos.end(),
              [](const RepoEntry &a, const RepoEntry &b) { return a.cacheId() < b.cacheId(); });
    if (cancelled(options))
        info.cancelled = true;
    if (!options.xetCacheDir.empty())
        info.xetCacheBytes = detail::treeBytes(options.xetCacheDir);
    return info;
}

} // namespace hub::cache
