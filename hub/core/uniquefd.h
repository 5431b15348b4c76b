#pragma once
// Owns one POSIX file descriptor and closes it exactly once, so an early return cannot leak it.

#include <unistd.h>

#include <cerrno>
#include <utility>

namespace hub {

/// A move-only owner of a file descriptor (-1 = none). close() reports the errno of a failed
/// close, which matters after writes (NFS and some FUSE file systems report write errors there);
/// the destructor closes and ignores it.
class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : m_fd(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd &&other) noexcept : m_fd(other.release()) {}
    UniqueFd &operator=(UniqueFd &&other) noexcept
    {
        if (this != &other)
            reset(other.release());
        return *this;
    }
    UniqueFd(const UniqueFd &) = delete;
    UniqueFd &operator=(const UniqueFd &) = delete;

    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }
    explicit operator bool() const { return valid(); }

    /// Gives the descriptor up without closing it.
    int release() { return std::exchange(m_fd, -1); }
    /// Closes the current descriptor (if any) and owns `fd` instead.
    void reset(int fd = -1)
    {
        const int old = std::exchange(m_fd, fd);
        if (old >= 0)
            ::close(old);
    }
    /// Closes now; 0, or the errno of the failed close.
    int close()
    {
        const int old = release();
        if (old >= 0 && ::close(old) != 0)
            return errno;
        return 0;
    }

private:
    int m_fd = -1;
};

} // namespace hub
