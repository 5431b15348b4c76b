// Wire JSON of the discussions API (hub-api.md §15; huggingface_hub community.py).
#include "hub/api/discussions.h"

#include "hub/api/jsonfields.h"
#include "hub/core/strings.h"

namespace hub {

using detail::Fields;
using detail::json;
using detail::parseJson;
using detail::parseObject;

namespace {

std::string authorName(Fields &f)
{
    if (const json *a = f.find("author")) {
        if (a->is_object()) {
            auto it = a->find("name");
            if (it != a->end() && it->is_string())
                return it->get<std::string>();
        } else if (a->is_string()) {
            return a->get<std::string>();
        }
    }
    return "deleted";
}

void readDiscussion(Fields &f, Discussion &d, std::string &err)
{
    d.num = static_cast<int>(f.u64("num", true));
    d.title = f.str("title", true);
    d.status = f.str("status", true);
    d.isPullRequest = f.boolean("isPullRequest");
    d.author = authorName(f);
    d.createdAt = f.str("createdAt");
    if (const json *repo = f.object("repo")) {
        Fields r(*repo, f.ctx() + ".repo", &err);
        d.repoId = r.str("name");
        d.repoType = parseRepoType(r.str("type")).value_or(RepoType::Model);
    }
    if (auto n = f.u64opt("numComments"))
        d.numComments = static_cast<int>(*n);
}

std::string sub(const json &obj, const char *key)
{
    if (!obj.is_object())
        return {};
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

DiscussionEvent readEvent(const json &item, const std::string &ctx, std::string &err)
{
    Fields f(item, ctx, &err);
    DiscussionEvent e;
    e.id = f.str("id", true);
    e.typeName = f.str("type", true);
    e.createdAt = f.str("createdAt");
    e.author = authorName(f);
    const json *data = f.object("data");
    const json empty = json::object();
    const json &d = data ? *data : empty;
    if (e.typeName == "comment") {
        e.type = DiscussionEvent::Type::Comment;
        Fields df(d, ctx + ".data", &err);
        e.edited = df.boolean("edited");
        e.hidden = df.boolean("hidden");
        e.numEdits = static_cast<int>(df.u64("numEdits"));
        if (const json *latest = df.object("latest")) {
            e.content = sub(*latest, "raw");
            e.html = sub(*latest, "html");
        }
    } else if (e.typeName == "status-change") {
        e.type = DiscussionEvent::Type::StatusChange;
        e.newStatus = sub(d, "status");
    } else if (e.typeName == "commit") {
        e.type = DiscussionEvent::Type::Commit;
        e.commitSummary = sub(d, "subject");
        e.commitOid = sub(d, "oid");
    } else if (e.typeName == "title-change") {
        e.type = DiscussionEvent::Type::TitleChange;
        e.oldTitle = sub(d, "from");
        e.newTitle = sub(d, "to");
    }
    return e;
}

} // namespace

std::string DiscussionDetails::targetBranchName() const
{
    return startsWith(targetBranch, "refs/heads/") ? targetBranch.substr(11) : targetBranch;
}

std::string DiscussionDetails::firstCommitOid() const
{
    for (const auto &e : events)
        if (e.type == DiscussionEvent::Type::Commit && !e.commitOid.empty())
            return e.commitOid;
    return {};
}

Expected<DiscussionPage> parseDiscussionPage(std::string_view body)
{
    return parseObject(body, "discussion list", "discussions", [&](Fields &f, std::string &err) {
        DiscussionPage page;
        page.count = f.u64("count");
        page.start = f.u64("start");
        if (const json *arr = f.array("discussions", true)) {
            size_t i = 0;
            for (const auto &item : *arr) {
                Fields item_f(item, "discussions[" + std::to_string(i++) + "]", &err);
                Discussion d;
                readDiscussion(item_f, d, err);
                page.items.push_back(std::move(d));
            }
        }
        return page;
    });
}

Expected<DiscussionDetails> parseDiscussionDetails(std::string_view body)
{
    return parseObject(body, "discussion", "discussion", [&](Fields &f, std::string &err) {
        DiscussionDetails d;
        readDiscussion(f, d, err);
        if (const json *events = f.array("events", true)) {
            size_t i = 0;
            for (const auto &item : *events)
                d.events.push_back(readEvent(item, "events[" + std::to_string(i++) + "]", err));
        }
        d.diff = f.str("diff");
        if (d.isPullRequest) {
            if (const json *changes = f.object("changes")) {
                d.targetBranch = sub(*changes, "base");
                d.mergeCommitId = sub(*changes, "mergeCommitId");
            }
            if (const json *c = f.find("filesWithConflicts")) {
                if (c->is_boolean())
                    d.conflictsUnlisted = c->get<bool>();
                else
                    d.conflictingFiles = f.strings("filesWithConflicts");
            }
        }
        return d;
    });
}

Expected<DiscussionEvent> parseDiscussionEventAnswer(std::string_view body, const char *key)
{
    auto j = parseJson(body, "discussion event");
    if (!j)
        return j.error();
    std::string err;
    Fields f(*j, "answer", &err);
    const json *event = f.object(key, true);
    if (!event)
        return detail::bad("discussion event", err);
    DiscussionEvent e = readEvent(*event, key, err);
    return detail::finish(std::move(e), err, "discussion event");
}

std::vector<std::string> parseConflictingFiles(std::string_view body)
{
    std::vector<std::string> out;
    if (!detail::depthOk(body))
        return out;
    const json j = json::parse(body.begin(), body.end(), nullptr, false);
    if (!j.is_object())
        return out;
    auto it = j.find("filesWithConflicts");
    if (it == j.end() || !it->is_array())
        return out;
    for (const auto &p : *it)
        if (p.is_string())
            out.push_back(p.get<std::string>());
    return out;
}

} // namespace hub
