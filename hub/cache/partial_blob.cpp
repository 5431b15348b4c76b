#include "hub/cache/partial_blob.h"

#include "hub/cache/detail/fsutil.h"
#include "hub/cache/detail/pointer.h"
#include "hub/cache/writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <optional>
#include <variant>

namespace hub::cache {

namespace fs = std::filesystem;

struct PartialBlob::Impl {
    fs::path repoDir;
    fs::path partial;
    fs::path blob;
    std::string etag;
    uint64_t expected = 0;
    uint64_t size = 0;
    HashCheck check = HashCheck::SizeOnly;
    bool symlinks = true;
    int fd = -1;
    std::optional<Hasher> sha256;
    std::optional<GitBlobHasher> sha1;

    void resetHasher()
    {
        sha256.reset();
        sha1.reset();
        if (check == HashCheck::Sha256)
            sha256.emplace(HashAlgo::Sha256);
        else if (check == HashCheck::GitSha1)
            sha1.emplace(expected);
    }
    void hash(const void *data, size_t n)
    {
        if (sha256)
            sha256->update(data, n);
        else if (sha1)
            sha1->update(data, n);
    }
    void closeFd()
    {
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
    }
    ~Impl() { closeFd(); }
};

PartialBlob::PartialBlob(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
PartialBlob::~PartialBlob() = default;
PartialBlob::PartialBlob(PartialBlob &&) noexcept = default;
PartialBlob &PartialBlob::operator=(PartialBlob &&) noexcept = default;

uint64_t PartialBlob::currentSize() const
{
    return m_impl->size;
}
uint64_t PartialBlob::expectedSize() const
{
    return m_impl->expected;
}
const fs::path &PartialBlob::path() const
{
    return m_impl->partial;
}
const std::string &PartialBlob::etag() const
{
    return m_impl->etag;
}

Status PartialBlob::append(const void *data, size_t size)
{
    Impl &d = *m_impl;
    if (d.fd < 0)
        return HubError::make(ErrorCode::Internal, "The partial download is already closed.");
    const char *p = static_cast<const char *>(data);
    size_t off = 0;
    while (off < size) {
        const ssize_t n = ::write(d.fd, p + off, size - off);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            // Keep the hasher consistent with what is on disk: what was written stays for a resume.
            d.hash(p, off);
            d.size += off;
            return detail::ioError("write a download", d.partial, err);
        }
        off += static_cast<size_t>(n);
    }
    d.hash(p, size);
    d.size += size;
    return {};
}

Status PartialBlob::restart()
{
    Impl &d = *m_impl;
    if (d.fd < 0)
        return HubError::make(ErrorCode::Internal, "The partial download is already closed.");
    if (::ftruncate(d.fd, 0) != 0)
        return detail::ioError("restart a download", d.partial, errno);
    d.size = 0;
    d.resetHasher();
    return {};
}

void PartialBlob::discard()
{
    m_impl->closeFd();
    ::unlink(m_impl->partial.c_str());
}

Status PartialBlob::finishBlobOnly()
{
    Impl &d = *m_impl;
    if (d.fd < 0)
        return HubError::make(ErrorCode::Internal, "The partial download is already closed.");
    if (d.size != d.expected) {
        const std::string detail = "expected " + std::to_string(d.expected) + " bytes, have " + std::to_string(d.size);
        if (d.size > d.expected) {
            discard();
            return HubError::make(ErrorCode::Corrupt,
                                  "The downloaded file is larger than the server announced, so it was thrown away. "
                                  "Try the download again.",
                                  detail);
        }
        return HubError::make(ErrorCode::Io, "The download is not complete yet; it can be resumed.", detail);
    }
    std::string actual;
    if (d.sha256)
        actual = d.sha256->finalHex();
    else if (d.sha1)
        actual = d.sha1->finalHex();
    if (!actual.empty() && actual != d.etag) {
        discard();
        return HubError::make(ErrorCode::Corrupt,
                              "The downloaded file does not match its checksum, so it was thrown away. Try the "
                              "download again; if it keeps failing the file on the server may be damaged.",
                              "expected " + d.etag + ", got " + actual);
    }
    if (::fsync(d.fd) != 0) {
        const int err = errno;
        return detail::ioError("save a download", d.partial, err);
    }
    // Blobs get the umask-derived mode (Python >= 0.12), which open(0666) already gave us.
    d.closeFd();
    if (::rename(d.partial.c_str(), d.blob.c_str()) != 0)
        return detail::ioError("save a download", d.blob, errno);
    detail::syncDir(d.blob.parent_path());
    return {};
}

Expected<fs::path> PartialBlob::finish(std::string_view commit, std::string_view repoPath)
{
    if (!isCommitId(commit))
        return HubError::make(ErrorCode::InvalidArgument, "\"" + std::string(commit) + "\" is not a commit id.");
    if (!isSafeRepoPath(repoPath))
        return HubError::make(ErrorCode::InvalidArgument, "\"" + std::string(repoPath.substr(0, 200)) +
                                                              "\" is not a safe file path inside a repo.");
    if (auto st = finishBlobOnly(); !st)
        return st.error();
    return detail::createPointer(m_impl->repoDir, m_impl->etag, commit, repoPath, m_impl->symlinks, true);
}

Expected<PartialBlob> CacheWriter::openPartial(const BlobLock &lock, const RepoRef &repo, std::string_view etag,
                                               uint64_t expectedSize, HashCheck check) const
{
    if (!detail::isSafeEtag(etag))
        return HubError::make(ErrorCode::InvalidArgument,
                              "The server sent a file id that cannot be used as a file name.");
    if (!lock.held() || lock.path() != lockPath(repo, etag))
        return HubError::make(ErrorCode::InvalidArgument, "Internal error: the download lock of this file is not held.",
                              lockPath(repo, etag).string());
    ensureCacheDirTag();
    auto impl = std::make_unique<PartialBlob::Impl>();
    impl->repoDir = repoDir(repo);
    impl->partial = partialPath(repo, etag);
    impl->blob = blobPath(repo, etag);
    impl->etag = std::string(etag);
    impl->expected = expectedSize;
    impl->symlinks = usesSymlinks();
    if (check == HashCheck::Auto)
        check = isSha256(etag) ? HashCheck::Sha256 : isCommitId(etag) ? HashCheck::GitSha1 : HashCheck::SizeOnly;
    impl->check = check;
    impl->resetHasher();
    if (auto st = detail::makeDirs(impl->partial.parent_path()); !st)
        return st.error();
    impl->fd = ::open(impl->partial.c_str(), O_RDWR | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (impl->fd < 0)
        return detail::ioError("start a download", impl->partial, errno);
    struct stat st {};
    if (::fstat(impl->fd, &st) != 0)
        return detail::ioError("start a download", impl->partial, errno);
    uint64_t existing = static_cast<uint64_t>(st.st_size);
    if (existing > expectedSize) {
        // Left over from a different file version or damaged: start over.
        if (::ftruncate(impl->fd, 0) != 0)
            return detail::ioError("start a download", impl->partial, errno);
        existing = 0;
    }
    // Resume: feed what is already there through the hasher so the final check covers it all.
    if (check != HashCheck::SizeOnly && existing > 0) {
        std::array<char, 1 << 16> buf{};
        uint64_t off = 0;
        while (off < existing) {
            const ssize_t n = ::pread(impl->fd, buf.data(), buf.size(), static_cast<off_t>(off));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            impl->hash(buf.data(), static_cast<size_t>(n));
            off += static_cast<uint64_t>(n);
        }
        if (off != existing)
            return detail::ioError("resume a download", impl->partial, EIO);
    }
    impl->size = existing;
    return PartialBlob(std::move(impl));
}

} // namespace hub::cache
