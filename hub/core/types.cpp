#include "hub/core/types.h"

#include <algorithm>

namespace hub {

std::string_view repoTypeName(RepoType type)
{
    switch (type) {
    case RepoType::Model: return "model";
    case RepoType::Dataset: return "dataset";
    case RepoType::Space: return "space";
    }
    return "model";
}

std::string_view repoTypePlural(RepoType type)
{
    switch (type) {
    case RepoType::Model: return "models";
    case RepoType::Dataset: return "datasets";
    case RepoType::Space: return "spaces";
    }
    return "models";
}

std::string_view repoTypeUrlPrefix(RepoType type)
{
    switch (type) {
    case RepoType::Model: return "";
    case RepoType::Dataset: return "datasets/";
    case RepoType::Space: return "spaces/";
    }
    return "";
}

std::optional<RepoType> parseRepoType(std::string_view text)
{
    if (text == "model" || text == "models")
        return RepoType::Model;
    if (text == "dataset" || text == "datasets")
        return RepoType::Dataset;
    if (text == "space" || text == "spaces")
        return RepoType::Space;
    return std::nullopt;
}

namespace {
bool validPart(std::string_view s)
{
    if (s.empty() || s.size() > 96)
        return false;
    if (s.find("--") != std::string_view::npos || s.find("..") != std::string_view::npos)
        return false;
    if (s.front() == '-' || s.front() == '.' || s.back() == '-' || s.back() == '.')
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.';
    });
}
} // namespace

Expected<RepoId> RepoId::parse(std::string_view text)
{
    const auto slash = text.find('/');
    RepoId id;
    if (slash == std::string_view::npos) {
        id.m_name = std::string(text);
    } else {
        id.m_ns = std::string(text.substr(0, slash));
        id.m_name = std::string(text.substr(slash + 1));
        if (!validPart(id.m_ns))
            return HubError::make(ErrorCode::InvalidArgument,
                                  "\"" + std::string(text) + "\" is not a valid repo id: use owner/name.");
    }
    if (!validPart(id.m_name))
        return HubError::make(ErrorCode::InvalidArgument,
                              "\"" + std::string(text) + "\" is not a valid repo id: use owner/name.");
    return id;
}

std::string RepoRef::cacheFolderName() const
{
    std::string out(repoTypePlural(type));
    out += "--";
    if (!id.ns().empty()) {
        out += id.ns();
        out += "--";
    }
    out += id.name();
    return out;
}

std::optional<RepoRef> RepoRef::fromCacheFolderName(std::string_view folder)
{
    const auto first = folder.find("--");
    if (first == std::string_view::npos)
        return std::nullopt;
    auto type = parseRepoType(folder.substr(0, first));
    if (!type)
        return std::nullopt;
    std::string rest(folder.substr(first + 2));
    std::string idText;
    const auto second = rest.find("--");
    if (second == std::string::npos)
        idText = rest;
    else
        idText = rest.substr(0, second) + "/" + rest.substr(second + 2);
    auto id = RepoId::parse(idText);
    if (!id)
        return std::nullopt;
    return RepoRef{*type, *id};
}

bool isHex(std::string_view s)
{
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool isCommitId(std::string_view s)
{
    return s.size() == 40 && isHex(s);
}
bool isSha256(std::string_view s)
{
    return s.size() == 64 && isHex(s);
}

bool isSafeRepoPath(std::string_view path)
{
    if (path.empty() || path.front() == '/' || path.back() == '/')
        return false;
    if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos)
        return false;
    size_t start = 0;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        const auto seg = path.substr(start, end - start);
        if (seg.empty() || seg == "." || seg == "..")
            return false;
        start = end + 1;
    }
    return true;
}

} // namespace hub
