// File routes: resolve (307 to resolve-cache for git files, 302 to the blob host for LFS files,
// shaped like the Hub's Xet bridge when asked), resolve-cache, raw, and the LFS blob URL itself.
#include "hub/core/hash.h"
#include "hub/core/strings.h"
#include "hub/sandbox/hubapp.h"

#include <chrono>

namespace hub::sandbox {
namespace {

std::string contentDisposition(const std::string &path, bool attachment)
{
    const auto slash = path.rfind('/');
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    std::string ascii;
    for (char ch : name) {
        ascii += (ch == '"' || ch == '\\' || static_cast<unsigned char>(ch) >= 0x80) ? '_' : ch;
    }
    return std::string(attachment ? "attachment" : "inline") + "; filename*=UTF-8''" + percentEncode(name) +
           "; filename=\"" + ascii + "\";";
}

// Serves [offset, offset+length) of a body, honouring Range. `file` empty = `inlineBody`.
HttpResponse serveBytes(const HttpRequest &req, const std::filesystem::path &file, const std::string &inlineBody,
                        uint64_t total, HttpResponse r)
{
    r.setHeader("Accept-Ranges", "bytes");
    uint64_t first = 0;
    uint64_t length = total;
    const std::string range = req.header("Range");
    if (!range.empty()) {
        bool bad = false;
        const auto parsed = parseRange(range, total, &bad);
        if (bad) {
            HttpResponse e = errorResponse(416, "Requested range not satisfiable");
            e.setHeader("Content-Range", "bytes */" + std::to_string(total));
            return e;
        }
        if (parsed) {
            first = parsed->first;
            length = parsed->second - parsed->first + 1;
            r.status = 206;
            r.setHeader("Content-Range", "bytes " + std::to_string(parsed->first) + "-" +
                                             std::to_string(parsed->second) + "/" + std::to_string(total));
        }
    }
    if (req.method == "HEAD") {
        r.headLength = length;
        return r;
    }
    if (file.empty()) {
        r.body = inlineBody.substr(static_cast<size_t>(first), static_cast<size_t>(length));
    } else {
        r.file = file;
        r.fileOffset = first;
        r.fileLength = length;
    }
    return r;
}

} // namespace

std::optional<HttpResponse> HubApp::gatedRefusal(const Caller &c, const RepoState &repo) const
{
    if (repo.gated == "false" || c.user == repo.ns || repo.gatedApproved.count(c.user)) {
        return std::nullopt;
    }
    const std::string typeName(repoTypeName(repo.type));
    if (c.user.empty()) {
        return errorResponse(401,
                             "Access to " + typeName + " " + repo.fullId() +
                                 " is restricted. You must have access to it and be authenticated to access it. "
                                 "Please log in.",
                             "GatedRepo");
    }
    return errorResponse(403,
                         "Access to " + typeName + " " + repo.fullId() +
                             " is restricted and you are not in the authorized list. Visit " + repoUrl(repo) +
                             " to ask for access.",
                         "GatedRepo");
}

HttpResponse HubApp::xetReadToken(const Caller &c, RepoState &repo, const std::string &rev)
{
    // Read access as for the files themselves: canRead (private repos) was checked by the router.
    if (auto refused = gatedRefusal(c, repo)) {
        return *refused;
    }
    if (!m_store.resolve(repo, rev)) {
        return revisionNotFound(rev);
    }
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const int64_t exp = std::chrono::duration_cast<std::chrono::seconds>(now).count() + 3600;
    // Not a credential for anything: a per-server, per-repo, per-expiry made-up value.
    const std::string token =
        "xet_sandbox_read_" +
        sha256Hex(m_secret + "|xet-read|" + repo.fullId() + "|" + std::to_string(exp)).substr(0, 24);
    const std::string cas = m_origin + "/__xet";
    HttpResponse r;
    r.setJson(nlohmann::json{{"accessToken", token}, {"casUrl", cas}, {"exp", exp}}.dump());
    r.setHeader("X-Xet-Access-Token", token);
    r.setHeader("X-Xet-Cas-Url", cas);
    r.setHeader("X-Xet-Token-Expiration", std::to_string(exp));
    r.setHeader("Cache-Control", "no-store");
    return r;
}

HttpResponse HubApp::resolveFile(const HttpRequest &req, const Caller &c, RepoState &repo, const std::string &rev,
                                 const std::string &path, bool raw, bool fromCache)
{
    if (auto refused = gatedRefusal(c, repo)) {
        return *refused;
    }
    const auto commitId = m_store.resolve(repo, rev);
    if (!commitId) {
        return revisionNotFound(rev);
    }
    const Commit *commit = m_store.commit(*commitId);
    const auto t = m_store.tree(commit->treeId);
    const auto it = isSafeRepoPath(path) ? t->find(path) : t->end();
    if (it == t->end()) {
        HttpResponse r;
        r.status = 404;
        r.contentType = "text/plain; charset=utf-8";
        r.body = "Entry not found";
        r.setHeader("X-Error-Code", "EntryNotFound");
        r.setHeader("X-Error-Message", "Entry not found");
        r.setHeader("X-Repo-Commit", *commitId);
        return r;
    }
    const FileEntry &e = it->second;
    const bool attachment = req.flag("download");
    HttpResponse r;
    r.setHeader("X-Repo-Commit", *commitId);
    r.setHeader("Vary", "Origin, Accept");
    if (raw || !e.isLfs()) {
        if (!raw && !fromCache) {
            // Production answers a relative 307 into the resolve cache; clients must follow it.
            const std::string prefix(repoTypeUrlPrefix(repo.type));
            const std::string location = "/api/resolve-cache/" + std::string(repoTypePlural(repo.type)) + "/" +
                                         repo.fullId() + "/" + *commitId + "/" + percentEncode(path, true) + "?" +
                                         percentEncode("/" + prefix + repo.fullId() + "/resolve/" + rev + "/" + path) +
                                         "=&etag=" + percentEncode("\"" + e.blobId + "\"");
            r.status = 307;
            r.setHeader("Location", location);
            r.setHeader("X-Linked-Etag", "\"" + e.blobId + "\"");
            r.setHeader("Accept-Ranges", "bytes");
            if (req.method == "HEAD") {
                r.setHeader("Content-Disposition", contentDisposition(path, attachment));
            }
            r.contentType = "text/plain; charset=utf-8";
            r.body = "Temporary Redirect. Redirecting to " + location;
            return r;
        }
        std::string content;
        if (e.isLfs()) {
            content = lfsPointerText(e.lfsOid, e.size);
        } else {
            auto text = m_store.readBlob(e.blobId);
            if (!text) {
                return errorResponse(500, "The sandbox lost a stored file; restart it with a fresh data directory.");
            }
            content = std::move(*text);
        }
        r.setHeader("ETag", "\"" + e.blobId + "\"");
        r.setHeader("Content-Disposition", contentDisposition(path, attachment));
        r.contentType = "text/plain; charset=utf-8";
        return serveBytes(req, {}, content, content.size(), std::move(r));
    }
    // LFS: 302 to an absolute, signed URL on the blob host (the Hub's "bridge" to its storage).
    // The URL expires; with bindSignedUrlsToRange it is valid only for this request's range.
    std::string byteRange;
    if (m_options.bindSignedUrlsToRange && !req.header("Range").empty()) {
        bool bad = false;
        if (const auto range = parseRange(req.header("Range"), e.size, &bad)) {
            byteRange = std::to_string(range->first) + "-" + std::to_string(range->second);
        }
    }
    const auto slash = path.rfind('/');
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    const std::string location = m_blobOrigin + "/__lfs/" + e.lfsOid + "?" +
                                 (m_options.xetEra ? "X-Xet-Cas-Uid=public&" : "") +
                                 signedQuery("get", e.lfsOid, byteRange) + "&filename=" + percentEncode(name) +
                                 (attachment ? "&download=true" : "");
    r.status = 302;
    r.setHeader("Location", location);
    r.setHeader("X-Linked-Etag", "\"" + e.lfsOid + "\"");
    r.setHeader("X-Linked-Size", std::to_string(e.size));
    r.setHeader("Cache-Control", "no-store");
    r.setHeader("Accept-Ranges", "bytes");
    if (m_options.xetEra) {
        // Like a Xet-backed file on the Hub (recorded-hub/models.resolve.lfs.head.json).
        const std::string xet = xetHashOf(e.lfsOid);
        r.setHeader("X-Xet-Hash", xet);
        r.setHeader("Link", "<" + m_origin + "/api/" + std::string(repoTypePlural(repo.type)) + "/" + repo.fullId() +
                                "/xet-read-token/" + *commitId + ">; rel=\"xet-auth\", <" + m_origin +
                                "/__xet/v1/reconstructions/" + xet + ">; rel=\"xet-reconstruction-info\"");
        r.setHeader("Access-Control-Expose-Headers",
                    "X-Repo-Commit,X-Request-Id,X-Error-Code,X-Error-Message,X-Total-Count,ETag,Link,Accept-Ranges,"
                    "Content-Range,X-Linked-Size,X-Linked-ETag,X-Xet-Hash");
    }
    r.contentType = "text/plain; charset=utf-8";
    r.body = "Found. Redirecting to " + location;
    return r;
}

HttpResponse HubApp::serveLfsBlob(const HttpRequest &req, const std::string &oid)
{
    if (!req.header("Authorization").empty() && req.toBlobHost) {
        noteBlobHostAuthorization();
    }
    switch (isSha256(oid) ? checkSignedUrl(req, "get", oid) : UrlCheck::Invalid) {
    case UrlCheck::Ok: break;
    case UrlCheck::Expired:
        ++m_refusedExpired;
        return errorResponse(403,
                             "Request has expired: this download link is no longer valid; ask the Hub for a new one.");
    case UrlCheck::WrongRange:
        ++m_refusedRange;
        return errorResponse(403,
                             "Auth failed: invalid range. This download link is valid for another byte range only.");
    case UrlCheck::Invalid:
        ++m_refusedInvalid;
        return errorResponse(403, "This download link is invalid; ask the Hub for a new one.");
    }
    uint64_t size = 0;
    if (!m_store.hasLfs(oid, &size)) {
        return errorResponse(404, "Entry not found", "EntryNotFound");
    }
    HttpResponse r;
    r.contentType = "application/octet-stream";
    r.setHeader("ETag", "\"" + oid + "\"");
    r.setHeader("Content-Disposition", contentDisposition(req.param("filename").value_or(oid), req.flag("download")));
    r.setHeader("Access-Control-Allow-Origin", "*");
    return serveBytes(req, m_store.lfsPath(oid), {}, size, std::move(r));
}

HttpResponse HubApp::xetUploadBatch(const RepoState &repo, const nlohmann::json &objects)
{
    // hub-api.md §13.4: actions.upload.href is the Xet write-token URL, the headers name the CAS.
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const int64_t expires = std::chrono::duration_cast<std::chrono::seconds>(now).count() + 3600;
    nlohmann::json out = nlohmann::json::array();
    for (const auto &o : objects) {
        if (!o.is_object() || !o.contains("oid") || !o["oid"].is_string() || !o.contains("size")) {
            continue;
        }
        out.push_back({{"oid", o["oid"]},
                       {"size", o["size"]},
                       {"authenticated", true},
                       {"actions",
                        {{"upload",
                          {{"href", m_origin + "/api/" + std::string(repoTypePlural(repo.type)) + "/" + repo.fullId() +
                                        "/xet-write-token/main"},
                           {"header",
                            {{"X-Xet-Cas-Url", m_origin + "/__xet"},
                             {"X-Xet-Access-Token", "xet_sandbox_" + sha256Hex(m_secret + "|xet").substr(0, 16)},
                             {"X-Xet-Token-Expiration", std::to_string(expires)}}}}}}}});
    }
    HttpResponse r;
    r.setJson(nlohmann::json{{"transfer", "xet"}, {"objects", out}}.dump());
    r.contentType = "application/vnd.git-lfs+json";
    return r;
}

} // namespace hub::sandbox
