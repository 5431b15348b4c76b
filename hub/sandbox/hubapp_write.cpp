// Write routes: repos, branches, tags, settings, preupload, LFS batch/upload, NDJSON commits.
#include "hub/core/hash.h"
#include "hub/core/strings.h"
#include "hub/core/timeutil.h"
#include "hub/sandbox/hubapp.h"

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <fstream>
#include <optional>
#include <sstream>

using nlohmann::json;
namespace fs = std::filesystem;

namespace hub::sandbox {
namespace {

int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

constexpr uint64_t kMaxRegularFile = 10ull * 1024 * 1024;

bool base64Decode(const std::string &in, std::string &out)
{
    static const std::string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    out.clear();
    uint32_t buf = 0;
    int bits = 0;
    size_t pad = 0;
    for (char ch : in) {
        if (ch == '=') {
            ++pad;
            continue;
        }
        if (ch == '\n' || ch == '\r') {
            continue;
        }
        if (pad) {
            return false; // data after padding
        }
        const auto pos = chars.find(ch == '-' ? '+' : ch == '_' ? '/' : ch);
        if (pos == std::string::npos) {
            return false;
        }
        buf = (buf << 6) | static_cast<uint32_t>(pos);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buf >> bits) & 0xFF));
        }
    }
    return pad <= 2;
}

bool validRefName(const std::string &name)
{
    if (name.empty() || name.size() > 200 || startsWith(name, "refs/") || name.find("..") != std::string::npos ||
        startsWith(name, "/") || endsWith(name, "/") || endsWith(name, ".lock") || name == "HEAD") {
        return false;
    }
    for (char ch : name) {
        if (static_cast<unsigned char>(ch) <= 0x20 || ch == '~' || ch == '^' || ch == ':' || ch == '?' || ch == '*' ||
            ch == '[' || ch == '\\' || ch == 0x7f) {
            return false;
        }
    }
    return true;
}

json parseJsonBody(const HttpRequest &req)
{
    return json::parse(req.body, nullptr, false);
}

/// The repo a create or delete call names: {"name": "n" or "ns/n", "organization"?, "type"?}.
struct NamedRepo {
    std::string ns;
    std::string name;
    std::optional<RepoType> type; ///< nullopt: an unknown "type"
    std::string id() const { return ns + "/" + name; }
};

/// nullopt when the body is not a JSON object with a string "name".
std::optional<NamedRepo> namedRepo(const json &b, const std::string &callerNs)
{
    if (b.is_discarded() || !b.is_object() || !b.contains("name") || !b["name"].is_string())
        return std::nullopt;
    NamedRepo r;
    r.name = b["name"].get<std::string>();
    r.ns =
        b.contains("organization") && b["organization"].is_string() ? b["organization"].get<std::string>() : callerNs;
    if (const auto slash = r.name.find('/'); slash != std::string::npos) {
        r.ns = r.name.substr(0, slash);
        r.name = r.name.substr(slash + 1);
    }
    r.type = parseRepoType(b.value("type", std::string("model")));
    return r;
}

} // namespace

HttpResponse HubApp::createRepo(const HttpRequest &req, const Caller &c)
{
    if (c.user.empty()) {
        return errorResponse(401, "You must be authenticated to create a repo. Pass a token with write access.");
    }
    const json b = parseJsonBody(req);
    const auto named = namedRepo(b, c.user);
    if (!named) {
        return errorResponse(400, "The body must be JSON with at least a \"name\".");
    }
    const std::string &ns = named->ns;
    const std::string &name = named->name;
    const auto &type = named->type;
    if (!type) {
        return errorResponse(400, "Unknown repo type; use model, dataset or space.");
    }
    const auto id = RepoId::parse(ns + "/" + name);
    if (!id || name.find("--") != std::string::npos || name.find("..") != std::string::npos) {
        return errorResponse(400, "Invalid repo name \"" + ns + "/" + name + "\".");
    }
    if (!canWrite(ns, c)) {
        return errorResponse(403, "You don't have the rights to create a " + std::string(repoTypeName(*type)) +
                                      " under the namespace \"" + ns + "\".");
    }
    const std::string url = m_origin + "/" + std::string(repoTypeUrlPrefix(*type)) + ns + "/" + name;
    if (m_store.repo(*type, ns + "/" + name)) {
        HttpResponse r;
        r.setJson(
            json{{"error", "You already created this " + std::string(repoTypeName(*type)) + " repo"}, {"url", url}}
                .dump(),
            409);
        r.setHeader("X-Error-Message", "You already created this repo");
        return r;
    }
    bool isPrivate = b.contains("private") && b["private"].is_boolean() && b["private"].get<bool>();
    if (b.contains("visibility") && b["visibility"].is_string()) {
        isPrivate = b["visibility"] != "public";
    }
    std::string sdk = b.value("sdk", std::string());
    if (*type == RepoType::Space && sdk.empty()) {
        sdk = "static";
    }
    auto created = m_store.createRepo(*type, ns, name, isPrivate, nowSeconds(), sdk);
    if (!created) {
        return errorResponse(500, created.error().message);
    }
    // @huggingface/hub can send initial files with the create call.
    if (b.contains("files") && b["files"].is_array() && !b["files"].empty()) {
        std::vector<Operation> ops;
        for (const auto &f : b["files"]) {
            Operation op;
            op.path = f.value("path", std::string());
            if (!isSafeRepoPath(op.path) || !base64Decode(f.value("content", std::string()), op.content)) {
                continue;
            }
            ops.push_back(std::move(op));
        }
        RepoState *repo = *created;
        auto id2 = commitOperations(repo->branches["main"], ops, c.user, nowSeconds(), "Upload files", "");
        if (id2) {
            repo->branches["main"] = *id2;
            (void)m_store.saveRepo(*repo);
        }
    }
    HttpResponse r;
    r.setJson(json{{"url", url}, {"name", ns + "/" + name}, {"id", (*created)->mongoId}}.dump());
    return r;
}

HttpResponse HubApp::deleteRepo(const HttpRequest &req, const Caller &c)
{
    if (c.user.empty()) {
        return errorResponse(401, "You must be authenticated to delete a repo.");
    }
    const auto named = namedRepo(parseJsonBody(req), c.user);
    if (!named) {
        return errorResponse(400, "The body must be JSON with at least a \"name\".");
    }
    const std::string &ns = named->ns;
    const std::string &name = named->name;
    const auto &type = named->type;
    const RepoState *repo = type ? m_store.repo(*type, ns + "/" + name) : nullptr;
    if (!repo || !canRead(*repo, c)) {
        return repoNotFound();
    }
    if (!canWrite(ns, c)) {
        return errorResponse(403, "You don't have the rights to delete " + ns + "/" + name + ".");
    }
    if (auto st = m_store.deleteRepo(*type, ns + "/" + name); !st) {
        return errorResponse(500, st.error().message);
    }
    HttpResponse r;
    r.contentType = "text/plain; charset=utf-8";
    r.body = "OK";
    return r;
}

HttpResponse HubApp::settings(const HttpRequest &req, RepoState &repo)
{
    const json b = parseJsonBody(req);
    if (b.is_discarded() || !b.is_object()) {
        return errorResponse(400, "The body must be a JSON object.");
    }
    if (b.contains("private") && b["private"].is_boolean()) {
        repo.isPrivate = b["private"].get<bool>();
    }
    if (b.contains("visibility") && b["visibility"].is_string()) {
        repo.isPrivate = b["visibility"] != "public";
    }
    if (b.contains("gated")) {
        if (b["gated"].is_boolean() && !b["gated"].get<bool>()) {
            repo.gated = "false";
        } else if (b["gated"] == "auto" || b["gated"] == "manual") {
            repo.gated = b["gated"].get<std::string>();
        } else {
            return errorResponse(400, "\"gated\" must be false, \"auto\" or \"manual\".");
        }
    }
    if (auto st = m_store.saveRepo(repo); !st) {
        return errorResponse(500, st.error().message);
    }
    HttpResponse r;
    r.setJson("{}");
    return r;
}

HttpResponse HubApp::createBranch(const HttpRequest &req, RepoState &repo, const std::string &name)
{
    if (!validRefName(name)) {
        return errorResponse(400, "Invalid branch name \"" + name + "\".");
    }
    json b = req.body.empty() ? json::object() : parseJsonBody(req);
    if (b.is_discarded() || !b.is_object()) {
        return errorResponse(400, "The body must be a JSON object.");
    }
    const bool overwrite = b.value("overwrite", false);
    if (repo.branches.count(name) && !overwrite) {
        return errorResponse(409, "Reference already exists: refs/heads/" + name);
    }
    std::string target;
    if (b.value("emptyBranch", false)) {
        auto id = commitOperations({}, {}, "system", nowSeconds(), "initial commit", "");
        if (!id) {
            return errorResponse(500, id.error().message);
        }
        target = *id;
    } else {
        const std::string start = b.contains("startingPoint") && b["startingPoint"].is_string()
                                      ? b["startingPoint"].get<std::string>()
                                      : std::string("main");
        const auto resolved = m_store.resolve(repo, start);
        if (!resolved) {
            return revisionNotFound(start);
        }
        target = *resolved;
    }
    repo.branches[name] = target;
    if (auto st = m_store.saveRepo(repo); !st) {
        return errorResponse(500, st.error().message);
    }
    HttpResponse r;
    r.setJson("{}");
    return r;
}

HttpResponse HubApp::deleteBranch(RepoState &repo, const std::string &name)
{
    if (!repo.branches.count(name)) {
        return errorResponse(404, "Invalid rev id: " + name, "RevisionNotFound");
    }
    if (name == "main") {
        return errorResponse(403, "You cannot delete the default branch.");
    }
    repo.branches.erase(name);
    if (auto st = m_store.saveRepo(repo); !st) {
        return errorResponse(500, st.error().message);
    }
    HttpResponse r;
    r.setJson("{}");
    return r;
}

HttpResponse HubApp::createTag(const HttpRequest &req, RepoState &repo, const std::string &rev)
{
    const json b = parseJsonBody(req);
    if (b.is_discarded() || !b.is_object() || !b.contains("tag") || !b["tag"].is_string()) {
        return errorResponse(400, "The body must be JSON with a \"tag\".");
    }
    const std::string tag = b["tag"].get<std::string>();
    if (!validRefName(tag)) {
        return errorResponse(400, "Invalid tag name \"" + tag + "\".");
    }
    const auto target = m_store.resolve(repo, rev);
    if (!target) {
        return revisionNotFound(rev);
    }
    if (repo.tags.count(tag)) {
        return errorResponse(409, "Tag already exists: " + tag);
    }
    repo.tags[tag] = *target;
    if (auto st = m_store.saveRepo(repo); !st) {
        return errorResponse(500, st.error().message);
    }
    HttpResponse r;
    r.setJson("{}");
    return r;
}

HttpResponse HubApp::deleteTag(RepoState &repo, const std::string &name)
{
    if (!repo.tags.erase(name)) {
        return errorResponse(404, "Invalid rev id: " + name, "RevisionNotFound");
    }
    if (auto st = m_store.saveRepo(repo); !st) {
        return errorResponse(500, st.error().message);
    }
    HttpResponse r;
    r.setJson("{}");
    return r;
}

HttpResponse HubApp::preupload(const HttpRequest &req, RepoState &repo, const std::string &rev)
{
    const auto head = m_store.resolve(repo, rev);
    if (!head && !req.flag("create_pr")) {
        return revisionNotFound(rev);
    }
    const json b = parseJsonBody(req);
    if (b.is_discarded() || !b.is_object() || !b.contains("files") || !b["files"].is_array()) {
        return errorResponse(400, "The body must be JSON like {\"files\": [{\"path\", \"size\", \"sample\"}]}.");
    }
    if (b["files"].size() > 1000) {
        return errorResponse(413, "Too many files in one request (the limit is 1000).");
    }
    std::string attributes = defaultGitAttributes();
    std::shared_ptr<const Tree> t;
    if (head) {
        t = m_store.tree(m_store.commit(*head)->treeId);
        if (auto it = t->find(".gitattributes"); it != t->end()) {
            attributes = m_store.readBlob(it->second.blobId).valueOr(attributes);
        }
    }
    if (b.contains("gitAttributes") && b["gitAttributes"].is_string()) {
        attributes = b["gitAttributes"].get<std::string>();
    }
    json files = json::array();
    for (const auto &f : b["files"]) {
        if (!f.is_object() || !f.contains("path") || !f["path"].is_string() || !f.contains("size") ||
            !f["size"].is_number_unsigned()) {
            return errorResponse(400, "Each file needs a \"path\" (string) and a \"size\" (number).");
        }
        const std::string path = f["path"].get<std::string>();
        if (!isSafeRepoPath(path)) {
            return errorResponse(400, "Invalid path \"" + path + "\": paths must be relative, without '..'.");
        }
        std::string sample;
        if (f.contains("sample") && f["sample"].is_string() && !base64Decode(f["sample"].get<std::string>(), sample)) {
            return errorResponse(400, "The \"sample\" of " + path + " is not valid base64.");
        }
        const uint64_t size = f["size"].get<uint64_t>();
        const bool lfs = size > 0 && (matchesLfsPattern(attributes, path) || size >= kMaxRegularFile ||
                                      sample.find('\0') != std::string::npos);
        json out{{"path", path}, {"uploadMode", lfs ? "lfs" : "regular"}, {"shouldIgnore", false}};
        if (t) {
            if (auto it = t->find(path); it != t->end()) {
                out["oid"] = it->second.isLfs() ? it->second.lfsOid : it->second.blobId;
            }
        }
        files.push_back(std::move(out));
    }
    HttpResponse r;
    r.setJson(json{{"files", files}, {"commitOid", head ? json(*head) : json(nullptr)}}.dump());
    return r;
}

HttpResponse HubApp::lfsBatch(const HttpRequest &req, const Caller &c, RepoState &repo)
{
    const json b = parseJsonBody(req);
    if (b.is_discarded() || !b.is_object() || !b.contains("objects") || !b["objects"].is_array()) {
        return errorResponse(400, "The body must be a Git LFS batch request with \"objects\".");
    }
    const std::string op = b.value("operation", std::string("download"));
    if (op == "upload") {
        if (c.user.empty()) {
            return errorResponse(401, "You must be authenticated to upload. Pass a token with write access.");
        }
        // Uploads for a pull request (no ref, or refs/pr/N) are open to every signed-in reader,
        // as on the Hub; the commit that would use them is checked on its own.
        const bool forPr = !b.contains("ref") || !b["ref"].is_object() ||
                           startsWith(b["ref"].value("name", std::string()), "refs/pr/");
        if (!canWrite(repo.ns, c) && !forPr) {
            return errorResponse(403, "You don't have the rights to write to " + repo.fullId() + ".");
        }
    } else if (op != "download") {
        return errorResponse(400, "Unknown operation \"" + op + "\".");
    }
    m_lastBatchTransfers.clear();
    if (b.contains("transfers") && b["transfers"].is_array()) {
        for (const auto &t : b["transfers"]) {
            m_lastBatchTransfers.push_back(t.is_string() ? t.get<std::string>() : t.dump());
        }
    }
    if (op == "upload" && m_options.xetOnlyUploads) {
        return xetUploadBatch(repo, b["objects"]);
    }
    json objects = json::array();
    bool anyMultipart = false;
    for (const auto &o : b["objects"]) {
        if (!o.is_object() || !o.contains("oid") || !o["oid"].is_string() || !o.contains("size") ||
            !o["size"].is_number_unsigned()) {
            return errorResponse(400, "Each object needs an \"oid\" and a \"size\".");
        }
        const std::string oid = o["oid"].get<std::string>();
        const uint64_t size = o["size"].get<uint64_t>();
        json out{{"oid", oid}, {"size", size}};
        if (!isSha256(oid)) {
            out["error"] = {{"code", 422}, {"message", "Invalid oid: it must be a lowercase SHA-256."}};
            objects.push_back(out);
            continue;
        }
        uint64_t have = 0;
        const bool stored = m_store.hasLfs(oid, &have) && have == size;
        if (op == "download") {
            if (!stored) {
                out["error"] = {{"code", 404}, {"message", "Object does not exist"}};
            } else {
                out["authenticated"] = true;
                out["actions"] = {
                    {"download", {{"href", m_blobOrigin + "/__lfs/" + oid + "?" + signedQuery("get", oid)}}}};
            }
            objects.push_back(out);
            continue;
        }
        if (stored) {
            objects.push_back(out); // no actions: already there
            continue;
        }
        out["authenticated"] = true;
        const std::string q = "size=" + std::to_string(size) + "&" + signedQuery("put", oid);
        const uint64_t chunk = std::max<uint64_t>(1, m_options.multipartThreshold);
        if (size > chunk) {
            anyMultipart = true;
            json header{{"chunk_size", std::to_string(chunk)}};
            const uint64_t parts = (size + chunk - 1) / chunk;
            for (uint64_t n = 1; n <= parts; ++n) {
                char key[16];
                std::snprintf(key, sizeof key, "%05llu", static_cast<unsigned long long>(n));
                header[key] = m_origin + "/__lfs-upload/" + oid + "?part=" + std::to_string(n) + "&" + q;
            }
            out["actions"] = {
                {"upload", {{"href", m_origin + "/__lfs-complete/" + oid + "?" + q}, {"header", header}}}};
        } else {
            out["actions"] = {{"upload", {{"href", m_origin + "/__lfs-upload/" + oid + "?" + q}}}};
        }
        objects.push_back(out);
    }
    HttpResponse r;
    r.setJson(json{{"transfer", anyMultipart ? "multipart" : "basic"}, {"objects", objects}}.dump());
    r.contentType = "application/vnd.git-lfs+json";
    return r;
}

HttpResponse HubApp::lfsUpload(const HttpRequest &req, const std::string &oid)
{
    ++m_lfsUploads;
    std::error_code ec;
    const auto cleanup = [&] {
        if (!req.bodyFile.empty()) {
            fs::remove(req.bodyFile, ec);
        }
    };
    uint64_t size = 0;
    if (!isSha256(oid) || !checkSignature(req, "put", oid) || !parseUint64(req.param("size").value_or(""), size)) {
        cleanup();
        return errorResponse(403, "This upload link is invalid or has expired; ask the LFS batch API for a new one.");
    }
    if (req.bodyFile.empty()) {
        return errorResponse(400, "Empty upload.");
    }
    if (const auto part = req.param("part")) {
        uint64_t n = 0;
        if (!parseUint64(*part, n) || n == 0 || n > 100000) {
            cleanup();
            return errorResponse(400, "Invalid part number.");
        }
        const fs::path target = m_store.uploadsDir() / (oid + ".part" + std::to_string(n));
        fs::rename(req.bodyFile, target, ec);
        if (ec) {
            cleanup();
            return errorResponse(500, "The sandbox could not store the uploaded part.");
        }
        HttpResponse r;
        r.setHeader("ETag", "\"" + req.bodySha256 + "\"");
        return r;
    }
    if (req.bodySize != size || req.bodySha256 != oid) {
        cleanup();
        return errorResponse(400, "The uploaded bytes do not match the announced oid and size.");
    }
    std::lock_guard lock(m_mutex);
    if (auto st = m_store.adoptLfsFile(req.bodyFile, oid); !st) {
        cleanup();
        return errorResponse(500, st.error().message);
    }
    return HttpResponse{};
}

HttpResponse HubApp::lfsComplete(const HttpRequest &req, const std::string &oid)
{
    uint64_t size = 0;
    if (!isSha256(oid) || !checkSignature(req, "put", oid) || !parseUint64(req.param("size").value_or(""), size)) {
        return errorResponse(403, "This upload link is invalid or has expired; ask the LFS batch API for a new one.");
    }
    const json b = parseJsonBody(req);
    if (b.is_discarded() || !b.is_object() || !b.contains("parts") || !b["parts"].is_array() || b["parts"].empty()) {
        return errorResponse(400,
                             "The body must be JSON like {\"oid\": ..., \"parts\": [{\"partNumber\", \"etag\"}]}.");
    }
    const uint64_t chunk = std::max<uint64_t>(1, m_options.multipartThreshold);
    const size_t expected = static_cast<size_t>((size + chunk - 1) / chunk);
    if (b["parts"].size() != expected) {
        return errorResponse(400, "Expected " + std::to_string(expected) + " parts.");
    }
    const fs::path assembled = m_store.uploadsDir() / (oid + ".assembling");
    std::ofstream out(assembled, std::ios::binary | std::ios::trunc);
    Hasher hasher(HashAlgo::Sha256);
    uint64_t total = 0;
    std::vector<char> buf(1 << 20);
    std::error_code ec;
    for (size_t n = 1; n <= expected; ++n) {
        const fs::path part = m_store.uploadsDir() / (oid + ".part" + std::to_string(n));
        std::ifstream in(part, std::ios::binary);
        if (!in) {
            fs::remove(assembled, ec);
            return errorResponse(400, "Part " + std::to_string(n) + " was never uploaded.");
        }
        while (in) {
            in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
            const auto got = static_cast<size_t>(in.gcount());
            hasher.update(buf.data(), got);
            out.write(buf.data(), static_cast<std::streamsize>(got));
            total += got;
        }
    }
    out.close();
    if (total != size || hasher.finalHex() != oid) {
        fs::remove(assembled, ec);
        return errorResponse(400, "The uploaded parts do not match the announced oid and size.");
    }
    if (auto st = m_store.adoptLfsFile(assembled, oid); !st) {
        return errorResponse(500, st.error().message);
    }
    for (size_t n = 1; n <= expected; ++n) {
        fs::remove(m_store.uploadsDir() / (oid + ".part" + std::to_string(n)), ec);
    }
    HttpResponse r;
    r.setJson("{}");
    return r;
}

HttpResponse HubApp::commit(const HttpRequest &req, const Caller &c, RepoState &repo, const std::string &rev)
{
    const bool createPr = req.flag("create_pr");
    const auto head = m_store.resolve(repo, rev);
    if (!head) {
        return revisionNotFound(rev);
    }
    const bool isBranch = repo.branches.count(rev) || rev.empty() || rev == "HEAD";
    int prNumber = 0;
    if (startsWith(rev, "refs/pr/")) {
        prNumber = std::stoi(rev.substr(8));
        if (auto refused = refusePullRequestPush(repo, prNumber)) {
            return *refused;
        }
    } else if (!isBranch && !createPr) {
        return errorResponse(400, "You can only commit to a branch or a pull request, not to \"" + rev + "\".");
    }
    // Parse and validate everything before changing anything.
    std::istringstream in(req.body);
    std::string line;
    json header;
    std::vector<Operation> ops;
    size_t lineNo = 0;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (trim(line).empty()) {
            continue;
        }
        ++lineNo;
        const json j = json::parse(line, nullptr, false);
        const std::string where = "line " + std::to_string(lineNo);
        if (j.is_discarded() || !j.is_object() || !j.contains("key") || !j["key"].is_string() || !j.contains("value") ||
            !j["value"].is_object()) {
            return errorResponse(400, "Malformed NDJSON at " + where + ": each line must be {\"key\", \"value\"}.");
        }
        const std::string key = j["key"].get<std::string>();
        const json &v = j["value"];
        if (lineNo == 1) {
            if (key != "header") {
                return errorResponse(400, "The first line of a commit must be the \"header\".");
            }
            header = v;
            continue;
        }
        Operation op;
        if (!v.contains("path") || !v["path"].is_string()) {
            return errorResponse(400, "Missing \"path\" at " + where + ".");
        }
        op.path = v["path"].get<std::string>();
        std::string checkPath = op.path;
        if (key == "deletedFolder") {
            while (!checkPath.empty() && checkPath.back() == '/') {
                checkPath.pop_back();
            }
        }
        if (!isSafeRepoPath(checkPath) || startsWith(checkPath, ".git/") || checkPath == ".git") {
            return errorResponse(400, "Invalid path at " + where + ": paths must be relative, without '..'.");
        }
        if (v.contains("oldPath")) {
            if (!v["oldPath"].is_string() || !isSafeRepoPath(v["oldPath"].get<std::string>())) {
                return errorResponse(400, "Invalid oldPath at " + where + ".");
            }
            op.oldPath = v["oldPath"].get<std::string>();
        }
        if (key == "file") {
            op.kind = Operation::Kind::Regular;
            const std::string encoding = v.value("encoding", std::string("base64"));
            if (!v.contains("content") || !v["content"].is_string()) {
                return errorResponse(400, "Missing \"content\" at " + where + ".");
            }
            if (encoding == "base64") {
                if (!base64Decode(v["content"].get<std::string>(), op.content)) {
                    return errorResponse(400, "The content at " + where + " is not valid base64.");
                }
            } else if (encoding == "utf-8") {
                op.content = v["content"].get<std::string>();
            } else {
                return errorResponse(400, "Unknown encoding \"" + encoding + "\" at " + where + ".");
            }
            if (op.content.size() > kMaxRegularFile) {
                return errorResponse(400, "Your push was rejected because it contains files larger than 10 MiB. "
                                          "Upload " +
                                              op.path + " through Git LFS instead.");
            }
        } else if (key == "lfsFile") {
            op.kind = Operation::Kind::Lfs;
            if (!v.contains("oid") || !v["oid"].is_string() || !isSha256(v["oid"].get<std::string>())) {
                return errorResponse(400, "Missing or invalid \"oid\" at " + where + ".");
            }
            op.lfsOid = v["oid"].get<std::string>();
            uint64_t stored = 0;
            if (!m_store.hasLfs(op.lfsOid, &stored)) {
                return errorResponse(422, "Your push was rejected because an LFS pointer (" + op.path +
                                              ") points to a file that was never uploaded.");
            }
            if (v.contains("size") && (!v["size"].is_number_unsigned() || v["size"].get<uint64_t>() != stored)) {
                return errorResponse(400, "The size of " + op.path + " does not match the uploaded file.");
            }
            op.size = stored;
        } else if (key == "deletedFile") {
            op.kind = Operation::Kind::Delete;
        } else if (key == "deletedFolder") {
            op.kind = Operation::Kind::DeleteFolder;
            op.path = checkPath;
        } else {
            return errorResponse(400, "Unknown operation \"" + key + "\" at " + where + ".");
        }
        ops.push_back(std::move(op));
    }
    if (!header.is_object() || !header.contains("summary") || !header["summary"].is_string() ||
        trim(header["summary"].get<std::string>()).empty()) {
        return errorResponse(400, "The commit header needs a non-empty \"summary\".");
    }
    if (header.contains("parentCommit") && !header["parentCommit"].is_null()) {
        const std::string parent = header["parentCommit"].is_string() ? header["parentCommit"].get<std::string>() : "";
        if (parent.empty() || !startsWith(*head, parent)) {
            return errorResponse(412, "A commit has happened since. Please refresh and try again.");
        }
    }
    // Deletions must name existing files (checked against the tree as it evolves).
    {
        Tree t = *m_store.tree(m_store.commit(*head)->treeId);
        for (const auto &op : ops) {
            if (op.kind == Operation::Kind::Delete && !t.erase(op.path)) {
                return errorResponse(404, "A file with this name doesn't exist: " + op.path, "EntryNotFound");
            }
            if (op.kind == Operation::Kind::DeleteFolder) {
                const std::string prefix = op.path + "/";
                auto it = t.lower_bound(prefix);
                if (it == t.end() || !startsWith(it->first, prefix)) {
                    return errorResponse(404, "A folder with this name doesn't exist: " + op.path, "EntryNotFound");
                }
                while (it != t.end() && startsWith(it->first, prefix)) {
                    it = t.erase(it);
                }
            }
            if (op.kind == Operation::Kind::Regular || op.kind == Operation::Kind::Lfs) {
                t[op.path] = FileEntry{};
            }
        }
    }
    const std::string description = header.contains("description") && header["description"].is_string()
                                        ? header["description"].get<std::string>()
                                        : std::string();
    auto newId = commitOperations(*head, ops, c.user, nowSeconds(), header["summary"].get<std::string>(), description);
    if (!newId) {
        return errorResponse(500, newId.error().message);
    }
    json out{{"success", true},
             {"commitOid", *newId},
             {"commitUrl", repoUrl(repo) + "/commit/" + *newId},
             {"hookOutput", ""}};
    if (createPr && prNumber == 0) {
        prNumber = nextDiscussionNumber(repo);
        out["pullRequestUrl"] = repoUrl(repo) + "/discussions/" + std::to_string(prNumber);
        repo.pullRequests[prNumber] = *newId;
    } else if (prNumber > 0) {
        repo.pullRequests[prNumber] = *newId;
        out["pullRequestUrl"] = repoUrl(repo) + "/discussions/" + std::to_string(prNumber);
    } else {
        repo.branches[rev.empty() || rev == "HEAD" ? std::string("main") : rev] = *newId;
    }
    if (auto st = m_store.saveRepo(repo); !st) {
        return errorResponse(500, st.error().message);
    }
    if (prNumber > 0) {
        notePullRequestCommit(repo, prNumber, *head, *m_store.commit(*newId), description);
    }
    HttpResponse r;
    r.setJson(out.dump());
    return r;
}

HttpResponse HubApp::validateYaml(const HttpRequest &req)
{
    const json b = parseJsonBody(req);
    if (b.is_discarded() || !b.is_object() || !b.contains("content") || !b["content"].is_string()) {
        HttpResponse r;
        r.setJson(json{{"errors", json::array({{{"message", "The body must be JSON with a \"content\"."}}})}}.dump(),
                  400);
        return r;
    }
    const std::string text = b["content"].get<std::string>();
    if (startsWith(text, "---")) {
        const auto end = text.find("\n---", 3);
        try {
            if (end == std::string::npos) {
                throw std::runtime_error("The metadata block is not closed with ---.");
            }
            (void)YAML::Load(text.substr(3, end - 3));
        } catch (const std::exception &e) {
            HttpResponse r;
            r.setJson(json{{"errors", json::array({{{"message", std::string("Invalid YAML: ") + e.what()}}})}}.dump(),
                      400);
            return r;
        }
    }
    HttpResponse r;
    r.setJson(R"({"errors":[],"warnings":[]})");
    return r;
}

} // namespace hub::sandbox
