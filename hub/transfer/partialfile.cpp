#include "hub/transfer/partialfile.h"

#include "hub/core/types.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace hub::transfer_internal {

HubError diskError(int err, const std::string &what, const std::filesystem::path &file)
{
    if (err == ENOSPC || err == EDQUOT || err == EFBIG) {
        return HubError::make(ErrorCode::DiskFull,
                              "The disk is full. Free some space (or choose another folder) and retry the transfer.",
                              what + " " + file.string() + ": " + std::strerror(err));
    }
    return HubError::make(ErrorCode::Io,
                          "HubDesk could not write to the disk. Check the folder's permissions and retry.",
                          what + " " + file.string() + ": " + std::strerror(err));
}

ContentHasher::ContentHasher(const std::string &etag, uint64_t size)
{
    if (isSha256(etag))
        m_sha256.emplace(HashAlgo::Sha256);
    else if (isCommitId(etag))
        m_git.emplace(size);
}

void ContentHasher::update(const void *data, size_t n)
{
    if (m_sha256)
        m_sha256->update(data, n);
    else if (m_git)
        m_git->update(data, n);
}

std::string ContentHasher::finalHex()
{
    if (m_sha256)
        return m_sha256->finalHex();
    if (m_git)
        return m_git->finalHex();
    return {};
}

PartialFile::~PartialFile()
{
    close();
}

Status PartialFile::open(const std::filesystem::path &path, uint64_t reserve)
{
    close();
    m_path = path;
    m_fd.reset(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
    if (!m_fd)
        return diskError(errno, "open", path);
    if (reserve > 0) {
        const int rc = ::posix_fallocate(m_fd.get(), 0, static_cast<off_t>(reserve));
        if (rc != 0 && rc != EOPNOTSUPP && rc != EINVAL) {
            close();
            return diskError(rc, "allocate", path);
        }
    }
    return {};
}

Status PartialFile::writeAt(uint64_t offset, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::pwrite(m_fd.get(), data, size, static_cast<off_t>(offset));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return diskError(errno, "write", m_path);
        }
        if (n == 0)
            return diskError(ENOSPC, "write", m_path);
        data += n;
        size -= static_cast<size_t>(n);
        offset += static_cast<uint64_t>(n);
    }
    return {};
}

Status PartialFile::truncate(uint64_t size)
{
    if (::ftruncate(m_fd.get(), static_cast<off_t>(size)) != 0)
        return diskError(errno, "truncate", m_path);
    return {};
}

Status PartialFile::sync()
{
    if (m_fd && ::fdatasync(m_fd.get()) != 0)
        return diskError(errno, "sync", m_path);
    return {};
}

void PartialFile::close()
{
    m_fd.reset();
}

HashFollower::HashFollower(int fd, const std::string &etag, uint64_t size, std::function<void()> wake)
    : m_fd(fd), m_size(size), m_hasher(etag, size), m_wake(std::move(wake))
{
    m_thread = std::thread([this] { run(); });
}

HashFollower::~HashFollower()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    m_thread.join();
}

void HashFollower::advance(uint64_t frontier)
{
    bool wakeUp = false;
    {
        std::lock_guard lock(m_mutex);
        if (frontier <= m_frontier)
            return;
        m_frontier = frontier;
        wakeUp = frontier == m_size || frontier - m_hashed.load() >= kBatch;
    }
    if (wakeUp)
        m_cv.notify_one();
}

Expected<std::string> HashFollower::result()
{
    std::lock_guard lock(m_mutex);
    if (!m_result)
        return HubError::make(ErrorCode::Internal, "The file's checksum is not ready yet.");
    return *m_result;
}

void HashFollower::finish(Expected<std::string> result)
{
    {
        std::lock_guard lock(m_mutex);
        m_result = std::move(result);
    }
    m_finished = true;
    if (m_wake)
        m_wake();
}

bool HashFollower::hashRange(uint64_t from, uint64_t to, std::vector<char> &buf)
{
    static const uint64_t page = static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
    constexpr uint64_t kWindow = uint64_t{16} << 20;
    struct stat st {};
    const bool canMap = ::fstat(m_fd, &st) == 0 && static_cast<uint64_t>(st.st_size) >= to;
    while (from < to) {
        if (canMap) {
            const uint64_t end = std::min(to, from + kWindow);
            const uint64_t mapStart = from & ~(page - 1);
            const size_t mapLen = static_cast<size_t>(end - mapStart);
            void *map = ::mmap(nullptr, mapLen, PROT_READ, MAP_SHARED, m_fd, static_cast<off_t>(mapStart));
            if (map != MAP_FAILED) {
                ::madvise(map, mapLen, MADV_SEQUENTIAL);
                m_hasher.update(static_cast<const char *>(map) + (from - mapStart), static_cast<size_t>(end - from));
                ::munmap(map, mapLen);
                from = end;
                m_hashed = from;
                continue;
            }
        }
        const size_t want = static_cast<size_t>(std::min<uint64_t>(buf.size(), to - from));
        const ssize_t n = ::pread(m_fd, buf.data(), want, static_cast<off_t>(from));
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            finish(HubError::make(ErrorCode::Io, "HubDesk could not read back the downloaded data.",
                                  std::strerror(n < 0 ? errno : EIO)));
            return false;
        }
        m_hasher.update(buf.data(), static_cast<size_t>(n));
        from += static_cast<uint64_t>(n);
        m_hashed = from;
    }
    return true;
}

void HashFollower::run()
{
    std::vector<char> buf(size_t{1} << 20);
    uint64_t pos = 0;
    uint64_t synced = 0;
    while (pos < m_size) {
        uint64_t until = 0;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [&] {
                return m_stop || m_frontier == m_size || (m_frontier > pos && m_frontier - pos >= kBatch);
            });
            if (m_stop)
                return;
            until = m_frontier;
        }
        if (!hashRange(pos, until, buf))
            return;
        pos = until;
        // Start writing hashed data back to disk now, so the fsync before publishing the blob has
        // little left to do.
        if (pos - synced >= (uint64_t{32} << 20) || pos == m_size) {
            ::sync_file_range(m_fd, static_cast<off_t>(synced), static_cast<off_t>(pos - synced),
                              SYNC_FILE_RANGE_WRITE);
            synced = pos;
        }
    }
    finish(Expected<std::string>(m_hasher.finalHex()));
}

} // namespace hub::transfer_internal
