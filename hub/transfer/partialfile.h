#pragma once
// Positional writes into a download's partial file, with disk errors mapped to HubError, and a
// hasher that follows the contiguous written prefix on its own thread.

#include "hub/core/expected.h"
#include "hub/core/hash.h"
#include "hub/core/uniquefd.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace hub::transfer_internal {

/// errno of a failed write/open -> DiskFull for ENOSPC/EDQUOT/EFBIG, Io otherwise.
HubError diskError(int err, const std::string &what, const std::filesystem::path &file);

/// The digest the Hub uses as etag: SHA-256 for 64-hex etags (LFS), git blob SHA-1 for 40-hex
/// etags (regular files). Anything else is not verifiable (size only).
class ContentHasher {
public:
    ContentHasher(const std::string &etag, uint64_t size);
    bool verifiable() const { return m_sha256.has_value() || m_git.has_value(); }
    void update(const void *data, size_t n);
    std::string finalHex();

private:
    std::optional<Hasher> m_sha256;
    std::optional<GitBlobHasher> m_git;
};

/// An open file written at offsets. Not thread-safe (worker thread), except fd() for readers.
class PartialFile {
public:
    PartialFile() = default;
    ~PartialFile();
    PartialFile(const PartialFile &) = delete;
    PartialFile &operator=(const PartialFile &) = delete;

    /// Opens (creating, never truncating) `path`; with `reserve` > 0 the space is allocated up
    /// front so a full disk is reported before any byte is fetched.
    Status open(const std::filesystem::path &path, uint64_t reserve);
    Status writeAt(uint64_t offset, const char *data, size_t size);
    Status truncate(uint64_t size);
    Status sync();
    void close();
    bool isOpen() const { return m_fd.valid(); }
    int fd() const { return m_fd.get(); }
    const std::filesystem::path &path() const { return m_path; }

private:
    UniqueFd m_fd;
    std::filesystem::path m_path;
};

/// Hashes bytes [0, frontier) of a file as the frontier advances, on its own thread, so hashing
/// never slows the network loop, in batches of at least kBatch bytes so that a stream of small
/// writes does not wake the thread for every one of them. The bytes are hashed straight from a
/// read-only mapping of the page cache, 16 MiB at a time (no copy: ~7% faster on the 2 GiB
/// transfer bench than pread into a buffer); pread when the file is shorter than the range (a
/// mapped page past the end would raise SIGBUS) or mapping fails.
/// Threading: advance()/finished()/result() from the owner thread; `wake` is called from the
/// hashing thread when the hash is complete.
class HashFollower {
public:
    HashFollower(int fd, const std::string &etag, uint64_t size, std::function<void()> wake);
    ~HashFollower();
    HashFollower(const HashFollower &) = delete;
    HashFollower &operator=(const HashFollower &) = delete;

    static constexpr uint64_t kBatch = uint64_t{4} << 20;

    void advance(uint64_t frontier);
    bool finished() const { return m_finished.load(); }
    uint64_t hashed() const { return m_hashed.load(); }
    /// Valid once finished(): the digest, or an I/O error.
    Expected<std::string> result();

private:
    void run();
    /// Hashes [from, to) of the file; false (with m_result set) on a read error.
    bool hashRange(uint64_t from, uint64_t to, std::vector<char> &buf);
    void finish(Expected<std::string> result);

    int m_fd;
    uint64_t m_size;
    ContentHasher m_hasher;
    std::function<void()> m_wake;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    uint64_t m_frontier = 0;
    bool m_stop = false;
    std::atomic<bool> m_finished{false};
    std::atomic<uint64_t> m_hashed{0};
    std::optional<Expected<std::string>> m_result;
    std::thread m_thread;
};

} // namespace hub::transfer_internal
