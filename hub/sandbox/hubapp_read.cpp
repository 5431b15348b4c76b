// Read routes: whoami, listings, info, refs, commits, tree, paths-info, compare, treesize.
#include "hub/core/hash.h"
#include "hub/core/strings.h"
#include "hub/core/timeutil.h"
#include "hub/sandbox/hubapp.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

using nlohmann::json;

namespace hub::sandbox {
namespace {

json yamlToJson(const YAML::Node &n)
{
    switch (n.Type()) {
    case YAML::NodeType::Map: {
        json o = json::object();
        for (const auto &kv : n) {
            o[kv.first.as<std::string>()] = yamlToJson(kv.second);
        }
        return o;
    }
    case YAML::NodeType::Sequence: {
        json a = json::array();
        for (const auto &v : n) {
            a.push_back(yamlToJson(v));
        }
        return a;
    }
    case YAML::NodeType::Scalar: {
        const std::string s = n.Scalar();
        if (n.Tag() == "!") { // quoted
            return s;
        }
        if (s == "true" || s == "false") {
            return s == "true";
        }
        try {
            size_t used = 0;
            const long long i = std::stoll(s, &used);
            if (used == s.size()) {
                return i;
            }
            const double d = std::stod(s, &used);
            if (used == s.size()) {
                return d;
            }
        } catch (...) {
        }
        return s;
    }
    default: return nullptr;
    }
}

// The YAML front matter of a README as JSON, or null.
json cardData(const std::string &readme)
{
    if (!startsWith(readme, "---")) {
        return nullptr;
    }
    const auto end = readme.find("\n---", 3);
    if (end == std::string::npos) {
        return nullptr;
    }
    try {
        const json j = yamlToJson(YAML::Load(readme.substr(3, end - 3)));
        return j.is_object() ? j : json(nullptr);
    } catch (const std::exception &) {
        return nullptr;
    }
}

std::string encodeCursor(size_t offset)
{
    return "c" + std::to_string(offset);
}

size_t decodeCursor(const HttpRequest &req)
{
    uint64_t n = 0;
    const std::string c = req.param("cursor").value_or("");
    if (c.size() > 1 && c[0] == 'c' && parseUint64(c.substr(1), n)) {
        return static_cast<size_t>(n);
    }
    return 0;
}

// The request's own URL with `key` replaced, as an absolute Link target.
std::string nextLink(const std::string &origin, const HttpRequest &req, const std::string &key,
                     const std::string &value)
{
    std::string q;
    for (const auto &[k, v] : req.query) {
        if (k == key) {
            continue;
        }
        q += (q.empty() ? "" : "&") + percentEncode(k) + "=" + percentEncode(v);
    }
    q += (q.empty() ? "" : "&") + key + "=" + percentEncode(value);
    return "<" + origin + req.rawPath + "?" + q + ">; rel=\"next\"";
}

int pageSize(const HttpRequest &req, int fallback, int configured, int hardMax)
{
    int size = configured > 0 ? configured : fallback;
    uint64_t limit = 0;
    if (parseUint64(req.param("limit").value_or(""), limit) && limit > 0) {
        size = configured > 0 ? std::min(static_cast<int>(std::min<uint64_t>(limit, 100000)), configured)
                              : static_cast<int>(std::min<uint64_t>(limit, static_cast<uint64_t>(hardMax)));
    }
    return std::max(1, size);
}

} // namespace

HttpResponse HubApp::whoami(const HttpRequest &, const Caller &c)
{
    if (c.user.empty()) {
        HttpResponse r = errorResponse(401, "Invalid username or password.");
        r.setHeader("WWW-Authenticate", "Bearer realm=\"Authentication required\", charset=\"UTF-8\"");
        return r;
    }
    const json j{{"type", "user"},
                 {"id", sha256Hex("user:" + c.user).substr(0, 24)},
                 {"name", c.user},
                 {"fullname", c.user},
                 {"email", c.user + "@example.com"},
                 {"emailVerified", true},
                 {"canPay", false},
                 {"isPro", false},
                 {"periodEnd", nullptr},
                 {"avatarUrl", "/avatars/" + c.user + ".svg"},
                 {"orgs", json::array()},
                 {"auth",
                  {{"type", "access_token"},
                   {"accessToken",
                    {{"displayName", "sandbox-" + std::string(c.write ? "write" : "read")},
                     {"role", c.write ? "write" : "read"},
                     {"createdAt", "2024-05-01T10:00:00.000Z"}}}}}};
    HttpResponse r;
    r.setJson(j.dump());
    return r;
}

namespace {

struct RepoView {
    const RepoState *repo = nullptr;
    const Commit *head = nullptr;
    std::shared_ptr<const Tree> tree;
    json card;
    json config;
};

} // namespace

static RepoView viewAt(Store &store, const RepoState &repo, const std::string &commitId)
{
    RepoView v;
    v.repo = &repo;
    v.head = store.commit(commitId);
    v.tree = v.head ? store.tree(v.head->treeId) : nullptr;
    v.card = nullptr;
    v.config = nullptr;
    if (v.tree) {
        if (auto it = v.tree->find("README.md"); it != v.tree->end() && !it->second.isLfs()) {
            if (auto text = store.readBlob(it->second.blobId)) {
                v.card = cardData(*text);
            }
        }
        if (auto it = v.tree->find("config.json"); it != v.tree->end() && !it->second.isLfs()) {
            if (auto text = store.readBlob(it->second.blobId)) {
                v.config = json::parse(*text, nullptr, false);
                if (v.config.is_discarded()) {
                    v.config = nullptr;
                }
            }
        }
    }
    return v;
}

static json fullRepoJson(const RepoView &v, bool blobs, bool siblings)
{
    const RepoState &r = *v.repo;
    json tags = json::array();
    if (v.card.is_object()) {
        if (v.card.contains("tags") && v.card["tags"].is_array()) {
            for (const auto &t : v.card["tags"]) {
                tags.push_back(t);
            }
        }
        if (v.card.contains("library_name") && v.card["library_name"].is_string()) {
            tags.push_back(v.card["library_name"]);
        }
        if (v.card.contains("language") && v.card["language"].is_string()) {
            tags.push_back(v.card["language"]);
        }
        if (v.card.contains("license") && v.card["license"].is_string()) {
            tags.push_back("license:" + v.card["license"].get<std::string>());
        }
    }
    tags.push_back("region:us");
    json j{{"_id", r.mongoId},
           {"id", r.fullId()},
           {"author", r.ns},
           {"sha", v.head ? json(v.head->id) : json(nullptr)},
           {"lastModified", formatIsoUtc(v.head ? v.head->date : r.createdAt)},
           {"createdAt", formatIsoUtc(r.createdAt)},
           {"private", r.isPrivate},
           {"disabled", false},
           {"gated", r.gated == "false" ? json(false) : json(r.gated)},
           {"downloads", r.downloads},
           {"likes", r.likes},
           {"trendingScore", 0},
           {"tags", tags},
           {"cardData", v.card}};
    uint64_t used = 0;
    json sib = json::array();
    if (v.tree) {
        for (const auto &[path, e] : *v.tree) {
            used += e.size;
            if (!siblings) {
                continue;
            }
            json s{{"rfilename", path}};
            if (blobs) {
                s["size"] = e.size;
                s["blobId"] = e.blobId;
                if (e.isLfs()) {
                    s["lfs"] = {{"size", e.size},
                                {"sha256", e.lfsOid},
                                {"pointerSize", lfsPointerText(e.lfsOid, e.size).size()}};
                }
            }
            sib.push_back(std::move(s));
        }
    }
    if (siblings) {
        j["siblings"] = std::move(sib);
    }
    j["usedStorage"] = used;
    if (r.type == RepoType::Model) {
        j["modelId"] = r.fullId();
        j["config"] = v.config.is_object() ? v.config : json::object();
        j["model-index"] = v.card.is_object() && v.card.contains("model-index") ? v.card["model-index"] : json(nullptr);
        j["spaces"] = json::array();
        if (v.card.is_object()) {
            for (const char *k : {"library_name", "pipeline_tag"}) {
                if (v.card.contains(k)) {
                    j[k] = v.card[k];
                }
            }
        }
    } else if (r.type == RepoType::Dataset) {
        j["description"] = "";
        j["citation"] = "";
        j["paperswithcode_id"] = nullptr;
    } else {
        const std::string sdk = r.sdk.empty() ? "static" : r.sdk;
        j["sdk"] = sdk;
        j["subdomain"] = toLower(r.ns + "-" + r.name);
        j["runtime"] = {{"stage", "RUNNING"},
                        {"hardware", {{"current", "cpu-basic"}, {"requested", "cpu-basic"}}},
                        {"storage", nullptr},
                        {"replicas", {{"current", 1}, {"requested", 1}}}};
        j["models"] = json::array();
        j["datasets"] = json::array();
    }
    return j;
}

static json filterExpand(const json &full, const std::vector<std::string> &expand)
{
    json j{{"_id", full["_id"]}, {"id", full["id"]}};
    for (const auto &k : expand) {
        if (full.contains(k)) {
            j[k] = full[k];
        } else if (k == "xetEnabled") {
            j[k] = false;
        }
    }
    return j;
}

HttpResponse HubApp::listRepos(const HttpRequest &req, const Caller &c, RepoType type)
{
    std::vector<const RepoState *> repos;
    const std::string author = req.param("author").value_or("");
    const std::string search = toLower(req.param("search").value_or(""));
    for (const RepoState *r : m_store.repos(type)) {
        if (!canRead(*r, c) || (!author.empty() && r->ns != author)) {
            continue;
        }
        if (!search.empty() && toLower(r->fullId()).find(search) == std::string::npos) {
            continue;
        }
        repos.push_back(r);
    }
    const std::string sort = req.param("sort").value_or("");
    const auto headDate = [this](const RepoState *r) {
        const auto it = r->branches.find("main");
        const Commit *c2 = it == r->branches.end() ? nullptr : m_store.commit(it->second);
        return c2 ? c2->date : r->createdAt;
    };
    std::stable_sort(repos.begin(), repos.end(), [&](const RepoState *a, const RepoState *b) {
        if (sort == "lastModified") {
            return headDate(a) > headDate(b);
        }
        if (sort == "createdAt") {
            return a->createdAt > b->createdAt;
        }
        if (sort == "downloads") {
            return a->downloads > b->downloads;
        }
        if (sort == "likes") {
            return a->likes > b->likes;
        }
        return a->fullId() < b->fullId();
    });
    const int size = pageSize(req, 5, m_options.listPageSize, 1000);
    const size_t start = std::min(decodeCursor(req), repos.size());
    const size_t end = std::min(repos.size(), start + static_cast<size_t>(size));
    const std::vector<std::string> expand = req.params("expand");
    const bool full = req.flag("full");
    json out = json::array();
    for (size_t i = start; i < end; ++i) {
        const RepoState &r = *repos[i];
        const auto head = r.branches.count("main") ? r.branches.at("main") : std::string();
        const bool wantSiblings = full || std::find(expand.begin(), expand.end(), "siblings") != expand.end();
        const json f = fullRepoJson(viewAt(m_store, r, head), false, wantSiblings);
        if (!expand.empty()) {
            out.push_back(filterExpand(f, expand));
            continue;
        }
        json item{{"_id", f["_id"]},         {"id", f["id"]},
                  {"likes", f["likes"]},     {"trendingScore", 0},
                  {"private", f["private"]}, {"downloads", f["downloads"]},
                  {"tags", f["tags"]},       {"createdAt", f["createdAt"]}};
        if (type == RepoType::Model) {
            item["modelId"] = f["id"];
            for (const char *k : {"pipeline_tag", "library_name"}) {
                if (f.contains(k)) {
                    item[k] = f[k];
                }
            }
        }
        if (type == RepoType::Space) {
            item["sdk"] = f["sdk"];
        }
        if (full || req.flag("cardData")) {
            item["cardData"] = f["cardData"];
        }
        if (full) {
            for (const char *k : {"author", "sha", "lastModified", "gated", "disabled", "siblings"}) {
                item[k] = f[k];
            }
        }
        out.push_back(std::move(item));
    }
    HttpResponse r;
    r.setJson(out.dump());
    if (end < repos.size()) {
        r.setHeader("Link", nextLink(m_origin, req, "cursor", encodeCursor(end)));
    }
    return r;
}

HttpResponse HubApp::repoInfo(const HttpRequest &req, const Caller &, RepoState &repo, const std::string &rev)
{
    const auto commitId = m_store.resolve(repo, rev);
    if (!commitId) {
        return revisionNotFound(rev);
    }
    const json full = fullRepoJson(viewAt(m_store, repo, *commitId), req.flag("blobs"), true);
    const auto expand = req.params("expand");
    HttpResponse r;
    r.setJson((expand.empty() ? full : filterExpand(full, expand)).dump());
    return r;
}

HttpResponse HubApp::refs(const HttpRequest &req, RepoState &repo)
{
    json j{{"branches", json::array()}, {"converts", json::array()}, {"tags", json::array()}};
    for (const auto &[name, id] : repo.branches) {
        j["branches"].push_back({{"name", name}, {"ref", "refs/heads/" + name}, {"targetCommit", id}});
    }
    for (const auto &[name, id] : repo.tags) {
        j["tags"].push_back({{"name", name}, {"ref", "refs/tags/" + name}, {"targetCommit", id}});
    }
    if (req.flag("include_prs")) {
        j["pullRequests"] = json::array();
        for (const auto &[n, id] : repo.pullRequests) {
            j["pullRequests"].push_back(
                {{"name", std::to_string(n)}, {"ref", "refs/pr/" + std::to_string(n)}, {"targetCommit", id}});
        }
    }
    HttpResponse r;
    r.setJson(j.dump());
    return r;
}

HttpResponse HubApp::commits(const HttpRequest &req, RepoState &repo, const std::string &rev)
{
    const auto commitId = m_store.resolve(repo, rev);
    if (!commitId) {
        return revisionNotFound(rev);
    }
    const auto all = m_store.history(*commitId);
    const int size = pageSize(req, 50, m_options.listPageSize, 1000);
    uint64_t page = 0;
    if (!parseUint64(req.param("p").value_or("0"), page)) {
        page = 0;
    }
    const size_t start = std::min(all.size(), static_cast<size_t>(page) * static_cast<size_t>(size));
    const size_t end = std::min(all.size(), start + static_cast<size_t>(size));
    const auto expand = req.params("expand");
    const bool formatted = std::find(expand.begin(), expand.end(), "formatted") != expand.end();
    json out = json::array();
    for (size_t i = start; i < end; ++i) {
        json cj = commitJson(*all[i]);
        if (formatted) {
            const auto esc = [](const std::string &s) {
                std::string o;
                for (char ch : s) {
                    o += ch == '<' ? "&lt;" : ch == '>' ? "&gt;" : ch == '&' ? "&amp;" : std::string(1, ch);
                }
                return o;
            };
            cj["formatted"] = {{"title", esc(all[i]->title)}, {"message", esc(all[i]->message)}};
        }
        out.push_back(std::move(cj));
    }
    HttpResponse r;
    r.setJson(out.dump());
    r.setHeader("X-Total-Count", std::to_string(all.size()));
    if (end < all.size()) {
        HttpRequest withLimit = req;
        withLimit.query.erase("limit");
        withLimit.query.emplace("limit", std::to_string(size));
        r.setHeader("Link", nextLink(m_origin, withLimit, "p", std::to_string(page + 1)));
    }
    return r;
}

json HubApp::treeEntry(const RepoState &, const std::string &commitId, const std::string &path, bool expand,
                       const Commit *lastCommit)
{
    const Commit *c = m_store.commit(commitId);
    const auto t = c ? m_store.tree(c->treeId) : nullptr;
    json j;
    if (t && t->count(path)) {
        const FileEntry &e = t->at(path);
        j = {{"type", "file"}, {"oid", e.blobId}, {"size", e.size}};
        if (e.isLfs()) {
            j["lfs"] = {{"oid", e.lfsOid}, {"size", e.size}, {"pointerSize", lfsPointerText(e.lfsOid, e.size).size()}};
            if (m_options.xetEra) {
                j["xetHash"] = xetHashOf(e.lfsOid);
            }
        }
        j["path"] = path;
    } else {
        const auto &dirs = m_store.treeDirOids(c->treeId);
        j = {{"type", "directory"},
             {"oid", dirs.count(path) ? dirs.at(path) : std::string()},
             {"size", 0},
             {"path", path}};
    }
    if (expand && lastCommit) {
        j["lastCommit"] = {
            {"id", lastCommit->id}, {"title", lastCommit->title}, {"date", formatIsoUtc(lastCommit->date)}};
    }
    return j;
}

HttpResponse HubApp::tree(const HttpRequest &req, RepoState &repo, const std::string &rev, const std::string &rawPath)
{
    const auto commitId = m_store.resolve(repo, rev);
    if (!commitId) {
        return revisionNotFound(rev);
    }
    std::string dir = rawPath;
    while (!dir.empty() && dir.back() == '/') {
        dir.pop_back();
    }
    const Commit *c = m_store.commit(*commitId);
    const auto t = m_store.tree(c->treeId);
    const auto &dirs = m_store.treeDirOids(c->treeId);
    if (!dir.empty() && (!isSafeRepoPath(dir) || !dirs.count(dir))) {
        return errorResponse(404, dir + " does not exist on \"" + rev + "\"", "EntryNotFound");
    }
    const bool recursive = req.flag("recursive");
    const bool expand = req.flag("expand");
    // Entries in path order; a directory comes before its contents.
    std::vector<std::pair<std::string, bool>> entries; // path, isDir
    const std::string prefix = dir.empty() ? std::string() : dir + "/";
    std::set<std::string> seenDirs;
    for (auto it = t->lower_bound(prefix); it != t->end() && startsWith(it->first, prefix); ++it) {
        const std::string rest = it->first.substr(prefix.size());
        const auto slash = rest.find('/');
        if (slash == std::string::npos) {
            entries.emplace_back(it->first, false);
            continue;
        }
        if (!recursive) {
            const std::string sub = prefix + rest.substr(0, slash);
            if (seenDirs.insert(sub).second) {
                entries.emplace_back(sub, true);
            }
            continue;
        }
        // Every directory between prefix and the file, once.
        for (size_t pos = rest.find('/'); pos != std::string::npos; pos = rest.find('/', pos + 1)) {
            const std::string sub = prefix + rest.substr(0, pos);
            if (seenDirs.insert(sub).second) {
                entries.emplace_back(sub, true);
            }
        }
        entries.emplace_back(it->first, false);
    }
    if (!recursive) {
        std::stable_partition(entries.begin(), entries.end(), [](const auto &e) { return e.second; });
    }
    const int size = pageSize(req, expand ? 50 : 1000, m_options.listPageSize, expand ? 1000 : 10000);
    const size_t start = std::min(decodeCursor(req), entries.size());
    const size_t end = std::min(entries.size(), start + static_cast<size_t>(size));
    std::map<std::string, const Commit *> last;
    if (expand) {
        std::vector<std::string> paths;
        for (size_t i = start; i < end; ++i) {
            paths.push_back(entries[i].first);
        }
        last = m_store.lastCommits(*commitId, paths);
    }
    json out = json::array();
    for (size_t i = start; i < end; ++i) {
        const auto &p = entries[i].first;
        out.push_back(treeEntry(repo, *commitId, p, expand, last.count(p) ? last.at(p) : nullptr));
    }
    HttpResponse r;
    r.setJson(out.dump());
    if (end < entries.size()) {
        r.setHeader("Link", nextLink(m_origin, req, "cursor", encodeCursor(end)));
    }
    return r;
}

HttpResponse HubApp::pathsInfo(const HttpRequest &req, RepoState &repo, const std::string &rev)
{
    const auto commitId = m_store.resolve(repo, rev);
    if (!commitId) {
        return revisionNotFound(rev);
    }
    std::vector<std::string> paths;
    bool expand = false;
    const std::string ct = toLower(req.header("Content-Type"));
    if (ct.find("application/x-www-form-urlencoded") != std::string::npos) {
        for (const auto &part : split(req.body, '&')) {
            const auto eq = part.find('=');
            const std::string k = percentDecode(part.substr(0, eq), true);
            const std::string v = eq == std::string::npos ? std::string() : percentDecode(part.substr(eq + 1), true);
            if (k == "paths" || k == "paths[]") {
                paths.push_back(v);
            } else if (k == "expand") {
                expand = toLower(v) == "true" || v == "1";
            }
        }
    } else {
        const json body = json::parse(req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object() || !body.contains("paths") || !body["paths"].is_array()) {
            return errorResponse(400, "The body must be JSON like {\"paths\": [\"a.txt\"], \"expand\": true}.");
        }
        for (const auto &p : body["paths"]) {
            if (!p.is_string()) {
                return errorResponse(400, "\"paths\" must be an array of strings.");
            }
            paths.push_back(p.get<std::string>());
        }
        expand = body.contains("expand") && body["expand"].is_boolean() && body["expand"].get<bool>();
    }
    if (paths.size() > 1000) {
        return errorResponse(413, "Too many paths in one request (the limit is 1000).");
    }
    const Commit *c = m_store.commit(*commitId);
    const auto t = m_store.tree(c->treeId);
    const auto &dirs = m_store.treeDirOids(c->treeId);
    std::vector<std::string> found;
    for (auto p : paths) {
        while (!p.empty() && p.back() == '/') {
            p.pop_back();
        }
        if (isSafeRepoPath(p) && (t->count(p) || dirs.count(p)) &&
            std::find(found.begin(), found.end(), p) == found.end()) {
            found.push_back(p);
        }
    }
    std::map<std::string, const Commit *> last;
    if (expand) {
        last = m_store.lastCommits(*commitId, found);
    }
    json out = json::array();
    for (const auto &p : found) {
        out.push_back(treeEntry(repo, *commitId, p, expand, last.count(p) ? last.at(p) : nullptr));
    }
    HttpResponse r;
    r.setJson(out.dump());
    return r;
}

HttpResponse HubApp::treeSize(RepoState &repo, const std::string &rev, const std::string &path)
{
    const auto commitId = m_store.resolve(repo, rev);
    if (!commitId) {
        return revisionNotFound(rev);
    }
    const auto t = m_store.tree(m_store.commit(*commitId)->treeId);
    const std::string prefix = path.empty() ? std::string() : path + "/";
    uint64_t total = 0;
    bool any = path.empty();
    for (auto it = t->lower_bound(prefix); it != t->end() && startsWith(it->first, prefix); ++it) {
        total += it->second.size;
        any = true;
    }
    if (!any) {
        return errorResponse(404, path + " does not exist on \"" + rev + "\"", "EntryNotFound");
    }
    HttpResponse r;
    r.setJson(json{{"path", path.empty() ? "/" : path}, {"size", total}}.dump());
    return r;
}

HttpResponse HubApp::compare(const HttpRequest &req, RepoState &repo, const std::string &spec)
{
    std::string baseRev;
    std::string headRev = spec;
    if (const auto dots = spec.find(".."); dots != std::string::npos) {
        baseRev = spec.substr(0, dots);
        headRev = spec.substr(dots + 2);
    }
    const auto head = m_store.resolve(repo, headRev);
    if (!head) {
        return revisionNotFound(headRev);
    }
    std::optional<std::string> base;
    if (baseRev.empty()) {
        const Commit *hc = m_store.commit(*head);
        if (!hc->parents.empty()) {
            base = hc->parents.front();
        }
    } else {
        base = m_store.resolve(repo, baseRev);
        if (!base) {
            return revisionNotFound(baseRev);
        }
    }
    static const Tree empty;
    const auto ht = m_store.tree(m_store.commit(*head)->treeId);
    const auto btPtr = base ? m_store.tree(m_store.commit(*base)->treeId) : nullptr;
    const Tree &bt = btPtr ? *btPtr : empty;
    std::set<std::string> paths;
    for (const auto &[p, e] : *ht) {
        paths.insert(p);
    }
    for (const auto &[p, e] : bt) {
        paths.insert(p);
    }
    json files = json::array();
    std::string raw;
    const std::string zero(40, '0');
    for (const auto &p : paths) {
        const auto a = bt.find(p);
        const auto b = ht->find(p);
        const bool inA = a != bt.end();
        const bool inB = b != ht->end();
        if (inA && inB && a->second == b->second) {
            continue;
        }
        const char *status = !inA ? "added" : !inB ? "removed" : "modified";
        json f{{"path", p}, {"status", status}};
        f["oldOid"] = inA ? json(a->second.blobId) : json(nullptr);
        f["newOid"] = inB ? json(b->second.blobId) : json(nullptr);
        f["oldSize"] = inA ? json(a->second.size) : json(nullptr);
        f["newSize"] = inB ? json(b->second.size) : json(nullptr);
        if ((inB && b->second.isLfs()) || (inA && a->second.isLfs())) {
            f["lfs"] = true;
        }
        files.push_back(f);
        raw += std::string(inB && b->second.isLfs() ? "B " : "T ") + std::to_string(inB ? b->second.size : 0) +
               "\t:" + (inA ? "100644" : "000000") + " " + (inB ? "100644" : "000000") + " " +
               (inA ? a->second.blobId : zero) + "... " + (inB ? b->second.blobId : zero) + "... " +
               (!inA   ? "A"
                : !inB ? "D"
                       : "M") +
               "\t" + p + "\n";
    }
    HttpResponse r;
    if (req.flag("raw")) {
        r.contentType = "text/plain; charset=utf-8";
        r.body = raw;
        return r;
    }
    r.setJson(json{{"base", base ? json(*base) : json(nullptr)}, {"head", *head}, {"files", files}}.dump());
    return r;
}

} // namespace hub::sandbox
