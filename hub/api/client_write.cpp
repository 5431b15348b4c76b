// HubClient: the write calls (repos, branches, tags) and the upload protocol (preupload, LFS batch, commit).
#include "hub/api/client.h"

#include "hub/api/parse.h"
#include "hub/api/urls.h"
#include "hub/core/strings.h"

#include <nlohmann/json.hpp>

namespace hub {

using json = nlohmann::json;

namespace {

std::string base64(std::string_view in)
{
    static const char *tbl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const uint32_t v = (static_cast<uint32_t>(static_cast<unsigned char>(in[i])) << 16) |
                           (static_cast<uint32_t>(static_cast<unsigned char>(in[i + 1])) << 8) |
                           static_cast<unsigned char>(in[i + 2]);
        out += tbl[(v >> 18) & 63];
        out += tbl[(v >> 12) & 63];
        out += tbl[(v >> 6) & 63];
        out += tbl[v & 63];
    }
    if (i < in.size()) {
        uint32_t v = static_cast<uint32_t>(static_cast<unsigned char>(in[i])) << 16;
        if (i + 1 < in.size())
            v |= static_cast<uint32_t>(static_cast<unsigned char>(in[i + 1])) << 8;
        out += tbl[(v >> 18) & 63];
        out += tbl[(v >> 12) & 63];
        out += i + 1 < in.size() ? tbl[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string dumpJson(const json &j)
{
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace

// ---------------------------------------------------------------- CommitOperation

CommitOperation CommitOperation::addFile(std::string path, std::string content)
{
    CommitOperation op;
    op.kind = Kind::AddFile;
    op.path = std::move(path);
    op.content = std::move(content);
    return op;
}

CommitOperation CommitOperation::addLfsFile(std::string path, std::string sha256, uint64_t size)
{
    CommitOperation op;
    op.kind = Kind::AddLfsFile;
    op.path = std::move(path);
    op.lfsOid = std::move(sha256);
    op.lfsSize = size;
    return op;
}

CommitOperation CommitOperation::deleteFile(std::string path)
{
    CommitOperation op;
    op.kind = Kind::DeleteFile;
    op.path = std::move(path);
    return op;
}

CommitOperation CommitOperation::deleteFolder(std::string path)
{
    CommitOperation op;
    op.kind = Kind::DeleteFolder;
    op.path = std::move(path);
    return op;
}

std::string buildCommitPayload(const CommitRequest &request)
{
    std::string out;
    json header = {{"summary", request.summary}, {"description", request.description}};
    if (!request.parentCommit.empty())
        header["parentCommit"] = request.parentCommit;
    out += dumpJson(json{{"key", "header"}, {"value", header}}) + "\n";
    for (const auto &op : request.operations) {
        json line;
        switch (op.kind) {
        case CommitOperation::Kind::AddFile:
            line = {{"key", "file"},
                    {"value", {{"path", op.path}, {"content", base64(op.content)}, {"encoding", "base64"}}}};
            break;
        case CommitOperation::Kind::AddLfsFile:
            line = {{"key", "lfsFile"},
                    {"value", {{"path", op.path}, {"algo", "sha256"}, {"oid", op.lfsOid}, {"size", op.lfsSize}}}};
            break;
        case CommitOperation::Kind::DeleteFile: line = {{"key", "deletedFile"}, {"value", {{"path", op.path}}}}; break;
        case CommitOperation::Kind::DeleteFolder:
            line = {{"key", "deletedFolder"}, {"value", {{"path", endsWith(op.path, "/") ? op.path : op.path + "/"}}}};
            break;
        }
        out += dumpJson(line) + "\n";
    }
    return out;
}

// ---------------------------------------------------------------- repo management

Expected<CreateRepoResult> HubClient::createRepo(const RepoRef &repo, const CreateRepoOptions &options)
{
    json body = {
        {"name", repo.id.name()}, {"type", std::string(repoTypeName(repo.type))}, {"private", options.isPrivate}};
    body["organization"] = repo.id.ns().empty() ? json(nullptr) : json(repo.id.ns());
    if (!options.sdk.empty())
        body["sdk"] = options.sdk;
    else if (repo.type == RepoType::Space)
        return HubError::make(ErrorCode::InvalidArgument,
                              "A Space needs an SDK: choose gradio, docker, static or streamlit.");
    HttpRequest req = makeRequest(HttpMethod::Post, config().endpoint + "/api/repos/create", &repo);
    req.body = dumpJson(body);
    req.failOnHttpError = false;
    auto r = send(req);
    if (!r)
        return r.error();
    if (r->status == 409 && options.existOk) {
        CreateRepoResult existing;
        existing.id = repo.id.str();
        existing.url = repoWebUrl(config().endpoint, repo);
        return existing;
    }
    if (r->status >= 400) {
        HubError e = mapHttpError(req, *r, !config().token.empty());
        if (r->status == 409)
            e.message = "The " + std::string(repoTypeName(repo.type)) + " " + repo.id.str() +
                        " already exists: pick another name, or open the existing one.";
        return e;
    }
    auto res = parseCreateRepo(r->body);
    if (res && res->id.empty())
        res->id = repo.id.str();
    return res;
}

Status HubClient::deleteRepo(const RepoRef &repo)
{
    json body = {{"name", repo.id.name()}, {"type", std::string(repoTypeName(repo.type))}};
    body["organization"] = repo.id.ns().empty() ? json(nullptr) : json(repo.id.ns());
    HttpRequest req = makeRequest(HttpMethod::Delete, config().endpoint + "/api/repos/delete", &repo);
    req.body = dumpJson(body);
    req.headers.set("Content-Type", "application/json");
    req.retry = false;
    auto r = send(req);
    if (!r)
        return r.error();
    return {};
}

Status HubClient::createBranch(const RepoRef &repo, const std::string &branch, const std::string &startingPoint)
{
    json body = json::object();
    if (!startingPoint.empty())
        body["startingPoint"] = startingPoint;
    HttpRequest req =
        makeRequest(HttpMethod::Post, apiRepoUrl(config().endpoint, repo) + "/branch/" + encodeRevision(branch), &repo);
    req.body = dumpJson(body);
    req.revision = startingPoint;
    auto r = send(req);
    if (!r) {
        if (r.error().code == ErrorCode::Conflict) {
            HubError e = r.error();
            e.message = "A branch named \"" + branch + "\" already exists: pick another name.";
            return e;
        }
        return r.error();
    }
    return {};
}

Status HubClient::deleteBranch(const RepoRef &repo, const std::string &branch)
{
    HttpRequest req = makeRequest(HttpMethod::Delete,
                                  apiRepoUrl(config().endpoint, repo) + "/branch/" + encodeRevision(branch), &repo);
    req.revision = branch;
    req.retry = false;
    auto r = send(req);
    if (!r)
        return r.error();
    return {};
}

Status HubClient::createTag(const RepoRef &repo, const std::string &revision, const std::string &tag,
                            const std::string &message)
{
    json body = {{"tag", tag}};
    if (!message.empty())
        body["message"] = message;
    HttpRequest req =
        makeRequest(HttpMethod::Post, apiRepoUrl(config().endpoint, repo) + "/tag/" + encodeRevision(revision), &repo);
    req.body = dumpJson(body);
    req.revision = revision;
    auto r = send(req);
    if (!r) {
        if (r.error().code == ErrorCode::Conflict) {
            HubError e = r.error();
            e.message = "A tag named \"" + tag + "\" already exists: pick another name.";
            return e;
        }
        return r.error();
    }
    return {};
}

Status HubClient::deleteTag(const RepoRef &repo, const std::string &tag)
{
    HttpRequest req =
        makeRequest(HttpMethod::Delete, apiRepoUrl(config().endpoint, repo) + "/tag/" + encodeRevision(tag), &repo);
    req.revision = tag;
    req.retry = false;
    auto r = send(req);
    if (!r)
        return r.error();
    return {};
}

// ---------------------------------------------------------------- upload protocol

Expected<PreuploadResult> HubClient::preupload(const RepoRef &repo, const std::string &revision,
                                               const std::vector<PreuploadRequestFile> &files, bool createPr)
{
    json arr = json::array();
    for (const auto &f : files)
        arr.push_back({{"path", f.path}, {"size", f.size}, {"sample", base64(f.sample.substr(0, 512))}});
    std::string url = apiRepoUrl(config().endpoint, repo) + "/preupload/" + encodeRevision(revision);
    if (createPr)
        appendQuery(url, "create_pr", "1");
    HttpRequest req = makeRequest(HttpMethod::Post, url, &repo);
    req.body = dumpJson(json{{"files", arr}});
    req.revision = revision;
    req.retry = true; // no side effects
    auto r = send(req);
    if (!r)
        return r.error();
    return parsePreupload(r->body);
}

Expected<LfsBatchResult> HubClient::lfsBatch(const RepoRef &repo, const std::vector<LfsBatchRequestObject> &objects,
                                             const std::string &refName)
{
    json objs = json::array();
    for (const auto &o : objects)
        objs.push_back({{"oid", o.oid}, {"size", o.size}});
    json body = {{"operation", "upload"},
                 {"transfers", json::array({"basic", "multipart"})},
                 {"objects", objs},
                 {"hash_algo", "sha256"}};
    if (!refName.empty())
        body["ref"] = {{"name", refName}};
    HttpRequest req = makeRequest(HttpMethod::Post, lfsBatchUrl(config().endpoint, repo), &repo);
    req.headers.set("Accept", "application/vnd.git-lfs+json");
    req.headers.set("Content-Type", "application/vnd.git-lfs+json");
    req.body = dumpJson(body);
    req.retry = true; // negotiation only
    auto r = send(req);
    if (!r)
        return r.error();
    return parseLfsBatch(r->body);
}

Expected<CommitResult> HubClient::commit(const RepoRef &repo, const CommitRequest &request)
{
    if (trim(request.summary).empty())
        return HubError::make(ErrorCode::InvalidArgument, "A commit needs a short summary: write what you changed.");
    if (request.operations.empty())
        return HubError::make(ErrorCode::InvalidArgument,
                              "There is nothing to commit: add or delete at least one file.");
    for (const auto &op : request.operations) {
        const std::string p = op.kind == CommitOperation::Kind::DeleteFolder && endsWith(op.path, "/")
                                  ? op.path.substr(0, op.path.size() - 1)
                                  : op.path;
        if (!isSafeRepoPath(p))
            return HubError::make(ErrorCode::InvalidArgument,
                                  "\"" + op.path + "\" is not a valid file path inside a repository.");
        if (op.kind == CommitOperation::Kind::AddLfsFile && !isSha256(op.lfsOid))
            return HubError::make(ErrorCode::InvalidArgument,
                                  "Internal error: LFS file \"" + op.path + "\" has no valid SHA-256.");
    }
    std::string url = apiRepoUrl(config().endpoint, repo) + "/commit/" + encodeRevision(request.revision);
    if (request.createPr)
        appendQuery(url, "create_pr", "1");
    HttpRequest req = makeRequest(HttpMethod::Post, url, &repo);
    req.headers.set("Content-Type", "application/x-ndjson");
    req.body = buildCommitPayload(request);
    req.revision = request.revision;
    req.retry = false; // never send a commit twice
    // Inline files make a commit body up to tens of MB: more time than a small API answer needs.
    if (config().requestTimeout.count() > 0)
        req.timeout = std::max<std::chrono::milliseconds>(config().requestTimeout, std::chrono::minutes(10));
    auto r = send(req);
    if (!r)
        return r.error();
    return parseCommitResult(r->body);
}

} // namespace hub
