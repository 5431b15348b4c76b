// HubClient: discussions and pull requests (huggingface_hub get_repo_discussions,
// get_discussion_details, create_discussion, comment_discussion, edit/hide_discussion_comment,
// rename_discussion, change_discussion_status, merge_pull_request).
#include "hub/api/client.h"

#include "hub/api/parse.h"
#include "hub/api/urls.h"
#include "hub/core/strings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace hub {

using json = nlohmann::json;

namespace {

std::string dumpJson(const json &j)
{
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool containsNoCase(std::string haystack, std::string needle)
{
    auto lower = [](std::string &s) {
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    };
    lower(haystack);
    lower(needle);
    return haystack.find(needle) != std::string::npos;
}

std::string joinNames(const std::vector<std::string> &names)
{
    std::string out;
    for (size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return out;
}

} // namespace

Pager<Discussion> HubClient::listDiscussions(const RepoRef &repo, const DiscussionQuery &query)
{
    std::string base = apiRepoUrl(config().endpoint, repo) + "/discussions";
    if (!query.type.empty() && query.type != "all")
        appendQuery(base, "type", query.type);
    if (!query.status.empty() && query.status != "all")
        appendQuery(base, "status", query.status);
    if (!query.author.empty())
        appendQuery(base, "author", query.author);
    std::string first = base;
    appendQuery(first, "p", "0");
    auto fetch = [this, repo, base](const std::string &url) -> Expected<Page<Discussion>> {
        auto r = send(makeRequest(HttpMethod::Get, url, &repo));
        if (!r)
            return r.error();
        auto parsed = parseDiscussionPage(r->body);
        if (!parsed)
            return parsed.error();
        Page<Discussion> page;
        page.total = parsed->count;
        const size_t end = parsed->start + parsed->items.size();
        if (!parsed->items.empty() && end < parsed->count) {
            // The Hub pages by number; the page size is whatever it sent.
            const size_t pageNo = end / parsed->items.size();
            std::string next = base;
            appendQuery(next, "p", std::to_string(pageNo));
            page.nextUrl = next;
        }
        page.items = std::move(parsed->items);
        return page;
    };
    return Pager<Discussion>(first, fetch, query.limit);
}

Expected<DiscussionDetails> HubClient::discussionDetails(const RepoRef &repo, int num, bool diff)
{
    std::string url = apiRepoUrl(config().endpoint, repo) + "/discussions/" + std::to_string(num);
    if (diff)
        appendQuery(url, "diff", "1");
    HttpRequest req = makeRequest(HttpMethod::Get, url, &repo);
    req.failOnHttpError = false;
    auto r = send(req);
    if (!r)
        return r.error();
    if (r->status == 404 && r->headers.getOr("X-Error-Code") != "RepoNotFound") {
        HubError e = mapHttpError(req, *r, !config().token.empty());
        e.code = ErrorCode::EntryNotFound;
        e.message = "There is no discussion or pull request #" + std::to_string(num) + " in " + repo.id.str() +
                    ": it may have been deleted; refresh the list.";
        return e;
    }
    if (r->status >= 400)
        return mapHttpError(req, *r, !config().token.empty());
    return parseDiscussionDetails(r->body);
}

Expected<DiscussionDetails> HubClient::createDiscussion(const RepoRef &repo, const std::string &title,
                                                        const std::string &description, bool pullRequest)
{
    const std::string t(trim(title));
    if (t.empty())
        return HubError::make(ErrorCode::InvalidArgument, "Give the discussion a title.");
    HttpRequest req = makeRequest(HttpMethod::Post, apiRepoUrl(config().endpoint, repo) + "/discussions", &repo);
    req.headers.set("Content-Type", "application/json");
    req.body =
        dumpJson(json{{"title", t}, {"description", std::string(trim(description))}, {"pullRequest", pullRequest}});
    auto r = send(req);
    if (!r)
        return r.error();
    auto j = json::parse(r->body, nullptr, false);
    if (!j.is_object() || !j.contains("num") || !j["num"].is_number_integer())
        return HubError::make(ErrorCode::BadResponse, "The Hub's answer to a new discussion was not understood.",
                              "no \"num\" in the answer");
    return discussionDetails(repo, j["num"].get<int>());
}

Expected<HttpResponse> HubClient::sendDiscussionAction(const RepoRef &repo, int num, const std::string &resource,
                                                       const std::string &body, const std::string &action)
{
    HttpRequest req = makeRequest(
        HttpMethod::Post, apiRepoUrl(config().endpoint, repo) + "/discussions/" + std::to_string(num) + "/" + resource,
        &repo);
    req.headers.set("Content-Type", "application/json");
    req.body = body;
    req.failOnHttpError = false;
    auto r = send(req);
    if (!r)
        return r.error();
    if (r->status < 400)
        return r;
    HubError e = mapHttpError(req, *r, !config().token.empty());
    const std::string what = "#" + std::to_string(num);
    const std::string said = parseErrorMessage(r->body);
    if (r->status == 404 && r->headers.getOr("X-Error-Code") != "RepoNotFound") {
        e.code = ErrorCode::EntryNotFound;
        e.message = "Could not " + action + ": " + what + " or that comment no longer exists in " + repo.id.str() +
                    ". Refresh and try again.";
    } else if (r->status == 401 && config().token.empty()) {
        e.code = ErrorCode::Unauthorized;
        e.message = "Sign in to " + action + ".";
    } else if (r->status == 403) {
        e.code = ErrorCode::Forbidden;
        e.message = "You are not allowed to " + action + " in " + repo.id.str() +
                    (said.empty() ? std::string(": ask a maintainer of the repo.") : ": " + said);
    }
    return e;
}

Expected<DiscussionEvent> HubClient::commentDiscussion(const RepoRef &repo, int num, const std::string &comment)
{
    if (trim(comment).empty())
        return HubError::make(ErrorCode::InvalidArgument, "Write something before sending the comment.");
    auto r = sendDiscussionAction(repo, num, "comment", dumpJson(json{{"comment", comment}}), "comment");
    if (!r)
        return r.error();
    return parseDiscussionEventAnswer(r->body, "newMessage");
}

Expected<DiscussionEvent> HubClient::editDiscussionComment(const RepoRef &repo, int num, const std::string &commentId,
                                                           const std::string &content)
{
    std::string id = commentId;
    std::transform(id.begin(), id.end(), id.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto r = sendDiscussionAction(repo, num, "comment/" + percentEncode(id) + "/edit",
                                  dumpJson(json{{"content", content}}), "edit this comment");
    if (!r)
        return r.error();
    return parseDiscussionEventAnswer(r->body, "updatedComment");
}

Expected<DiscussionEvent> HubClient::hideDiscussionComment(const RepoRef &repo, int num, const std::string &commentId)
{
    std::string id = commentId;
    std::transform(id.begin(), id.end(), id.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto r = sendDiscussionAction(repo, num, "comment/" + percentEncode(id) + "/hide", "{}", "hide this comment");
    if (!r)
        return r.error();
    return parseDiscussionEventAnswer(r->body, "updatedComment");
}

Expected<DiscussionEvent> HubClient::renameDiscussion(const RepoRef &repo, int num, const std::string &title)
{
    if (trim(title).empty())
        return HubError::make(ErrorCode::InvalidArgument, "The new title cannot be empty.");
    auto r = sendDiscussionAction(repo, num, "title", dumpJson(json{{"title", std::string(trim(title))}}),
                                  "rename #" + std::to_string(num));
    if (!r)
        return r.error();
    return parseDiscussionEventAnswer(r->body, "newTitle");
}

Expected<DiscussionEvent> HubClient::changeDiscussionStatus(const RepoRef &repo, int num, const std::string &status,
                                                            const std::string &comment)
{
    if (status != "open" && status != "closed")
        return HubError::make(ErrorCode::InvalidArgument, "A discussion can only be reopened or closed.");
    json body{{"status", status}};
    if (!trim(comment).empty())
        body["comment"] = std::string(trim(comment));
    const std::string action = (status == "open" ? "reopen #" : "close #") + std::to_string(num);
    auto r = sendDiscussionAction(repo, num, "status", dumpJson(body), action);
    if (!r) {
        HubError e = r.error();
        if (e.code == ErrorCode::BadRequest && containsNoCase(e.detail, "already merged"))
            e.message = "Pull request #" + std::to_string(num) + " is already merged: it cannot be closed or reopened.";
        return e;
    }
    return parseDiscussionEventAnswer(r->body, "newStatus");
}

Status HubClient::mergePullRequest(const RepoRef &repo, int num, const std::string &comment)
{
    const std::string body =
        trim(comment).empty() ? std::string("{}") : dumpJson(json{{"comment", std::string(trim(comment))}});
    HttpRequest req =
        makeRequest(HttpMethod::Post,
                    apiRepoUrl(config().endpoint, repo) + "/discussions/" + std::to_string(num) + "/merge", &repo);
    req.headers.set("Content-Type", "application/json");
    req.body = body;
    req.failOnHttpError = false;
    auto r = send(req);
    if (!r)
        return r.error();
    if (r->status < 400)
        return {};
    const std::string pr = "Pull request #" + std::to_string(num);
    if (r->status == 401 && config().token.empty()) {
        HubError e = mapHttpError(req, *r, false);
        e.code = ErrorCode::Unauthorized;
        e.message = "Sign in to merge " + pr + ".";
        return e;
    }
    const std::string said = parseErrorMessage(r->body);
    auto files = parseConflictingFiles(r->body);
    if (files.empty() && (r->status == 409 || containsNoCase(said, "conflict"))) {
        // The refusal did not list them: the pull request's details do.
        if (auto d = discussionDetails(repo, num, false); d)
            files = d->conflictingFiles;
    }
    if (r->status == 409 || !files.empty()) {
        HubError e = mapHttpError(req, *r, !config().token.empty());
        e.code = ErrorCode::Conflict;
        e.message = files.empty()
                        ? pr + " cannot be merged: it conflicts with changes made on its target branch since it was "
                               "opened. Update the pull request, then merge."
                        : pr + " cannot be merged: " + joinNames(files) + (files.size() == 1 ? " was" : " were") +
                              " also changed on the target branch since it was opened. Update " +
                              (files.size() == 1 ? "that file" : "those files") + " in the pull request, then merge.";
        std::string subject;
        for (const auto &f : files)
            subject += (subject.empty() ? "" : ",") + f;
        e.subject = subject;
        return e;
    }
    HubError e = mapHttpError(req, *r, !config().token.empty());
    if (containsNoCase(said, "already merged")) {
        e.code = ErrorCode::Conflict;
        e.message = pr + " is already merged: there is nothing left to merge.";
    } else if (r->status == 403) {
        e.code = ErrorCode::Forbidden;
        e.message = "Only the maintainers of " + repo.id.str() +
                    " (write access) can merge pull requests; you can "
                    "still comment.";
    } else if (r->status == 400 && !said.empty()) {
        e.message = pr + " cannot be merged: " + said;
    }
    return e;
}

Expected<std::string> HubClient::pullRequestBase(const RepoRef &repo, const DiscussionDetails &pr)
{
    if (!pr.isPullRequest)
        return HubError::make(ErrorCode::InvalidArgument,
                              "#" + std::to_string(pr.num) + " is a discussion, not a pull request.");
    const std::string first = pr.firstCommitOid();
    auto pager = listCommits(repo, pr.gitReference());
    bool found = false;
    bool firstPage = true;
    while (pager.hasMore()) {
        auto page = pager.next();
        if (!page)
            return page.error();
        if (firstPage && first.empty())
            return page->empty() ? std::string() : page->front().id; // nothing pushed: no change
        firstPage = false;
        for (const auto &c : *page) {
            if (found)
                return c.id;
            found = c.id == first;
        }
    }
    if (found)
        return std::string(); // the first commit of the pull request is the repo's first commit
    return HubError::make(ErrorCode::BadResponse,
                          "Could not find where pull request #" + std::to_string(pr.num) +
                              " started: its first commit is not in the history of " + pr.gitReference() + ".",
                          "commit " + first + " not found");
}

} // namespace hub
