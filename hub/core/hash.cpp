#include "hub/core/hash.h"

#include <openssl/evp.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <vector>

namespace hub {

struct Hasher::Impl {
    EVP_MD_CTX *ctx = nullptr;
    ~Impl() { EVP_MD_CTX_free(ctx); }
};

Hasher::Hasher(HashAlgo algo) : m_impl(std::make_unique<Impl>())
{
    m_impl->ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(m_impl->ctx, algo == HashAlgo::Sha256 ? EVP_sha256() : EVP_sha1(), nullptr);
}

Hasher::~Hasher() = default;
Hasher::Hasher(Hasher &&) noexcept = default;
Hasher &Hasher::operator=(Hasher &&) noexcept = default;

void Hasher::update(const void *data, size_t size)
{
    if (size)
        EVP_DigestUpdate(m_impl->ctx, data, size);
}

std::string Hasher::finalHex()
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
    unsigned int len = 0;
    EVP_DigestFinal_ex(m_impl->ctx, md.data(), &len);
    static const char *digits = "0123456789abcdef";
    std::string out;
    out.reserve(len * 2);
    for (unsigned int i = 0; i < len; ++i) {
        out.push_back(digits[md[i] >> 4]);
        out.push_back(digits[md[i] & 0xF]);
    }
    return out;
}

GitBlobHasher::GitBlobHasher(uint64_t totalSize) : m_hasher(HashAlgo::Sha1)
{
    const std::string header = "blob " + std::to_string(totalSize);
    m_hasher.update(header.data(), header.size() + 1); // includes the terminating NUL
}

std::string sha256Hex(std::string_view data)
{
    Hasher h(HashAlgo::Sha256);
    h.update(data);
    return h.finalHex();
}

std::string gitBlobSha1Hex(std::string_view data)
{
    GitBlobHasher h(data.size());
    h.update(data.data(), data.size());
    return h.finalHex();
}

namespace {
template <class H> Expected<std::string> hashFile(const std::filesystem::path &file, H &hasher)
{
    std::FILE *f = std::fopen(file.c_str(), "rb");
    if (!f)
        return HubError::make(ErrorCode::Io, "Could not read " + file.filename().string() + ".", file.string());
    std::vector<char> buf(1 << 20);
    size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0)
        hasher.update(buf.data(), n);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed)
        return HubError::make(ErrorCode::Io, "Could not read " + file.filename().string() + ".", file.string());
    return hasher.finalHex();
}
} // namespace

Expected<std::string> sha256File(const std::filesystem::path &file)
{
    Hasher h(HashAlgo::Sha256);
    return hashFile(file, h);
}

Expected<std::string> gitBlobSha1File(const std::filesystem::path &file)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec)
        return HubError::make(ErrorCode::Io, "Could not read " + file.filename().string() + ".", ec.message());
    GitBlobHasher h(size);
    return hashFile(file, h);
}

} // namespace hub
