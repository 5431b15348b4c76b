#pragma once
// What the Hub answers, as plain structs (one per endpoint answer). Parsed in hub/api/parse.h.

#include "hub/core/types.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hub {

/// GET /api/whoami-v2
struct WhoAmI {
    struct Org {
        std::string name;
        std::string fullname;
    };
    std::string type; // "user", "org", "app"
    std::string id;
    std::string name;
    std::string fullname;
    std::string email;
    std::string avatarUrl;
    bool isPro = false;
    std::vector<Org> orgs;
    std::string tokenName; // auth.accessToken.displayName
    std::string tokenRole; // auth.accessToken.role: read, write, fineGrained, ...
};

/// One item of GET /api/{models,datasets,spaces}.
struct RepoSummary {
    std::string mongoId; // _id
    std::string id;      // "owner/name"
    RepoType type = RepoType::Model;
    std::string author;
    bool isPrivate = false;
    std::string gated; // "", "auto", "manual" ("" = not gated)
    uint64_t downloads = 0;
    uint64_t likes = 0;
    std::vector<std::string> tags;
    std::string pipelineTag;
    std::string libraryName;
    std::string sdk; // spaces
    std::string createdAt;
    std::string lastModified;
    std::string sha;
};

struct LfsInfo {
    std::string oid; // sha256 (tree: lfs.oid, repo info: lfs.sha256)
    uint64_t size = 0;
    uint64_t pointerSize = 0;
};

/// A file of a repo as listed by repo info (siblings); size/blobId/lfs only with blobs=true.
struct RepoSibling {
    std::string path; // rfilename
    std::optional<uint64_t> size;
    std::string blobId;
    std::optional<LfsInfo> lfs;
};

/// GET /api/{type}s/{id}[/revision/{rev}]
struct RepoInfo {
    std::string mongoId;
    std::string id;
    RepoType type = RepoType::Model;
    std::string author;
    std::string sha; // commit the revision resolved to (required)
    bool isPrivate = false;
    bool disabled = false;
    std::string gated; // "", "auto", "manual"
    uint64_t downloads = 0;
    uint64_t likes = 0;
    std::vector<std::string> tags;
    std::string pipelineTag;
    std::string libraryName;
    std::string sdk;
    std::string createdAt;
    std::string lastModified;
    std::optional<uint64_t> usedStorage;
    std::string cardLicense; // cardData.license when a string
    std::vector<RepoSibling> siblings;
};

struct GitRef {
    std::string name;         // "main", "v1.0", "1" (PR number)
    std::string ref;          // "refs/heads/main"
    std::string targetCommit; // 40 hex
};

/// GET /api/{type}s/{id}/refs[?include_prs=1]
struct Refs {
    std::vector<GitRef> branches;
    std::vector<GitRef> tags;
    std::vector<GitRef> converts;
    std::vector<GitRef> pullRequests;
};

/// One item of GET /api/{type}s/{id}/commits/{rev}
struct CommitInfo {
    std::string id;
    std::string title;
    std::string message;
    std::vector<std::string> authors; // user names
    std::string date;                 // ISO-8601 UTC
};

/// A page of commits with the X-Total-Count header.
struct CommitPage {
    std::vector<CommitInfo> commits;
    std::optional<uint64_t> total;
    std::string nextUrl; // empty on the last page
};

struct LastCommit {
    std::string id;
    std::string title;
    std::string date;
};

/// One entry of tree / paths-info.
struct TreeEntry {
    enum class Type { File, Directory, Unknown };
    Type type = Type::File;
    std::string path;
    std::string oid; // git blob/tree SHA-1 (of the pointer for LFS files)
    uint64_t size = 0;
    std::optional<LfsInfo> lfs;
    std::string xetHash;
    std::optional<LastCommit> lastCommit;

    bool isDirectory() const { return type == Type::Directory; }
    /// The content id the cache uses: lfs.oid for LFS files, else the git oid.
    const std::string &contentId() const { return lfs ? lfs->oid : oid; }
};

/// What HEAD on resolve tells (huggingface_hub get_hf_file_metadata).
struct FileMetadata {
    std::string commit;   // X-Repo-Commit
    std::string etag;     // X-Linked-Etag or ETag, without W/ and quotes
    uint64_t size = 0;    // X-Linked-Size, else Content-Length of a non-redirect answer
    std::string location; // where the bytes are: the Location of a redirect, else the final URL
    bool isLfs = false;   // etag is a SHA-256 (64 hex) / X-Linked-Etag was sent
    std::string xetHash;  // X-Xet-Hash, informational
    /// True when `location` is on another origin than the Hub (signed CDN URL: no token).
    bool locationIsCrossOrigin = false;
};

/// One changed file between two revisions.
struct FileChange {
    enum class Status { Added, Modified, Deleted, Renamed, TypeChanged };
    Status status = Status::Modified;
    std::string path;
    std::string oldPath; // renames
    std::string oldOid;  // content ids (lfs sha256 or git oid) when known
    std::string newOid;
    std::optional<uint64_t> oldSize;
    std::optional<uint64_t> newSize;
};
char fileChangeLetter(FileChange::Status status); // A M D R T

struct CompareResult {
    std::string base;
    std::string head;
    std::vector<FileChange> changes; // sorted by path
    /// True when the server's compare endpoint answered; false when computed from two trees.
    bool fromServer = false;
};

/// POST /api/repos/create answer.
struct CreateRepoResult {
    std::string url;
    std::string id;      // "owner/name"
    std::string mongoId; // id in the answer
};

enum class UploadMode { Regular, Lfs };

struct PreuploadFile {
    std::string path;
    UploadMode uploadMode = UploadMode::Regular;
    bool shouldIgnore = false;
    std::string oid; // remote object id when the path exists (sha1 or sha256)
};

/// POST /api/{type}s/{id}/preupload/{rev}
struct PreuploadResult {
    std::vector<PreuploadFile> files;
    std::string commitOid;
};

struct LfsAction {
    std::string href;
    std::map<std::string, std::string> header;
    std::string expiresAt;
};

struct LfsBatchObject {
    std::string oid;
    uint64_t size = 0;
    std::optional<LfsAction> upload; // absent: already stored
    std::optional<LfsAction> verify;
    int errorCode = 0; // error.code, 0 when none
    std::string errorMessage;
    /// Multipart (transfer "multipart"): chunk size and part URLs in order (00001, 00002, ...);
    /// upload->href is then the completion URL.
    uint64_t chunkSize = 0;
    std::vector<std::string> partUrls;
    bool isMultipart() const { return !partUrls.empty(); }
};

/// POST {prefix}{id}.git/info/lfs/objects/batch
struct LfsBatchResult {
    std::string transfer; // "basic" (default), "multipart", "xet"
    std::vector<LfsBatchObject> objects;
};

/// POST /api/{type}s/{id}/commit/{rev}
struct CommitResult {
    std::string commitOid;
    std::string commitUrl;
    std::string pullRequestUrl; // with create_pr
    std::string hookOutput;
};

} // namespace hub
