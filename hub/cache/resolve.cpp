#include "hub/cache/resolve.h"

#include "hub/cache/detail/fsutil.h"
#include "hub/cache/layout.h"
#include "hub/core/strings.h"

#include <sys/stat.h>

namespace hub::cache {

namespace fs = std::filesystem;

CacheResolver::CacheResolver(fs::path root) : m_root(std::move(root)) {}

namespace {
bool isSafeRefName(std::string_view name)
{
    return isSafeRepoPath(name);
}
} // namespace

Expected<std::string> CacheResolver::resolveCommit(const RepoRef &repo, std::string_view revision) const
{
    if (revision.empty())
        revision = "main";
    const fs::path refFile = CacheLayout(m_root).refPath(repo, revision);
    const bool safe = isSafeRefName(revision);
    std::string content;
    if (safe && detail::readSmallFile(refFile, content, 4096)) {
        if (isCommitId(content))
            return content;
        return HubError::make(ErrorCode::Corrupt,
                              "The cached ref \"" + std::string(revision) + "\" of " + repo.id.str() +
                                  " does not hold a commit id" +
                                  (isCommitId(trim(content)) ? " (it ends with a newline or spaces)" : "") +
                                  ". Download the repo again to repair it.",
                              refFile.string());
    }
    if (isCommitId(revision))
        return std::string(revision);
    if (!safe)
        return HubError::make(ErrorCode::InvalidArgument,
                              "\"" + std::string(revision) + "\" is not a valid revision name.");
    return HubError::make(ErrorCode::RevisionNotFound,
                          "Revision \"" + std::string(revision) + "\" of " + repo.id.str() +
                              " is not in the cache. Download it once while online, or pass a commit id.");
}

Expected<CachedLookup> CacheResolver::lookup(const RepoRef &repo, std::string_view path,
                                             std::string_view revision) const
{
    if (!isSafeRepoPath(path))
        return HubError::make(ErrorCode::InvalidArgument,
                              "\"" + std::string(path) + "\" is not a valid file path inside a repo.");
    CachedLookup out;
    auto commit = resolveCommit(repo, revision);
    if (!commit) {
        if (commit.error().code == ErrorCode::RevisionNotFound)
            return out; // NotCached, commit unknown
        return commit.error();
    }
    out.commit = *commit;
    const RepoLayout repoLayout = CacheLayout(m_root).repo(repo);
    if (detail::lexists(repoLayout.noExistPath(out.commit, path))) {
        out.state = CachedLookup::State::KnownMissing;
        return out;
    }
    const fs::path pointer = repoLayout.pointerPath(out.commit, path);
    struct stat st {};
    if (::stat(pointer.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
        out.state = CachedLookup::State::Cached;
        out.localPath = pointer;
    }
    return out;
}

} // namespace hub::cache
