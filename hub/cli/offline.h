#pragma once
// The local-cache answers of `hubdesk-cli ls`, `info`, `tree` and `diff`: what they print when
// the Hub cannot be reached (HF_HUB_OFFLINE, --offline, or no network), read from the cache by
// hub::cache::LocalRepoSource. Each prints one line on stderr first saying that the answer comes
// from this computer and why; stdout keeps the same shape as the online answer (text or --json),
// with what only the cache knows (cached revisions, files not downloaded) added.

#include "hub/api/config.h"
#include "hub/cache/localreposource.h"
#include "hub/cli/args.h"
#include "hub/cli/command.h"
#include "hub/core/error.h"

#include <cstddef>
#include <string>

namespace hub::cli {

/// --offline and --cache-dir.
void addOfflineOptions(Args &a);

/// Why the command answers from the cache without asking the Hub ("--offline was given",
/// "HF_HUB_OFFLINE is set"); empty when it should ask the Hub.
std::string offlineReason(const Args &a, const ClientConfig &config);

/// Whether this failure of a Hub call means the Hub cannot be reached (no network, a timeout,
/// offline mode), so the cache should answer instead. A refusal (not found, gated, a certificate)
/// is not: the Hub or the network said something the cache cannot overrule.
bool isUnreachable(const HubError &error);
/// "the Hub cannot be reached (<its sentence>)".
std::string unreachableReason(const HubError &error);

int lsOffline(const Args &a, Io io, const cache::LocalListQuery &query, size_t limit, const std::string &reason);
int infoOffline(const Args &a, Io io, const RepoRef &repo, const std::string &revision, const std::string &reason);
int treeOffline(const Args &a, Io io, const RepoRef &repo, const std::string &revision, const std::string &path,
                bool recursive, const std::string &reason);
int diffOffline(const Args &a, Io io, const RepoRef &repo, const std::string &base, const std::string &head,
                const std::string &reason);

} // namespace hub::cli
