#include "hub/cache/xetcache.h"

#include "hub/cache/detail/fsutil.h"

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>

namespace hub::cache {

namespace fs = std::filesystem;

namespace {

/// Bytes of regular files below `dir`, and whether anything under a "staging" folder changed
/// after `since` (links are not followed).
uint64_t walk(const fs::path &dir, fs::file_time_type since, bool &recentStaging)
{
    uint64_t total = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const auto status = it->symlink_status(ec);
        if (ec)
            break;
        if (fs::is_regular_file(status))
            total += it->file_size(ec);
        const std::string rel = it->path().lexically_relative(dir).generic_string();
        if (!recentStaging && (rel.find("/staging/") != std::string::npos || rel.starts_with("staging/")) &&
            it->last_write_time(ec) > since)
            recentStaging = true;
        ec.clear();
    }
    return total;
}

} // namespace

XetCacheInfo inspectXetCache(const fs::path &dir)
{
    XetCacheInfo info;
    info.dir = dir;
    struct stat st {};
    if (dir.empty() || ::lstat(dir.c_str(), &st) != 0)
        return info;
    info.isLink = S_ISLNK(st.st_mode);
    info.exists = info.isLink || S_ISDIR(st.st_mode);
    if (info.isLink || !S_ISDIR(st.st_mode))
        return info;
    const auto since = fs::file_time_type::clock::now() - std::chrono::hours(1);
    info.bytes = walk(dir, since, info.recentStaging);
    return info;
}

Expected<uint64_t> emptyXetCache(const fs::path &dir)
{
    const XetCacheInfo info = inspectXetCache(dir);
    if (!info.exists)
        return uint64_t{0};
    if (info.isLink)
        return HubError::make(
            ErrorCode::InvalidArgument,
            "The Xet cache " + dir.string() +
                " is a link to another folder; HubDesk does not follow it. Empty it where it points.");
    const char *home = std::getenv("HOME");
    const fs::path normal = dir.lexically_normal();
    if (normal == normal.root_path() || (home && *home && normal == fs::path(home).lexically_normal()))
        return HubError::make(ErrorCode::InvalidArgument,
                              "Refusing to empty " + dir.string() + ": that is not a Xet cache. Check HF_XET_CACHE.");
    uint64_t freed = 0;
    if (auto st = detail::removeTreeNoFollow(dir, &freed); !st)
        return st.error();
    if (auto st = detail::makeDirs(dir); !st)
        return st.error();
    return freed;
}

} // namespace hub::cache
