#pragma once
// The sandbox's discussions and pull requests: what the Hub keeps besides git objects for each
// conversation (title, status, events), persisted per repo as one JSON file under
// dataDir/discussions/, written atomically after every change like the repos' state.
//
// A pull request's commits live in the Store under refs/pr/N (RepoState::pullRequests); the
// record here adds the branch it targets, the target's commit it started from (the base of the
// "Files changed" diff and of the conflict check) and, once merged, the merge commit.
//
// Thread-safety: none. HubApp calls it under its store mutex.

#include "hub/core/expected.h"
#include "hub/sandbox/store.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace hub::sandbox {

/// One entry of a conversation, in the Hub's four kinds.
struct ConversationEvent {
    std::string id;   ///< 24 hex, deterministic (repo id, number, position)
    std::string type; ///< comment, status-change, title-change, commit
    std::string author;
    int64_t createdAt = 0;
    // comment
    std::string content;
    bool hidden = false;
    int edits = 0;
    int64_t editedAt = 0;
    // status-change
    std::string status;
    // commit
    std::string oid;
    std::string subject;
    // title-change
    std::string from;
    std::string to;
};

struct DiscussionRecord {
    int num = 0;
    std::string title;
    std::string status = "open"; ///< open, closed, merged, draft
    bool isPullRequest = false;
    std::string author;
    int64_t createdAt = 0;
    std::string baseRef = "refs/heads/main"; ///< pull requests: the branch it merges into
    std::string baseCommit;                  ///< pull requests: the target's commit it started from
    std::string mergeCommitId;
    std::vector<ConversationEvent> events;

    /// The next event, its id and date filled in.
    ConversationEvent &addEvent(const std::string &repoKey, std::string type, std::string by, int64_t date);
    int commentCount() const;
};

/// All discussions of all repos, loaded lazily per repo.
class DiscussionStore {
public:
    /// The discussions of `repo` by number (loaded on first use; a file written for an earlier
    /// repo of the same name, with another `_id`, is ignored).
    std::map<int, DiscussionRecord> &of(const Store &store, const RepoState &repo);
    Status save(const Store &store, const RepoState &repo);
    /// The number a new discussion or pull request gets: discussions and pull requests share one
    /// sequence, as on the Hub.
    int nextNumber(const Store &store, const RepoState &repo);

private:
    std::map<std::string, std::map<int, DiscussionRecord>> m_repos;
};

} // namespace hub::sandbox
