#include "hub/cache/writer.h"

#include "hub/cache/detail/fsutil.h"
#include "hub/cache/detail/pointer.h"
#include "hub/core/strings.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <mutex>

namespace hub::cache {

namespace fs = std::filesystem;

namespace detail {

bool isSafeEtag(std::string_view etag)
{
    return !etag.empty() && etag.size() <= 128 && std::all_of(etag.begin(), etag.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
    });
}

Expected<fs::path> createPointer(const fs::path &repoDir, std::string_view etag, std::string_view commit,
                                 std::string_view repoPath, bool useSymlinks, bool newBlob, bool syncFolder)
{
    const fs::path blob = repoDir / "blobs" / std::string(etag);
    const fs::path pointer = repoDir / "snapshots" / std::string(commit) / std::string(repoPath);
    if (useSymlinks) {
        // The common case, a file not in this snapshot yet: one symlink() made in place (itself
        // atomic), with no directory checks, temporary name or rename. A missing folder is made
        // and the link tried once more; an existing pointer is replaced atomically below.
        const std::string target = blobLinkTarget(repoPath, etag);
        int rc = ::symlink(target.c_str(), pointer.c_str());
        if (rc != 0 && errno == ENOENT) {
            if (auto st = makeDirs(pointer.parent_path()); !st)
                return st.error();
            rc = ::symlink(target.c_str(), pointer.c_str());
        }
        if (rc == 0) {
            if (syncFolder)
                syncDir(pointer.parent_path());
            return pointer;
        }
    }
    if (auto st = makeDirs(pointer.parent_path()); !st)
        return st.error();
    const fs::path tmp = fs::path(pointer.string() + "." + randomHex(8) + ".tmp-link");
    if (useSymlinks) {
        const std::string target = blobLinkTarget(repoPath, etag);
        if (::symlink(target.c_str(), tmp.c_str()) != 0)
            return HubError::make(ErrorCode::NotSupported,
                                  "This cache folder does not support symbolic links. Set HF_HUB_DISABLE_SYMLINKS=1 "
                                  "or choose a cache folder on another disk.",
                                  tmp.string());
    } else if (newBlob) {
        // Python's no-symlink mode moves a freshly downloaded blob into the snapshot.
        if (::rename(blob.c_str(), pointer.c_str()) != 0)
            return ioError("move a file", pointer, errno);
        if (syncFolder)
            syncDir(pointer.parent_path());
        return pointer;
    } else {
        std::error_code ec;
        fs::copy_file(blob, tmp, fs::copy_options::overwrite_existing, ec);
        if (ec) {
            ::unlink(tmp.c_str());
            return ioError("copy a file", tmp, ec.value());
        }
        const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            ::fsync(fd);
            ::close(fd);
        }
    }
    // rename() over the old pointer: other readers never see the file missing (Python's
    // remove-then-symlink has that window).
    if (::rename(tmp.c_str(), pointer.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return ioError("create a file", pointer, err);
    }
    if (syncFolder)
        syncDir(pointer.parent_path());
    return pointer;
}

} // namespace detail

struct CacheWriter::Probe {
    std::once_flag once;
    bool symlinks = true;
};

namespace {
bool envTrue(const char *name)
{
    const char *v = std::getenv(name);
    if (!v)
        return false;
    const std::string up = toLower(v);
    return up == "1" || up == "on" || up == "yes" || up == "true";
}

HubError badEtag(std::string_view etag)
{
    return HubError::make(ErrorCode::InvalidArgument,
                          "The server sent a file id (\"" + std::string(etag.substr(0, 80)) +
                              "\") that cannot be used as a cache file name. The download was refused.");
}

HubError badPath(std::string_view path)
{
    return HubError::make(ErrorCode::InvalidArgument, "\"" + std::string(path.substr(0, 200)) +
                                                          "\" is not a safe file path inside a repo; it was refused.");
}

HubError badCommit(std::string_view commit)
{
    return HubError::make(ErrorCode::InvalidArgument,
                          "\"" + std::string(commit.substr(0, 80)) + "\" is not a 40-character commit id.");
}
} // namespace

CacheWriter::CacheWriter(fs::path root, WriterOptions options)
    : m_root(std::move(root)), m_options(options), m_probe(std::make_shared<Probe>())
{
}

bool CacheWriter::usesSymlinks() const
{
    switch (m_options.symlinks) {
    case SymlinkMode::Always: return true;
    case SymlinkMode::Never: return false;
    case SymlinkMode::Auto: break;
    }
    std::call_once(m_probe->once, [this] {
        if (envTrue("HF_HUB_DISABLE_SYMLINKS")) {
            m_probe->symlinks = false;
            return;
        }
        // Like Python's are_symlinks_supported(): try a relative link in a temp dir of the cache.
        (void)detail::makeDirs(m_root);
        const fs::path dir = m_root / (".hubdesk-symlink-probe-" + detail::randomHex(8));
        if (::mkdir(dir.c_str(), 0700) != 0) {
            m_probe->symlinks = true; // cannot probe (read-only?): assume the common case
            return;
        }
        const fs::path file = dir / "target";
        const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        if (fd >= 0)
            ::close(fd);
        const fs::path link = dir / "link";
        m_probe->symlinks = ::symlink("target", link.c_str()) == 0;
        ::unlink(link.c_str());
        ::unlink(file.c_str());
        ::rmdir(dir.c_str());
    });
    return m_probe->symlinks;
}

fs::path CacheWriter::repoDir(const RepoRef &repo) const
{
    return m_root / repo.cacheFolderName();
}
fs::path CacheWriter::blobPath(const RepoRef &repo, std::string_view etag) const
{
    return repoDir(repo) / "blobs" / std::string(etag);
}
fs::path CacheWriter::partialPath(const RepoRef &repo, std::string_view etag) const
{
    return repoDir(repo) / "blobs" / (std::string(etag) + ".incomplete");
}
fs::path CacheWriter::pointerPath(const RepoRef &repo, std::string_view commit, std::string_view path) const
{
    return repoDir(repo) / "snapshots" / std::string(commit) / std::string(path);
}
fs::path CacheWriter::lockPath(const RepoRef &repo, std::string_view etag) const
{
    return m_root / ".locks" / repo.cacheFolderName() / (std::string(etag) + ".lock");
}
fs::path CacheWriter::noExistPath(const RepoRef &repo, std::string_view commit, std::string_view path) const
{
    return repoDir(repo) / ".no_exist" / std::string(commit) / std::string(path);
}

void CacheWriter::ensureCacheDirTag() const
{
    const fs::path tag = m_root / "CACHEDIR.TAG";
    if (detail::lexists(tag))
        return;
    (void)detail::makeDirs(m_root);
    const int fd = ::open(tag.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        return;
    static const char content[] = "Signature: 8a477f597d28d172789f06886806bc55\n"
                                  "# This file is a cache directory tag created by huggingface_hub.\n"
                                  "# For information about cache directory tags, see:\n"
                                  "#\thttps://bford.info/cachedir/\n";
    const ssize_t n = ::write(fd, content, sizeof content - 1);
    (void)n;
    ::close(fd);
}

Status CacheWriter::writeRef(const RepoRef &repo, std::string_view revision, std::string_view commit) const
{
    if (!isCommitId(commit))
        return badCommit(commit);
    if (revision == commit)
        return {};
    if (!isSafeRepoPath(revision))
        return HubError::make(ErrorCode::InvalidArgument,
                              "\"" + std::string(revision.substr(0, 200)) + "\" is not a valid revision name.");
    // A ref must never point to a commit without a snapshot folder (scanners call that damage).
    if (auto st = detail::makeDirs(repoDir(repo) / "snapshots" / std::string(commit)); !st)
        return st;
    const fs::path ref = repoDir(repo) / "refs" / std::string(revision);
    std::string current;
    if (detail::readSmallFile(ref, current, 4096) && current == commit)
        return {};
    return detail::writeFileAtomic(ref, commit);
}

Status CacheWriter::markNoExist(const RepoRef &repo, std::string_view revision, std::string_view commit,
                                std::string_view path) const
{
    if (!isCommitId(commit))
        return badCommit(commit);
    if (!isSafeRepoPath(path))
        return badPath(path);
    const fs::path marker = noExistPath(repo, commit, path);
    if (auto st = detail::makeDirs(marker.parent_path()); !st)
        return st;
    const int fd = ::open(marker.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0)
        return detail::ioError("create a marker file", marker, errno);
    ::close(fd);
    return writeRef(repo, revision, commit);
}

Expected<std::optional<fs::path>> CacheWriter::findPointer(const RepoRef &repo, std::string_view commit,
                                                           std::string_view path) const
{
    if (!isCommitId(commit))
        return badCommit(commit);
    if (!isSafeRepoPath(path))
        return badPath(path);
    const fs::path p = pointerPath(repo, commit, path);
    struct stat st {};
    if (::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode))
        return std::optional<fs::path>(p);
    return std::optional<fs::path>();
}

bool CacheWriter::hasBlob(const RepoRef &repo, std::string_view etag) const
{
    if (!detail::isSafeEtag(etag))
        return false;
    struct stat st {};
    const fs::path b = blobPath(repo, etag);
    return ::stat(b.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

Expected<fs::path> CacheWriter::linkBlob(const RepoRef &repo, std::string_view etag, std::string_view commit,
                                         std::string_view path, LinkSync sync) const
{
    if (!detail::isSafeEtag(etag))
        return badEtag(etag);
    if (!isCommitId(commit))
        return badCommit(commit);
    if (!isSafeRepoPath(path))
        return badPath(path);
    if (!hasBlob(repo, etag))
        return HubError::make(ErrorCode::EntryNotFound, "The file is not in the cache yet.",
                              blobPath(repo, etag).string());
    return detail::createPointer(repoDir(repo), etag, commit, path, usesSymlinks(), false, sync == LinkSync::Now);
}

Expected<BlobLock> CacheWriter::lockBlob(const RepoRef &repo, std::string_view etag, const LockWait &wait) const
{
    if (!detail::isSafeEtag(etag))
        return badEtag(etag);
    return BlobLock::acquire(lockPath(repo, etag), wait);
}

Expected<std::optional<BlobLock>> CacheWriter::tryLockBlob(const RepoRef &repo, std::string_view etag) const
{
    if (!detail::isSafeEtag(etag))
        return badEtag(etag);
    return BlobLock::tryAcquire(lockPath(repo, etag));
}

Expected<fs::path> CacheWriter::storeFile(const RepoRef &repo, std::string_view revision, std::string_view commit,
                                          std::string_view path, std::string_view etag, std::string_view content) const
{
    if (!detail::isSafeEtag(etag))
        return badEtag(etag);
    if (!isCommitId(commit))
        return badCommit(commit);
    if (!isSafeRepoPath(path))
        return badPath(path);
    if (auto st = writeRef(repo, revision.empty() ? commit : revision, commit); !st)
        return st.error();
    auto lock = lockBlob(repo, etag);
    if (!lock)
        return lock.error();
    if (hasBlob(repo, etag))
        return linkBlob(repo, etag, commit, path);
    auto part = openPartial(*lock, repo, etag, content.size());
    if (!part)
        return part.error();
    if (auto st = part->restart(); !st)
        return st.error();
    if (auto st = part->append(content); !st)
        return st.error();
    return part->finish(commit, path);
}

} // namespace hub::cache
