#include "hub/api/urls.h"

#include "hub/core/strings.h"

namespace hub {

std::string encodeRevision(std::string_view revision)
{
    return percentEncode(revision, false);
}

std::string encodeRepoPath(std::string_view path)
{
    return percentEncode(path, true);
}

namespace {
std::string repoPathPart(const RepoRef &repo)
{
    // Repo ids are validated (no characters needing escapes beyond what percentEncode keeps).
    return percentEncode(repo.id.str(), true);
}
} // namespace

std::string apiRepoUrl(std::string_view endpoint, const RepoRef &repo)
{
    return std::string(endpoint) + "/api/" + std::string(repoTypePlural(repo.type)) + "/" + repoPathPart(repo);
}

std::string repoWebUrl(std::string_view endpoint, const RepoRef &repo)
{
    return std::string(endpoint) + "/" + std::string(repoTypeUrlPrefix(repo.type)) + repoPathPart(repo);
}

std::string resolveFileUrl(std::string_view endpoint, const RepoRef &repo, std::string_view revision,
                           std::string_view path)
{
    return repoWebUrl(endpoint, repo) + "/resolve/" + encodeRevision(revision) + "/" + encodeRepoPath(path);
}

std::string rawFileUrl(std::string_view endpoint, const RepoRef &repo, std::string_view revision, std::string_view path)
{
    return repoWebUrl(endpoint, repo) + "/raw/" + encodeRevision(revision) + "/" + encodeRepoPath(path);
}

std::string lfsBatchUrl(std::string_view endpoint, const RepoRef &repo)
{
    return repoWebUrl(endpoint, repo) + ".git/info/lfs/objects/batch";
}

void appendQuery(std::string &url, std::string_view key, std::string_view value)
{
    url += url.find('?') == std::string::npos ? '?' : '&';
    url += percentEncode(key);
    url += '=';
    url += percentEncode(value);
}

} // namespace hub
