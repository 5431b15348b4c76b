#include "hub/sandbox/store.h"

#include "hub/core/hash.h"
#include "hub/core/strings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace hub::sandbox {
namespace {

std::string hexToBytes(const std::string &hex)
{
    std::string out;
    out.reserve(hex.size() / 2);
    for (size_t i = 0; i + 1 < hex.size(); i += 2) {
        out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    }
    return out;
}

std::string gitObjectId(std::string_view kind, const std::string &content)
{
    Hasher h(HashAlgo::Sha1);
    const std::string header = std::string(kind) + " " + std::to_string(content.size()) + std::string(1, '\0');
    h.update(header);
    h.update(content);
    return h.finalHex();
}

std::string parentDir(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string baseName(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

HubError ioError(const std::string &what, const fs::path &path)
{
    return HubError::make(ErrorCode::Io, "The sandbox could not " + what + ".", path.string());
}

Expected<std::string> readFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return ioError("read a file in its data directory", path);
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string repoKey(RepoType type, const std::string &fullId)
{
    return std::string(repoTypeName(type)) + ":" + fullId;
}

json treeToJson(const Tree &tree)
{
    json arr = json::array();
    for (const auto &[path, e] : tree) {
        arr.push_back(json::array({path, e.blobId, e.size, e.lfsOid}));
    }
    return arr;
}

json repoToJson(const RepoState &r)
{
    json prs = json::object();
    for (const auto &[n, c] : r.pullRequests) {
        prs[std::to_string(n)] = c;
    }
    return json{{"type", repoTypeName(r.type)},
                {"ns", r.ns},
                {"name", r.name},
                {"_id", r.mongoId},
                {"private", r.isPrivate},
                {"gated", r.gated},
                {"createdAt", r.createdAt},
                {"downloads", r.downloads},
                {"likes", r.likes},
                {"sdk", r.sdk},
                {"branches", r.branches},
                {"tags", r.tags},
                {"pullRequests", prs},
                {"gatedApproved", r.gatedApproved}};
}

std::unique_ptr<RepoState> repoFromJson(const json &j)
{
    auto r = std::make_unique<RepoState>();
    r->type = parseRepoType(j.at("type").get<std::string>()).value_or(RepoType::Model);
    r->ns = j.at("ns").get<std::string>();
    r->name = j.at("name").get<std::string>();
    r->mongoId = j.at("_id").get<std::string>();
    r->isPrivate = j.at("private").get<bool>();
    r->gated = j.at("gated").get<std::string>();
    r->createdAt = j.at("createdAt").get<int64_t>();
    r->downloads = j.value("downloads", int64_t{0});
    r->likes = j.value("likes", int64_t{0});
    r->sdk = j.value("sdk", std::string());
    r->branches = j.at("branches").get<std::map<std::string, std::string>>();
    r->tags = j.at("tags").get<std::map<std::string, std::string>>();
    for (const auto &[n, c] : j.at("pullRequests").items()) {
        r->pullRequests[std::stoi(n)] = c.get<std::string>();
    }
    r->gatedApproved = j.value("gatedApproved", std::set<std::string>());
    return r;
}

} // namespace

std::string lfsPointerText(const std::string &sha256, uint64_t size)
{
    return "version https://git-lfs.github.com/spec/v1\noid sha256:" + sha256 + "\nsize " + std::to_string(size) + "\n";
}

std::map<std::string, std::string> directoryOids(const Tree &tree)
{
    struct Child {
        bool isDir = false;
        std::string oid;
    };
    std::map<std::string, std::map<std::string, Child>> children;
    children[""];
    for (const auto &[path, e] : tree) {
        children[parentDir(path)][baseName(path)] = Child{false, e.blobId};
        for (std::string d = parentDir(path); !d.empty(); d = parentDir(d)) {
            children[parentDir(d)][baseName(d)] = Child{true, {}};
            children[d];
        }
    }
    std::vector<std::string> dirs;
    for (const auto &[d, c] : children) {
        dirs.push_back(d);
    }
    const auto depth = [](const std::string &d) {
        return d.empty() ? -1 : static_cast<int>(std::count(d.begin(), d.end(), '/'));
    };
    std::stable_sort(dirs.begin(), dirs.end(), [&](const auto &a, const auto &b) { return depth(a) > depth(b); });
    std::map<std::string, std::string> oids;
    for (const auto &d : dirs) {
        auto &kids = children[d];
        std::vector<std::pair<std::string, const Child *>> sorted;
        for (auto &[name, child] : kids) {
            if (child.isDir) {
                child.oid = oids[d.empty() ? name : d + "/" + name];
            }
            sorted.emplace_back(child.isDir ? name + "/" : name, &child);
        }
        std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        std::string content;
        for (const auto &[key, child] : sorted) {
            const std::string name = child->isDir ? key.substr(0, key.size() - 1) : key;
            content += (child->isDir ? "40000 " : "100644 ") + name + std::string(1, '\0') + hexToBytes(child->oid);
        }
        oids[d] = gitObjectId("tree", content);
    }
    return oids;
}

Store::Store(fs::path dataDir) : m_dataDir(std::move(dataDir)) {}

fs::path Store::blobPath(const std::string &blobId) const
{
    return m_dataDir / "blobs" / blobId.substr(0, 2) / blobId;
}

fs::path Store::lfsPath(const std::string &sha256) const
{
    return m_dataDir / "lfs" / sha256.substr(0, 2) / sha256;
}

Status Store::writeJsonAtomic(const fs::path &file, const std::string &text) const
{
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    const fs::path tmp = file.string() + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            return ioError("write its state", tmp);
        }
    }
    fs::rename(tmp, file, ec);
    if (ec) {
        return ioError("save its state", file);
    }
    return {};
}

Expected<std::string> Store::putBlob(const std::string &content)
{
    const std::string id = gitBlobSha1Hex(content);
    const fs::path p = blobPath(id);
    std::error_code ec;
    if (fs::exists(p, ec)) {
        return id;
    }
    if (auto st = writeJsonAtomic(p, content); !st) {
        return st.error();
    }
    return id;
}

Expected<std::string> Store::readBlob(const std::string &blobId) const
{
    return readFile(blobPath(blobId));
}

bool Store::hasLfs(const std::string &sha256, uint64_t *size) const
{
    if (!isSha256(sha256)) {
        return false;
    }
    std::error_code ec;
    const auto s = fs::file_size(lfsPath(sha256), ec);
    if (ec) {
        return false;
    }
    if (size) {
        *size = s;
    }
    return true;
}

Status Store::adoptLfsFile(const fs::path &file, const std::string &sha256)
{
    const fs::path target = lfsPath(sha256);
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    fs::rename(file, target, ec);
    if (ec) {
        return ioError("store an uploaded file", target);
    }
    return {};
}

Expected<std::string> Store::putTree(Tree t)
{
    const auto oids = directoryOids(t);
    const std::string id = oids.at("");
    if (!m_trees.count(id)) {
        if (auto st = writeJsonAtomic(m_dataDir / "state" / "trees" / (id + ".json"), treeToJson(t).dump()); !st) {
            return st.error();
        }
        m_trees[id] = std::make_shared<const Tree>(std::move(t));
        m_dirOids[id] = oids;
    }
    return id;
}

std::shared_ptr<const Tree> Store::tree(const std::string &treeId) const
{
    const auto it = m_trees.find(treeId);
    return it == m_trees.end() ? nullptr : it->second;
}

const std::map<std::string, std::string> &Store::treeDirOids(const std::string &treeId)
{
    auto it = m_dirOids.find(treeId);
    if (it == m_dirOids.end()) {
        static const Tree empty;
        const auto t = tree(treeId);
        it = m_dirOids.emplace(treeId, directoryOids(t ? *t : empty)).first;
    }
    return it->second;
}

Expected<std::string> Store::putCommit(Commit c)
{
    std::string text = "tree " + c.treeId + "\n";
    for (const auto &p : c.parents) {
        text += "parent " + p + "\n";
    }
    const std::string who =
        c.author + " <" + c.author + "@users.noreply.huggingface.co> " + std::to_string(c.date) + " +0000";
    text += "author " + who + "\ncommitter " + who + "\n\n" + c.title + "\n";
    if (!c.message.empty()) {
        text += "\n" + c.message + "\n";
    }
    c.id = gitObjectId("commit", text);
    if (!m_commits.count(c.id)) {
        const json j{{"id", c.id},     {"tree", c.treeId}, {"parents", c.parents}, {"author", c.author},
                     {"date", c.date}, {"title", c.title}, {"message", c.message}};
        if (auto st = writeJsonAtomic(m_dataDir / "state" / "commits" / (c.id + ".json"), j.dump()); !st) {
            return st.error();
        }
        m_commits[c.id] = c;
    }
    return c.id;
}

const Commit *Store::commit(const std::string &id) const
{
    const auto it = m_commits.find(id);
    return it == m_commits.end() ? nullptr : &it->second;
}

Expected<bool> Store::load()
{
    const fs::path state = m_dataDir / "state";
    std::error_code ec;
    if (!fs::exists(state / "repos", ec)) {
        return false;
    }
    try {
        for (const auto &e : fs::directory_iterator(state / "trees")) {
            if (e.path().extension() != ".json") {
                continue;
            }
            auto text = readFile(e.path());
            if (!text) {
                return text.error();
            }
            Tree t;
            for (const auto &row : json::parse(*text)) {
                t[row.at(0).get<std::string>()] =
                    FileEntry{row.at(1).get<std::string>(), row.at(2).get<uint64_t>(), row.at(3).get<std::string>()};
            }
            m_trees[e.path().stem().string()] = std::make_shared<const Tree>(std::move(t));
        }
        for (const auto &e : fs::directory_iterator(state / "commits")) {
            if (e.path().extension() != ".json") {
                continue;
            }
            auto text = readFile(e.path());
            if (!text) {
                return text.error();
            }
            const json j = json::parse(*text);
            Commit c{j.at("id"),   j.at("tree"),  j.at("parents"), j.at("author"),
                     j.at("date"), j.at("title"), j.at("message")};
            m_commits[c.id] = c;
        }
        for (const auto &e : fs::directory_iterator(state / "repos")) {
            if (e.path().extension() != ".json") {
                continue;
            }
            auto text = readFile(e.path());
            if (!text) {
                return text.error();
            }
            auto r = repoFromJson(json::parse(*text));
            const std::string key = repoKey(r->type, r->fullId());
            m_repos[key] = std::move(r);
        }
    } catch (const std::exception &ex) {
        return HubError::make(ErrorCode::Corrupt,
                              "The sandbox's data directory is damaged; start with an empty --data directory.",
                              ex.what());
    }
    return true;
}

fs::path Store::repoFile(const RepoState &r) const
{
    return m_dataDir / "state" / "repos" / (std::string(repoTypeName(r.type)) + "--" + r.ns + "--" + r.name + ".json");
}

Status Store::saveRepo(const RepoState &r)
{
    return writeJsonAtomic(repoFile(r), repoToJson(r).dump(1));
}

RepoState *Store::repo(RepoType type, const std::string &fullId)
{
    const auto it = m_repos.find(repoKey(type, fullId));
    return it == m_repos.end() ? nullptr : it->second.get();
}

const RepoState *Store::repo(RepoType type, const std::string &fullId) const
{
    const auto it = m_repos.find(repoKey(type, fullId));
    return it == m_repos.end() ? nullptr : it->second.get();
}

std::vector<const RepoState *> Store::repos(RepoType type) const
{
    std::vector<const RepoState *> out;
    for (const auto &[key, r] : m_repos) {
        if (r->type == type) {
            out.push_back(r.get());
        }
    }
    return out;
}

Expected<RepoState *> Store::createRepo(RepoType type, const std::string &ns, const std::string &name, bool isPrivate,
                                        int64_t now, const std::string &sdk)
{
    auto r = std::make_unique<RepoState>();
    r->type = type;
    r->ns = ns;
    r->name = name;
    r->isPrivate = isPrivate;
    r->createdAt = now;
    r->sdk = sdk;
    r->mongoId = sha256Hex(std::string(repoTypeName(type)) + ":" + ns + "/" + name).substr(0, 24);
    auto blob = putBlob(defaultGitAttributes());
    if (!blob) {
        return blob.error();
    }
    Tree t;
    t[".gitattributes"] = FileEntry{*blob, defaultGitAttributes().size(), {}};
    auto treeId = putTree(std::move(t));
    if (!treeId) {
        return treeId.error();
    }
    auto commitId = putCommit(Commit{{}, *treeId, {}, "system", now, "initial commit", {}});
    if (!commitId) {
        return commitId.error();
    }
    r->branches["main"] = *commitId;
    if (auto st = saveRepo(*r); !st) {
        return st.error();
    }
    RepoState *raw = r.get();
    m_repos[repoKey(type, r->fullId())] = std::move(r);
    return raw;
}

Status Store::deleteRepo(RepoType type, const std::string &fullId)
{
    const auto it = m_repos.find(repoKey(type, fullId));
    if (it == m_repos.end()) {
        return HubError::make(ErrorCode::RepoNotFound, "Repository not found");
    }
    std::error_code ec;
    fs::remove(repoFile(*it->second), ec);
    m_repos.erase(it);
    return {};
}

std::optional<std::string> Store::resolve(const RepoState &r, const std::string &rev) const
{
    const std::string name = rev.empty() || rev == "HEAD" ? std::string("main") : rev;
    std::string branch = name;
    if (startsWith(branch, "refs/heads/")) {
        branch = branch.substr(11);
    }
    if (auto it = r.branches.find(branch); it != r.branches.end()) {
        return it->second;
    }
    std::string tag = startsWith(name, "refs/tags/") ? name.substr(10) : name;
    if (auto it = r.tags.find(tag); it != r.tags.end()) {
        return it->second;
    }
    if (startsWith(name, "refs/pr/")) {
        uint64_t n = 0;
        if (parseUint64(name.substr(8), n)) {
            if (auto it = r.pullRequests.find(static_cast<int>(n)); it != r.pullRequests.end()) {
                return it->second;
            }
        }
        return std::nullopt;
    }
    if (name.size() >= 7 && name.size() <= 40 && isHex(name)) {
        // A commit id (full or abbreviated) reachable from one of the repo's refs.
        std::vector<std::string> heads;
        for (const auto &m : {r.branches, r.tags}) {
            for (const auto &[k, v] : m) {
                heads.push_back(v);
            }
        }
        for (const auto &[k, v] : r.pullRequests) {
            heads.push_back(v);
        }
        std::set<std::string> seen;
        std::vector<std::string> stack = heads;
        while (!stack.empty()) {
            const std::string id = stack.back();
            stack.pop_back();
            if (!seen.insert(id).second) {
                continue;
            }
            if (startsWith(id, name)) {
                return id;
            }
            if (const Commit *c = commit(id)) {
                for (const auto &p : c->parents) {
                    stack.push_back(p);
                }
            }
        }
    }
    return std::nullopt;
}

std::vector<const Commit *> Store::history(const std::string &commitId) const
{
    std::vector<const Commit *> out;
    for (const Commit *c = commit(commitId); c; c = c->parents.empty() ? nullptr : commit(c->parents.front())) {
        out.push_back(c);
    }
    return out;
}

std::map<std::string, const Commit *> Store::lastCommits(const std::string &commitId,
                                                         const std::vector<std::string> &paths)
{
    std::map<std::string, const Commit *> out;
    const auto valueAt = [this](const std::string &treeId, const std::string &path) -> std::string {
        const auto t = tree(treeId);
        if (!t) {
            return {};
        }
        if (auto it = t->find(path); it != t->end()) {
            return it->second.blobId + ":" + it->second.lfsOid;
        }
        const auto &dirs = treeDirOids(treeId);
        const auto it = dirs.find(path);
        return it == dirs.end() ? std::string() : it->second;
    };
    std::set<std::string> pending(paths.begin(), paths.end());
    for (const Commit *c : history(commitId)) {
        if (pending.empty()) {
            break;
        }
        const Commit *parent = c->parents.empty() ? nullptr : commit(c->parents.front());
        for (auto it = pending.begin(); it != pending.end();) {
            const std::string now = valueAt(c->treeId, *it);
            const std::string before = parent ? valueAt(parent->treeId, *it) : std::string();
            if (now != before) {
                out[*it] = c;
                it = pending.erase(it);
            } else {
                ++it;
            }
        }
    }
    return out;
}

const std::string &defaultGitAttributes()
{
    static const std::string text = [] {
        std::string s;
        for (const char *pattern : {"*.7z",          "*.arrow",
                                    "*.bin",         "*.bz2",
                                    "*.ckpt",        "*.ftz",
                                    "*.gz",          "*.h5",
                                    "*.joblib",      "*.lfs",
                                    "*.mlmodel",     "*.model",
                                    "*.msgpack",     "*.npy",
                                    "*.npz",         "*.onnx",
                                    "*.ot",          "*.parquet",
                                    "*.pb",          "*.pickle",
                                    "*.pkl",         "*.pt",
                                    "*.pth",         "*.rar",
                                    "*.safetensors", "saved_model/**/*",
                                    "*.tar.*",       "*.tar",
                                    "*.tflite",      "*.tgz",
                                    "*.wasm",        "*.xz",
                                    "*.zip",         "*.zst",
                                    "*tfevents*",    "*.png",
                                    "*.jpg",         "*.jpeg",
                                    "*.webp",        "*.wav",
                                    "*.mp3",         "*.flac"}) {
            s += std::string(pattern) + " filter=lfs diff=lfs merge=lfs -text\n";
        }
        return s;
    }();
    return text;
}

namespace {

// Glob match for .gitattributes patterns: '*' matches within a segment, '**' across segments.
bool globMatch(std::string_view pat, std::string_view s)
{
    if (pat.empty()) {
        return s.empty();
    }
    if (startsWith(pat, "**")) {
        pat.remove_prefix(2);
        if (startsWith(pat, "/")) {
            pat.remove_prefix(1);
        }
        for (size_t i = 0; i <= s.size(); ++i) {
            if (globMatch(pat, s.substr(i))) {
                return true;
            }
        }
        return false;
    }
    if (pat.front() == '*') {
        for (size_t i = 0; i <= s.size(); ++i) {
            if (globMatch(pat.substr(1), s.substr(i))) {
                return true;
            }
            if (i < s.size() && s[i] == '/') {
                break;
            }
        }
        return false;
    }
    if (s.empty()) {
        return false;
    }
    if (pat.front() == '?' ? s.front() != '/' : pat.front() == s.front()) {
        return globMatch(pat.substr(1), s.substr(1));
    }
    return false;
}

} // namespace

bool matchesLfsPattern(const std::string &gitAttributes, const std::string &path)
{
    bool lfs = false;
    std::istringstream in(gitAttributes);
    std::string line;
    while (std::getline(in, line)) {
        const auto parts = split(trim(line), ' ');
        if (parts.size() < 2 || parts[0].empty() || parts[0][0] == '#') {
            continue;
        }
        const bool setsLfs = std::find(parts.begin() + 1, parts.end(), "filter=lfs") != parts.end();
        const bool unsetsLfs = std::find(parts.begin() + 1, parts.end(), "-filter") != parts.end();
        if (!setsLfs && !unsetsLfs) {
            continue;
        }
        const std::string &pat = parts[0];
        // A pattern without '/' matches the file name at any depth.
        const bool matched = pat.find('/') == std::string::npos ? globMatch(pat, path.substr(path.rfind('/') + 1))
                                                                : globMatch(pat, path);
        if (matched) {
            lfs = setsLfs;
        }
    }
    return lfs;
}

} // namespace hub::sandbox
