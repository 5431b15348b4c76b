#include "hub/cache/localreposource.h"

#include "hub/cache/detail/fsutil.h"
#include "hub/cache/layout.h"
#include "hub/cache/resolve.h"
#include "hub/cache/scan.h"
#include "hub/core/strings.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <unordered_map>

namespace hub::cache {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMinPrefix = 7;
constexpr size_t kMaxListingBytes = size_t{64} << 20;

std::string notOnThisComputer(const RepoRef &repo)
{
    return repo.id.str() + " is not on this computer: nothing of it is in the local cache. It can be opened once "
                           "the Hub can be reached.";
}

/// realpath(), or empty when the path (or what a link in it points to) does not exist.
fs::path realPath(const fs::path &p)
{
    char *real = ::realpath(p.c_str(), nullptr);
    if (!real)
        return {};
    fs::path out(real);
    std::free(real);
    return out;
}

LocalRevision toRevision(const RevisionEntry &r)
{
    LocalRevision out;
    out.commit = r.commit;
    out.refs = r.refs;
    // "main" first: it is the name people expect, and the one a viewer opens.
    std::stable_partition(out.refs.begin(), out.refs.end(), [](const std::string &n) { return n == "main"; });
    out.lastModified = r.lastModified;
    out.sizeOnDisk = r.sizeOnDisk;
    out.fileCount = r.fileCount;
    out.missingCount = r.missingFiles.size();
    return out;
}

LocalRepoInfo toInfo(const RepoEntry &e)
{
    LocalRepoInfo out;
    out.repo = e.repo;
    out.refs = e.refs;
    out.lastModified = e.lastModified;
    out.sizeOnDisk = e.sizeOnDisk;
    out.damaged = e.damaged();
    for (const auto &r : e.revisions)
        if (r.fileCount > 0) // an empty snapshot folder (a download that never got a file) is nothing to show
            out.revisions.push_back(toRevision(r));
    return out;
}

bool matches(const LocalListQuery &q, const RepoRef &repo)
{
    if (q.type && *q.type != repo.type)
        return false;
    if (!q.author.empty() && toLower(repo.id.ns()) != toLower(q.author))
        return false;
    return q.search.empty() || toLower(repo.id.str()).find(toLower(q.search)) != std::string::npos;
}

/// The files of trees/<commit>.json (Python's format_version 1), empty when absent or unreadable.
struct ListedFile {
    uint64_t size = 0;
    std::string blobId;
    std::string lfsSha256;
};

bool readListing(const RepoLayout &repo, const std::string &commit, std::map<std::string, ListedFile> &out)
{
    std::string text;
    if (!detail::readSmallFile(repo.treeListingPath(commit), text, kMaxListingBytes))
        return false;
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object() || json.value("format_version", 0) != 1 || !json.contains("files") ||
        !json["files"].is_object())
        return false;
    for (const auto &[path, f] : json["files"].items()) {
        if (!f.is_object() || !isSafeRepoPath(path))
            continue;
        ListedFile l;
        const auto num = [&f](const char *key) -> uint64_t {
            const auto it = f.find(key);
            return it != f.end() && it->is_number_unsigned() ? it->get<uint64_t>() : 0;
        };
        const auto str = [&f](const char *key) -> std::string {
            const auto it = f.find(key);
            return it != f.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        l.blobId = str("blob_id");
        l.lfsSha256 = str("lfs_sha256");
        l.size = l.lfsSha256.empty() ? num("size") : num("lfs_size");
        out.emplace(path, std::move(l));
    }
    return true;
}

HubError revisionNotCached(const RepoRef &repo, std::string_view revision)
{
    HubError e = HubError::make(ErrorCode::NotCached,
                                "Revision \"" + std::string(revision) + "\" of " + repo.id.str() +
                                    " is not on this computer. Pick one of the revisions in the local cache, or "
                                    "download it once the Hub can be reached.");
    e.subject = std::string(revision);
    return e;
}

} // namespace

std::string LocalRevision::name() const
{
    return refs.empty() ? commit : refs.front();
}

const LocalRevision *LocalRepoInfo::defaultRevision() const
{
    if (const auto it = refs.find("main"); it != refs.end())
        if (const auto *r = revision(it->second))
            return r;
    return revisions.empty() ? nullptr : &revisions.front();
}

const LocalRevision *LocalRepoInfo::revision(std::string_view commit) const
{
    for (const auto &r : revisions)
        if (r.commit == commit)
            return &r;
    return nullptr;
}

size_t LocalTree::onDiskCount() const
{
    return static_cast<size_t>(
        std::count_if(files.begin(), files.end(), [](const LocalFile &f) { return f.onDisk(); }));
}

LocalRepoSource::LocalRepoSource(fs::path root) : m_root(std::move(root)) {}

Expected<std::vector<LocalRepoInfo>> LocalRepoSource::listRepos(const LocalListQuery &query,
                                                                const std::atomic<bool> *cancel) const
{
    std::vector<LocalRepoInfo> out;
    if (!detail::isRealDir(m_root) && !fs::is_directory(m_root))
        return out; // nothing downloaded yet
    ScanOptions options;
    options.withFiles = false;
    options.checkPartialLocks = false;
    options.cancel = cancel;
    auto info = CacheScanner::scan(m_root, options);
    if (!info)
        return info.error();
    if (info->cancelled)
        return HubError::make(ErrorCode::Cancelled, "Cancelled.");
    for (const auto &e : info->repos) {
        if (!matches(query, e.repo))
            continue;
        auto repo = toInfo(e);
        if (!repo.revisions.empty())
            out.push_back(std::move(repo));
    }
    std::sort(out.begin(), out.end(), [](const LocalRepoInfo &a, const LocalRepoInfo &b) { return a.repo < b.repo; });
    return out;
}

Expected<LocalRepoInfo> LocalRepoSource::repoInfo(const RepoRef &repo) const
{
    ScanOptions options;
    options.withFiles = false;
    options.checkPartialLocks = false;
    options.threads = 1;
    auto entry = CacheScanner::scanRepo(m_root, repo, options);
    if (!entry) {
        if (entry.error().code == ErrorCode::RepoNotFound || entry.error().code == ErrorCode::EntryNotFound)
            return HubError::make(ErrorCode::NotCached, notOnThisComputer(repo));
        return entry.error();
    }
    auto info = toInfo(*entry);
    if (info.revisions.empty())
        return HubError::make(ErrorCode::NotCached, notOnThisComputer(repo));
    return info;
}

Expected<std::string> LocalRepoSource::resolve(const RepoRef &repo, std::string_view revision) const
{
    if (revision.empty())
        revision = "main";
    const RepoLayout repoLayout = CacheLayout(m_root).repo(repo);
    const fs::path snapshots = repoLayout.snapshotsDir();
    const auto hasSnapshot = [&repoLayout](const std::string &commit) {
        return detail::isRealDir(repoLayout.snapshotDir(commit));
    };
    // A ref file wins over a commit-looking name, like Python (a ref may be called "abc1234").
    auto commit = CacheResolver(m_root).resolveCommit(repo, revision);
    if (commit) {
        if (hasSnapshot(*commit))
            return *commit;
        return revisionNotCached(repo, revision);
    }
    if (commit.error().code != ErrorCode::RevisionNotFound)
        return commit.error();
    if (revision.size() >= kMinPrefix && revision.size() < 40 && isHex(revision)) {
        std::string found;
        std::error_code ec;
        for (fs::directory_iterator it(snapshots, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (!isCommitId(name) || name.compare(0, revision.size(), revision) != 0)
                continue;
            if (!found.empty())
                return HubError::make(ErrorCode::InvalidArgument, "\"" + std::string(revision) +
                                                                      "\" matches several cached commits of " +
                                                                      repo.id.str() + ". Give more of the commit id.");
            found = name;
        }
        if (!found.empty() && hasSnapshot(found))
            return found;
    }
    return revisionNotCached(repo, revision);
}

Expected<LocalTree> LocalRepoSource::tree(const RepoRef &repo, std::string_view revision) const
{
    auto commit = resolve(repo, revision);
    if (!commit)
        return commit.error();
    ScanOptions options;
    options.withFiles = true;
    options.checkPartialLocks = false;
    options.threads = 1;
    auto entry = CacheScanner::scanRepo(m_root, repo, options);
    if (!entry)
        return HubError::make(ErrorCode::NotCached, notOnThisComputer(repo));
    LocalTree out;
    out.commit = *commit;
    std::map<std::string, ListedFile> listed;
    out.hasListing = readListing(RepoLayout(entry->path), out.commit, listed);
    const fs::path rootReal = realPath(m_root);
    if (const RevisionEntry *rev = entry->revision(out.commit)) {
        for (const auto &f : rev->files) {
            LocalFile lf;
            lf.path = f.path;
            lf.size = f.size;
            const fs::path target = realPath(f.filePath);
            lf.presence = !target.empty() && !rootReal.empty() && detail::isWithin(target, rootReal)
                              ? LocalFile::Presence::OnDisk
                              : LocalFile::Presence::Unsafe;
            if (const auto it = listed.find(f.path); it != listed.end()) {
                lf.gitOid = it->second.blobId;
                lf.lfsSha256 = it->second.lfsSha256;
                listed.erase(it);
            } else if (isSha256(f.blobName)) {
                lf.lfsSha256 = f.blobName; // blobs are named by etag: sha256 for LFS files
            } else if (isCommitId(f.blobName)) {
                lf.gitOid = f.blobName; // ... and the git blob id for files stored in git
            }
            out.files.push_back(std::move(lf));
        }
    }
    for (auto &[path, l] : listed) {
        LocalFile lf;
        lf.path = path;
        lf.presence = LocalFile::Presence::NotDownloaded;
        lf.size = l.size;
        lf.gitOid = std::move(l.blobId);
        lf.lfsSha256 = std::move(l.lfsSha256);
        out.files.push_back(std::move(lf));
    }
    std::sort(out.files.begin(), out.files.end(),
              [](const LocalFile &a, const LocalFile &b) { return a.path < b.path; });
    return out;
}

Expected<std::string> LocalRepoSource::readFile(const RepoRef &repo, std::string_view revision, std::string_view path,
                                                size_t maxBytes) const
{
    if (!isSafeRepoPath(path))
        return HubError::make(ErrorCode::InvalidArgument,
                              "\"" + std::string(path) + "\" is not a valid file path inside a repo.");
    auto commit = resolve(repo, revision);
    if (!commit)
        return commit.error();
    const RepoLayout repoLayout = CacheLayout(m_root).repo(repo);
    const fs::path entry = repoLayout.pointerPath(*commit, path);
    const fs::path target = realPath(entry);
    if (target.empty()) {
        HubError e;
        std::map<std::string, ListedFile> listed;
        if (detail::lexists(repoLayout.noExistPath(*commit, path)) ||
            (readListing(repoLayout, *commit, listed) && !listed.count(std::string(path))))
            e = HubError::make(ErrorCode::EntryNotFound,
                               std::string(path) + " does not exist at this revision of " + repo.id.str() + ".");
        else
            e = HubError::make(ErrorCode::NotCached,
                               std::string(path) + " at this revision of " + repo.id.str() +
                                   " is not on this computer. Download it once the Hub can be reached.");
        e.subject = std::string(path);
        return e;
    }
    const fs::path rootReal = realPath(m_root);
    if (rootReal.empty() || !detail::isWithin(target, rootReal)) {
        HubError e = HubError::make(ErrorCode::Refused,
                                    std::string(path) + " in the local cache points outside the cache folder, so "
                                                        "HubDesk does not read it.",
                                    entry.string());
        e.subject = std::string(path);
        return e;
    }
    // Opened by its resolved path, the last step not followed: a link swapped in meanwhile is refused.
    const int fd = ::open(target.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return detail::ioError("read files", target, errno);
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return HubError::make(ErrorCode::EntryNotFound, std::string(path) + " is not a file.");
    }
    if (static_cast<uint64_t>(st.st_size) > maxBytes) {
        ::close(fd);
        return HubError::make(ErrorCode::TooLarge, std::string(path) + " is too large to show (" +
                                                       humanBytes(static_cast<uint64_t>(st.st_size)) + ").");
    }
    std::string out;
    out.reserve(static_cast<size_t>(st.st_size));
    std::array<char, 65536> buf{};
    for (;;) {
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            return detail::ioError("read files", target, err);
        }
        if (n == 0)
            break;
        out.append(buf.data(), static_cast<size_t>(n));
        if (out.size() > maxBytes) {
            ::close(fd);
            return HubError::make(ErrorCode::TooLarge, std::string(path) + " is too large to show.");
        }
    }
    ::close(fd);
    return out;
}

} // namespace hub::cache
