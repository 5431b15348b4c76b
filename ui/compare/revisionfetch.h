#pragma once
// Hub calls behind the Compare view and a commit's details. Run them on a worker (through
// AppContext::runHub); they block on the network.

#include "ui/compare/comparison.h"

#include "hub/core/expected.h"

#include <string>

namespace hub {
class HubClient;
}

namespace hubui {

/// Fetches both trees (recursive) and the config.json / README.md texts of both revisions.
/// `base` empty means "before the first commit" (everything in head counts as added).
hub::Expected<RevisionPair> fetchRevisionPair(hub::HubClient &client, const hub::RepoRef &repo, const std::string &base,
                                              const std::string &head);

/// A unified text diff of one small text file between two revisions ("" for a side where the
/// file does not exist). Explains in plain text when the file is binary or too large.
hub::Expected<std::string> fetchTextDiff(hub::HubClient &client, const hub::RepoRef &repo, const std::string &base,
                                         const std::string &head, const std::string &oldPath,
                                         const std::string &newPath);

/// True for files a text diff makes sense for (README, JSON/YAML configs, small text).
bool isDiffableTextFile(const std::string &path, bool lfs, uint64_t size);

} // namespace hubui
