#pragma once
// HubClient: every Hub API call the app makes, as typed requests and results.

#include "hub/api/config.h"
#include "hub/api/discussions.h"
#include "hub/api/http.h"
#include "hub/api/pager.h"
#include "hub/api/types.h"
#include "hub/core/expected.h"
#include "hub/core/types.h"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hub {

struct ListReposQuery {
    RepoType type = RepoType::Model;
    std::string author;
    std::string search;
    std::string sort; // createdAt, downloads, lastModified, likes, trendingScore
    /// Total items wanted (0 = all) and page size asked from the server (0 = server default).
    size_t limit = 0;
    size_t pageSize = 0;
    /// expand[] properties; empty = the server's default item.
    std::vector<std::string> expand;
    bool full = false;
};

struct TreeQuery {
    std::string revision = "main";
    std::string path; // folder inside the repo, "" = root
    bool recursive = false;
    bool expand = false; // lastCommit per entry (server pages are smaller)
    size_t limit = 0;    // total entries wanted (0 = all)
};

struct CreateRepoOptions {
    bool isPrivate = false;
    std::string sdk; // spaces: gradio, docker, static, streamlit
    /// A 409 "already exists" is success (the existing repo's URL is returned).
    bool existOk = false;
};

/// One operation of a commit (NDJSON line).
struct CommitOperation {
    enum class Kind { AddFile, AddLfsFile, DeleteFile, DeleteFolder };
    Kind kind = Kind::AddFile;
    std::string path;
    std::string content;  // AddFile: the bytes (sent base64)
    std::string lfsOid;   // AddLfsFile: sha256 of the content, already in LFS storage
    uint64_t lfsSize = 0; // AddLfsFile

    static CommitOperation addFile(std::string path, std::string content);
    static CommitOperation addLfsFile(std::string path, std::string sha256, uint64_t size);
    static CommitOperation deleteFile(std::string path);
    static CommitOperation deleteFolder(std::string path);
};

struct CommitRequest {
    std::string revision = "main";
    std::string summary;
    std::string description;
    std::string parentCommit; // optional: reject if the branch moved (412 PreconditionFailed)
    bool createPr = false;
    std::vector<CommitOperation> operations;
};

/// One file announced to preupload.
struct PreuploadRequestFile {
    std::string path;
    uint64_t size = 0;
    std::string sample; // first 512 bytes (sent base64)
};

struct LfsBatchRequestObject {
    std::string oid; // sha256 hex
    uint64_t size = 0;
};

/// The Hub API, one method per endpoint. Each call is synchronous and returns a value or a
/// HubError with a plain-language message. Thread-safety: calls on one instance are serialised
/// (one HttpClient inside); use one HubClient per worker thread for parallelism. Pagers hold a
/// pointer to the client, which must outlive them.
class HubClient {
public:
    explicit HubClient(ClientConfig config);
    ~HubClient();
    HubClient(const HubClient &) = delete;
    HubClient &operator=(const HubClient &) = delete;

    const ClientConfig &config() const;
    HttpClient &http() { return *m_http; }
    void setCancelFlag(std::shared_ptr<const std::atomic<bool>> flag);
    void setToken(std::string token);

    // --- identity
    Expected<WhoAmI> whoami();

    // --- listing and info
    Pager<RepoSummary> listRepos(const ListReposQuery &query);
    /// Revision empty: the default branch (GET /api/{type}s/{id}); blobs: sizes and LFS info
    /// per sibling.
    Expected<RepoInfo> repoInfo(const RepoRef &repo, const std::string &revision = {}, bool blobs = false);
    Expected<Refs> refs(const RepoRef &repo, bool includePullRequests = false);

    // --- history
    /// Newest first; `pageSize` 0 = server default (50); `limit` total wanted (0 = all).
    Pager<CommitInfo> listCommits(const RepoRef &repo, const std::string &revision, size_t pageSize = 0,
                                  size_t limit = 0);
    /// One page by number (0-based `p`) with X-Total-Count.
    Expected<CommitPage> commitsPage(const RepoRef &repo, const std::string &revision, size_t page, size_t pageSize);

    // --- files
    Pager<TreeEntry> listTree(const RepoRef &repo, const TreeQuery &query);
    /// Convenience: the whole (recursive) tree in one vector.
    Expected<std::vector<TreeEntry>> tree(const RepoRef &repo, const TreeQuery &query);
    /// Bytes of every file at or below folder `path` ("" = the whole revision), from the Hub's
    /// treesize route, without listing the folder.
    Expected<uint64_t> folderSize(const RepoRef &repo, const std::string &revision, const std::string &path);
    /// Entries for the given paths (missing ones are left out). Sent in chunks of 500.
    Expected<std::vector<TreeEntry>> pathsInfo(const RepoRef &repo, const std::string &revision,
                                               const std::vector<std::string> &paths, bool expand = false);
    /// Files that differ between two revisions: the compare endpoint, or, when the server has
    /// none (404/501), a diff of the two recursive trees.
    Expected<CompareResult> compare(const RepoRef &repo, const std::string &base, const std::string &head);
    /// HEAD on resolve like huggingface_hub (relative redirects followed, absolute ones reported).
    Expected<FileMetadata> fileMetadata(const RepoRef &repo, const std::string &revision, const std::string &path);
    /// Downloads a small file into memory (README, config), following the LFS redirect without
    /// sending the token to another host. Larger than maxBytes -> TooLarge.
    Expected<std::string> fetchSmallFile(const RepoRef &repo, const std::string &revision, const std::string &path,
                                         size_t maxBytes = size_t{10} << 20);
    /// Bytes [offset, offset + length) of a file (HTTP Range, through the LFS redirect like
    /// fetchSmallFile), and the size of the whole file. A server that ignores Range (200) is
    /// read only up to the range's end. length is at most 64 MiB.
    struct RangeAnswer {
        std::string bytes;
        uint64_t fileSize = 0;
    };
    Expected<RangeAnswer> fetchRange(const RepoRef &repo, const std::string &revision, const std::string &path,
                                     uint64_t offset, size_t length);

    // --- repo management
    Expected<CreateRepoResult> createRepo(const RepoRef &repo, const CreateRepoOptions &options = {});
    Status deleteRepo(const RepoRef &repo);
    Status createBranch(const RepoRef &repo, const std::string &branch, const std::string &startingPoint = {});
    Status deleteBranch(const RepoRef &repo, const std::string &branch);
    /// Tags `revision` (a branch or commit) as `tag`.
    Status createTag(const RepoRef &repo, const std::string &revision, const std::string &tag,
                     const std::string &message = {});
    Status deleteTag(const RepoRef &repo, const std::string &tag);

    // --- upload protocol
    Expected<PreuploadResult> preupload(const RepoRef &repo, const std::string &revision,
                                        const std::vector<PreuploadRequestFile> &files, bool createPr = false);
    /// Git-LFS batch for uploads, offering basic and multipart. `refName` empty when opening a PR.
    Expected<LfsBatchResult> lfsBatch(const RepoRef &repo, const std::vector<LfsBatchRequestObject> &objects,
                                      const std::string &refName = "main");
    /// Creates a commit (never retried: a POST that may have been applied).
    Expected<CommitResult> commit(const RepoRef &repo, const CommitRequest &request);

    // --- discussions and pull requests (client_discussions.cpp)
    /// Newest first, paged like huggingface_hub (`p`, `count`, `start`).
    Pager<Discussion> listDiscussions(const RepoRef &repo, const DiscussionQuery &query = {});
    /// One discussion with its events; `diff` asks for a pull request's unified diff too.
    Expected<DiscussionDetails> discussionDetails(const RepoRef &repo, int num, bool diff = true);
    /// Opens a discussion, or with `pullRequest` an empty (draft) pull request to push commits to
    /// at refs/pr/N; returns it as the Hub now shows it.
    Expected<DiscussionDetails> createDiscussion(const RepoRef &repo, const std::string &title,
                                                 const std::string &description, bool pullRequest = false);
    Expected<DiscussionEvent> commentDiscussion(const RepoRef &repo, int num, const std::string &comment);
    Expected<DiscussionEvent> editDiscussionComment(const RepoRef &repo, int num, const std::string &commentId,
                                                    const std::string &content);
    /// Hiding cannot be undone: the comment's text is gone for everyone.
    Expected<DiscussionEvent> hideDiscussionComment(const RepoRef &repo, int num, const std::string &commentId);
    Expected<DiscussionEvent> renameDiscussion(const RepoRef &repo, int num, const std::string &title);
    /// `status` is "open" (reopen) or "closed"; `comment` is posted with it when not empty.
    Expected<DiscussionEvent> changeDiscussionStatus(const RepoRef &repo, int num, const std::string &status,
                                                     const std::string &comment = {});
    /// Merges pull request `num` into its target branch. A conflict is ErrorCode::Conflict naming
    /// the files (also in HubError::subject, comma-separated).
    Status mergePullRequest(const RepoRef &repo, int num, const std::string &comment = {});
    /// The commit a pull request started from, which the Hub does not send: the parent of the
    /// first commit pushed to refs/pr/N, found in that ref's history. Empty when that commit is
    /// the repo's first one (everything counts as added); the PR's head when nothing was pushed.
    Expected<std::string> pullRequestBase(const RepoRef &repo, const DiscussionDetails &pr);

    // --- URLs (no request)
    std::string resolveUrl(const RepoRef &repo, const std::string &revision, const std::string &path) const;

private:
    HttpRequest makeRequest(HttpMethod method, std::string url, const RepoRef *repo = nullptr) const;
    Expected<HttpResponse> send(const HttpRequest &request);
    Expected<HttpResponse> sendDiscussionAction(const RepoRef &repo, int num, const std::string &resource,
                                                const std::string &body, const std::string &action);

    std::unique_ptr<HttpClient> m_http;
};

/// Builds the NDJSON body of a commit (exposed for tests and the transfer engine).
std::string buildCommitPayload(const CommitRequest &request);

} // namespace hub
