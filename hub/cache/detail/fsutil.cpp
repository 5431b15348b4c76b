#include "hub/cache/detail/fsutil.h"

#include "hub/cache/layout.h"
#include "hub/core/atomicfile.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <random>

namespace hub::cache::detail {

namespace fs = std::filesystem;

bool isIgnoredName(std::string_view name)
{
    return name == ".DS_Store" || name == "Thumbs.db" || name == "desktop.ini";
}

HubError ioError(std::string_view what, const fs::path &path, int err)
{
    const std::string detail = path.string() + ": " + std::strerror(err);
    if (err == ENOSPC || err == EDQUOT)
        return HubError::make(ErrorCode::DiskFull,
                              "The disk holding the cache is full. Free some space (for example with "
                              "'hubdesk-cli cache prune') and try again.",
                              detail);
    if (err == EACCES || err == EPERM || err == EROFS)
        return HubError::make(
            ErrorCode::Io,
            "HubDesk is not allowed to " + std::string(what) +
                " in the cache folder. Check the folder's permissions or choose another cache folder.",
            detail);
    return HubError::make(ErrorCode::Io, "Could not " + std::string(what) + " in the cache folder.", detail);
}

std::string randomHex(size_t n)
{
    // Re-seeded after fork(): children must not repeat the parent's temp names.
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    static thread_local pid_t seededFor = ::getpid();
    if (seededFor != ::getpid()) {
        seededFor = ::getpid();
        rng.seed(std::random_device{}() ^ static_cast<uint64_t>(seededFor));
    }
    static const char *hex = "0123456789abcdef";
    std::string out(n, '0');
    for (auto &c : out)
        c = hex[rng() & 0xF];
    return out;
}

Status makeDirs(const fs::path &dir)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec && !isRealDir(dir))
        return ioError("create a folder", dir, ec.value());
    return {};
}

void syncDir(const fs::path &dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

Status writeFileAtomic(const fs::path &file, std::string_view content)
{
    if (auto st = makeDirs(file.parent_path()); !st)
        return st;
    if (const int err = writeFileAtomically(file, content); err != 0)
        return ioError("write a file", file, err);
    return {};
}

bool readSmallFile(const fs::path &file, std::string &out, size_t limit)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    out.clear();
    std::array<char, 4096> buf{};
    while (out.size() < limit) {
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            ::close(fd);
            return n == 0;
        }
        out.append(buf.data(), static_cast<size_t>(n));
    }
    ::close(fd);
    return true;
}

bool isWithin(const fs::path &child, const fs::path &parent)
{
    const std::string c = child.lexically_normal().string();
    std::string p = parent.lexically_normal().string();
    while (p.size() > 1 && p.back() == '/')
        p.pop_back();
    return c.size() > p.size() && c.compare(0, p.size(), p) == 0 && c[p.size()] == '/';
}

std::string blobLinkTarget(std::string_view repoPath, std::string_view etag)
{
    return layout::pointerTarget(repoPath, etag);
}

bool lexists(const fs::path &p)
{
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0;
}

bool isRealDir(const fs::path &p)
{
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

Status unlinkPath(const fs::path &p)
{
    if (::unlink(p.c_str()) != 0 && errno != ENOENT)
        return ioError("delete a file", p, errno);
    return {};
}

namespace {
// Removes the contents of the directory open as `dfd` (consumes dfd).
int removeContentsAt(int dfd, uint64_t *bytes)
{
    DIR *d = ::fdopendir(dfd);
    if (!d) {
        const int err = errno;
        ::close(dfd);
        return err;
    }
    int firstErr = 0;
    std::vector<std::string> names;
    while (dirent *e = ::readdir(d)) {
        const std::string_view n(e->d_name);
        if (n == "." || n == "..")
            continue;
        names.emplace_back(n);
    }
    const int fd = ::dirfd(d);
    for (const auto &n : names) {
        struct stat st {};
        if (::fstatat(fd, n.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            const int sub = ::openat(fd, n.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub < 0) {
                firstErr = firstErr ? firstErr : errno;
                continue;
            }
            if (int err = removeContentsAt(sub, bytes); err && !firstErr)
                firstErr = err;
            if (::unlinkat(fd, n.c_str(), AT_REMOVEDIR) != 0 && errno != ENOENT && !firstErr)
                firstErr = errno;
        } else {
            if (::unlinkat(fd, n.c_str(), 0) != 0) {
                if (errno != ENOENT && !firstErr)
                    firstErr = errno;
            } else if (bytes && S_ISREG(st.st_mode)) {
                *bytes += static_cast<uint64_t>(st.st_size);
            }
        }
    }
    ::closedir(d);
    return firstErr;
}

uint64_t treeBytesAt(int dfd)
{
    DIR *d = ::fdopendir(dfd);
    if (!d) {
        ::close(dfd);
        return 0;
    }
    uint64_t total = 0;
    const int fd = ::dirfd(d);
    while (dirent *e = ::readdir(d)) {
        const std::string_view n(e->d_name);
        if (n == "." || n == "..")
            continue;
        struct stat st {};
        if (::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            const int sub = ::openat(fd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub >= 0)
                total += treeBytesAt(sub);
        } else if (S_ISREG(st.st_mode)) {
            total += static_cast<uint64_t>(st.st_size);
        }
    }
    ::closedir(d);
    return total;
}
} // namespace

Status removeTreeNoFollow(const fs::path &dir, uint64_t *bytes)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return {};
        return ioError("open a folder", dir, errno);
    }
    if (int err = removeContentsAt(fd, bytes))
        return ioError("delete a file", dir, err);
    if (::rmdir(dir.c_str()) != 0 && errno != ENOENT)
        return ioError("delete a folder", dir, errno);
    return {};
}

bool removeDirIfEmpty(const fs::path &dir)
{
    return ::rmdir(dir.c_str()) == 0;
}

uint64_t treeBytes(const fs::path &dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return 0;
    return treeBytesAt(fd);
}

} // namespace hub::cache::detail
