#pragma once
// Discussions and pull requests of a repo: the typed results of the Hub's discussions API
// (huggingface_hub's Discussion, DiscussionWithDetails and the DiscussionEvent kinds), and
// their wire parsers. Parsers never throw: unknown fields are ignored, unknown event types are
// kept as Type::Other, a missing required field is a BadResponse error.

#include "hub/core/expected.h"
#include "hub/core/types.h"

#include <string>
#include <string_view>
#include <vector>

namespace hub {

/// One entry of a conversation.
struct DiscussionEvent {
    enum class Type { Comment, StatusChange, TitleChange, Commit, Other };
    Type type = Type::Other;
    std::string typeName; ///< as sent: comment, status-change, title-change, commit, ...
    std::string id;
    std::string author; ///< "deleted" when the account is gone, as huggingface_hub says
    std::string createdAt;
    // Comment
    std::string content; ///< Markdown source (empty once hidden)
    std::string html;
    bool edited = false;
    bool hidden = false;
    int numEdits = 0;
    // StatusChange: open, closed, merged, draft
    std::string newStatus;
    // Commit pushed to the pull request
    std::string commitOid;
    std::string commitSummary;
    // TitleChange
    std::string oldTitle;
    std::string newTitle;
};

/// A discussion or pull request as listed.
struct Discussion {
    int num = 0;
    std::string title;
    std::string status; ///< open, closed, merged, draft
    bool isPullRequest = false;
    std::string author;
    std::string createdAt;
    std::string repoId;
    RepoType repoType = RepoType::Model;
    int numComments = -1; ///< -1 when the server did not say

    /// refs/pr/N for a pull request, empty for a discussion.
    std::string gitReference() const { return isPullRequest ? "refs/pr/" + std::to_string(num) : std::string(); }
    bool isOpen() const { return status == "open" || status == "draft"; }
};

/// One discussion with its whole conversation; for a pull request also what it merges.
struct DiscussionDetails : Discussion {
    std::vector<DiscussionEvent> events;
    /// Files changed both in the pull request and on its target branch since it was opened.
    std::vector<std::string> conflictingFiles;
    /// The Hub answered `filesWithConflicts: true` (conflicts, without the list).
    bool conflictsUnlisted = false;
    std::string targetBranch; ///< e.g. refs/heads/main
    std::string mergeCommitId;
    std::string diff; ///< unified diff of the pull request (when asked for)

    bool hasConflicts() const { return conflictsUnlisted || !conflictingFiles.empty(); }
    /// The target as a branch name ("main" for refs/heads/main).
    std::string targetBranchName() const;
    /// The oid of the first commit pushed to the pull request, empty when none was.
    std::string firstCommitOid() const;
};

/// One page of GET /api/{type}s/{id}/discussions.
struct DiscussionPage {
    std::vector<Discussion> items;
    size_t count = 0; ///< matching discussions in total
    size_t start = 0; ///< index of the first item of this page
};

struct DiscussionQuery {
    std::string type = "all";   ///< all, discussion, pull_request
    std::string status = "all"; ///< all, open, closed (closed includes merged)
    std::string author;
    size_t limit = 0; ///< total wanted (0 = all)
};

Expected<DiscussionPage> parseDiscussionPage(std::string_view body);
Expected<DiscussionDetails> parseDiscussionDetails(std::string_view body);
/// The event in an action's answer: {"newMessage"|"newTitle"|"newStatus"|"updatedComment": {...}}.
Expected<DiscussionEvent> parseDiscussionEventAnswer(std::string_view body, const char *key);
/// The conflicting files a refused merge names ({"filesWithConflicts": [...]}), empty when none.
std::vector<std::string> parseConflictingFiles(std::string_view body);

} // namespace hub
