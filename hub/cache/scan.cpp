#include "hub/cache/scan.h"

#include "hub/cache/blob_lock.h"
#include "hub/cache/detail/fsutil.h"
#include "hub/cache/layout.h"

#include "hub/core/strings.h"

#include <nlohmann/json.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
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

/// Calls fn(dirfd, name, d_type) for every entry except . and .. ; consumes dfd. Reads the
/// directory with getdents64 directly: fdopendir/readdir would add an fstat and an fcntl per folder.
template <class F> void forEachEntry(int dfd, F &&fn)
{
    alignas(8) char buf[16384];
    for (;;) {
        const ssize_t got = ::getdents64(dfd, buf, sizeof buf);
        if (got <= 0)
            break;
        for (size_t off = 0; off < static_cast<size_t>(got);) {
            const auto *e = reinterpret_cast<const struct dirent64 *>(buf + off);
            off += e->d_reclen;
            const char *n = e->d_name;
            if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0)))
                continue;
            unsigned char type = e->d_type;
            if (type == DT_UNKNOWN) {
                struct stat st {};
                if (::fstatat(dfd, n, &st, AT_SYMLINK_NOFOLLOW) == 0)
                    type = S_ISDIR(st.st_mode)   ? DT_DIR
                           : S_ISLNK(st.st_mode) ? DT_LNK
                           : S_ISREG(st.st_mode) ? DT_REG
                                                 : DT_UNKNOWN;
            }
            fn(dfd, n, type);
        }
    }
    ::close(dfd);
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

uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/// Open-addressing table of int values keyed by a 64-bit hash plus a caller-supplied equality.
/// No per-entry allocation (std::map / unordered_map<std::string> allocate a node per blob).
class FlatIndex {
public:
    template <class Eq> int find(uint64_t hash, Eq &&eq) const
    {
        if (m_slots.empty())
            return -1;
        const size_t mask = m_slots.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot &s = m_slots[i];
            if (s.value < 0)
                return -1;
            if (s.hash == hash && eq(s.value))
                return s.value;
        }
    }
    /// The key must not be present yet.
    void insert(uint64_t hash, int value)
    {
        if ((m_used + 1) * 2 > m_slots.size())
            grow();
        place(hash, value);
        ++m_used;
    }
    void reserve(size_t n)
    {
        size_t cap = 16;
        while (cap < n * 2)
            cap *= 2;
        if (cap > m_slots.size())
            rehash(cap);
    }

private:
    struct Slot {
        uint64_t hash = 0;
        int value = -1;
    };
    void place(uint64_t hash, int value)
    {
        const size_t mask = m_slots.size() - 1;
        size_t i = hash & mask;
        while (m_slots[i].value >= 0)
            i = (i + 1) & mask;
        m_slots[i] = Slot{hash, value};
    }
    void grow() { rehash(m_slots.empty() ? 64 : m_slots.size() * 2); }
    void rehash(size_t cap)
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(cap, Slot{});
        for (const Slot &s : old)
            if (s.value >= 0)
                place(s.hash, s.value);
    }
    std::vector<Slot> m_slots;
    size_t m_used = 0;
};

struct BlobStat {
    uint64_t size = 0;
    uint64_t dev = 0;
    uint64_t ino = 0;
    int64_t atime = 0;
    int64_t mtime = 0;
    int name = -1; // index into RepoScan::m_names when the blob is in blobs/
    bool inBlobsDir = false;
    int revisionUses = 0; // number of revisions using it
    int lastRevision = -1;
    bool inStore = false; // blobs/<name> is a link into the shared blob store
    fs::path path;        // resolved external target / plain file; blobs/<name> built on first need
};

class RepoScan {
public:
    RepoScan(const fs::path &root, const std::string &folder, RepoEntry &out, const ScanOptions &opt,
             const SharedBlobStore &store)
        : m_root(root), m_folder(folder), m_out(out), m_opt(opt), m_store(store)
    {
    }

    void run();

private:
    struct Name {
        uint32_t offset;
        uint32_t length;
        int blob;
    };

    void problem(Kind kind, fs::path path, std::string message)
    {
        m_out.problems.push_back(CacheProblem{kind, std::move(path), std::move(message)});
    }
    std::string_view nameText(int name) const
    {
        const Name &n = m_names[static_cast<size_t>(name)];
        return std::string_view(m_nameChars).substr(n.offset, n.length);
    }
    /// The blob called `name` in blobs/, or -1.
    int blobByName(std::string_view name) const
    {
        const uint64_t h = std::hash<std::string_view>{}(name);
        const int n = m_nameIndex.find(h, [&](int i) { return nameText(i) == name; });
        return n < 0 ? -1 : m_names[static_cast<size_t>(n)].blob;
    }
    int addName(std::string_view name, int blob)
    {
        const int i = static_cast<int>(m_names.size());
        m_names.push_back(Name{static_cast<uint32_t>(m_nameChars.size()), static_cast<uint32_t>(name.size()), blob});
        m_nameChars.append(name);
        m_nameIndex.insert(std::hash<std::string_view>{}(name), i);
        return i;
    }
    /// Each (device, inode) is counted once, whatever names lead to it.
    int statIndex(const struct stat &st, bool inBlobs)
    {
        const auto dev = static_cast<uint64_t>(st.st_dev);
        const auto ino = static_cast<uint64_t>(st.st_ino);
        const uint64_t h = mix64(ino ^ (dev * 0x9e3779b97f4a7c15ULL));
        const int found = m_inodeIndex.find(h, [&](int i) {
            const BlobStat &b = m_stats[static_cast<size_t>(i)];
            return b.ino == ino && b.dev == dev;
        });
        if (found >= 0)
            return found;
        BlobStat b;
        b.size = static_cast<uint64_t>(st.st_size);
        b.dev = dev;
        b.ino = ino;
        b.atime = st.st_atime;
        b.mtime = st.st_mtime;
        b.inBlobsDir = inBlobs;
        m_stats.push_back(std::move(b));
        const int idx = static_cast<int>(m_stats.size() - 1);
        m_inodeIndex.insert(h, idx);
        return idx;
    }
    const fs::path &blobPath(BlobStat &b)
    {
        if (b.path.empty() && b.inBlobsDir) {
            std::string p = m_blobsDir;
            p += nameText(b.name);
            b.path = fs::path(std::move(p));
        }
        return b.path;
    }
    fs::path snapshotFilePath(const RevisionEntry &rev, const std::string &rel) const
    {
        std::string p = rev.snapshotPath.native();
        p += '/';
        p += rel;
        return fs::path(std::move(p));
    }
    void scanBlobs(int repoFd);
    void scanRefs(int repoFd);
    void scanSnapshots(int repoFd);
    void scanRevision(int snapFd, RevisionEntry &rev, int revIndex);
    int resolveLink(int dfd, const char *name, const std::string &rel, const RevisionEntry &rev,
                    std::string_view &blobName);
    void listTreeCommits(int repoFd);
    void scanNoExist(int repoFd);
    void scanTrees(int repoFd);
    void finish();

    const fs::path &m_root;
    const std::string &m_folder;
    RepoEntry &m_out;
    const ScanOptions &m_opt;
    const SharedBlobStore &m_store;
    std::vector<std::pair<int, SharedStoreLink>> m_storeLinks; // stat index, link
    std::string m_blobsDir;                                    // "<repo>/blobs/"
    std::vector<BlobStat> m_stats;
    FlatIndex m_inodeIndex;
    std::vector<Name> m_names;
    std::string m_nameChars;
    FlatIndex m_nameIndex;
    std::vector<std::vector<int>> m_revBlobs;
    std::string m_resolvedName; // blob name found by the slow path of resolveLink
    /// Commits with a trees/<commit>.json, and (without withFiles) their snapshot files' paths.
    std::unordered_map<std::string, std::vector<std::string>> m_listedPaths;
};

void RepoScan::scanBlobs(int repoFd)
{
    const int fd = openDirAt(repoFd, layout::kBlobsDir);
    if (fd < 0)
        return;
    m_stats.reserve(256);
    m_inodeIndex.reserve(256);
    m_nameIndex.reserve(256);
    forEachEntry(fd, [&](int dfd, const char *name, unsigned char type) {
        const std::string_view n(name);
        if (layout::isPartialName(n)) {
            struct stat st {};
            if (::fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
                return;
            PartialDownload p;
            p.repo = m_out.repo;
            p.path = fs::path(m_blobsDir + name);
            p.etag = std::string(layout::etagOfBlobEntry(n));
            p.size = static_cast<uint64_t>(st.st_size);
            p.lastModified = st.st_mtime;
            if (m_opt.checkPartialLocks)
                p.locked = BlobLock::isHeld(CacheLayout(m_root).lockPath(m_folder, p.etag));
            m_out.partials.push_back(std::move(p));
            return;
        }
        if (layout::isLockName(n))
            return; // < 0.19 lock files lived next to the blob
        if (detail::isIgnoredName(n) || type == DT_DIR)
            return;
        struct stat st {};
        // A blob may itself be a link. Into the shared blob store: the stored file is measured
        // where the store listing found it (a regular file in a real folder), never through the
        // link. Anything else: its target is measured.
        std::string storeHash;
        if (type == DT_LNK && m_store.present) {
            char buf[PATH_MAX];
            const ssize_t len = ::readlinkat(dfd, name, buf, sizeof buf - 1);
            if (len > 0)
                if (auto h = sharedHashOfLink(m_root, m_folder, std::string_view(buf, static_cast<size_t>(len))))
                    storeHash = std::move(*h);
        }
        if (!storeHash.empty()) {
            const SharedBlob *sb = m_store.find(storeHash);
            if (!sb || ::lstat(sb->path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
                return; // the stored file is missing: snapshots using it are reported as broken
        } else {
            const int flags = type == DT_LNK ? 0 : AT_SYMLINK_NOFOLLOW;
            if (::fstatat(dfd, name, &st, flags) != 0)
                return; // a dangling blob link: snapshots using it are reported as broken
        }
        const int idx = statIndex(st, true);
        if (!storeHash.empty()) {
            m_stats[static_cast<size_t>(idx)].inStore = true;
            m_storeLinks.emplace_back(idx, SharedStoreLink{std::string(n), std::move(storeHash), false});
        }
        const int nameIdx = addName(n, idx);
        if (m_stats[static_cast<size_t>(idx)].name < 0)
            m_stats[static_cast<size_t>(idx)].name = nameIdx;
    });
}

void RepoScan::scanRefs(int repoFd)
{
    struct stat st {};
    if (::fstatat(repoFd, layout::kRefsDir, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        problem(Kind::MalformedRef, RepoLayout(m_out.path).refsDir(), "refs is a file, not a folder");
        return;
    }
    const int fd = openDirAt(repoFd, layout::kRefsDir);
    if (fd < 0) {
        problem(Kind::Unreadable, RepoLayout(m_out.path).refsDir(), "the refs folder cannot be read");
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
            problem(Kind::Unreadable, RepoLayout(m_out.path).refPath(relPath), "ref " + relPath + " cannot be read");
            return;
        }
        if (!isCommitId(content))
            problem(Kind::MalformedRef, RepoLayout(m_out.path).refPath(relPath),
                    "ref " + relPath + " does not hold exactly a 40-character commit id" +
                        (isCommitId(trim(content)) ? " (it has extra whitespace, which Python refuses)" : ""));
        m_out.refs[relPath] = content;
    };
    walkFiles(fd, rel, onFile);
}

int RepoScan::resolveLink(int dfd, const char *name, const std::string &rel, const RevisionEntry &rev,
                          std::string_view &blobName)
{
    char buf[PATH_MAX];
    const ssize_t len = ::readlinkat(dfd, name, buf, sizeof buf - 1);
    if (len > 0) {
        // Fast path: the canonical relative link ../../(../)*blobs/<name> written by every client.
        const std::string_view bn = layout::blobOfPointerTarget(std::string_view(buf, static_cast<size_t>(len)), rel);
        if (!bn.empty()) {
            const int idx = blobByName(bn);
            if (idx >= 0) {
                m_resolvedName.assign(bn);
                blobName = m_resolvedName;
                return idx;
            }
        }
    }
    // General path: resolve the whole chain.
    const fs::path filePath = snapshotFilePath(rev, rel);
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
    const fs::path blobsReal = RepoLayout(repoReal).blobsDir();
    if (detail::isWithin(resolved, blobsReal) && resolved.parent_path() == blobsReal) {
        m_resolvedName = resolved.filename().string();
        blobName = m_resolvedName;
        const int idx = statIndex(st, true);
        BlobStat &b = m_stats[static_cast<size_t>(idx)];
        if (b.name < 0 && b.path.empty()) {
            b.inBlobsDir = true;
            b.name = addName(m_resolvedName, idx);
        }
        return idx;
    }
    const bool intoStore = m_store.present && detail::isWithin(resolved, m_store.path);
    if (!detail::isWithin(resolved, repoReal) && !intoStore)
        problem(Kind::LinkOutsideRepo, filePath,
                "snapshot file " + rel + " points outside the repo folder, to " + resolved.string() +
                    " (counted, never deleted through)");
    const int idx = statIndex(st, false);
    BlobStat &b = m_stats[static_cast<size_t>(idx)];
    if (b.path.empty() && b.name < 0)
        b.path = resolved;
    return idx;
}

void RepoScan::scanRevision(int snapFd, RevisionEntry &rev, int revIndex)
{
    std::string rel;
    std::vector<int> &blobs = m_revBlobs[static_cast<size_t>(revIndex)];
    const bool withFiles = m_opt.withFiles;
    std::vector<std::string> *listed = nullptr;
    if (!withFiles)
        if (auto it = m_listedPaths.find(rev.commit); it != m_listedPaths.end())
            listed = &it->second;
    if (withFiles)
        rev.files.reserve(64);
    auto onFile = [&](int dfd, const char *name, unsigned char type, const std::string &relPath) {
        if (detail::isIgnoredName(name))
            return;
        int idx = -1;
        std::string_view blobName;
        const bool isLink = type == DT_LNK;
        if (isLink) {
            idx = resolveLink(dfd, name, relPath, rev, blobName);
            if (idx < 0)
                return;
        } else {
            struct stat st {};
            if (::fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
                return;
            idx = statIndex(st, false);
            BlobStat &b = m_stats[static_cast<size_t>(idx)];
            if (b.path.empty() && b.name < 0)
                b.path = snapshotFilePath(rev, relPath);
        }
        BlobStat &b = m_stats[static_cast<size_t>(idx)];
        if (b.lastRevision != revIndex) {
            b.lastRevision = revIndex;
            ++b.revisionUses;
            blobs.push_back(idx);
        }
        ++rev.fileCount;
        if (listed)
            listed->push_back(relPath);
        if (!withFiles)
            return;
        CachedFile f;
        f.path = relPath;
        f.filePath = snapshotFilePath(rev, relPath);
        f.blobPath = blobPath(b);
        f.blobName = std::string(blobName);
        f.isLink = isLink;
        f.size = b.size;
        f.lastAccessed = b.atime;
        f.lastModified = b.mtime;
        rev.files.push_back(std::move(f));
    };
    walkFiles(snapFd, rel, onFile);
}

void RepoScan::scanSnapshots(int repoFd)
{
    struct stat st {};
    const fs::path snapDir = RepoLayout(m_out.path).snapshotsDir();
    if (::fstatat(repoFd, layout::kSnapshotsDir, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode)) {
        problem(Kind::NoSnapshotsDir, snapDir, "the repo folder has no snapshots folder");
        return;
    }
    const int fd = openDirAt(repoFd, layout::kSnapshotsDir);
    if (fd < 0) {
        problem(Kind::Unreadable, snapDir, "the snapshots folder cannot be read");
        return;
    }
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
        m_revBlobs.emplace_back();
        const int revIndex = static_cast<int>(m_out.revisions.size());
        const int sub = openDirAt(dfd, name);
        // The folder's own times (used when the revision has no files), taken before reading it
        // updates its atime.
        struct stat dst {};
        if (sub >= 0 ? ::fstat(sub, &dst) == 0 : ::fstatat(dfd, name, &dst, AT_SYMLINK_NOFOLLOW) == 0) {
            rev.lastModified = dst.st_mtime;
            rev.lastAccessed = dst.st_atime;
        }
        if (sub >= 0)
            scanRevision(sub, rev, revIndex);
        else
            problem(Kind::Unreadable, rev.snapshotPath, "snapshot " + rev.commit + " cannot be read");
        m_out.revisions.push_back(std::move(rev));
    });
}

/// Which commits have a trees/<commit>.json (their file lists are needed for missingFiles).
void RepoScan::listTreeCommits(int repoFd)
{
    const int fd = openDirAt(repoFd, layout::kTreesDir);
    if (fd < 0)
        return;
    forEachEntry(fd, [&](int, const char *name, unsigned char type) {
        const std::string_view n(name);
        if (const std::string_view commit = layout::commitOfTreeListing(n); type == DT_REG && !commit.empty())
            m_listedPaths.emplace(std::string(commit), std::vector<std::string>{});
    });
}

void RepoScan::scanNoExist(int repoFd)
{
    const int fd = openDirAt(repoFd, layout::kNoExistDir);
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
    if (m_listedPaths.empty())
        return;
    const int fd = openDirAt(repoFd, layout::kTreesDir);
    if (fd < 0)
        return;
    std::unordered_map<std::string, RevisionEntry *> byCommit;
    for (auto &r : m_out.revisions)
        byCommit[r.commit] = &r;
    forEachEntry(fd, [&](int, const char *name, unsigned char type) {
        const std::string_view n(name);
        if (type != DT_REG || layout::commitOfTreeListing(n).empty())
            return;
        const std::string commit(layout::commitOfTreeListing(n));
        auto it = byCommit.find(commit);
        if (it == byCommit.end())
            return;
        RevisionEntry &rev = *it->second;
        rev.hasTreeListing = true;
        std::string text;
        if (!detail::readSmallFile(RepoLayout(m_out.path).treeListingPath(commit), text, 64u << 20))
            return;
        const auto json = nlohmann::json::parse(text, nullptr, false);
        if (json.is_discarded() || !json.is_object() || json.value("format_version", 0) != 1 ||
            !json.contains("files") || !json["files"].is_object())
            return;
        std::unordered_set<std::string> have;
        if (m_opt.withFiles) {
            for (const auto &f : rev.files)
                have.insert(f.path);
        } else if (auto lp = m_listedPaths.find(commit); lp != m_listedPaths.end()) {
            have.insert(lp->second.begin(), lp->second.end());
        }
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
            problem(Kind::RefToMissingSnapshot, RepoLayout(m_out.path).refPath(name),
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
    for (auto &b : m_stats) {
        if (b.revisionUses == 0) {
            if (b.inStore) {
                problem(Kind::OrphanBlob, blobPath(b),
                        "blob " + std::string(nameText(b.name)) +
                            " (a link into the shared blob store) is not used by any snapshot");
                continue;
            }
            if (b.inBlobsDir) {
                m_out.orphanBytes += b.size;
                problem(Kind::OrphanBlob, blobPath(b),
                        "blob " + std::string(nameText(b.name)) + " is not used by any snapshot");
            }
            continue;
        }
        total += b.size;
        if (b.inStore)
            m_out.sharedStoreBytes += b.size;
        ++count;
        lastAcc = std::max(lastAcc, b.atime);
        lastMod = std::max(lastMod, b.mtime);
    }
    m_out.sizeOnDisk = total;
    m_out.fileCount = count;
    for (auto &[idx, link] : m_storeLinks) {
        link.usedBySnapshot = m_stats[static_cast<size_t>(idx)].revisionUses > 0;
        m_out.sharedLinks.push_back(std::move(link));
    }
    std::sort(m_out.sharedLinks.begin(), m_out.sharedLinks.end(),
              [](const SharedStoreLink &a, const SharedStoreLink &b) { return a.etag < b.etag; });
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
    m_blobsDir = RepoLayout(m_out.path).blobsDir().native();
    m_blobsDir += '/';
    struct stat st {};
    if (::fstat(repoFd, &st) == 0) {
        m_out.lastAccessed = st.st_atime;
        m_out.lastModified = st.st_mtime;
    }
    scanBlobs(repoFd);
    scanRefs(repoFd);
    listTreeCommits(repoFd);
    scanSnapshots(repoFd);
    scanNoExist(repoFd);
    finish();
    scanTrees(repoFd);
    ::close(repoFd);
}

bool isRepoFolderName(std::string_view name)
{
    return CacheLayout::parseRepoFolderName(name).has_value();
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
    entry.folderName = CacheLayout::repoFolderName(repo);
    entry.path = *r / entry.folderName;
    if (!detail::isRealDir(entry.path))
        return HubError::make(ErrorCode::RepoNotFound, entry.folderName + " is not in the cache.");
    const SharedBlobStore store = listSharedStore(*r);
    RepoScan(*r, entry.folderName, entry, options, store).run();
    return entry;
}

namespace {

/// One entry of the root folder, in name order: a repo to scan or a root-level problem.
struct RootItem {
    std::optional<CacheProblem> warning;
    RepoEntry repo;
    bool scanned = false;
};

/// Scans the repo items on `threads` threads (the calling one included); each item is written by
/// exactly one thread, so the result is the same as a sequential scan.
void scanItems(const fs::path &root, std::vector<RootItem> &items, const ScanOptions &options, unsigned threads,
               const SharedBlobStore &store)
{
    std::vector<size_t> todo;
    for (size_t i = 0; i < items.size(); ++i)
        if (!items[i].warning)
            todo.push_back(i);
    std::atomic<size_t> next{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto worker = [&] {
        try {
            for (;;) {
                if (cancelled(options))
                    return;
                const size_t k = next.fetch_add(1, std::memory_order_relaxed);
                if (k >= todo.size())
                    return;
                RootItem &item = items[todo[k]];
                RepoScan(root, item.repo.folderName, item.repo, options, store).run();
                item.scanned = true;
            }
        } catch (...) {
            const std::lock_guard<std::mutex> lock(failureMutex);
            if (!failure)
                failure = std::current_exception();
            next.store(todo.size());
        }
    };
    threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(todo.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto &t : pool)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
}

/// The store's users from the repos' links, its notes as warnings, its bytes in the total.
void attachStore(CacheInfo &info)
{
    SharedBlobStore &store = info.sharedStore;
    if (!store.present)
        return;
    std::vector<std::pair<std::string, SharedBlobUser>> links;
    for (const auto &repo : info.repos)
        for (const auto &l : repo.sharedLinks) {
            SharedBlobUser u;
            u.repoId = repo.cacheId();
            u.folderName = repo.folderName;
            u.etag = l.etag;
            u.usedBySnapshot = l.usedBySnapshot;
            links.emplace_back(l.xetHash, std::move(u));
        }
    attachSharedUsers(store, info.root, std::move(links));
    for (const auto &n : store.notes)
        info.warnings.push_back(CacheProblem{n.isLink ? Kind::LinkOutsideRepo : Kind::UnknownEntry, n.path, n.message});
    for (const auto &f : store.files)
        if (f.unreferenced)
            info.warnings.push_back(CacheProblem{Kind::OrphanBlob, f.path,
                                                 "stored file " + f.xetHash.substr(0, 12) +
                                                     " of the shared blob store (" + humanBytes(f.size) +
                                                     ") is used by no repo; it goes only when you remove unused "
                                                     "stored files"});
    info.totalSizeOnDisk += store.totalBytes;
}

} // namespace

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
    info.sharedStore = listSharedStore(info.root);
    std::vector<RootItem> items;
    items.reserve(entries.size());
    for (const auto &[name, type] : entries) {
        if (name == layout::kLocksDir || name == layout::kCacheDirTag || detail::isIgnoredName(name))
            continue;
        fs::path p = info.root / name;
        RootItem item;
        if (name == layout::kBlobsDir && info.sharedStore.present)
            continue; // the shared blob store, listed in info.sharedStore
        if (!isRepoFolderName(name)) {
            std::string why = "not a repo folder; left alone";
            if (name == layout::kBlobsDir)
                why = "named like the shared blob store of a newer huggingface_hub, but its marker file " +
                      std::string(kSharedStoreMarker) + " is missing or holds something else; left alone";
            else if (name.rfind("kernels--", 0) == 0)
                why = "kernel repo (huggingface_hub >= 1.10); not scanned";
            else if (name.rfind("tmp", 0) == 0)
                why = "temporary file of an interrupted download by an old huggingface_hub (< 0.23)";
            item.warning = CacheProblem{Kind::UnknownEntry, std::move(p), name + ": " + why};
        } else if (type != DT_DIR) {
            item.warning = CacheProblem{Kind::NotADirectory, std::move(p), name + " is a file, not a repo folder"};
        } else {
            item.repo.repo = *CacheLayout::parseRepoFolderName(name);
            item.repo.folderName = name;
            item.repo.path = std::move(p);
        }
        items.push_back(std::move(item));
    }
    unsigned threads = options.threads;
    if (threads == 0)
        threads = static_cast<unsigned>(std::clamp<size_t>(
            std::count_if(items.begin(), items.end(), [](const RootItem &i) { return !i.warning; }) / 2, 1,
            ScanOptions::kAutoThreads));
    scanItems(info.root, items, options, threads, info.sharedStore);

    // Merge in name order, exactly as a sequential scan would.
    for (auto &item : items) {
        if (item.warning) {
            info.warnings.push_back(std::move(*item.warning));
            continue;
        }
        if (!item.scanned) {
            info.cancelled = true;
            continue;
        }
        RepoEntry &entry = item.repo;
        info.totalSizeOnDisk += entry.sizeOnDisk - entry.sharedStoreBytes;
        for (const auto &part : entry.partials) {
            info.partials.push_back(part);
            info.partialBytes += part.size;
        }
        info.warnings.insert(info.warnings.end(), entry.problems.begin(), entry.problems.end());
        info.repos.push_back(std::move(entry));
    }
    std::vector<std::pair<std::string, size_t>> order;
    order.reserve(info.repos.size());
    for (size_t i = 0; i < info.repos.size(); ++i)
        order.emplace_back(info.repos[i].cacheId(), i);
    std::sort(order.begin(), order.end());
    std::vector<RepoEntry> sorted;
    sorted.reserve(info.repos.size());
    for (const auto &o : order)
        sorted.push_back(std::move(info.repos[o.second]));
    info.repos = std::move(sorted);
    attachStore(info);
    if (cancelled(options))
        info.cancelled = true;
    if (!options.xetCacheDir.empty())
        info.xetCacheBytes = detail::treeBytes(options.xetCacheDir);
    return info;
}

} // namespace hub::cache
