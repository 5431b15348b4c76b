#pragma once
// The Xet client's own cache ($HF_XET_CACHE, default $HF_HOME/xet: chunk and shard caches,
// upload staging, logs; /work/shared/reference/hub-xet.md §4). HubDesk never parses it: it is one
// opaque item with a size, and can only be emptied as a whole (the Xet client rebuilds it; only
// dedup efficiency and an unfinished Xet upload's resumption are lost).

#include "hub/core/expected.h"

#include <cstdint>
#include <filesystem>

namespace hub::cache {

struct XetCacheInfo {
    std::filesystem::path dir;
    bool exists = false;
    bool isLink = false;        ///< the folder is a symbolic link: never followed, never emptied
    uint64_t bytes = 0;         ///< regular files below it (links not followed)
    bool recentStaging = false; ///< something under */staging changed in the last hour: a Xet upload may be running
};

/// Looks at `dir` without following links. Thread-safe.
XetCacheInfo inspectXetCache(const std::filesystem::path &dir);

/// Deletes everything inside `dir` (the folder itself stays) and returns the bytes freed. Refuses
/// a folder that is a link, and "/" or the home folder (a mistyped HF_XET_CACHE).
Expected<uint64_t> emptyXetCache(const std::filesystem::path &dir);

} // namespace hub::cache
