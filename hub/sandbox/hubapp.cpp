#include "hub/sandbox/hubapp.h"

#include "hub/core/hash.h"
#include "hub/core/strings.h"
#include "hub/core/timeutil.h"
#include "hub/sandbox/demo.h"
#include "hub/sandbox/discussions.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <strings.h>

using nlohmann::json;

namespace hub::sandbox {

bool CaseLess::operator()(const std::string &a, const std::string &b) const
{
    return ::strcasecmp(a.c_str(), b.c_str()) < 0;
}

std::string HttpRequest::header(const std::string &name) const
{
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

std::optional<std::string> HttpRequest::param(const std::string &key) const
{
    const auto it = query.find(key);
    if (it == query.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::vector<std::string> HttpRequest::params(const std::string &key) const
{
    std::vector<std::string> out;
    const auto [b, e] = query.equal_range(key);
    for (auto it = b; it != e; ++it) {
        // JS sends comma lists in some places; accept both.
        for (auto &part : split(it->second, ',')) {
            if (!part.empty()) {
                out.push_back(part);
            }
        }
    }
    return out;
}

bool HttpRequest::flag(const std::string &key, bool fallback) const
{
    const auto v = param(key);
    if (!v) {
        return fallback;
    }
    const std::string s = toLower(*v);
    return s == "true" || s == "1" || s.empty();
}

void HttpResponse::setHeader(const std::string &name, const std::string &value)
{
    for (auto &[k, v] : headers) {
        if (::strcasecmp(k.c_str(), name.c_str()) == 0) {
            v = value;
            return;
        }
    }
    headers.emplace_back(name, value);
}

void HttpResponse::setJson(const std::string &text, int code)
{
    status = code;
    contentType = "application/json; charset=utf-8";
    body = text;
}

std::optional<std::pair<uint64_t, uint64_t>> parseRange(const std::string &header, uint64_t total, bool *unsatisfiable)
{
    *unsatisfiable = false;
    std::string_view h = trim(header);
    if (!startsWith(h, "bytes=") || h.find(',') != std::string_view::npos) {
        return std::nullopt;
    }
    h.remove_prefix(6);
    const auto dash = h.find('-');
    if (dash == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view a = trim(h.substr(0, dash));
    const std::string_view b = trim(h.substr(dash + 1));
    uint64_t first = 0;
    uint64_t last = 0;
    if (a.empty()) {
        uint64_t n = 0;
        if (!parseUint64(b, n)) {
            return std::nullopt;
        }
        if (n == 0 || total == 0) {
            *unsatisfiable = true;
            return std::make_pair(uint64_t{1}, uint64_t{0});
        }
        first = n >= total ? 0 : total - n;
        last = total - 1;
    } else {
        if (!parseUint64(a, first)) {
            return std::nullopt;
        }
        if (b.empty()) {
            last = total == 0 ? 0 : total - 1;
        } else if (!parseUint64(b, last) || last < first) {
            return std::nullopt;
        }
        if (first >= total) {
            *unsatisfiable = true;
            return std::make_pair(uint64_t{1}, uint64_t{0});
        }
        last = std::min(last, total - 1);
    }
    return std::make_pair(first, last);
}

HttpResponse errorResponse(int status, const std::string &message, const std::string &code)
{
    HttpResponse r;
    r.setJson(json{{"error", message}}.dump(), status);
    if (!code.empty()) {
        r.setHeader("X-Error-Code", code);
    }
    std::string headerText = message;
    std::replace_if(
        headerText.begin(), headerText.end(), [](char ch) { return ch == '\n' || ch == '\r' || ch == '\0'; }, ' ');
    r.setHeader("X-Error-Message", headerText);
    return r;
}

HttpResponse repoNotFound()
{
    return errorResponse(404,
                         "Repository not found. Check that the name is right, and if it is private, that you are "
                         "signed in with a token that can see it.",
                         "RepoNotFound");
}

HttpResponse revisionNotFound(const std::string &rev)
{
    return errorResponse(404, "Invalid rev id: " + rev, "RevisionNotFound");
}

json commitJson(const Commit &c)
{
    return json{{"id", c.id},
                {"title", c.title},
                {"message", c.message},
                {"authors", json::array({json{{"user", c.author}, {"avatar", "/avatars/" + c.author + ".svg"}}})},
                {"date", formatIsoUtc(c.date)}};
}

HubApp::HubApp(ServerOptions options, std::filesystem::path dataDir)
    : m_options(std::move(options)), m_store(std::move(dataDir))
{
    std::random_device rd;
    m_secret = sha256Hex(std::to_string(rd()) + ":" + std::to_string(rd()) + ":" +
                         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    for (const auto &[token, user, write] :
         {TokenGrant{demo::kDemoOwnerToken, demo::kDemoOwnerUser, true},
          TokenGrant{demo::kDemoReaderToken, demo::kDemoReaderUser, false},
          TokenGrant{demo::kDemoCollaboratorToken, demo::kDemoCollaboratorUser, true}}) {
        m_tokens[token] = TokenGrant{token, user, write};
    }
    for (const auto &t : m_options.tokens) {
        m_tokens[t.token] = t;
    }
}

Status HubApp::init()
{
    std::lock_guard lock(m_mutex);
    auto loaded = m_store.load();
    if (!loaded) {
        return loaded.error();
    }
    if (m_options.demo) {
        return seedDemoWorld(*this);
    }
    return {};
}

void HubApp::setOrigin(const std::string &origin, const std::string &blobOrigin)
{
    m_origin = origin;
    m_blobOrigin = blobOrigin;
}

Caller HubApp::identify(const HttpRequest &req) const
{
    Caller c;
    const std::string auth = req.header("Authorization");
    if (auth.empty()) {
        return c;
    }
    std::string_view v = trim(auth);
    if (v.size() > 7 && ::strncasecmp(v.data(), "Bearer ", 7) == 0) {
        v.remove_prefix(7);
    }
    const auto it = m_tokens.find(std::string(trim(v)));
    if (it == m_tokens.end()) {
        c.badToken = true;
        return c;
    }
    c.user = it->second.user;
    c.write = it->second.write;
    return c;
}

bool HubApp::canRead(const RepoState &repo, const Caller &c) const
{
    return !repo.isPrivate || (!c.user.empty() && c.user == repo.ns);
}

bool HubApp::canWrite(const std::string &ns, const Caller &c) const
{
    return c.write && !c.user.empty() && c.user == ns;
}

std::string HubApp::repoUrl(const RepoState &repo) const
{
    return m_origin + "/" + std::string(repoTypeUrlPrefix(repo.type)) + repo.fullId();
}

std::string HubApp::sign(const std::string &purpose, const std::string &oid, const std::string &policy) const
{
    return sha256Hex(m_secret + "|" + purpose + "|" + oid + "|" + policy).substr(0, 32);
}

std::string HubApp::signedQuery(const std::string &purpose, const std::string &oid, const std::string &byteRange) const
{
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const int64_t lifetime = purpose == "get" ? m_options.signedUrlLifetimeSeconds : 24 * 3600;
    const int64_t expires = std::chrono::duration_cast<std::chrono::seconds>(now).count() + lifetime;
    nlohmann::json policy{{"DateLessThan", expires}};
    if (!byteRange.empty()) {
        policy["ByteRange"] = byteRange;
    }
    const std::string text = policy.dump();
    return "Expires=" + std::to_string(expires) + "&Policy=" + percentEncode(text) +
           "&Signature=" + sign(purpose, oid, text) + "&Key-Pair-Id=K2SANDBOX";
}

HubApp::UrlCheck HubApp::checkSignedUrl(const HttpRequest &req, const std::string &purpose,
                                        const std::string &oid) const
{
    const auto policyText = req.param("Policy");
    if (!policyText || req.param("Signature").value_or("") != sign(purpose, oid, *policyText)) {
        return UrlCheck::Invalid;
    }
    const nlohmann::json policy = nlohmann::json::parse(*policyText, nullptr, false);
    if (!policy.is_object() || !policy.contains("DateLessThan") || !policy["DateLessThan"].is_number_integer()) {
        return UrlCheck::Invalid;
    }
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    if (std::chrono::duration_cast<std::chrono::seconds>(now).count() >= policy["DateLessThan"].get<int64_t>()) {
        return UrlCheck::Expired;
    }
    if (policy.contains("ByteRange") && policy["ByteRange"].is_string()) {
        // Valid for requests inside the signed range only ("bytes=x-y" with first <= x <= y <= last).
        const std::string bound = policy["ByteRange"].get<std::string>();
        const std::string asked = req.header("Range");
        uint64_t first = 0;
        uint64_t last = 0;
        uint64_t x = 0;
        uint64_t y = 0;
        const auto dash = bound.find('-');
        const auto askedDash = asked.find('-');
        const bool ok = dash != std::string::npos && parseUint64(bound.substr(0, dash), first) &&
                        parseUint64(bound.substr(dash + 1), last) && startsWith(asked, "bytes=") &&
                        askedDash != std::string::npos && parseUint64(asked.substr(6, askedDash - 6), x) &&
                        parseUint64(asked.substr(askedDash + 1), y) && first <= x && x <= y && y <= last;
        if (!ok) {
            return UrlCheck::WrongRange;
        }
    }
    return UrlCheck::Ok;
}

std::string HubApp::xetHashOf(const std::string &lfsOid)
{
    return sha256Hex("sandbox-xet|" + lfsOid);
}

Status HubApp::grantGatedAccess(const std::string &type, const std::string &repoId, const std::string &user)
{
    std::lock_guard lock(m_mutex);
    const auto t = parseRepoType(type);
    RepoState *repo = t ? m_store.repo(*t, repoId) : nullptr;
    if (!repo) {
        return HubError::make(ErrorCode::RepoNotFound, "No such repo in the sandbox: " + repoId);
    }
    repo->gatedApproved.insert(user);
    return m_store.saveRepo(*repo);
}

Expected<std::string> HubApp::branchHead(const std::string &type, const std::string &repoId, const std::string &branch)
{
    std::lock_guard lock(m_mutex);
    const auto t = parseRepoType(type);
    const RepoState *repo = t ? m_store.repo(*t, repoId) : nullptr;
    if (!repo) {
        return HubError::make(ErrorCode::RepoNotFound, "No such repo in the sandbox: " + repoId);
    }
    const auto it = repo->branches.find(branch);
    if (it == repo->branches.end()) {
        return HubError::make(ErrorCode::RevisionNotFound, "No such branch: " + branch);
    }
    return it->second;
}

Expected<std::string> HubApp::commitOperations(const std::string &parent, const std::vector<Operation> &ops,
                                               const std::string &author, int64_t date, const std::string &title,
                                               const std::string &message)
{
    Tree t;
    if (!parent.empty()) {
        const Commit *p = m_store.commit(parent);
        const auto pt = p ? m_store.tree(p->treeId) : nullptr;
        if (!pt) {
            return HubError::make(ErrorCode::Internal, "The parent commit is missing from the sandbox store.");
        }
        t = *pt;
    }
    std::string addedLfsPatterns;
    for (const auto &op : ops) {
        if (!op.oldPath.empty()) {
            t.erase(op.oldPath);
        }
        switch (op.kind) {
        case Operation::Kind::Regular: {
            auto id = m_store.putBlob(op.content);
            if (!id) {
                return id.error();
            }
            t[op.path] = FileEntry{*id, op.content.size(), {}};
            break;
        }
        case Operation::Kind::Lfs:
            t[op.path] = FileEntry{gitBlobSha1Hex(lfsPointerText(op.lfsOid, op.size)), op.size, op.lfsOid};
            break;
        case Operation::Kind::Delete: t.erase(op.path); break;
        case Operation::Kind::DeleteFolder: {
            std::string prefix = op.path;
            while (!prefix.empty() && prefix.back() == '/') {
                prefix.pop_back();
            }
            prefix += "/";
            for (auto it = t.lower_bound(prefix); it != t.end() && startsWith(it->first, prefix);) {
                it = t.erase(it);
            }
            break;
        }
        }
    }
    // The Hub tracks LFS paths in .gitattributes automatically.
    std::string attributes;
    if (auto it = t.find(".gitattributes"); it != t.end() && !it->second.isLfs()) {
        auto text = m_store.readBlob(it->second.blobId);
        if (text) {
            attributes = *text;
        }
    }
    const std::string before = attributes;
    for (const auto &op : ops) {
        if (op.kind == Operation::Kind::Lfs && !matchesLfsPattern(attributes, op.path)) {
            if (!attributes.empty() && attributes.back() != '\n') {
                attributes += "\n";
            }
            attributes += op.path + " filter=lfs diff=lfs merge=lfs -text\n";
        }
    }
    if (attributes != before) {
        auto id = m_store.putBlob(attributes);
        if (!id) {
            return id.error();
        }
        t[".gitattributes"] = FileEntry{*id, attributes.size(), {}};
    }
    auto treeId = m_store.putTree(std::move(t));
    if (!treeId) {
        return treeId.error();
    }
    Commit c;
    c.treeId = *treeId;
    if (!parent.empty()) {
        c.parents.push_back(parent);
    }
    c.author = author;
    c.date = date;
    c.title = title;
    c.message = message;
    return m_store.putCommit(std::move(c));
}

HttpResponse HubApp::handle(HttpRequest &req)
{
    const Caller c = identify(req);
    // LFS blob streaming does not need the store lock once the path is known.
    if (req.segments.size() == 2 && req.segments[0] == "__lfs" && (req.method == "GET" || req.method == "HEAD")) {
        return serveLfsBlob(req, req.segments[1]);
    }
    if (req.segments.size() == 2 && req.segments[0] == "__lfs-upload" && req.method == "PUT") {
        return lfsUpload(req, req.segments[1]);
    }
    std::lock_guard lock(m_mutex);
    if (c.badToken) {
        return errorResponse(401, "Invalid credentials in Authorization header");
    }
    return route(req, c);
}

namespace {

std::optional<RepoType> typeFromPlural(const std::string &s)
{
    if (s == "models") {
        return RepoType::Model;
    }
    if (s == "datasets") {
        return RepoType::Dataset;
    }
    if (s == "spaces") {
        return RepoType::Space;
    }
    return std::nullopt;
}

// A revision is one segment, except the raw multi-segment refs/pr/N and refs/convert/X.
std::string takeRevision(const std::vector<std::string> &seg, size_t &i)
{
    if (i >= seg.size()) {
        return {};
    }
    if (seg[i] == "refs" && i + 2 < seg.size() &&
        (seg[i + 1] == "pr" || seg[i + 1] == "convert" || seg[i + 1] == "heads" || seg[i + 1] == "tags")) {
        std::string rev = "refs/" + seg[i + 1] + "/" + seg[i + 2];
        i += 3;
        return rev;
    }
    return seg[i++];
}

std::string joinFrom(const std::vector<std::string> &seg, size_t i)
{
    std::string out;
    for (; i < seg.size(); ++i) {
        out += (out.empty() ? "" : "/") + seg[i];
    }
    return out;
}

} // namespace

HttpResponse HubApp::route(HttpRequest &req, const Caller &c)
{
    const auto &seg = req.segments;
    const std::string &m = req.method;
    if (seg.empty()) {
        HttpResponse r;
        r.contentType = "text/plain; charset=utf-8";
        r.body = "hubdesk-sandbox: a local Hugging Face Hub stand-in\n";
        return r;
    }
    if (seg[0] == "api") {
        if (seg.size() == 2 && seg[1] == "whoami-v2" && (m == "GET" || m == "HEAD")) {
            return whoami(req, c);
        }
        if (seg.size() == 2 && seg[1] == "validate-yaml" && m == "POST") {
            return validateYaml(req);
        }
        if (seg.size() == 3 && seg[1] == "repos") {
            if (seg[2] == "create" && m == "POST") {
                return createRepo(req, c);
            }
            if (seg[2] == "delete" && m == "DELETE") {
                return deleteRepo(req, c);
            }
        }
        if (seg.size() >= 2) {
            if (const auto t = typeFromPlural(seg[1])) {
                if (seg.size() == 2 && (m == "GET" || m == "HEAD")) {
                    return listRepos(req, c, *t);
                }
                return routeRepoApi(req, c, *t, 2);
            }
        }
        if (seg.size() >= 6 && seg[1] == "resolve-cache") {
            if (const auto t = typeFromPlural(seg[2])) {
                RepoState *repo = m_store.repo(*t, seg[3] + "/" + seg[4]);
                if (!repo || !canRead(*repo, c)) {
                    return repoNotFound();
                }
                if (seg.size() < 7 || (m != "GET" && m != "HEAD")) {
                    return errorResponse(404, "Entry not found", "EntryNotFound");
                }
                return resolveFile(req, c, *repo, seg[5], joinFrom(seg, 6), false, true);
            }
        }
        return errorResponse(404, "Sorry, we can't find the page you are looking for.");
    }
    if (seg.size() == 2 && seg[0] == "__lfs-complete" && m == "POST") {
        return lfsComplete(req, seg[1]);
    }
    if (seg[0] == "datasets" || seg[0] == "spaces") {
        return routeFile(req, c, *typeFromPlural(seg[0]), 1);
    }
    return routeFile(req, c, RepoType::Model, 0);
}

HttpResponse HubApp::routeRepoApi(HttpRequest &req, const Caller &c, RepoType type, size_t at)
{
    const auto &seg = req.segments;
    const std::string &m = req.method;
    if (seg.size() < at + 2) {
        return errorResponse(404, "Sorry, we can't find the page you are looking for.");
    }
    RepoState *repo = m_store.repo(type, seg[at] + "/" + seg[at + 1]);
    if (!repo || !canRead(*repo, c)) {
        return repoNotFound();
    }
    size_t i = at + 2;
    const bool isGet = m == "GET" || m == "HEAD";
    if (i == seg.size()) {
        return isGet ? repoInfo(req, c, *repo, "") : errorResponse(405, "Method not allowed");
    }
    const std::string what = seg[i++];
    const auto needWrite = [&]() -> std::optional<HttpResponse> {
        if (c.user.empty()) {
            return errorResponse(401, "You must be authenticated to do this. Pass a token with write access.");
        }
        if (!canWrite(repo->ns, c)) {
            return errorResponse(403, "You don't have the rights to write to " + repo->fullId() +
                                          ". Use a token with write access to this namespace.");
        }
        return std::nullopt;
    };
    if (what == "revision" && isGet) {
        const std::string rev = joinFrom(seg, i);
        return repoInfo(req, c, *repo, rev);
    }
    if (what == "refs" && isGet) {
        return refs(req, *repo);
    }
    if (what == "commits" && isGet) {
        return commits(req, *repo, joinFrom(seg, i));
    }
    if (what == "tree" && isGet) {
        const std::string rev = takeRevision(seg, i);
        return tree(req, *repo, rev, joinFrom(seg, i));
    }
    if (what == "treesize" && isGet) {
        const std::string rev = takeRevision(seg, i);
        return treeSize(*repo, rev, joinFrom(seg, i));
    }
    if (what == "paths-info" && m == "POST") {
        return pathsInfo(req, *repo, joinFrom(seg, i));
    }
    if (what == "compare" && isGet) {
        return compare(req, *repo, joinFrom(seg, i));
    }
    if (what == "xet-read-token" && isGet && m_options.xetEra) {
        return xetReadToken(c, *repo, joinFrom(seg, i));
    }
    if (what == "auth-check" && isGet) {
        HttpResponse r;
        r.setJson("{}");
        return r;
    }
    // As on the Hub, anyone signed in may propose a change: open a pull request (create_pr) or
    // push to one they opened; everything else needs write access.
    const auto needWriteOrOwnPr = [&](const std::string &rev) -> std::optional<HttpResponse> {
        if (c.user.empty() || canWrite(repo->ns, c) || req.flag("create_pr")) {
            return c.user.empty() ? needWrite() : std::nullopt;
        }
        if (startsWith(rev, "refs/pr/")) {
            uint64_t n = 0;
            const DiscussionRecord *d =
                parseUint64(rev.substr(8), n) && n < 1000000000 ? findDiscussion(*repo, static_cast<int>(n)) : nullptr;
            if (d && d->author == c.user) {
                return std::nullopt;
            }
        }
        return needWrite();
    };
    if (what == "preupload" && m == "POST") {
        const std::string rev = joinFrom(seg, i);
        if (auto e = needWriteOrOwnPr(rev)) {
            return *e;
        }
        return preupload(req, *repo, rev);
    }
    if (what == "commit" && m == "POST") {
        const std::string rev = joinFrom(seg, i);
        if (auto e = needWriteOrOwnPr(rev)) {
            return *e;
        }
        return commit(req, c, *repo, rev);
    }
    if (what == "branch" && (m == "POST" || m == "DELETE")) {
        if (auto e = needWrite()) {
            return *e;
        }
        const std::string name = joinFrom(seg, i);
        return m == "POST" ? createBranch(req, *repo, name) : deleteBranch(*repo, name);
    }
    if (what == "tag" && (m == "POST" || m == "DELETE")) {
        if (auto e = needWrite()) {
            return *e;
        }
        const std::string name = joinFrom(seg, i);
        return m == "POST" ? createTag(req, *repo, name) : deleteTag(*repo, name);
    }
    if (what == "discussions") { // discussions and pull requests: hubapp_discussions.cpp
        return discussions(req, c, *repo, i);
    }
    if (what == "settings" && m == "PUT") {
        if (auto e = needWrite()) {
            return *e;
        }
        return settings(req, *repo);
    }
    return errorResponse(404, "Sorry, we can't find the page you are looking for.");
}

HttpResponse HubApp::routeFile(HttpRequest &req, const Caller &c, RepoType type, size_t at)
{
    const auto &seg = req.segments;
    if (seg.size() < at + 2) {
        return errorResponse(404, "Sorry, we can't find the page you are looking for.");
    }
    std::string name = seg[at + 1];
    // {repo}.git/info/lfs/objects/batch
    if (endsWith(name, ".git") && seg.size() == at + 6 && seg[at + 2] == "info" && seg[at + 3] == "lfs" &&
        seg[at + 4] == "objects" && seg[at + 5] == "batch" && req.method == "POST") {
        RepoState *repo = m_store.repo(type, seg[at] + "/" + name.substr(0, name.size() - 4));
        if (!repo || !canRead(*repo, c)) {
            return repoNotFound();
        }
        return lfsBatch(req, c, *repo);
    }
    if (seg.size() < at + 4 || (seg[at + 2] != "resolve" && seg[at + 2] != "raw") ||
        (req.method != "GET" && req.method != "HEAD")) {
        return errorResponse(404, "Sorry, we can't find the page you are looking for.");
    }
    RepoState *repo = m_store.repo(type, seg[at] + "/" + name);
    if (!repo || !canRead(*repo, c)) {
        return repoNotFound();
    }
    size_t i = at + 3;
    const std::string rev = takeRevision(seg, i);
    return resolveFile(req, c, *repo, rev, joinFrom(seg, i), seg[at + 2] == "raw", false);
}

} // namespace hub::sandbox
