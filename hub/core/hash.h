#pragma once
// Streaming content hashes used by the Hub: SHA-256 (LFS oids) and git blob SHA-1 (regular files).

#include "hub/core/expected.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace hub {

enum class HashAlgo { Sha256, Sha1 };

/// Incremental hash over OpenSSL's EVP interface. Not thread-safe; cheap to move.
class Hasher {
public:
    explicit Hasher(HashAlgo algo);
    ~Hasher();
    Hasher(Hasher &&) noexcept;
    Hasher &operator=(Hasher &&) noexcept;
    Hasher(const Hasher &) = delete;
    Hasher &operator=(const Hasher &) = delete;

    void update(const void *data, size_t size);
    void update(std::string_view data) { update(data.data(), data.size()); }
    /// Lowercase hex digest; the hasher must not be updated afterwards.
    std::string finalHex();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// A git blob id hasher: SHA-1 over "blob <size>\0" followed by the content.
class GitBlobHasher {
public:
    explicit GitBlobHasher(uint64_t totalSize);
    void update(const void *data, size_t size) { m_hasher.update(data, size); }
    std::string finalHex() { return m_hasher.finalHex(); }

private:
    Hasher m_hasher;
};

std::string sha256Hex(std::string_view data);
std::string gitBlobSha1Hex(std::string_view data);

/// Hashes a file on disk in large chunks.
Expected<std::string> sha256File(const std::filesystem::path &file);
Expected<std::string> gitBlobSha1File(const std::filesystem::path &file);

} // namespace hub
