#include "hub/cache/blob_lock.h"

#include "hub/cache/detail/fsutil.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <thread>

namespace hub::cache {

namespace fs = std::filesystem;

BlobLock::~BlobLock()
{
    release();
}

BlobLock::BlobLock(BlobLock &&other) noexcept : m_fd(other.m_fd), m_path(std::move(other.m_path))
{
    other.m_fd = -1;
}

BlobLock &BlobLock::operator=(BlobLock &&other) noexcept
{
    if (this != &other) {
        release();
        m_fd = other.m_fd;
        m_path = std::move(other.m_path);
        other.m_fd = -1;
    }
    return *this;
}

void BlobLock::release()
{
    if (m_fd >= 0) {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
        m_fd = -1;
    }
}

namespace {
Expected<int> openLockFile(const fs::path &lockFile)
{
    if (auto st = detail::makeDirs(lockFile.parent_path()); !st)
        return st.error();
    const int fd = ::open(lockFile.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0664);
    if (fd < 0)
        return detail::ioError("create a lock file", lockFile, errno);
    // Python's filelock >= 3.x (hf_hub >= 1.4) chmods to 0664 so other group members can lock too.
    struct stat st {};
    if (::fstat(fd, &st) == 0 && (st.st_mode & 0777) != 0664)
        (void)::fchmod(fd, 0664);
    return fd;
}
} // namespace

Expected<std::optional<BlobLock>> BlobLock::tryAcquire(const fs::path &lockFile)
{
    auto fd = openLockFile(lockFile);
    if (!fd)
        return fd.error();
    if (::flock(*fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(*fd);
        if (err == EWOULDBLOCK || err == EINTR)
            return std::optional<BlobLock>{};
        return detail::ioError("lock a file", lockFile, err);
    }
    BlobLock lock;
    lock.m_fd = *fd;
    lock.m_path = lockFile;
    return std::optional<BlobLock>(std::move(lock));
}

Expected<BlobLock> BlobLock::acquire(const fs::path &lockFile, const LockWait &wait)
{
    const auto start = std::chrono::steady_clock::now();
    auto delay = std::chrono::milliseconds(5);
    for (;;) {
        auto attempt = tryAcquire(lockFile);
        if (!attempt)
            return attempt.error();
        if (attempt->has_value())
            return std::move(**attempt);
        if (wait.cancel && wait.cancel->load())
            return HubError::make(ErrorCode::Cancelled, "The download was cancelled while waiting for another download "
                                                        "of the same file.");
        if (wait.timeout.count() > 0 && std::chrono::steady_clock::now() - start >= wait.timeout)
            return HubError::make(ErrorCode::Timeout,
                                  "Another program is downloading the same file and did not finish in time. Try again "
                                  "later, or close the other program.",
                                  lockFile.string());
        std::this_thread::sleep_for(delay);
        delay = std::min(delay * 2, std::chrono::milliseconds(50));
    }
}

bool BlobLock::isHeld(const fs::path &lockFile)
{
    const int fd = ::open(lockFile.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool held = false;
    if (::flock(fd, LOCK_SH | LOCK_NB) != 0)
        held = (errno == EWOULDBLOCK);
    else
        ::flock(fd, LOCK_UN);
    ::close(fd);
    return held;
}

} // namespace hub::cache
