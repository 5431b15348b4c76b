#include "hub/transfer/localdir.h"

#include "hub/transfer/partialfile.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>

namespace hub::transfer_internal {

namespace fs = std::filesystem;

std::string randomHex8()
{
    static thread_local std::mt19937 rng{std::random_device{}()};
    static const char *digits = "0123456789abcdef";
    std::string s(8, '0');
    for (auto &c : s)
        c = digits[rng() % 16];
    return s;
}

fs::path localMetadataDir(const fs::path &localDir)
{
    return localDir / ".cache" / "huggingface";
}

fs::path localMetadataPath(const fs::path &localDir, const std::string &repoPath)
{
    return localMetadataDir(localDir) / "download" / (repoPath + ".metadata");
}

fs::path localLockPath(const fs::path &localDir, const std::string &repoPath)
{
    return localMetadataDir(localDir) / "download" / (repoPath + ".lock");
}

fs::path localPartialPath(const fs::path &localDir, const std::string &repoPath, const std::string &etag)
{
    // <urlsafe-b64(sha1("<basename>.metadata"))>.<etag>.<8hex>.incomplete, like huggingface_hub.
    const fs::path meta = localMetadataPath(localDir, repoPath);
    const std::string name = meta.filename().string();
    unsigned char digest[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char *>(name.data()), name.size(), digest);
    unsigned char b64[64] = {};
    EVP_EncodeBlock(b64, digest, SHA_DIGEST_LENGTH);
    std::string enc(reinterpret_cast<char *>(b64));
    for (auto &c : enc) {
        if (c == '+')
            c = '-';
        else if (c == '/')
            c = '_';
    }
    return meta.parent_path() / (enc + "." + etag + "." + randomHex8() + ".incomplete");
}

std::optional<LocalDirMetadata> readLocalMetadata(const fs::path &localDir, const std::string &repoPath)
{
    std::ifstream in(localMetadataPath(localDir, repoPath));
    if (!in)
        return std::nullopt;
    LocalDirMetadata m;
    std::string ts;
    if (!std::getline(in, m.commit) || !std::getline(in, m.etag) || !std::getline(in, ts))
        return std::nullopt;
    try {
        m.timestamp = std::stod(ts);
    } catch (...) {
        return std::nullopt;
    }
    return m;
}

Status writeLocalMetadata(const fs::path &localDir, const std::string &repoPath, const std::string &commit,
                          const std::string &etag)
{
    std::error_code ec;
    const fs::path base = localMetadataDir(localDir);
    const fs::path meta = localMetadataPath(localDir, repoPath);
    fs::create_directories(meta.parent_path(), ec);
    if (!fs::exists(base / ".gitignore")) {
        std::ofstream(base / ".gitignore") << "*";
    }
    if (!fs::exists(base / "CACHEDIR.TAG")) {
        std::ofstream(base / "CACHEDIR.TAG") << "Signature: 8a477f597d28d172789f06886806bc55\n"
                                                "# This file is a cache directory tag created by huggingface_hub.\n"
                                                "# For information about cache directory tags, see:\n"
                                                "#\thttps://bford.info/cachedir/\n";
    }
    const double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    std::ostringstream text;
    text.precision(17);
    text << commit << "\n" << etag << "\n" << now << "\n";
    const fs::path tmp = meta.string() + "." + randomHex8() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text.str();
        if (!out)
            return diskError(errno ? errno : EIO, "write", tmp);
    }
    fs::rename(tmp, meta, ec);
    if (ec)
        return diskError(ec.value(), "rename", meta);
    return {};
}

bool localFileIsCurrent(const fs::path &localDir, const std::string &repoPath, const std::string &etag, uint64_t size)
{
    std::error_code ec;
    const fs::path file = localDir / repoPath;
    if (!fs::is_regular_file(file, ec) || fs::file_size(file, ec) != size)
        return false;
    auto meta = readLocalMetadata(localDir, repoPath);
    if (!meta || meta->etag != etag)
        return false;
    const auto mtime = fs::last_write_time(file, ec);
    if (ec)
        return false;
    const auto sys = std::chrono::file_clock::to_sys(mtime);
    const double secs = std::chrono::duration<double>(sys.time_since_epoch()).count();
    return secs - 1.0 <= meta->timestamp;
}

Status checkNoLinkOnTheWay(const std::filesystem::path &root, const std::string &repoPath)
{
    std::filesystem::path at = root;
    // The file itself may be a link: publishing renames over it (rename never follows a link).
    for (const auto &part : std::filesystem::path(repoPath).parent_path()) {
        at /= part;
        std::error_code ec;
        const auto st = std::filesystem::symlink_status(at, ec);
        if (ec || st.type() == std::filesystem::file_type::not_found)
            return {}; // nothing further exists: it will be created as real folders
        if (st.type() == std::filesystem::file_type::symlink)
            return HubError::make(ErrorCode::Refused,
                                  "\"" + at.string() +
                                      "\" is a symbolic link; HubDesk does not download through links, so nothing "
                                      "was written. Remove the link or pick another folder.",
                                  at.string());
    }
    return {};
}

} // namespace hub::transfer_internal
