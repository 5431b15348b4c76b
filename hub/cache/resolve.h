#pragma once
// Offline lookups from the cache alone, like Python's try_to_load_from_cache and the hub-docs
// reader algorithm: revision -> commit via refs/, then .no_exist/, then snapshots/. Never picks
// "some other snapshot".

#include "hub/core/expected.h"
#include "hub/core/types.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace hub::cache {

struct CachedLookup {
    enum class State {
        Cached,       // localPath is the snapshot entry (a symlink into blobs/ or a plain file)
        KnownMissing, // .no_exist/<commit>/<path> says the Hub has no such file at that commit
        NotCached,    // nothing known locally
    };
    State state = State::NotCached;
    std::string commit; // resolved commit, empty when the revision is unknown locally
    std::filesystem::path localPath;
};

/// Read-only resolver over one cache root. Cheap to copy; thread-safe.
class CacheResolver {
public:
    explicit CacheResolver(std::filesystem::path root);

    const std::filesystem::path &root() const { return m_root; }

    /// A 40-hex revision is returned as is; anything else ("main", "v1.0.0", "refs/pr/1") is read
    /// from refs/<revision>, whose content must be exactly 40 hex (a trailing newline is refused
    /// like Python does). RevisionNotFound when no ref exists, Corrupt when it is malformed.
    Expected<std::string> resolveCommit(const RepoRef &repo, std::string_view revision) const;

    /// Where `path` at `revision` lives in the cache, if it does. InvalidArgument for unsafe paths.
    Expected<CachedLookup> lookup(const RepoRef &repo, std::string_view path, std::string_view revision = "main") const;

private:
    std::filesystem::path m_root;
};

} // namespace hub::cache
