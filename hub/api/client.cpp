// HubClient: the read calls (identity, listings, info, history, files, compare).
#include "hub/api/client.h"

#include "hub/api/parse.h"
#include "hub/api/urls.h"
#include "hub/core/redact.h"
#include "hub/core/strings.h"
#include "hub/core/validate.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace hub {

using json = nlohmann::json;

namespace {

std::string normalizeEtag(std::string etag)
{
    etag = std::string(trim(etag));
    if (startsWith(etag, "W/"))
        etag = etag.substr(2);
    if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"')
        etag = etag.substr(1, etag.size() - 2);
    return etag;
}

std::optional<uint64_t> headerU64(const HttpHeaders &h, std::string_view name)
{
    uint64_t v = 0;
    if (auto s = h.get(name); s && parseUint64(trim(*s), v))
        return v;
    return std::nullopt;
}

std::string dumpJson(const json &j)
{
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace

// ---------------------------------------------------------------- HubClient

HubClient::HubClient(ClientConfig config) : m_http(std::make_unique<HttpClient>(std::move(config))) {}
HubClient::~HubClient() = default;

const ClientConfig &HubClient::config() const
{
    return m_http->config();
}

void HubClient::setCancelFlag(std::shared_ptr<const std::atomic<bool>> flag)
{
    m_http->setCancelFlag(std::move(flag));
}

void HubClient::setToken(std::string token)
{
    m_http->setToken(std::move(token));
}

HttpRequest HubClient::makeRequest(HttpMethod method, std::string url, const RepoRef *repo) const
{
    HttpRequest r;
    r.method = method;
    r.url = std::move(url);
    r.headers.add("Accept", "application/json");
    if (repo) {
        r.repoType = repo->type;
        r.repoId = repo->id.str();
    }
    return r;
}

Expected<HttpResponse> HubClient::send(const HttpRequest &request)
{
    return m_http->send(request);
}

std::string HubClient::resolveUrl(const RepoRef &repo, const std::string &revision, const std::string &path) const
{
    return resolveFileUrl(config().endpoint, repo, revision, path);
}

Expected<WhoAmI> HubClient::whoami()
{
    if (config().token.empty())
        return HubError::make(ErrorCode::Unauthorized, "You are not signed in: sign in with a Hub access token first.");
    auto r = send(makeRequest(HttpMethod::Get, config().endpoint + "/api/whoami-v2"));
    if (!r)
        return r.error();
    return parseWhoAmI(r->body);
}

Pager<RepoSummary> HubClient::listRepos(const ListReposQuery &q)
{
    std::string url = config().endpoint + "/api/" + std::string(repoTypePlural(q.type));
    if (!q.author.empty())
        appendQuery(url, "author", q.author);
    if (!q.search.empty())
        appendQuery(url, "search", q.search);
    if (!q.sort.empty())
        appendQuery(url, "sort", q.sort);
    const size_t pageSize = q.pageSize ? q.pageSize : std::min<size_t>(q.limit, 1000);
    if (pageSize)
        appendQuery(url, "limit", std::to_string(pageSize));
    for (const auto &e : q.expand)
        appendQuery(url, "expand[]", e);
    if (q.full)
        appendQuery(url, "full", "true");
    const RepoType type = q.type;
    return Pager<RepoSummary>(
        url,
        [this, type](const std::string &pageUrl) -> Expected<Page<RepoSummary>> {
            HttpRequest req = makeRequest(HttpMethod::Get, pageUrl);
            req.repoType = type;
            auto r = send(req);
            if (!r)
                return r.error();
            auto items = parseRepoList(r->body, type);
            if (!items)
                return items.error();
            return Page<RepoSummary>{std::move(*items), parseLinkNext(r->headers.getOr("Link"), r->url), std::nullopt};
        },
        q.limit);
}

Expected<RepoInfo> HubClient::repoInfo(const RepoRef &repo, const std::string &revision, bool blobs)
{
    std::string url = apiRepoUrl(config().endpoint, repo);
    if (!revision.empty())
        url += "/revision/" + encodeRevision(revision);
    if (blobs)
        appendQuery(url, "blobs", "true");
    HttpRequest req = makeRequest(HttpMethod::Get, url, &repo);
    req.revision = revision;
    auto r = send(req);
    if (!r)
        return r.error();
    return parseRepoInfo(r->body, repo.type);
}

Expected<Refs> HubClient::refs(const RepoRef &repo, bool includePullRequests)
{
    std::string url = apiRepoUrl(config().endpoint, repo) + "/refs";
    if (includePullRequests)
        appendQuery(url, "include_prs", "1");
    auto r = send(makeRequest(HttpMethod::Get, url, &repo));
    if (!r)
        return r.error();
    return parseRefs(r->body);
}

namespace {
Expected<Page<CommitInfo>> commitPageFrom(const HttpResponse &r)
{
    auto commits = parseCommits(r.body);
    if (!commits)
        return commits.error();
    Page<CommitInfo> page{std::move(*commits), parseLinkNext(r.headers.getOr("Link"), r.url), std::nullopt};
    uint64_t total = 0;
    if (auto t = r.headers.get("X-Total-Count"); t && parseUint64(trim(*t), total))
        page.total = total;
    return page;
}
} // namespace

Pager<CommitInfo> HubClient::listCommits(const RepoRef &repo, const std::string &revision, size_t pageSize,
                                         size_t limit)
{
    std::string url = apiRepoUrl(config().endpoint, repo) + "/commits/" + encodeRevision(revision);
    const size_t size = pageSize ? pageSize : (limit ? std::min<size_t>(limit, 1000) : 0);
    if (size)
        appendQuery(url, "limit", std::to_string(size));
    return Pager<CommitInfo>(
        url,
        [this, repo, revision](const std::string &pageUrl) -> Expected<Page<CommitInfo>> {
            HttpRequest req = makeRequest(HttpMethod::Get, pageUrl, &repo);
            req.revision = revision;
            auto r = send(req);
            if (!r)
                return r.error();
            return commitPageFrom(*r);
        },
        limit);
}

Expected<CommitPage> HubClient::commitsPage(const RepoRef &repo, const std::string &revision, size_t page,
                                            size_t pageSize)
{
    std::string url = apiRepoUrl(config().endpoint, repo) + "/commits/" + encodeRevision(revision);
    appendQuery(url, "p", std::to_string(page));
    if (pageSize)
        appendQuery(url, "limit", std::to_string(pageSize));
    HttpRequest req = makeRequest(HttpMethod::Get, url, &repo);
    req.revision = revision;
    auto r = send(req);
    if (!r)
        return r.error();
    auto p = commitPageFrom(*r);
    if (!p)
        return p.error();
    return CommitPage{std::move(p->items), p->total, std::move(p->nextUrl)};
}

Pager<TreeEntry> HubClient::listTree(const RepoRef &repo, const TreeQuery &q)
{
    std::string url = apiRepoUrl(config().endpoint, repo) + "/tree/" + encodeRevision(q.revision);
    std::string path = q.path;
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    if (!path.empty())
        url += "/" + percentEncode(path, false); // like huggingface_hub: quote(path, safe="")
    appendQuery(url, "recursive", q.recursive ? "true" : "false");
    appendQuery(url, "expand", q.expand ? "true" : "false");
    const std::string revision = q.revision;
    return Pager<TreeEntry>(
        url,
        [this, repo, revision, path](const std::string &pageUrl) -> Expected<Page<TreeEntry>> {
            HttpRequest req = makeRequest(HttpMethod::Get, pageUrl, &repo);
            req.revision = revision;
            req.path = path;
            auto r = send(req);
            if (!r)
                return r.error();
            auto entries = parseTree(r->body);
            if (!entries)
                return entries.error();
            return Page<TreeEntry>{std::move(*entries), parseLinkNext(r->headers.getOr("Link"), r->url), std::nullopt};
        },
        q.limit);
}

Expected<std::vector<TreeEntry>> HubClient::tree(const RepoRef &repo, const TreeQuery &query)
{
    return listTree(repo, query).all();
}

Expected<uint64_t> HubClient::folderSize(const RepoRef &repo, const std::string &revision, const std::string &path)
{
    std::string url = apiRepoUrl(config().endpoint, repo) + "/treesize/" + encodeRevision(revision);
    if (!path.empty())
        url += "/" + percentEncode(path, false); // as for /tree: quote(path, safe="")
    HttpRequest req = makeRequest(HttpMethod::Get, url, &repo);
    req.revision = revision;
    auto r = send(req);
    if (!r)
        return r.error();
    return parseTreeSize(r->body);
}

Expected<std::vector<TreeEntry>> HubClient::pathsInfo(const RepoRef &repo, const std::string &revision,
                                                      const std::vector<std::string> &paths, bool expand)
{
    std::vector<TreeEntry> out;
    const std::string url = apiRepoUrl(config().endpoint, repo) + "/paths-info/" + encodeRevision(revision);
    for (size_t start = 0; start < paths.size(); start += 500) {
        const size_t end = std::min(paths.size(), start + 500);
        json body = {{"paths", std::vector<std::string>(paths.begin() + static_cast<std::ptrdiff_t>(start),
                                                        paths.begin() + static_cast<std::ptrdiff_t>(end))},
                     {"expand", expand}};
        HttpRequest req = makeRequest(HttpMethod::Post, url, &repo);
        req.revision = revision;
        req.body = dumpJson(body);
        req.headers.set("Content-Type", "application/json");
        req.retry = true; // a read, even though it is a POST
        auto r = send(req);
        if (!r)
            return r.error();
        auto entries = parseTree(r->body);
        if (!entries)
            return entries.error();
        for (auto &e : *entries)
            out.push_back(std::move(e));
    }
    return out;
}

Expected<CompareResult> HubClient::compare(const RepoRef &repo, const std::string &base, const std::string &head)
{
    CompareResult result;
    result.base = base;
    result.head = head;
    std::string url =
        apiRepoUrl(config().endpoint, repo) + "/compare/" + encodeRevision(base) + ".." + encodeRevision(head);
    // The JSON payload carries old and new sizes; parseCompare also reads the raw=true text form.
    HttpRequest req = makeRequest(HttpMethod::Get, url, &repo);
    req.revision = base + ".." + head;
    req.failOnHttpError = false;
    auto r = send(req);
    if (!r)
        return r.error();
    const bool noEndpoint =
        (r->status == 404 && !r->headers.has("X-Error-Code")) || r->status == 501 || r->status == 405;
    if (r->status >= 200 && r->status < 300) {
        auto changes = parseCompare(r->body);
        if (!changes)
            return changes.error();
        result.changes = std::move(*changes);
        result.fromServer = true;
    } else if (!noEndpoint) {
        return mapHttpError(req, *r, !config().token.empty());
    } else {
        // No compare endpoint: diff the two recursive trees by content id.
        TreeQuery q;
        q.recursive = true;
        q.revision = base;
        auto before = tree(repo, q);
        if (!before)
            return before.error();
        q.revision = head;
        auto after = tree(repo, q);
        if (!after)
            return after.error();
        std::map<std::string, const TreeEntry *> old;
        for (const auto &e : *before)
            if (!e.isDirectory())
                old[e.path] = &e;
        for (const auto &e : *after) {
            if (e.isDirectory())
                continue;
            auto it = old.find(e.path);
            if (it == old.end()) {
                result.changes.push_back(
                    {FileChange::Status::Added, e.path, {}, {}, e.contentId(), std::nullopt, e.size});
                continue;
            }
            const TreeEntry &o = *it->second;
            if (o.contentId() != e.contentId())
                result.changes.push_back(
                    {FileChange::Status::Modified, e.path, {}, o.contentId(), e.contentId(), o.size, e.size});
            old.erase(it);
        }
        for (const auto &[path, o] : old)
            result.changes.push_back(
                {FileChange::Status::Deleted, path, {}, o->contentId(), {}, o->size, std::nullopt});
    }
    std::sort(result.changes.begin(), result.changes.end(),
              [](const FileChange &a, const FileChange &b) { return a.path < b.path; });
    return result;
}

Expected<FileMetadata> HubClient::fileMetadata(const RepoRef &repo, const std::string &revision,
                                               const std::string &path)
{
    HttpRequest req = makeRequest(HttpMethod::Head, resolveUrl(repo, revision, path), &repo);
    req.headers.set("Accept-Encoding", "identity");
    req.headers.remove("Accept");
    req.followRedirects = true;
    req.followRelativeOnly = true;
    req.revision = revision;
    req.path = path;
    auto r = send(req);
    if (!r)
        return r.error();
    const bool redirect = r->status >= 300 && r->status < 400;
    FileMetadata m;
    m.commit = r->headers.getOr("X-Repo-Commit");
    const auto linked = r->headers.get("X-Linked-Etag");
    m.etag = normalizeEtag(linked ? *linked : r->headers.getOr("ETag"));
    if (auto s = headerU64(r->headers, "X-Linked-Size"))
        m.size = *s;
    else if (auto cl = headerU64(r->headers, "Content-Length"); cl && !redirect)
        m.size = *cl;
    else {
        return HubError::make(ErrorCode::BadResponse,
                              "The Hub did not say how large \"" + path + "\" is: try again later.",
                              "no X-Linked-Size/Content-Length on " + stripUrlQuery(r->url));
    }
    m.location = redirect ? hub::resolveUrl(r->url, r->headers.getOr("Location")) : r->url;
    m.xetHash = r->headers.getOr("X-Xet-Hash");
    m.isLfs = linked.has_value() && isSha256(toLower(m.etag));
    m.locationIsCrossOrigin = urlOrigin(m.location) != urlOrigin(config().endpoint);
    if (m.commit.empty() || m.etag.empty())
        return HubError::make(ErrorCode::BadResponse,
                              "The Hub's answer about \"" + path + "\" is missing its version information: try again.",
                              "missing X-Repo-Commit or ETag on " + stripUrlQuery(r->url));
    // The cache names files after these: only hash ids and sane sizes (hub/core/validate.h).
    if (!isCommitId(m.commit) || !isContentId(m.etag) || m.size > kMaxServerFileSize ||
        (!m.xetHash.empty() && !isSha256(m.xetHash)))
        return HubError::make(ErrorCode::BadResponse,
                              "The Hub's answer about \"" + escapeControls(path) +
                                  "\" has a version or size HubDesk cannot use; nothing was written.",
                              "X-Repo-Commit/ETag/size invalid on " + stripUrlQuery(r->url));
    return m;
}

Expected<std::string> HubClient::fetchSmallFile(const RepoRef &repo, const std::string &revision,
                                                const std::string &path, size_t maxBytes)
{
    HttpRequest req = makeRequest(HttpMethod::Get, resolveUrl(repo, revision, path), &repo);
    req.headers.remove("Accept");
    req.maxBodyBytes = maxBytes ? maxBytes : 1;
    req.revision = revision;
    req.path = path;
    auto r = send(req);
    if (!r) {
        if (r.error().code == ErrorCode::TooLarge)
            return HubError::make(ErrorCode::TooLarge,
                                  "\"" + path + "\" is larger than " + humanBytes(maxBytes) +
                                      ": download it instead of opening it.",
                                  r.error().detail);
        return r.error();
    }
    return std::move(r->body);
}

Expected<HubClient::RangeAnswer> HubClient::fetchRange(const RepoRef &repo, const std::string &revision,
                                                       const std::string &path, uint64_t offset, size_t length)
{
    constexpr size_t kMaxRange = size_t{64} << 20;
    if (length == 0 || length > kMaxRange)
        return HubError::make(ErrorCode::InvalidArgument, "A range of " + std::to_string(length) + " bytes was asked.");
    HttpRequest req = makeRequest(HttpMethod::Get, resolveUrl(repo, revision, path), &repo);
    req.headers.remove("Accept");
    req.headers.set("Range", "bytes=" + std::to_string(offset) + "-" + std::to_string(offset + length - 1));
    req.revision = revision;
    req.path = path;
    // A server that ignores Range answers 200 with the whole file: stop reading at the range's
    // end instead of buffering it all.
    // A 206 body is at most `length` bytes, so only a 200 ever grows past the range's end.
    std::string body;
    const uint64_t stopAt = offset + length;
    req.onData = [&](const char *data, size_t size) {
        body.append(data, size);
        return body.size() <= stopAt;
    };
    auto r = send(req);
    const bool stoppedEarly = !r && r.error().code == ErrorCode::Cancelled && body.size() > stopAt;
    if (!r && !stoppedEarly)
        return r.error();
    RangeAnswer out;
    if (r && r->status == 206) {
        // Content-Range: bytes 0-7/12345
        const std::string cr = r->headers.getOr("Content-Range");
        const auto slash = cr.rfind('/');
        if (slash == std::string::npos || cr.compare(0, 6, "bytes ") != 0)
            return HubError::make(ErrorCode::BadResponse, "The Hub's answer to a range request has no Content-Range.");
        out.fileSize = std::strtoull(cr.c_str() + slash + 1, nullptr, 10);
        if (body.size() > length)
            body.resize(length);
        out.bytes = std::move(body);
        return out;
    }
    if (body.size() < offset)
        return HubError::make(ErrorCode::BadResponse, "The file is shorter than the range asked for.");
    out.bytes = body.substr(static_cast<size_t>(offset), length);
    if (!stoppedEarly) {
        out.fileSize = body.size(); // the whole file came
        return out;
    }
    auto meta = fileMetadata(repo, revision, path); // the size of what was not read
    if (!meta)
        return meta.error();
    out.fileSize = meta->size;
    return out;
}

} // namespace hub
