#pragma once
// Strong little types at the edges: parse once, trust inside.

#include "hub/core/expected.h"

#include <optional>
#include <string>
#include <string_view>

namespace hub {

enum class RepoType { Model, Dataset, Space };

/// "model", "dataset", "space"
std::string_view repoTypeName(RepoType type);
/// "models", "datasets", "spaces" (API paths and cache folder prefixes)
std::string_view repoTypePlural(RepoType type);
/// "", "datasets/", "spaces/" (resolve/raw/.git URL prefix)
std::string_view repoTypeUrlPrefix(RepoType type);
/// Accepts singular or plural names.
std::optional<RepoType> parseRepoType(std::string_view text);

/// A validated repo id: "namespace/name" (or a legacy canonical "name" without namespace).
class RepoId {
public:
    RepoId() = default;
    static Expected<RepoId> parse(std::string_view text);

    const std::string &ns() const { return m_ns; }
    const std::string &name() const { return m_name; }
    std::string str() const { return m_ns.empty() ? m_name : m_ns + "/" + m_name; }
    bool empty() const { return m_name.empty(); }

    friend bool operator==(const RepoId &, const RepoId &) = default;
    friend auto operator<=>(const RepoId &, const RepoId &) = default;

private:
    std::string m_ns;
    std::string m_name;
};

/// A repo together with its type: what the cache and URLs need.
struct RepoRef {
    RepoType type = RepoType::Model;
    RepoId id;

    /// "models--ns--name", the cache folder name.
    std::string cacheFolderName() const;
    /// Parses a cache folder name back; nullopt if it is not one.
    static std::optional<RepoRef> fromCacheFolderName(std::string_view folder);

    friend bool operator==(const RepoRef &, const RepoRef &) = default;
    friend auto operator<=>(const RepoRef &, const RepoRef &) = default;
};

bool isHex(std::string_view s);
/// A full 40-hex lowercase commit id (also a git blob SHA-1).
bool isCommitId(std::string_view s);
/// A 64-hex lowercase SHA-256.
bool isSha256(std::string_view s);

/// A path inside a repo is safe when it is relative, has no "." or ".." segments, no empty
/// segments, no backslashes and no NUL. Everything that touches disk checks this first.
bool isSafeRepoPath(std::string_view path);

} // namespace hub
