// The discussions and pull requests routes, in the real Hub's shapes (hub-api.md §15, and
// huggingface_hub's hf_api.py / community.py): list, details with diff, create, comment, edit and
// hide a comment, rename, close / reopen, merge. Access: anyone who can read the repo may read and
// (signed in) comment or open one; renaming and closing are for the author and the repo's writers;
// merging is for writers only.
#include "hub/core/hash.h"
#include "hub/core/strings.h"
#include "hub/core/timeutil.h"
#include "hub/sandbox/hubapp.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <sstream>

using nlohmann::json;

namespace hub::sandbox {
namespace {

int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string repoKey(const RepoState &repo)
{
    return std::string(repoTypeName(repo.type)) + ":" + repo.fullId();
}

json userJson(const std::string &name, const RepoState &repo)
{
    return json{{"_id", sha256Hex("user:" + name).substr(0, 24)},
                {"avatarUrl", "/avatars/" + name + ".svg"},
                {"fullname", name},
                {"name", name},
                {"type", "user"},
                {"isPro", false},
                {"isHf", false},
                {"isMod", false},
                {"isOwner", name == repo.ns}};
}

std::string htmlEscape(const std::string &s)
{
    std::string out;
    for (char ch : s) {
        switch (ch) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        default: out += ch;
        }
    }
    return out;
}

json eventJson(const ConversationEvent &e, const RepoState &repo)
{
    json j{
        {"id", e.id}, {"type", e.type}, {"createdAt", formatIsoUtc(e.createdAt)}, {"author", userJson(e.author, repo)}};
    if (e.type == "comment") {
        const std::string raw = e.hidden ? std::string() : e.content;
        j["data"] = json{{"edited", e.edits > 0},
                         {"hidden", e.hidden},
                         {"numEdits", e.edits},
                         {"editors", e.edits > 0 ? json::array({e.author}) : json::array()},
                         {"reactions", json::array()},
                         {"isReport", false},
                         {"latest",
                          {{"raw", raw},
                           {"html", e.hidden ? std::string("<p>This comment has been hidden</p>")
                                             : "<p>" + htmlEscape(raw) + "</p>"},
                           {"updatedAt", formatIsoUtc(e.edits > 0 ? e.editedAt : e.createdAt)},
                           {"author", userJson(e.author, repo)}}}};
    } else if (e.type == "status-change") {
        j["data"] = json{{"status", e.status}};
    } else if (e.type == "commit") {
        j["data"] = json{{"subject", e.subject}, {"oid", e.oid}};
    } else if (e.type == "title-change") {
        j["data"] = json{{"from", e.from}, {"to", e.to}};
    }
    return j;
}

std::string branchOf(const std::string &baseRef)
{
    return startsWith(baseRef, "refs/heads/") ? baseRef.substr(11) : baseRef;
}

/// Paths whose entry differs between two trees: the new entry, or nullopt when deleted.
std::map<std::string, std::optional<FileEntry>> treeChanges(const Tree &from, const Tree &to)
{
    std::map<std::string, std::optional<FileEntry>> out;
    for (const auto &[path, e] : to) {
        const auto it = from.find(path);
        if (it == from.end() || !(it->second == e)) {
            out[path] = e;
        }
    }
    for (const auto &[path, e] : from) {
        if (!to.count(path)) {
            out[path] = std::nullopt;
        }
    }
    return out;
}

std::vector<std::string> splitLines(const std::string &text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        out.push_back(line);
    }
    return out;
}

} // namespace

// ---------------------------------------------------------------- helpers shared by the routes

DiscussionRecord *HubApp::findDiscussion(RepoState &repo, int num)
{
    auto &all = m_discussions.of(m_store, repo);
    const auto it = all.find(num);
    return it == all.end() ? nullptr : &it->second;
}

int HubApp::nextDiscussionNumber(const RepoState &repo)
{
    return m_discussions.nextNumber(m_store, repo);
}

std::vector<std::string> HubApp::conflictingFiles(const RepoState &repo, const DiscussionRecord &d)
{
    std::vector<std::string> out;
    if (!d.isPullRequest || d.status == "merged" || d.baseCommit.empty()) {
        return out;
    }
    const auto target = repo.branches.find(branchOf(d.baseRef));
    const auto head = repo.pullRequests.find(d.num);
    if (target == repo.branches.end() || head == repo.pullRequests.end() || target->second == d.baseCommit) {
        return out;
    }
    const Commit *base = m_store.commit(d.baseCommit);
    const Commit *tip = m_store.commit(target->second);
    const Commit *pr = m_store.commit(head->second);
    if (!base || !tip || !pr) {
        return out;
    }
    const auto ours = treeChanges(*m_store.tree(base->treeId), *m_store.tree(pr->treeId));
    const auto theirs = treeChanges(*m_store.tree(base->treeId), *m_store.tree(tip->treeId));
    for (const auto &[path, entry] : ours) {
        const auto it = theirs.find(path);
        if (it != theirs.end() && it->second != entry) {
            out.push_back(path);
        }
    }
    return out;
}

std::string HubApp::pullRequestDiff(const RepoState &repo, const DiscussionRecord &d)
{
    const auto head = repo.pullRequests.find(d.num);
    const Commit *base = m_store.commit(d.baseCommit);
    const Commit *pr = head == repo.pullRequests.end() ? nullptr : m_store.commit(head->second);
    if (!base || !pr) {
        return {};
    }
    const Tree &from = *m_store.tree(base->treeId);
    const Tree &to = *m_store.tree(pr->treeId);
    std::string out;
    for (const auto &[path, entry] : treeChanges(from, to)) {
        const auto old = from.find(path);
        const std::string oldText =
            old == from.end() ? std::string() : m_store.readBlob(old->second.blobId).valueOr(std::string());
        const std::string newText = entry ? m_store.readBlob(entry->blobId).valueOr(std::string()) : std::string();
        const auto oldLines = splitLines(oldText);
        const auto newLines = splitLines(newText);
        out += "diff --git a/" + path + " b/" + path + "\n";
        if (old == from.end()) {
            out += "new file mode 100644\n";
        } else if (!entry) {
            out += "deleted file mode 100644\n";
        }
        out += "index " + (old == from.end() ? std::string(7, '0') : old->second.blobId.substr(0, 7)) + ".." +
               (entry ? entry->blobId.substr(0, 7) : std::string(7, '0')) + "\n";
        out += "--- " + (old == from.end() ? std::string("/dev/null") : "a/" + path) + "\n";
        out += "+++ " + (entry ? "b/" + path : std::string("/dev/null")) + "\n";
        out += "@@ -" + std::to_string(oldLines.empty() ? 0 : 1) + "," + std::to_string(oldLines.size()) + " +" +
               std::to_string(newLines.empty() ? 0 : 1) + "," + std::to_string(newLines.size()) + " @@\n";
        for (const auto &l : oldLines) {
            out += "-" + l + "\n";
        }
        for (const auto &l : newLines) {
            out += "+" + l + "\n";
        }
    }
    return out;
}

json HubApp::discussionJson(const RepoState &repo, const DiscussionRecord &d) const
{
    const std::string num = std::to_string(d.num);
    json j{{"num", d.num},
           {"title", d.title},
           {"status", d.status},
           {"isPullRequest", d.isPullRequest},
           {"createdAt", formatIsoUtc(d.createdAt)},
           {"author", userJson(d.author, repo)},
           {"repo", {{"name", repo.fullId()}, {"type", std::string(repoTypeName(repo.type))}}},
           {"numComments", d.commentCount()},
           {"pinned", false},
           {"topReactions", json::array()},
           {"url", {{"web", repoUrl(repo) + "/discussions/" + num}}}};
    return j;
}

void HubApp::notePullRequestCommit(RepoState &repo, int num, const std::string &baseCommit, const Commit &commit,
                                   const std::string &description)
{
    auto &all = m_discussions.of(m_store, repo);
    auto it = all.find(num);
    if (it == all.end()) {
        DiscussionRecord d;
        d.num = num;
        d.title = commit.title;
        d.isPullRequest = true;
        d.author = commit.author;
        d.createdAt = commit.date;
        d.baseCommit = baseCommit;
        d.addEvent(repoKey(repo), "comment", commit.author, commit.date).content =
            description.empty() ? std::string("Pull request opened with a commit.") : description;
        it = all.emplace(num, std::move(d)).first;
    }
    DiscussionRecord &d = it->second;
    if (d.status == "draft") {
        d.status = "open";
    }
    auto &e = d.addEvent(repoKey(repo), "commit", commit.author, commit.date);
    e.oid = commit.id;
    e.subject = commit.title;
    (void)m_discussions.save(m_store, repo);
}

std::optional<HttpResponse> HubApp::refusePullRequestPush(RepoState &repo, int num)
{
    const DiscussionRecord *d = findDiscussion(repo, num);
    if (d && (d->status == "merged" || d->status == "closed")) {
        return errorResponse(403, "Pull request #" + std::to_string(num) + " is " + d->status +
                                      ": reopen it before pushing more commits to it.");
    }
    return std::nullopt;
}

// ---------------------------------------------------------------- routes

HttpResponse HubApp::discussions(HttpRequest &req, const Caller &c, RepoState &repo, size_t at)
{
    const auto &seg = req.segments;
    const std::string &m = req.method;
    const bool isGet = m == "GET" || m == "HEAD";
    if (at == seg.size()) {
        if (isGet) {
            return listDiscussions(req, repo);
        }
        if (m == "POST") {
            return createDiscussion(req, c, repo);
        }
        return errorResponse(405, "Method not allowed");
    }
    uint64_t n = 0;
    if (!parseUint64(seg[at], n) || n == 0 || n > 1000000) {
        return errorResponse(404, "Discussion not found");
    }
    DiscussionRecord *d = findDiscussion(repo, static_cast<int>(n));
    if (!d) {
        return errorResponse(404, "Discussion #" + seg[at] + " not found in " + repo.fullId() + ".");
    }
    if (at + 1 == seg.size()) {
        return isGet ? discussionDetails(req, repo, *d) : errorResponse(405, "Method not allowed");
    }
    if (m != "POST") {
        return errorResponse(405, "Method not allowed");
    }
    if (c.user.empty()) {
        return errorResponse(401, "You must be signed in to take part in a discussion. Pass a token.");
    }
    const std::string what = seg[at + 1];
    const json body = json::parse(req.body.empty() ? std::string("{}") : req.body, nullptr, false);
    if (!body.is_object()) {
        return errorResponse(400, "The body must be a JSON object.");
    }
    if (what == "comment" && at + 2 == seg.size()) {
        return commentDiscussion(c, repo, *d, body);
    }
    if (what == "comment" && at + 4 == seg.size() && (seg[at + 3] == "edit" || seg[at + 3] == "hide")) {
        return editDiscussionComment(c, repo, *d, seg[at + 2], seg[at + 3] == "hide", body);
    }
    if (what == "title" && at + 2 == seg.size()) {
        return renameDiscussion(c, repo, *d, body);
    }
    if (what == "status" && at + 2 == seg.size()) {
        return changeDiscussionStatus(c, repo, *d, body);
    }
    if (what == "merge" && at + 2 == seg.size()) {
        return mergePullRequest(c, repo, *d, body);
    }
    return errorResponse(404, "Sorry, we can't find the page you are looking for.");
}

HttpResponse HubApp::listDiscussions(const HttpRequest &req, RepoState &repo)
{
    const std::string type = req.param("type").value_or("all");
    const std::string status = req.param("status").value_or("all");
    const std::string author = req.param("author").value_or("");
    const std::string search = req.param("search").value_or("");
    if (type != "all" && type != "discussion" && type != "pull_request") {
        return errorResponse(400, "Invalid type \"" + type + "\": use all, discussion or pull_request.");
    }
    if (status != "all" && status != "open" && status != "closed") {
        return errorResponse(400, "Invalid status \"" + status + "\": use all, open or closed.");
    }
    std::vector<const DiscussionRecord *> matching;
    const auto &all = m_discussions.of(m_store, repo);
    for (auto it = all.rbegin(); it != all.rend(); ++it) { // newest first, like the Hub
        const DiscussionRecord &d = it->second;
        if ((type == "discussion" && d.isPullRequest) || (type == "pull_request" && !d.isPullRequest)) {
            continue;
        }
        const bool open = d.status == "open" || d.status == "draft";
        if ((status == "open" && !open) || (status == "closed" && open)) {
            continue;
        }
        if (!author.empty() && d.author != author) {
            continue;
        }
        if (!search.empty() && d.title.find(search) == std::string::npos) {
            continue;
        }
        matching.push_back(&d);
    }
    uint64_t page = 0;
    (void)parseUint64(req.param("p").value_or("0"), page);
    const size_t pageSize = m_options.listPageSize > 0 ? static_cast<size_t>(m_options.listPageSize) : 50;
    const size_t start = std::min(matching.size(), static_cast<size_t>(page) * pageSize);
    json items = json::array();
    for (size_t i = start; i < std::min(matching.size(), start + pageSize); ++i) {
        items.push_back(discussionJson(repo, *matching[i]));
    }
    int closed = 0;
    for (const auto &[n, d] : all) {
        closed += d.status == "closed" || d.status == "merged" ? 1 : 0;
    }
    HttpResponse r;
    r.setJson(
        json{{"discussions", items}, {"count", matching.size()}, {"start", start}, {"numClosedDiscussions", closed}}
            .dump());
    return r;
}

HttpResponse HubApp::discussionDetails(const HttpRequest &req, RepoState &repo, DiscussionRecord &d)
{
    json j = discussionJson(repo, d);
    json events = json::array();
    for (const auto &e : d.events) {
        events.push_back(eventJson(e, repo));
    }
    j["events"] = events;
    if (d.isPullRequest) {
        json changes{{"base", d.baseRef}};
        if (!d.mergeCommitId.empty()) {
            changes["mergeCommitId"] = d.mergeCommitId;
        }
        j["changes"] = changes;
        j["filesWithConflicts"] = conflictingFiles(repo, d);
        if (req.flag("diff")) {
            j["diff"] = pullRequestDiff(repo, d);
        }
    }
    HttpResponse r;
    r.setJson(j.dump());
    return r;
}

HttpResponse HubApp::createDiscussion(const HttpRequest &req, const Caller &c, RepoState &repo)
{
    if (c.user.empty()) {
        return errorResponse(401, "You must be signed in to open a discussion. Pass a token.");
    }
    const json b = json::parse(req.body, nullptr, false);
    if (!b.is_object() || !b.contains("title") || !b["title"].is_string() ||
        trim(b["title"].get<std::string>()).empty()) {
        return errorResponse(400, "A discussion needs a non-empty \"title\".");
    }
    DiscussionRecord d;
    d.num = nextDiscussionNumber(repo);
    d.title = std::string(trim(b["title"].get<std::string>()));
    d.isPullRequest = b.value("pullRequest", false);
    d.author = c.user;
    d.createdAt = nowSeconds();
    const std::string description =
        b.contains("description") && b["description"].is_string() ? b["description"].get<std::string>() : std::string();
    d.addEvent(repoKey(repo), "comment", c.user, d.createdAt).content = description;
    if (d.isPullRequest) {
        // An empty pull request starts as a draft on the default branch's head; a first commit
        // to refs/pr/N opens it.
        const std::string head = repo.branches["main"];
        d.status = "draft";
        d.baseCommit = head;
        repo.pullRequests[d.num] = head;
        if (auto st = m_store.saveRepo(repo); !st) {
            return errorResponse(500, st.error().message);
        }
    }
    const int num = d.num;
    auto &stored = m_discussions.of(m_store, repo)[num] = std::move(d);
    if (auto st = m_discussions.save(m_store, repo); !st) {
        return errorResponse(500, st.error().message);
    }
    HttpResponse r;
    r.setJson(discussionJson(repo, stored).dump());
    return r;
}

HttpResponse HubApp::commentDiscussion(const Caller &c, RepoState &repo, DiscussionRecord &d, const json &body)
{
    if (!body.contains("comment") || !body["comment"].is_string() || trim(body["comment"].get<std::string>()).empty()) {
        return errorResponse(400, "A comment needs a non-empty \"comment\".");
    }
    auto &e = d.addEvent(repoKey(repo), "comment", c.user, nowSeconds());
    e.content = body["comment"].get<std::string>();
    const json out{{"newMessage", eventJson(e, repo)}};
    if (auto st = m_discussions.save(m_store, repo); !st) {
        return errorResponse(500, st.error().message);
    }
    HttpResponse r;
    r.setJson(out.dump());
    return r;
}

HttpResponse HubApp::editDiscussionComment(const Caller &c, RepoState &repo, DiscussionRecord &d, const std::string &id,
                                           bool hide, const json &body)
{
    const auto it = std::find_if(d.events.begin(), d.events.end(),
                                 [&](const ConversationEvent &e) { return e.type == "comment" && e.id == id; });
    if (it == d.events.end()) {
        return errorResponse(404, "Comment " + id + " not found.");
    }
    if (hide) {
        if (it->author != c.user && !canWrite(repo.ns, c)) {
            return errorResponse(403, "Only the comment's author or the repo's maintainers can hide it.");
        }
        it->hidden = true;
        it->content.clear(); // hiding is irreversible: the text is gone
    } else {
        if (it->author != c.user) {
            return errorResponse(403, "Only the comment's author can edit it.");
        }
        if (it->hidden) {
            return errorResponse(403, "A hidden comment can no longer be edited.");
        }
        if (!body.contains("content") || !body["content"].is_string()) {
            return errorResponse(400, "An edit needs the new \"content\".");
        }
        it->content = body["content"].get<std::string>();
        it->edits += 1;
        it->editedAt = nowSeconds();
    }
    const json out{{"updatedComment", eventJson(*it, repo)}};
    if (auto st = m_discussions.save(m_store, repo); !st) {
        return errorResponse(500, st.error().message);
    }
    HttpResponse r;
    r.setJson(out.dump());
    return r;
}

HttpResponse HubApp::renameDiscussion(const Caller &c, RepoState &repo, DiscussionRecord &d, const json &body)
{
    if (d.author != c.user && !canWrite(repo.ns, c)) {
        return errorResponse(403,
                             "Only the author or the repo's maintainers can rename #" + std::to_string(d.num) + ".");
    }
    if (!body.contains("title") || !body["title"].is_string() || trim(body["title"].get<std::string>()).empty()) {
        return errorResponse(400, "A new \"title\" is needed.");
    }
    auto &e = d.addEvent(repoKey(repo), "title-change", c.user, nowSeconds());
    e.from = d.title;
    e.to = std::string(trim(body["title"].get<std::string>()));
    d.title = e.to;
    const json out{{"newTitle", eventJson(e, repo)}};
    if (auto st = m_discussions.save(m_store, repo); !st) {
        return errorResponse(500, st.error().message);
    }
    HttpResponse r;
    r.setJson(out.dump());
    return r;
}

HttpResponse HubApp::changeDiscussionStatus(const Caller &c, RepoState &repo, DiscussionRecord &d, const json &body)
{
    const std::string status = body.value("status", std::string());
    if (status != "open" && status != "closed") {
        return errorResponse(400, "The new \"status\" must be open or closed.");
    }
    if (d.author != c.user && !canWrite(repo.ns, c)) {
        return errorResponse(403, "Only the author or the repo's maintainers can " +
                                      std::string(status == "open" ? "reopen" : "close") + " #" +
                                      std::to_string(d.num) + ".");
    }
    if (d.status == "merged") {
        return errorResponse(400, "Pull request #" + std::to_string(d.num) + " is already merged.");
    }
    if (d.status == status) {
        return errorResponse(400, "#" + std::to_string(d.num) + " is already " + status + ".");
    }
    const int64_t now = nowSeconds();
    if (body.contains("comment") && body["comment"].is_string() && !trim(body["comment"].get<std::string>()).empty()) {
        d.addEvent(repoKey(repo), "comment", c.user, now).content = body["comment"].get<std::string>();
    }
    auto &e = d.addEvent(repoKey(repo), "status-change", c.user, now);
    e.status = status;
    d.status = status;
    const json out{{"newStatus", eventJson(e, repo)}};
    if (auto st = m_discussions.save(m_store, repo); !st) {
        return errorResponse(500, st.error().message);
    }
    HttpResponse r;
    r.setJson(out.dump());
    return r;
}

HttpResponse HubApp::mergePullRequest(const Caller &c, RepoState &repo, DiscussionRecord &d, const json &body)
{
    const std::string num = std::to_string(d.num);
    if (!d.isPullRequest) {
        return errorResponse(400, "#" + num + " is a discussion, not a pull request: there is nothing to merge.");
    }
    if (!canWrite(repo.ns, c)) {
        return errorResponse(403, "Only the repo's maintainers can merge pull request #" + num + ".");
    }
    if (d.status == "merged") {
        return errorResponse(400, "Pull request #" + num + " is already merged.");
    }
    if (d.status == "closed") {
        return errorResponse(400, "Pull request #" + num + " is closed: reopen it before merging.");
    }
    const auto conflicts = conflictingFiles(repo, d);
    if (!conflicts.empty()) {
        std::string list;
        for (const auto &p : conflicts) {
            list += (list.empty() ? "" : ", ") + p;
        }
        HttpResponse r;
        r.setJson(
            json{{"error", "This pull request has merge conflicts: " + list}, {"filesWithConflicts", conflicts}}.dump(),
            409);
        r.setHeader("X-Error-Message", "This pull request has merge conflicts: " + list);
        return r;
    }
    const std::string branch = branchOf(d.baseRef);
    const auto target = repo.branches.find(branch);
    const auto head = repo.pullRequests.find(d.num);
    const Commit *base = m_store.commit(d.baseCommit);
    const Commit *tip = target == repo.branches.end() ? nullptr : m_store.commit(target->second);
    const Commit *pr = head == repo.pullRequests.end() ? nullptr : m_store.commit(head->second);
    if (!base || !tip || !pr) {
        return errorResponse(400, "Pull request #" + num + " targets a branch that no longer exists.");
    }
    Tree merged = *m_store.tree(tip->treeId);
    const auto changes = treeChanges(*m_store.tree(base->treeId), *m_store.tree(pr->treeId));
    if (changes.empty()) {
        return errorResponse(400, "Pull request #" + num + " has no changes to merge yet.");
    }
    for (const auto &[path, entry] : changes) {
        if (entry) {
            merged[path] = *entry;
        } else {
            merged.erase(path);
        }
    }
    auto treeId = m_store.putTree(std::move(merged));
    if (!treeId) {
        return errorResponse(500, treeId.error().message);
    }
    const int64_t now = nowSeconds();
    auto commitId = m_store.putCommit(Commit{{}, *treeId, {tip->id}, c.user, now, d.title + " (#" + num + ")", {}});
    if (!commitId) {
        return errorResponse(500, commitId.error().message);
    }
    repo.branches[branch] = *commitId;
    if (auto st = m_store.saveRepo(repo); !st) {
        return errorResponse(500, st.error().message);
    }
    if (body.contains("comment") && body["comment"].is_string() && !trim(body["comment"].get<std::string>()).empty()) {
        d.addEvent(repoKey(repo), "comment", c.user, now).content = body["comment"].get<std::string>();
    }
    d.addEvent(repoKey(repo), "status-change", c.user, now).status = "merged";
    d.status = "merged";
    d.mergeCommitId = *commitId;
    if (auto st = m_discussions.save(m_store, repo); !st) {
        return errorResponse(500, st.error().message);
    }
    HttpResponse r;
    r.setJson(json{{"success", true}, {"mergeCommitId", *commitId}}.dump());
    return r;
}

} // namespace hub::sandbox
