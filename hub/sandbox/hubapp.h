#pragma once
// The Hub's behaviour behind the HTTP server: access rules, routes, and the store they act on.
// Internal to hub/sandbox; server.cpp feeds it requests from the HTTP library.

#include "hub/sandbox/discussions.h"
#include "hub/sandbox/http.h"
#include "hub/sandbox/server.h"
#include "hub/sandbox/store.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <mutex>

namespace hub::sandbox {

struct Caller {
    std::string user; ///< empty = anonymous
    bool write = false;
    bool badToken = false;
};

/// One operation of a commit, already validated.
struct Operation {
    enum class Kind { Regular, Lfs, Delete, DeleteFolder };
    Kind kind = Kind::Regular;
    std::string path;
    std::string content; ///< Regular
    std::string lfsOid;  ///< Lfs
    uint64_t size = 0;   ///< Lfs
    std::string oldPath; ///< rename: delete this path first
};

class HubApp {
public:
    HubApp(ServerOptions options, std::filesystem::path dataDir);

    Status init(); ///< loads the state, seeds the demo world
    void setOrigin(const std::string &origin, const std::string &blobOrigin);

    HttpResponse handle(HttpRequest &req);

    bool blobHostSawAuthorization() const { return m_blobAuth.load(); }
    void resetBlobHostSawAuthorization() { m_blobAuth = false; }
    void noteBlobHostAuthorization() { m_blobAuth = true; }
    Status grantGatedAccess(const std::string &type, const std::string &repoId, const std::string &user);
    Expected<std::string> branchHead(const std::string &type, const std::string &repoId, const std::string &branch);

    /// Applies `ops` on top of `parent` and stores the new commit; returns its id.
    Expected<std::string> commitOperations(const std::string &parent, const std::vector<Operation> &ops,
                                           const std::string &author, int64_t date, const std::string &title,
                                           const std::string &message);
    Store &store() { return m_store; }
    const ServerOptions &options() const { return m_options; }

    // Routes (hubapp_read.cpp, hubapp_write.cpp)
    HttpResponse whoami(const HttpRequest &req, const Caller &c);
    HttpResponse listRepos(const HttpRequest &req, const Caller &c, RepoType type);
    HttpResponse repoInfo(const HttpRequest &req, const Caller &c, RepoState &repo, const std::string &rev);
    HttpResponse refs(const HttpRequest &req, RepoState &repo);
    HttpResponse commits(const HttpRequest &req, RepoState &repo, const std::string &rev);
    HttpResponse tree(const HttpRequest &req, RepoState &repo, const std::string &rev, const std::string &path);
    HttpResponse pathsInfo(const HttpRequest &req, RepoState &repo, const std::string &rev);
    HttpResponse compare(const HttpRequest &req, RepoState &repo, const std::string &spec);
    HttpResponse treeSize(RepoState &repo, const std::string &rev, const std::string &path);
    HttpResponse resolveFile(const HttpRequest &req, const Caller &c, RepoState &repo, const std::string &rev,
                             const std::string &path, bool raw, bool fromCache);
    HttpResponse serveLfsBlob(const HttpRequest &req, const std::string &oid);
    /// xetEra: GET /api/<type>s/<repo>/xet-read-token/<rev>, like the Hub (recorded-hub/
    /// models.xet-read-token.json): a made-up access token that expires in an hour, with the CAS URL.
    HttpResponse xetReadToken(const Caller &c, RepoState &repo, const std::string &rev);
    /// 401/403 GatedRepo when `c` may not read the files of a gated repo, else nullopt.
    std::optional<HttpResponse> gatedRefusal(const Caller &c, const RepoState &repo) const;

    HttpResponse createRepo(const HttpRequest &req, const Caller &c);
    HttpResponse deleteRepo(const HttpRequest &req, const Caller &c);
    HttpResponse settings(const HttpRequest &req, RepoState &repo);
    HttpResponse createBranch(const HttpRequest &req, RepoState &repo, const std::string &name);
    HttpResponse deleteBranch(RepoState &repo, const std::string &name);
    HttpResponse createTag(const HttpRequest &req, RepoState &repo, const std::string &rev);
    HttpResponse deleteTag(RepoState &repo, const std::string &name);
    HttpResponse preupload(const HttpRequest &req, RepoState &repo, const std::string &rev);
    HttpResponse lfsBatch(const HttpRequest &req, const Caller &c, RepoState &repo);
    /// xetOnlyUploads: the batch answer of a repo that takes uploads only through Xet.
    HttpResponse xetUploadBatch(const RepoState &repo, const nlohmann::json &objects);
    HttpResponse lfsUpload(const HttpRequest &req, const std::string &oid);
    HttpResponse lfsComplete(const HttpRequest &req, const std::string &oid);
    HttpResponse commit(const HttpRequest &req, const Caller &c, RepoState &repo, const std::string &rev);
    HttpResponse validateYaml(const HttpRequest &req);

    // Discussions and pull requests (hubapp_discussions.cpp). `at` indexes the segment after
    // ".../discussions".
    HttpResponse discussions(HttpRequest &req, const Caller &c, RepoState &repo, size_t at);
    /// A commit landed on refs/pr/`num` on top of `baseCommit`: opens the pull request when it is
    /// new (title and description from the commit) and records the commit event.
    void notePullRequestCommit(RepoState &repo, int num, const std::string &baseCommit, const Commit &commit,
                               const std::string &description);
    /// Pushing to a closed or merged pull request is refused.
    std::optional<HttpResponse> refusePullRequestPush(RepoState &repo, int num);
    int nextDiscussionNumber(const RepoState &repo);
    DiscussionRecord *findDiscussion(RepoState &repo, int num);
    DiscussionStore &discussionStore() { return m_discussions; }

    // Shared helpers
    std::string origin() const { return m_origin; }
    std::string repoUrl(const RepoState &repo) const; ///< origin + "/" + prefix + id
    /// Signed URLs look like the Hub's CloudFront ones: Expires, Policy (JSON: DateLessThan and,
    /// when bound, ByteRange "first-last"), Signature over purpose, oid and the policy text,
    /// Key-Pair-Id. "get" URLs live options().signedUrlLifetimeSeconds, upload URLs a day.
    std::string sign(const std::string &purpose, const std::string &oid, const std::string &policy) const;
    enum class UrlCheck { Ok, Invalid, Expired, WrongRange };
    UrlCheck checkSignedUrl(const HttpRequest &req, const std::string &purpose, const std::string &oid) const;
    bool checkSignature(const HttpRequest &req, const std::string &purpose, const std::string &oid) const
    {
        return checkSignedUrl(req, purpose, oid) == UrlCheck::Ok;
    }
    std::string signedQuery(const std::string &purpose, const std::string &oid,
                            const std::string &byteRange = {}) const;
    /// The X-Xet-Hash the sandbox gives an LFS object in xetEra mode (deterministic, not a real
    /// Xet Merkle hash: the sandbox serves no Xet protocol).
    static std::string xetHashOf(const std::string &lfsOid);
    SignedUrlRefusals signedUrlRefusals() const
    {
        return {m_refusedExpired.load(), m_refusedRange.load(), m_refusedInvalid.load()};
    }
    std::vector<std::string> lastBatchTransfers()
    {
        std::lock_guard lock(m_mutex);
        return m_lastBatchTransfers;
    }
    uint64_t lfsUploadRequests() const { return m_lfsUploads.load(); }
    nlohmann::json treeEntry(const RepoState &repo, const std::string &commitId, const std::string &path, bool expand,
                             const Commit *lastCommit);
    bool canRead(const RepoState &repo, const Caller &c) const;
    bool canWrite(const std::string &ns, const Caller &c) const;

private:
    HttpResponse route(HttpRequest &req, const Caller &c);
    HttpResponse routeRepoApi(HttpRequest &req, const Caller &c, RepoType type, size_t at);
    HttpResponse routeFile(HttpRequest &req, const Caller &c, RepoType type, size_t at);
    Caller identify(const HttpRequest &req) const;
    HttpResponse listDiscussions(const HttpRequest &req, RepoState &repo);
    HttpResponse discussionDetails(const HttpRequest &req, RepoState &repo, DiscussionRecord &d);
    HttpResponse createDiscussion(const HttpRequest &req, const Caller &c, RepoState &repo);
    HttpResponse commentDiscussion(const Caller &c, RepoState &repo, DiscussionRecord &d, const nlohmann::json &body);
    HttpResponse editDiscussionComment(const Caller &c, RepoState &repo, DiscussionRecord &d, const std::string &id,
                                       bool hide, const nlohmann::json &body);
    HttpResponse renameDiscussion(const Caller &c, RepoState &repo, DiscussionRecord &d, const nlohmann::json &body);
    HttpResponse changeDiscussionStatus(const Caller &c, RepoState &repo, DiscussionRecord &d,
                                        const nlohmann::json &body);
    HttpResponse mergePullRequest(const Caller &c, RepoState &repo, DiscussionRecord &d, const nlohmann::json &body);
    nlohmann::json discussionJson(const RepoState &repo, const DiscussionRecord &d) const;
    std::vector<std::string> conflictingFiles(const RepoState &repo, const DiscussionRecord &d);
    std::string pullRequestDiff(const RepoState &repo, const DiscussionRecord &d);

    ServerOptions m_options;
    Store m_store;
    DiscussionStore m_discussions;
    std::map<std::string, TokenGrant> m_tokens;
    std::string m_origin;
    std::string m_blobOrigin;
    std::string m_secret;
    std::atomic<bool> m_blobAuth{false};
    std::atomic<uint64_t> m_refusedExpired{0};
    std::atomic<uint64_t> m_refusedRange{0};
    std::atomic<uint64_t> m_refusedInvalid{0};
    std::atomic<uint64_t> m_lfsUploads{0};
    std::vector<std::string> m_lastBatchTransfers; ///< guarded by m_mutex
    std::mutex m_mutex;                            ///< guards the store (LFS streaming happens outside it)
};

// Error helpers (Hub error shape: X-Error-Code, X-Error-Message, {"error": ...}).
HttpResponse errorResponse(int status, const std::string &message, const std::string &code = {});
HttpResponse repoNotFound();
HttpResponse revisionNotFound(const std::string &rev);
nlohmann::json commitJson(const Commit &c);

/// Seeds the demo world into `app` (demo_world.cpp).
Status seedDemoWorld(HubApp &app);
/// The demo world's conversations (demo_discussions.cpp): events at fixed dates, so their ids and
/// order are the same on every start.
void demoComment(HubApp &app, RepoState &repo, int num, const std::string &author, int64_t date,
                 const std::string &text);
void demoStatus(HubApp &app, RepoState &repo, int num, const std::string &author, int64_t date,
                const std::string &status, const std::string &mergeCommit);
void demoDiscussion(HubApp &app, RepoState &repo, int num, const std::string &title, const std::string &author,
                    int64_t date, const std::string &text);
/// Writes `size` deterministic pseudo-random bytes for `seed` into LFS storage (reused when
/// already generated) and returns their SHA-256.
Expected<std::string> generateLfsObject(Store &store, const std::string &seed, uint64_t size,
                                        const std::string &prefix = {});

} // namespace hub::sandbox
