#include "hub/cache/layout.h"

namespace hub::cache {

namespace fs = std::filesystem;

namespace layout {

namespace {
bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
} // namespace

bool isPartialName(std::string_view fileName)
{
    return endsWith(fileName, kPartialSuffix);
}

bool isLockName(std::string_view fileName)
{
    return endsWith(fileName, kLockSuffix);
}

std::string_view etagOfBlobEntry(std::string_view fileName)
{
    return fileName.substr(0, fileName.find('.'));
}

std::string_view commitOfTreeListing(std::string_view fileName)
{
    constexpr size_t kCommitChars = 40;
    if (fileName.size() != kCommitChars + kTreeListingSuffix.size() ||
        fileName.substr(kCommitChars) != kTreeListingSuffix)
        return {};
    return fileName.substr(0, kCommitChars);
}

std::string pointerTarget(std::string_view repoPath, std::string_view etag)
{
    std::string out = "../../";
    for (char c : repoPath)
        if (c == '/')
            out += "../";
    out += kBlobsDir;
    out += '/';
    out += etag;
    return out;
}

std::string_view blobOfPointerTarget(std::string_view target, std::string_view repoPath)
{
    size_t depth = 2;
    for (char c : repoPath)
        depth += c == '/';
    size_t pos = 0;
    size_t ups = 0;
    while (target.substr(pos, 3) == "../") {
        pos += 3;
        ++ups;
    }
    constexpr std::string_view blobs = kBlobsDir;
    if (ups != depth || target.substr(pos, blobs.size()) != blobs || target.substr(pos + blobs.size(), 1) != "/")
        return {};
    const std::string_view name = target.substr(pos + blobs.size() + 1);
    if (name.empty() || name.find('/') != std::string_view::npos)
        return {};
    return name;
}

std::string repoBlobRelPath(std::string_view folderName, std::string_view etag)
{
    std::string out(folderName);
    out += '/';
    out += kBlobsDir;
    out += '/';
    out += etag;
    return out;
}

} // namespace layout

// The spelling itself is RepoRef's (hub/core/types.cpp), which the download engine's own
// writer path still calls; everything in hub/cache and ui asks here.
std::string CacheLayout::repoFolderName(const RepoRef &repo)
{
    return repo.cacheFolderName();
}

std::optional<RepoRef> CacheLayout::parseRepoFolderName(std::string_view folder)
{
    return RepoRef::fromCacheFolderName(folder);
}

fs::path RepoLayout::refPath(std::string_view revision) const
{
    return refsDir() / std::string(revision);
}

fs::path RepoLayout::snapshotDir(std::string_view commit) const
{
    return snapshotsDir() / std::string(commit);
}

fs::path RepoLayout::pointerPath(std::string_view commit, std::string_view path) const
{
    return snapshotDir(commit) / std::string(path);
}

fs::path RepoLayout::blobPath(std::string_view etag) const
{
    return blobsDir() / std::string(etag);
}

fs::path RepoLayout::partialPath(std::string_view etag) const
{
    return blobsDir() / (std::string(etag) + std::string(layout::kPartialSuffix));
}

fs::path RepoLayout::partialPath(std::string_view etag, std::string_view unique) const
{
    return blobsDir() / (std::string(etag) + "." + std::string(unique) + std::string(layout::kPartialSuffix));
}

fs::path RepoLayout::noExistDir(std::string_view commit) const
{
    return m_dir / layout::kNoExistDir / std::string(commit);
}

fs::path RepoLayout::noExistPath(std::string_view commit, std::string_view path) const
{
    return noExistDir(commit) / std::string(path);
}

fs::path RepoLayout::treeListingPath(std::string_view commit) const
{
    return treesDir() / (std::string(commit) + std::string(layout::kTreeListingSuffix));
}

fs::path CacheLayout::locksDir(std::string_view folderName) const
{
    return locksRoot() / std::string(folderName);
}

fs::path CacheLayout::lockPath(std::string_view folderName, std::string_view etag) const
{
    return locksDir(folderName) / (std::string(etag) + std::string(layout::kLockSuffix));
}

fs::path CacheLayout::sharedPrefixDir(std::string_view xetHash) const
{
    return sharedStoreDir() / std::string(xetHash.substr(0, 2));
}

fs::path CacheLayout::sharedBlobPath(std::string_view xetHash) const
{
    return sharedPrefixDir(xetHash) / std::string(xetHash);
}

} // namespace hub::cache
