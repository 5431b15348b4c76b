// Persistence of the sandbox's discussions: one JSON file per repo, written atomically.
#include "hub/sandbox/discussions.h"

#include "hub/core/atomicfile.h"
#include "hub/core/hash.h"

#include <nlohmann/json.hpp>

#include <cstring>
#include <fstream>
#include <sstream>

namespace hub::sandbox {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

std::string keyOf(const RepoState &repo)
{
    return std::string(repoTypeName(repo.type)) + ":" + repo.fullId();
}

fs::path fileOf(const Store &store, const RepoState &repo)
{
    return store.dataDir() / "discussions" / std::string(repoTypeName(repo.type)) / repo.ns / (repo.name + ".json");
}

json eventToJson(const ConversationEvent &e)
{
    return json{{"id", e.id},
                {"type", e.type},
                {"author", e.author},
                {"createdAt", e.createdAt},
                {"content", e.content},
                {"hidden", e.hidden},
                {"edits", e.edits},
                {"editedAt", e.editedAt},
                {"status", e.status},
                {"oid", e.oid},
                {"subject", e.subject},
                {"from", e.from},
                {"to", e.to}};
}

ConversationEvent eventFromJson(const json &j)
{
    ConversationEvent e;
    e.id = j.value("id", std::string());
    e.type = j.value("type", std::string());
    e.author = j.value("author", std::string());
    e.createdAt = j.value("createdAt", int64_t{0});
    e.content = j.value("content", std::string());
    e.hidden = j.value("hidden", false);
    e.edits = j.value("edits", 0);
    e.editedAt = j.value("editedAt", int64_t{0});
    e.status = j.value("status", std::string());
    e.oid = j.value("oid", std::string());
    e.subject = j.value("subject", std::string());
    e.from = j.value("from", std::string());
    e.to = j.value("to", std::string());
    return e;
}

} // namespace

ConversationEvent &DiscussionRecord::addEvent(const std::string &repoKey, std::string type, std::string by,
                                              int64_t date)
{
    ConversationEvent e;
    Hasher h(HashAlgo::Sha1);
    h.update(repoKey + "#" + std::to_string(num) + "#" + std::to_string(events.size()) + "#" + type);
    e.id = h.finalHex().substr(0, 24);
    e.type = std::move(type);
    e.author = std::move(by);
    e.createdAt = date;
    events.push_back(std::move(e));
    return events.back();
}

int DiscussionRecord::commentCount() const
{
    int n = 0;
    for (const auto &e : events) {
        n += e.type == "comment" ? 1 : 0;
    }
    return n;
}

std::map<int, DiscussionRecord> &DiscussionStore::of(const Store &store, const RepoState &repo)
{
    const std::string key = keyOf(repo);
    auto it = m_repos.find(key);
    if (it != m_repos.end()) {
        return it->second;
    }
    auto &out = m_repos[key];
    std::ifstream in(fileOf(store, repo), std::ios::binary);
    if (!in) {
        return out;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const json j = json::parse(ss.str(), nullptr, false);
    if (!j.is_object() || j.value("repoId", std::string()) != repo.mongoId || !j.contains("discussions") ||
        !j["discussions"].is_array()) {
        return out;
    }
    for (const auto &d : j["discussions"]) {
        if (!d.is_object()) {
            continue;
        }
        DiscussionRecord r;
        r.num = d.value("num", 0);
        r.title = d.value("title", std::string());
        r.status = d.value("status", std::string("open"));
        r.isPullRequest = d.value("isPullRequest", false);
        r.author = d.value("author", std::string());
        r.createdAt = d.value("createdAt", int64_t{0});
        r.baseRef = d.value("baseRef", std::string("refs/heads/main"));
        r.baseCommit = d.value("baseCommit", std::string());
        r.mergeCommitId = d.value("mergeCommitId", std::string());
        if (d.contains("events") && d["events"].is_array()) {
            for (const auto &e : d["events"]) {
                if (e.is_object()) {
                    r.events.push_back(eventFromJson(e));
                }
            }
        }
        if (r.num > 0) {
            out[r.num] = std::move(r);
        }
    }
    return out;
}

Status DiscussionStore::save(const Store &store, const RepoState &repo)
{
    json arr = json::array();
    for (const auto &[num, d] : of(store, repo)) {
        json events = json::array();
        for (const auto &e : d.events) {
            events.push_back(eventToJson(e));
        }
        arr.push_back(json{{"num", d.num},
                           {"title", d.title},
                           {"status", d.status},
                           {"isPullRequest", d.isPullRequest},
                           {"author", d.author},
                           {"createdAt", d.createdAt},
                           {"baseRef", d.baseRef},
                           {"baseCommit", d.baseCommit},
                           {"mergeCommitId", d.mergeCommitId},
                           {"events", events}});
    }
    const fs::path file = fileOf(store, repo);
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    const std::string text = json{{"repoId", repo.mongoId}, {"discussions", arr}}.dump(1);
    if (const int err = writeFileAtomically(file, text); err != 0) {
        return HubError::make(ErrorCode::Io, "The sandbox could not save the discussions of " + repo.fullId() + ".",
                              file.string() + ": " + std::strerror(err));
    }
    return {};
}

int DiscussionStore::nextNumber(const Store &store, const RepoState &repo)
{
    int last = repo.pullRequests.empty() ? 0 : repo.pullRequests.rbegin()->first;
    const auto &all = of(store, repo);
    if (!all.empty()) {
        last = std::max(last, all.rbegin()->first);
    }
    return last + 1;
}

} // namespace hub::sandbox
