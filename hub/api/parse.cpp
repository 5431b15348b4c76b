#include "hub/api/parse.h"

#include "hub/core/strings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace hub {

using json = nlohmann::json;

namespace {

constexpr int kMaxDepth = 256;

HubError bad(std::string_view what, std::string detail)
{
    return HubError::make(ErrorCode::BadResponse,
                          "The Hub sent an answer HubDesk cannot read (" + std::string(what) +
                              "): try again, and check that the Hub address points to a Hugging Face Hub.",
                          std::move(detail));
}

/// Rejects absurd nesting before nlohmann sees it (deep recursion in the DOM is a stack risk).
bool depthOk(std::string_view body)
{
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth)
                return false;
        } else if (c == ']' || c == '}')
            --depth;
    }
    return true;
}

Expected<json> parseJson(std::string_view body, std::string_view what)
{
    if (body.size() > kMaxParseBytes)
        return bad(what, "body of " + std::to_string(body.size()) + " bytes is larger than the parse limit");
    if (!depthOk(body))
        return bad(what, "JSON nested too deeply");
    json j = json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_discarded())
        return bad(what, "invalid JSON");
    return j;
}

/// Reads typed fields from one JSON object, remembering the first problem.
class Fields {
public:
    Fields(const json &obj, std::string ctx, std::string *error) : m_obj(obj), m_ctx(std::move(ctx)), m_error(error)
    {
        if (!obj.is_object())
            fail("", "is not an object");
    }

    const json *find(const char *key) const
    {
        if (!m_obj.is_object())
            return nullptr;
        auto it = m_obj.find(key);
        if (it == m_obj.end() || it->is_null())
            return nullptr;
        return &*it;
    }

    std::string str(const char *key, bool required = false)
    {
        const json *v = find(key);
        if (!v) {
            if (required)
                fail(key, "is missing");
            return {};
        }
        if (!v->is_string()) {
            fail(key, "is not a string");
            return {};
        }
        return v->get<std::string>();
    }

    std::optional<uint64_t> u64opt(const char *key, bool required = false)
    {
        const json *v = find(key);
        if (!v) {
            if (required)
                fail(key, "is missing");
            return std::nullopt;
        }
        if (v->is_number_unsigned())
            return v->get<uint64_t>();
        if (v->is_number_integer()) {
            const int64_t x = v->get<int64_t>();
            if (x >= 0)
                return static_cast<uint64_t>(x);
        }
        if (v->is_number_float()) {
            const double d = v->get<double>();
            if (d >= 0 && d < 1.8e19 && std::floor(d) == d)
                return static_cast<uint64_t>(d);
        }
        fail(key, "is not a non-negative integer");
        return std::nullopt;
    }
    uint64_t u64(const char *key, bool required = false) { return u64opt(key, required).value_or(0); }

    bool boolean(const char *key, bool fallback = false)
    {
        const json *v = find(key);
        if (!v)
            return fallback;
        if (!v->is_boolean()) {
            fail(key, "is not a boolean");
            return fallback;
        }
        return v->get<bool>();
    }

    std::vector<std::string> strings(const char *key)
    {
        std::vector<std::string> out;
        const json *v = find(key);
        if (!v)
            return out;
        if (!v->is_array()) {
            fail(key, "is not an array");
            return out;
        }
        for (const auto &e : *v)
            if (e.is_string())
                out.push_back(e.get<std::string>());
        return out;
    }

    const json *array(const char *key, bool required = false)
    {
        const json *v = find(key);
        if (!v) {
            if (required)
                fail(key, "is missing");
            return nullptr;
        }
        if (!v->is_array()) {
            fail(key, "is not an array");
            return nullptr;
        }
        return v;
    }

    const json *object(const char *key, bool required = false)
    {
        const json *v = find(key);
        if (!v) {
            if (required)
                fail(key, "is missing");
            return nullptr;
        }
        if (!v->is_object()) {
            fail(key, "is not an object");
            return nullptr;
        }
        return v;
    }

    /// false / "auto" / "manual" (true is read as "auto").
    std::string gated(const char *key)
    {
        const json *v = find(key);
        if (!v)
            return {};
        if (v->is_boolean())
            return v->get<bool>() ? "auto" : "";
        if (v->is_string())
            return v->get<std::string>();
        fail(key, "is neither a boolean nor a string");
        return {};
    }

    void fail(std::string_view key, std::string_view problem)
    {
        if (m_error && m_error->empty())
            *m_error = m_ctx + (key.empty() ? "" : "." + std::string(key)) + " " + std::string(problem);
    }
    const std::string &ctx() const { return m_ctx; }

private:
    const json &m_obj;
    std::string m_ctx;
    std::string *m_error;
};

std::optional<LfsInfo> readLfs(Fields &f, const char *key, const char *oidKey)
{
    const json *l = f.object(key);
    if (!l)
        return std::nullopt;
    std::string err;
    Fields lf(*l, f.ctx() + "." + key, &err);
    LfsInfo info;
    info.oid = lf.str(oidKey, true);
    info.size = lf.u64("size", true);
    info.pointerSize = lf.u64("pointerSize");
    if (!err.empty()) {
        f.fail(key, err);
        return std::nullopt;
    }
    return info;
}

TreeEntry readTreeEntry(const json &item, size_t index, std::string *err)
{
    Fields f(item, "[" + std::to_string(index) + "]", err);
    TreeEntry e;
    const std::string type = f.str("type", true);
    e.type = type == "file"        ? TreeEntry::Type::File
             : type == "directory" ? TreeEntry::Type::Directory
                                   : TreeEntry::Type::Unknown;
    e.path = f.str("path", true);
    e.oid = f.str("oid", e.type == TreeEntry::Type::File);
    e.size = f.u64("size", e.type == TreeEntry::Type::File);
    e.lfs = readLfs(f, "lfs", "oid");
    e.xetHash = f.str("xetHash");
    if (const json *lc = f.object("lastCommit")) {
        Fields cf(*lc, f.ctx() + ".lastCommit", err);
        LastCommit c;
        c.id = cf.str("id", true);
        c.title = cf.str("title");
        c.date = cf.str("date");
        e.lastCommit = c;
    }
    return e;
}

template <class T> Expected<T> finish(T value, const std::string &err, std::string_view what)
{
    if (!err.empty())
        return bad(what, err);
    return value;
}

GitRef readRef(const json &item, const std::string &ctx, std::string *err)
{
    Fields f(item, ctx, err);
    GitRef r;
    r.name = f.str("name", true);
    r.ref = f.str("ref");
    r.targetCommit = f.str("targetCommit", true);
    return r;
}

std::optional<FileChange::Status> statusFrom(std::string_view s)
{
    const std::string l = toLower(s);
    if (l.empty())
        return std::nullopt;
    if (l == "added" || l == "add" || l[0] == 'a')
        return FileChange::Status::Added;
    if (l == "removed" || l == "deleted" || l[0] == 'd')
        return FileChange::Status::Deleted;
    if (l == "renamed" || l[0] == 'r')
        return FileChange::Status::Renamed;
    if (l == "typechanged" || l[0] == 't')
        return FileChange::Status::TypeChanged;
    if (l == "modified" || l[0] == 'm' || l[0] == 'c' || l[0] == 'u')
        return FileChange::Status::Modified;
    return std::nullopt;
}

std::string stripEllipsis(std::string s)
{
    while (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

Expected<std::vector<FileChange>> parseRawDiff(std::string_view body)
{
    // "T 2305\t:100644 100644 <old>... <new>... M\tpath[\tnewpath]"
    std::vector<FileChange> out;
    for (const auto &rawLine : split(body, '\n')) {
        const std::string_view line = trim(rawLine);
        if (line.empty())
            continue;
        const auto fields = split(line, '\t');
        size_t meta = 0;
        while (meta < fields.size() && !startsWith(trim(fields[meta]), ":"))
            ++meta;
        if (meta >= fields.size() || meta + 1 >= fields.size())
            return bad("compare", "raw diff line without ':' metadata and a path");
        const auto parts = split(trim(fields[meta]), ' ');
        if (parts.size() < 5)
            return bad("compare", "raw diff metadata has fewer than five fields");
        FileChange c;
        const auto st = statusFrom(parts[4]);
        if (!st)
            return bad("compare", "unknown raw diff status");
        c.status = *st;
        c.oldOid = stripEllipsis(parts[2]);
        c.newOid = stripEllipsis(parts[3]);
        if (c.oldOid.find_first_not_of('0') == std::string::npos)
            c.oldOid.clear();
        if (c.newOid.find_first_not_of('0') == std::string::npos)
            c.newOid.clear();
        if (meta > 0) {
            const auto head = split(trim(fields[0]), ' ');
            uint64_t size = 0;
            if (head.size() >= 2 && parseUint64(head[1], size))
                c.newSize = size;
        }
        if (c.status == FileChange::Status::Renamed && meta + 2 < fields.size()) {
            c.oldPath = fields[meta + 1];
            c.path = fields[meta + 2];
        } else {
            c.path = fields[meta + 1];
        }
        if (c.path.empty())
            return bad("compare", "raw diff line with an empty path");
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace

std::string parseErrorMessage(std::string_view body)
{
    const std::string_view t = trim(body);
    if (t.empty() || t.size() > (1 << 20))
        return {};
    if (t.front() == '{' && depthOk(t)) {
        json j = json::parse(t.begin(), t.end(), nullptr, false);
        if (j.is_object()) {
            std::string msg;
            if (auto it = j.find("error"); it != j.end()) {
                if (it->is_string())
                    msg = it->get<std::string>();
                else if (it->is_array())
                    for (const auto &e : *it)
                        if (e.is_string())
                            msg += (msg.empty() ? "" : "; ") + e.get<std::string>();
            }
            if (msg.empty())
                if (auto it = j.find("message"); it != j.end() && it->is_string())
                    msg = it->get<std::string>();
            if (msg.empty())
                if (auto it = j.find("errors"); it != j.end() && it->is_array())
                    for (const auto &e : *it)
                        if (e.is_object())
                            if (auto m = e.find("message"); m != e.end() && m->is_string())
                                msg += (msg.empty() ? "" : "; ") + m->get<std::string>();
            if (auto it = j.find("error_description"); it != j.end() && it->is_string())
                msg += (msg.empty() ? "" : ": ") + it->get<std::string>();
            return msg.substr(0, 500);
        }
        return {};
    }
    if (t.front() == '<' || t.front() == '[')
        return {}; // HTML pages and arrays carry no message for people
    return std::string(t.substr(0, 300));
}

Expected<WhoAmI> parseWhoAmI(std::string_view body)
{
    auto j = parseJson(body, "whoami");
    if (!j)
        return j.error();
    std::string err;
    Fields f(*j, "whoami", &err);
    WhoAmI w;
    w.type = f.str("type");
    w.id = f.str("id");
    w.name = f.str("name", true);
    w.fullname = f.str("fullname");
    w.email = f.str("email");
    w.avatarUrl = f.str("avatarUrl");
    w.isPro = f.boolean("isPro");
    if (const json *orgs = f.array("orgs")) {
        size_t i = 0;
        for (const auto &o : *orgs) {
            Fields of(o, "whoami.orgs[" + std::to_string(i++) + "]", &err);
            w.orgs.push_back({of.str("name", true), of.str("fullname")});
        }
    }
    if (const json *auth = f.object("auth")) {
        Fields af(*auth, "whoami.auth", &err);
        if (const json *tok = af.object("accessToken")) {
            Fields tf(*tok, "whoami.auth.accessToken", &err);
            w.tokenName = tf.str("displayName");
            w.tokenRole = tf.str("role");
        }
    }
    return finish(std::move(w), err, "whoami");
}

namespace {
void readRepoCommon(Fields &f, RepoType type, RepoSummary &r)
{
    r.type = type;
    r.mongoId = f.str("_id");
    r.id = f.str("id", true);
    r.author = f.str("author");
    r.isPrivate = f.boolean("private");
    r.gated = f.gated("gated");
    r.downloads = f.u64("downloads");
    r.likes = f.u64("likes");
    r.tags = f.strings("tags");
    r.pipelineTag = f.str("pipeline_tag");
    r.libraryName = f.str("library_name");
    r.sdk = f.str("sdk");
    r.createdAt = f.str("createdAt");
    r.lastModified = f.str("lastModified");
    r.sha = f.str("sha");
    if (r.author.empty()) {
        const auto slash = r.id.find('/');
        if (slash != std::string::npos)
            r.author = r.id.substr(0, slash);
    }
}
} // namespace

Expected<std::vector<RepoSummary>> parseRepoList(std::string_view body, RepoType type)
{
    auto j = parseJson(body, "repository list");
    if (!j)
        return j.error();
    if (!j->is_array())
        return bad("repository list", "not a JSON array");
    std::string err;
    std::vector<RepoSummary> out;
    out.reserve(j->size());
    size_t i = 0;
    for (const auto &item : *j) {
        Fields f(item, "[" + std::to_string(i++) + "]", &err);
        RepoSummary r;
        readRepoCommon(f, type, r);
        out.push_back(std::move(r));
    }
    return finish(std::move(out), err, "repository list");
}

Expected<RepoInfo> parseRepoInfo(std::string_view body, RepoType type)
{
    auto j = parseJson(body, "repository info");
    if (!j)
        return j.error();
    std::string err;
    Fields f(*j, "info", &err);
    RepoSummary s;
    readRepoCommon(f, type, s);
    RepoInfo r;
    r.mongoId = s.mongoId;
    r.id = s.id;
    r.type = type;
    r.author = s.author;
    r.sha = f.str("sha", true);
    r.isPrivate = s.isPrivate;
    r.disabled = f.boolean("disabled");
    r.gated = s.gated;
    r.downloads = s.downloads;
    r.likes = s.likes;
    r.tags = s.tags;
    r.pipelineTag = s.pipelineTag;
    r.libraryName = s.libraryName;
    r.sdk = s.sdk;
    r.createdAt = s.createdAt;
    r.lastModified = s.lastModified;
    r.usedStorage = f.u64opt("usedStorage");
    if (const json *card = f.find("cardData"); card && card->is_object()) {
        if (auto lic = card->find("license"); lic != card->end() && lic->is_string())
            r.cardLicense = lic->get<std::string>();
    }
    if (const json *sib = f.array("siblings")) {
        size_t i = 0;
        for (const auto &item : *sib) {
            Fields sf(item, "info.siblings[" + std::to_string(i++) + "]", &err);
            RepoSibling s2;
            s2.path = sf.str("rfilename", true);
            s2.size = sf.u64opt("size");
            s2.blobId = sf.str("blobId");
            s2.lfs = readLfs(sf, "lfs", "sha256");
            r.siblings.push_back(std::move(s2));
        }
    }
    return finish(std::move(r), err, "repository info");
}

Expected<Refs> parseRefs(std::string_view body)
{
    auto j = parseJson(body, "refs");
    if (!j)
        return j.error();
    std::string err;
    Fields f(*j, "refs", &err);
    Refs r;
    auto readList = [&](const char *key, std::vector<GitRef> &out, bool required) {
        if (const json *arr = f.array(key, required)) {
            size_t i = 0;
            for (const auto &item : *arr)
                out.push_back(readRef(item, std::string("refs.") + key + "[" + std::to_string(i++) + "]", &err));
        }
    };
    readList("branches", r.branches, true);
    readList("tags", r.tags, false);
    readList("converts", r.converts, false);
    readList("pullRequests", r.pullRequests, false);
    return finish(std::move(r), err, "refs");
}

Expected<std::vector<CommitInfo>> parseCommits(std::string_view body)
{
    auto j = parseJson(body, "commit list");
    if (!j)
        return j.error();
    if (!j->is_array())
        return bad("commit list", "not a JSON array");
    std::string err;
    std::vector<CommitInfo> out;
    out.reserve(j->size());
    size_t i = 0;
    for (const auto &item : *j) {
        Fields f(item, "[" + std::to_string(i++) + "]", &err);
        CommitInfo c;
        c.id = f.str("id", true);
        c.title = f.str("title");
        c.message = f.str("message");
        c.date = f.str("date");
        if (const json *authors = f.array("authors")) {
            for (const auto &a : *authors) {
                Fields af(a, f.ctx() + ".authors", &err);
                c.authors.push_back(af.str("user", true));
            }
        }
        out.push_back(std::move(c));
    }
    return finish(std::move(out), err, "commit list");
}

Expected<std::vector<TreeEntry>> parseTree(std::string_view body)
{
    auto j = parseJson(body, "file list");
    if (!j)
        return j.error();
    if (!j->is_array())
        return bad("file list", "not a JSON array");
    std::string err;
    std::vector<TreeEntry> out;
    out.reserve(j->size());
    size_t i = 0;
    for (const auto &item : *j)
        out.push_back(readTreeEntry(item, i++, &err));
    return finish(std::move(out), err, "file list");
}

Expected<std::vector<FileChange>> parseCompare(std::string_view body)
{
    const std::string_view t = trim(body);
    if (t.empty())
        return std::vector<FileChange>{};
    if (t.front() != '{' && t.front() != '[')
        return parseRawDiff(t);
    auto j = parseJson(t, "compare");
    if (!j)
        return j.error();
    const json *files = &*j;
    std::string err;
    if (j->is_object()) {
        Fields f(*j, "compare", &err);
        files = f.array("files", true);
        if (!files)
            return bad("compare", err);
    }
    if (!files->is_array())
        return bad("compare", "not a JSON array");
    std::vector<FileChange> out;
    size_t i = 0;
    for (const auto &item : *files) {
        Fields f(item, "compare[" + std::to_string(i++) + "]", &err);
        FileChange c;
        c.path = f.str("path", true);
        c.oldPath = f.str("oldPath");
        const auto st = statusFrom(f.str("status", true));
        if (!st)
            f.fail("status", "is not a known change status");
        c.status = st.value_or(FileChange::Status::Modified);
        c.oldOid = f.str("oldOid");
        c.newOid = f.str("newOid");
        c.oldSize = f.u64opt("oldSize");
        c.newSize = f.u64opt("newSize");
        out.push_back(std::move(c));
    }
    return finish(std::move(out), err, "compare");
}

Expected<CreateRepoResult> parseCreateRepo(std::string_view body)
{
    auto j = parseJson(body, "create repository");
    if (!j)
        return j.error();
    std::string err;
    Fields f(*j, "create", &err);
    CreateRepoResult r;
    r.url = f.str("url", true);
    r.id = f.str("name");
    r.mongoId = f.str("id");
    return finish(std::move(r), err, "create repository");
}

Expected<PreuploadResult> parsePreupload(std::string_view body)
{
    auto j = parseJson(body, "preupload");
    if (!j)
        return j.error();
    std::string err;
    Fields f(*j, "preupload", &err);
    PreuploadResult r;
    r.commitOid = f.str("commitOid");
    if (const json *files = f.array("files", true)) {
        size_t i = 0;
        for (const auto &item : *files) {
            Fields ff(item, "preupload.files[" + std::to_string(i++) + "]", &err);
            PreuploadFile p;
            p.path = ff.str("path", true);
            const std::string mode = ff.str("uploadMode", true);
            if (mode == "lfs")
                p.uploadMode = UploadMode::Lfs;
            else if (mode == "regular")
                p.uploadMode = UploadMode::Regular;
            else
                ff.fail("uploadMode", "is neither \"lfs\" nor \"regular\"");
            p.shouldIgnore = ff.boolean("shouldIgnore");
            p.oid = ff.str("oid");
            r.files.push_back(std::move(p));
        }
    }
    return finish(std::move(r), err, "preupload");
}

namespace {
std::optional<LfsAction> readAction(Fields &f, const char *key, std::string *err)
{
    const json *a = f.object(key);
    if (!a)
        return std::nullopt;
    Fields af(*a, f.ctx() + "." + key, err);
    LfsAction action;
    action.href = af.str("href", true);
    action.expiresAt = af.str("expires_at");
    if (const json *h = af.object("header")) {
        for (auto it = h->begin(); it != h->end(); ++it) {
            if (it.value().is_string())
                action.header[it.key()] = it.value().get<std::string>();
            else if (it.value().is_number_unsigned())
                action.header[it.key()] = std::to_string(it.value().get<uint64_t>());
            else
                af.fail("header", "has a value that is not a string");
        }
    }
    return action;
}

bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
} // namespace

Expected<LfsBatchResult> parseLfsBatch(std::string_view body)
{
    auto j = parseJson(body, "LFS batch");
    if (!j)
        return j.error();
    std::string err;
    Fields f(*j, "batch", &err);
    LfsBatchResult r;
    r.transfer = f.str("transfer");
    if (r.transfer.empty())
        r.transfer = "basic";
    if (const json *objects = f.array("objects", true)) {
        size_t i = 0;
        for (const auto &item : *objects) {
            Fields of(item, "batch.objects[" + std::to_string(i++) + "]", &err);
            LfsBatchObject o;
            o.oid = of.str("oid", true);
            o.size = of.u64("size", true);
            if (const json *e = of.object("error")) {
                Fields ef(*e, of.ctx() + ".error", &err);
                o.errorCode = static_cast<int>(std::min<uint64_t>(ef.u64("code"), 999));
                o.errorMessage = ef.str("message");
                if (o.errorCode == 0)
                    o.errorCode = 500;
            }
            if (const json *actions = of.object("actions")) {
                Fields acf(*actions, of.ctx() + ".actions", &err);
                o.upload = readAction(acf, "upload", &err);
                o.verify = readAction(acf, "verify", &err);
            }
            if (o.upload && o.upload->header.count("chunk_size")) {
                uint64_t chunk = 0;
                if (!parseUint64(o.upload->header["chunk_size"], chunk) || chunk == 0) {
                    of.fail("actions.upload.header.chunk_size", "is not a positive integer");
                } else {
                    std::vector<std::pair<uint64_t, std::string>> parts;
                    for (const auto &[k, v] : o.upload->header) {
                        uint64_t n = 0;
                        if (allDigits(k) && parseUint64(k, n))
                            parts.emplace_back(n, v);
                    }
                    std::sort(parts.begin(), parts.end());
                    for (size_t p = 0; p < parts.size(); ++p)
                        if (parts[p].first != p + 1)
                            of.fail("actions.upload.header", "part numbers are not 1..n");
                    const uint64_t expected = (o.size + chunk - 1) / chunk;
                    if (parts.size() != expected)
                        of.fail("actions.upload.header", "part count does not match size / chunk_size");
                    o.chunkSize = chunk;
                    for (auto &p : parts)
                        o.partUrls.push_back(std::move(p.second));
                }
            }
            r.objects.push_back(std::move(o));
        }
    }
    return finish(std::move(r), err, "LFS batch");
}

Expected<CommitResult> parseCommitResult(std::string_view body)
{
    auto j = parseJson(body, "commit");
    if (!j)
        return j.error();
    std::string err;
    Fields f(*j, "commit", &err);
    CommitResult r;
    r.commitOid = f.str("commitOid", true);
    r.commitUrl = f.str("commitUrl", true);
    r.pullRequestUrl = f.str("pullRequestUrl");
    r.hookOutput = f.str("hookOutput");
    return finish(std::move(r), err, "commit");
}

char fileChangeLetter(FileChange::Status status)
{
    switch (status) {
    case FileChange::Status::Added: return 'A';
    case FileChange::Status::Modified: return 'M';
    case FileChange::Status::Deleted: return 'D';
    case FileChange::Status::Renamed: return 'R';
    case FileChange::Status::TypeChanged: return 'T';
    }
    return 'M';
}

} // namespace hub
