#pragma once
// The interoperable download lock: <cache>/.locks/<repo folder>/<etag>.lock held with flock(2)
// LOCK_EX, created 0664, exactly what Python's filelock.FileLock does. QLockFile is NOT
// compatible (it writes a PID and only serialises with other QLockFile users).

#include "hub/core/expected.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>

namespace hub::cache {

struct LockWait {
    /// Give up after this long (ErrorCode::Timeout). Zero means "wait forever" (Python's default).
    std::chrono::milliseconds timeout{0};
    /// Polled every ~50 ms; when set the wait ends with ErrorCode::Cancelled.
    const std::atomic<bool> *cancel = nullptr;
};

/// An exclusive flock on one lock file, released on destruction (the file is left in place, as
/// older filelock versions do, so the next locker never races an unlink). Move-only.
class BlobLock {
public:
    BlobLock() = default;
    ~BlobLock();
    BlobLock(BlobLock &&other) noexcept;
    BlobLock &operator=(BlobLock &&other) noexcept;
    BlobLock(const BlobLock &) = delete;
    BlobLock &operator=(const BlobLock &) = delete;

    /// Blocks (polling LOCK_NB) until the lock is ours, the timeout passes or cancel is set.
    /// Creates the parent directories and the lock file as needed.
    static Expected<BlobLock> acquire(const std::filesystem::path &lockFile, const LockWait &wait = {});
    /// One attempt: nullopt when another process or thread holds it.
    static Expected<std::optional<BlobLock>> tryAcquire(const std::filesystem::path &lockFile);
    /// True when someone holds the lock right now. Never creates the file; false when it is absent.
    static bool isHeld(const std::filesystem::path &lockFile);

    bool held() const { return m_fd >= 0; }
    const std::filesystem::path &path() const { return m_path; }
    void release();

private:
    int m_fd = -1;
    std::filesystem::path m_path;
};

} // namespace hub::cache
