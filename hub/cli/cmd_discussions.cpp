// hubdesk-cli discussions | discussion | pr: the pull requests and discussions of a repo from a
// terminal, for people and for CI bots (--json). Everything the server says (titles, names,
// comments) is printed through terminalSafe(): it can never drive the terminal.

#include "hub/api/client.h"
#include "hub/cli/args.h"
#include "hub/cli/command.h"
#include "hub/cli/common.h"
#include "hub/core/strings.h"

#include <nlohmann/json.hpp>

#include <ostream>
#include <sstream>

namespace hub::cli {

namespace {

using json = nlohmann::json;

std::string dump(const json &j)
{
    return j.dump(2, ' ', false, json::error_handler_t::replace);
}

/// --repo-type, and --type when `typeIsKind` is false (as in every other command).
void addRepoType(Args &a, bool typeIsKind)
{
    a.option("repo-type", "model, dataset or space (default: model; or write datasets/OWNER/NAME)", "TYPE");
    if (!typeIsKind)
        addType(a);
}

/// The repo of positional `index`, typed by --repo-type, or by --type when it names a repo type.
Expected<RepoRef> repoOf(const Args &a, size_t index)
{
    if (a.positionals().size() <= index)
        return HubError::make(ErrorCode::InvalidArgument,
                              "Name a repository, e.g. PellelNitram/xournalpp-htr-word-detector.");
    if (a.value("repo-type"))
        return repoArg(a, a.positionals()[index], "repo-type");
    if (auto t = a.value("type"); t && parseRepoType(*t))
        return repoArg(a, a.positionals()[index], "type");
    Args none;
    return repoArg(none, a.positionals()[index]);
}

Expected<int> numberOf(const Args &a, size_t index)
{
    uint64_t n = 0;
    if (a.positionals().size() <= index)
        return HubError::make(ErrorCode::InvalidArgument, "Name the pull request or discussion by its number, e.g. 4.");
    std::string text = a.positionals()[index];
    if (startsWith(text, "#"))
        text = text.substr(1);
    if (!parseUint64(text, n) || n == 0 || n > 1000000000)
        return HubError::make(ErrorCode::InvalidArgument,
                              "\"" + terminalSafe(a.positionals()[index]) + "\" is not a number like 4 or #4.");
    return static_cast<int>(n);
}

std::string kindWord(const Discussion &d)
{
    return d.isPullRequest ? "pull request" : "discussion";
}

json discussionJson(const Discussion &d)
{
    json j = {{"num", d.num},       {"title", d.title},        {"status", d.status}, {"isPullRequest", d.isPullRequest},
              {"author", d.author}, {"createdAt", d.createdAt}};
    if (d.numComments >= 0)
        j["numComments"] = d.numComments;
    if (d.isPullRequest)
        j["gitReference"] = d.gitReference();
    return j;
}

json eventJson(const DiscussionEvent &e)
{
    json j = {{"type", e.typeName}, {"id", e.id}, {"author", e.author}, {"createdAt", e.createdAt}};
    switch (e.type) {
    case DiscussionEvent::Type::Comment:
        j["content"] = e.content;
        j["edited"] = e.edited;
        j["hidden"] = e.hidden;
        break;
    case DiscussionEvent::Type::StatusChange: j["newStatus"] = e.newStatus; break;
    case DiscussionEvent::Type::Commit:
        j["oid"] = e.commitOid;
        j["summary"] = e.commitSummary;
        break;
    case DiscussionEvent::Type::TitleChange:
        j["oldTitle"] = e.oldTitle;
        j["newTitle"] = e.newTitle;
        break;
    case DiscussionEvent::Type::Other: break;
    }
    return j;
}

/// One event as text lines (what `discussion show` prints under Conversation).
void printEvent(std::ostream &out, const DiscussionEvent &e)
{
    const std::string who = terminalSafe(e.author.empty() ? std::string("someone") : e.author);
    out << shortDate(e.createdAt) << "  ";
    switch (e.type) {
    case DiscussionEvent::Type::Comment: {
        out << who << (e.hidden ? " (comment hidden)" : e.edited ? " wrote (edited):" : " wrote:") << "\n";
        if (!e.hidden) {
            std::istringstream lines(terminalSafe(e.content, true));
            std::string line;
            while (std::getline(lines, line))
                out << "    " << line << "\n";
        }
        break;
    }
    case DiscussionEvent::Type::StatusChange: {
        const std::string s = e.newStatus;
        out << who
            << (s == "merged"   ? " merged it"
                : s == "closed" ? " closed it"
                : s == "open"   ? " reopened it"
                                : " changed the status to " + terminalSafe(s))
            << "\n";
        break;
    }
    case DiscussionEvent::Type::Commit:
        out << who << " pushed " << terminalSafe(e.commitOid.substr(0, 8)) << "  " << terminalSafe(e.commitSummary)
            << "\n";
        break;
    case DiscussionEvent::Type::TitleChange:
        out << who << " renamed it from \"" << terminalSafe(e.oldTitle) << "\" to \"" << terminalSafe(e.newTitle)
            << "\"\n";
        break;
    case DiscussionEvent::Type::Other: out << who << " (" << terminalSafe(e.typeName) << ")\n"; break;
    }
}

/// "a.txt, b.txt" for the conflict line.
std::string joined(const std::vector<std::string> &names)
{
    std::string out;
    for (const auto &n : names)
        out += (out.empty() ? "" : ", ") + terminalSafe(n);
    return out;
}

// ---------------------------------------------------------------- list

/// `kind` is the default of --type: all, discussion or pull_request.
int runList(const std::vector<std::string> &argv, Io io, const char *usage, const std::string &kind)
{
    const Spec spec{usage,
                    "Lists the pull requests and discussions of a repository, newest first.\n"
                    "--status closed shows those closed without merging; merged those merged.",
                    [](Args &a) {
                        a.option("type", "pr, discussion or all (default: all)", "KIND")
                            .option("status", "open, closed, merged or all (default: all)", "STATUS")
                            .option("author", "only those opened by this user", "NAME")
                            .option("limit", "at most N (default: all)", "N");
                        addRepoType(a, true);
                    }};
    Args a;
    if (int rc = prepare(a, spec, argv, io); rc >= 0)
        return rc;
    auto repo = repoOf(a, 0);
    if (!repo)
        return fail(io, repo.error());
    DiscussionQuery q;
    q.type = kind;
    if (auto t = a.value("type"); t && !parseRepoType(*t)) {
        if (*t == "pr" || *t == "pull_request" || *t == "pull-request")
            q.type = "pull_request";
        else if (*t == "discussion" || *t == "all")
            q.type = *t;
        else
            return fail(io, HubError::make(ErrorCode::InvalidArgument, "--type must be pr, discussion or all."));
    }
    const std::string status = a.valueOr("status", "all");
    if (status != "open" && status != "closed" && status != "merged" && status != "all")
        return fail(io, HubError::make(ErrorCode::InvalidArgument, "--status must be open, closed, merged or all."));
    // The Hub filters open or closed (merged included); merged and closed are told apart here.
    q.status = status == "merged" || status == "closed" ? "closed" : status;
    q.author = a.valueOr("author", "");
    uint64_t limit = 0;
    if (auto l = a.value("limit"); l && !parseUint64(*l, limit))
        return fail(io, HubError::make(ErrorCode::InvalidArgument, "--limit needs a number."));
    HubClient client(configFrom(a));
    auto all = client.listDiscussions(*repo, q).all();
    if (!all)
        return fail(io, all.error());
    std::vector<Discussion> items;
    for (auto &d : *all) {
        if ((status == "merged" && d.status != "merged") || (status == "closed" && d.status == "merged"))
            continue;
        if (limit == 0 || items.size() < limit)
            items.push_back(std::move(d));
    }
    if (a.has("json")) {
        json arr = json::array();
        for (const auto &d : items)
            arr.push_back(discussionJson(d));
        io.out << dump(arr) << "\n";
        return 0;
    }
    if (items.empty()) {
        io.out << "No "
               << (q.type == "pull_request" ? "pull requests"
                   : q.type == "discussion" ? "discussions"
                                            : "pull requests or discussions")
               << (status == "all" ? "" : " " + status) << " in " << repo->id.str() << ".\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows = {{"NUM", "KIND", "STATUS", "COMMENTS", "AUTHOR", "OPENED", "TITLE"}};
    int openPrs = 0;
    for (const auto &d : items) {
        rows.push_back({"#" + std::to_string(d.num), d.isPullRequest ? "PR" : "discussion", terminalSafe(d.status),
                        d.numComments >= 0 ? std::to_string(d.numComments) : "-", terminalSafe(d.author),
                        shortDate(d.createdAt), terminalSafe(d.title)});
        openPrs += d.isPullRequest && d.isOpen() ? 1 : 0;
    }
    printTable(io.out, rows, {false, false, false, true, false, false, false});
    io.out << items.size() << (items.size() == 1 ? " item" : " items");
    if (q.type != "discussion")
        io.out << ", " << openPrs << " open pull request" << (openPrs == 1 ? "" : "s");
    io.out << "\n";
    return 0;
}

// ---------------------------------------------------------------- show / diff

int runShow(const std::vector<std::string> &argv, Io io, const char *usage, bool prOnly, bool diffOnly)
{
    const Spec spec{usage,
                    diffOnly ? "Prints the unified diff of a pull request."
                             : "Shows one pull request or discussion: its status, conflicts, the files a pull "
                               "request changes, and the whole conversation (comments, status and title changes, "
                               "pushed commits).",
                    [](Args &a) { addRepoType(a, false); }};
    Args a;
    if (int rc = prepare(a, spec, argv, io); rc >= 0)
        return rc;
    auto repo = repoOf(a, 0);
    if (!repo)
        return fail(io, repo.error());
    auto num = numberOf(a, 1);
    if (!num)
        return fail(io, num.error());
    HubClient client(configFrom(a));
    auto d = client.discussionDetails(*repo, *num, true);
    if (!d)
        return fail(io, d.error());
    if (prOnly && !d->isPullRequest)
        return fail(io, HubError::make(ErrorCode::InvalidArgument, "#" + std::to_string(*num) +
                                                                       " is a discussion, not a pull request: use "
                                                                       "hubdesk-cli discussion show."));
    if (diffOnly) {
        if (a.has("json"))
            io.out << dump(json{{"num", d->num}, {"diff", d->diff}}) << "\n";
        else
            io.out << terminalSafe(d->diff, true) << (endsWith(d->diff, "\n") || d->diff.empty() ? "" : "\n");
        return 0;
    }
    // A pull request's changed files: its base is the parent of its first commit.
    std::optional<CompareResult> files;
    std::string base;
    if (d->isPullRequest) {
        auto b = client.pullRequestBase(*repo, *d);
        if (b && !b->empty()) {
            base = *b;
            if (auto c = client.compare(*repo, base, d->gitReference()); c)
                files = std::move(*c);
        }
    }
    if (a.has("json")) {
        json j = discussionJson(*d);
        json events = json::array();
        for (const auto &e : d->events)
            events.push_back(eventJson(e));
        j["events"] = events;
        if (d->isPullRequest) {
            j["targetBranch"] = d->targetBranch;
            j["conflictingFiles"] = d->conflictingFiles;
            j["mergeCommitId"] = d->mergeCommitId;
            j["baseCommit"] = base;
            if (files) {
                json changes = json::array();
                for (const auto &c : files->changes)
                    changes.push_back({{"status", std::string(1, fileChangeLetter(c.status))}, {"path", c.path}});
                j["changes"] = changes;
            }
        }
        io.out << dump(j) << "\n";
        return 0;
    }
    io.out << "#" << d->num << "  " << terminalSafe(d->title) << "\n";
    std::string line = (d->isPullRequest ? "Pull request" : "Discussion") + std::string(", ") +
                       terminalSafe(d->status) + ", opened by " + terminalSafe(d->author) + " on " +
                       shortDate(d->createdAt);
    if (d->isPullRequest && !d->targetBranch.empty())
        line += ", into " + terminalSafe(d->targetBranchName());
    io.out << line << "\n";
    if (d->isPullRequest) {
        io.out << "Revision: " << d->gitReference() << "\n";
        if (!d->mergeCommitId.empty())
            io.out << "Merge commit: " << terminalSafe(d->mergeCommitId) << "\n";
        if (d->hasConflicts())
            io.out << "Conflicts: "
                   << (d->conflictingFiles.empty()
                           ? std::string("yes (the Hub did not name the files)")
                           : joined(d->conflictingFiles) + " also changed on " + terminalSafe(d->targetBranchName()))
                   << "; it cannot be merged until they are updated.\n";
        if (files) {
            io.out << "\nFiles changed (" << files->changes.size() << ", since " << base.substr(0, 8) << "):\n";
            for (const auto &c : files->changes)
                io.out << "  " << fileChangeLetter(c.status) << " " << terminalSafe(c.path) << "\n";
        }
    }
    io.out << "\nConversation:\n";
    for (const auto &e : d->events)
        printEvent(io.out, e);
    return 0;
}

// ---------------------------------------------------------------- actions

int runCreate(const std::vector<std::string> &argv, Io io, const char *usage, bool pullRequest)
{
    const Spec spec{usage,
                    pullRequest ? "Opens an empty (draft) pull request; push commits to its refs/pr/N revision, "
                                  "e.g. hubdesk-cli upload REPO FILES --revision refs/pr/N."
                                : "Opens a discussion.",
                    [](Args &a) {
                        a.option("title", "the title (required)", "TEXT")
                            .option("description", "the first comment, in Markdown", "TEXT");
                        addRepoType(a, false);
                    }};
    Args a;
    if (int rc = prepare(a, spec, argv, io); rc >= 0)
        return rc;
    auto repo = repoOf(a, 0);
    if (!repo)
        return fail(io, repo.error());
    if (!a.value("title"))
        return fail(io, HubError::make(ErrorCode::InvalidArgument, "Give it a title with --title \"...\"."));
    HubClient client(configFrom(a));
    auto d = client.createDiscussion(*repo, *a.value("title"), a.valueOr("description", ""), pullRequest);
    if (!d)
        return fail(io, d.error());
    if (a.has("json")) {
        io.out << dump(discussionJson(*d)) << "\n";
        return 0;
    }
    io.out << "Opened " << kindWord(*d) << " #" << d->num << " in " << repo->id.str()
           << (d->isPullRequest ? " (revision " + d->gitReference() + ")" : std::string()) << ".\n";
    return 0;
}

/// comment, close, reopen and merge: `action` is "comment", "closed", "open" or "merge".
int runAction(const std::vector<std::string> &argv, Io io, const char *usage, const std::string &action)
{
    const char *about = action == "comment"  ? "Adds a comment (Markdown) to a pull request or discussion."
                        : action == "merge"  ? "Merges a pull request into its target branch, with an optional "
                                               "comment. Needs write access to the repository."
                        : action == "closed" ? "Closes a pull request or discussion, with an optional comment."
                                             : "Reopens a closed pull request or discussion, with an optional comment.";
    const Spec spec{usage, about, [action](Args &a) {
                        a.option("comment",
                                 action == "comment" ? "the comment (or give it after the number)"
                                                     : "a comment posted with it",
                                 "TEXT");
                        addRepoType(a, false);
                    }};
    Args a;
    if (int rc = prepare(a, spec, argv, io); rc >= 0)
        return rc;
    auto repo = repoOf(a, 0);
    if (!repo)
        return fail(io, repo.error());
    auto num = numberOf(a, 1);
    if (!num)
        return fail(io, num.error());
    std::string comment = a.valueOr("comment", "");
    if (action == "comment" && comment.empty() && a.positionals().size() > 2)
        comment = a.positionals()[2];
    if (action == "comment" && trim(comment).empty())
        return fail(io, HubError::make(ErrorCode::InvalidArgument, "Write the comment with --comment \"...\"."));
    HubClient client(configFrom(a));
    const std::string what = "#" + std::to_string(*num);
    if (action == "merge") {
        auto r = client.mergePullRequest(*repo, *num, comment);
        if (!r) {
            if (a.has("json") && r.error().code == ErrorCode::Conflict && !r.error().subject.empty())
                io.out << dump(json{{"merged", false}, {"conflictingFiles", split(r.error().subject, ',')}}) << "\n";
            return fail(io, r.error());
        }
        if (a.has("json")) {
            io.out << dump(json{{"merged", true}, {"num", *num}}) << "\n";
            return 0;
        }
        io.out << "Merged pull request " << what << " into its target branch of " << repo->id.str() << ".\n";
        return 0;
    }
    auto e = action == "comment" ? client.commentDiscussion(*repo, *num, comment)
                                 : client.changeDiscussionStatus(*repo, *num, action, comment);
    if (!e)
        return fail(io, e.error());
    if (a.has("json")) {
        io.out << dump(eventJson(*e)) << "\n";
        return 0;
    }
    io.out << (action == "comment"  ? "Commented on "
               : action == "closed" ? "Closed "
                                    : "Reopened ")
           << what << " in " << repo->id.str() << ".\n";
    return 0;
}

// ---------------------------------------------------------------- entry points

int runDiscussions(const std::vector<std::string> &argv, Io io)
{
    return runList(argv, io,
                   "discussions REPO [--type pr|discussion|all] [--status open|closed|merged|all] [--author NAME] "
                   "[--limit N] [--json]",
                   "all");
}

int usageError(Io io, const char *text)
{
    io.err << "hubdesk-cli: " << text;
    return 2;
}

int runDiscussion(const std::vector<std::string> &argv, Io io)
{
    static const char *help =
        "Usage: hubdesk-cli discussion REPO NUM              show one (same as: discussion show REPO NUM)\n"
        "       hubdesk-cli discussion list REPO [--status S] [--json]\n"
        "       hubdesk-cli discussion show REPO NUM [--json]\n"
        "       hubdesk-cli discussion create REPO --title T [--description D]\n"
        "       hubdesk-cli discussion comment REPO NUM --comment TEXT\n"
        "       hubdesk-cli discussion close|reopen REPO NUM [--comment TEXT]\n"
        "Run 'hubdesk-cli discussion SUBCOMMAND --help' for the options.\n";
    if (argv.empty())
        return usageError(io, help);
    const std::string sub = argv.front();
    const std::vector<std::string> rest(argv.begin() + 1, argv.end());
    if (sub == "--help" || sub == "-h" || sub == "help") {
        io.out << help;
        return 0;
    }
    if (sub == "list")
        return runList(rest, io, "discussion list REPO [--status open|closed|all] [--json]", "discussion");
    if (sub == "show")
        return runShow(rest, io, "discussion show REPO NUM [--json]", false, false);
    if (sub == "create")
        return runCreate(rest, io, "discussion create REPO --title TEXT [--description TEXT]", false);
    if (sub == "comment")
        return runAction(rest, io, "discussion comment REPO NUM --comment TEXT", "comment");
    if (sub == "close")
        return runAction(rest, io, "discussion close REPO NUM [--comment TEXT]", "closed");
    if (sub == "reopen")
        return runAction(rest, io, "discussion reopen REPO NUM [--comment TEXT]", "open");
    if (sub.find('/') != std::string::npos) // discussion REPO NUM
        return runShow(argv, io, "discussion REPO NUM [--json]", false, false);
    return usageError(io, help);
}

int runPr(const std::vector<std::string> &argv, Io io)
{
    static const char *help =
        "Usage: hubdesk-cli pr list REPO [--status open|closed|merged|all] [--json]\n"
        "       hubdesk-cli pr show REPO NUM [--json]     status, conflicts, files changed, conversation\n"
        "       hubdesk-cli pr diff REPO NUM              the unified diff\n"
        "       hubdesk-cli pr create REPO --title T [--description D]\n"
        "       hubdesk-cli pr comment REPO NUM --comment TEXT\n"
        "       hubdesk-cli pr close|reopen REPO NUM [--comment TEXT]\n"
        "       hubdesk-cli pr merge REPO NUM [--comment TEXT]\n"
        "Run 'hubdesk-cli pr SUBCOMMAND --help' for the options.\n";
    if (argv.empty())
        return usageError(io, help);
    const std::string sub = argv.front();
    const std::vector<std::string> rest(argv.begin() + 1, argv.end());
    if (sub == "--help" || sub == "-h" || sub == "help") {
        io.out << help;
        return 0;
    }
    if (sub == "list")
        return runList(rest, io, "pr list REPO [--status open|closed|merged|all] [--author NAME] [--json]",
                       "pull_request");
    if (sub == "show")
        return runShow(rest, io, "pr show REPO NUM [--json]", true, false);
    if (sub == "diff")
        return runShow(rest, io, "pr diff REPO NUM [--json]", true, true);
    if (sub == "create")
        return runCreate(rest, io, "pr create REPO --title TEXT [--description TEXT]", true);
    if (sub == "comment")
        return runAction(rest, io, "pr comment REPO NUM --comment TEXT", "comment");
    if (sub == "close")
        return runAction(rest, io, "pr close REPO NUM [--comment TEXT]", "closed");
    if (sub == "reopen")
        return runAction(rest, io, "pr reopen REPO NUM [--comment TEXT]", "open");
    if (sub == "merge")
        return runAction(rest, io, "pr merge REPO NUM [--comment TEXT]", "merge");
    return usageError(io, help);
}

} // namespace

void registerCommands_discussions(std::vector<Command> &out)
{
    out.push_back({"discussions", "list pull requests and discussions of a repo", &runDiscussions});
    out.push_back({"discussion", "show, open, comment on or close a discussion", &runDiscussion});
    out.push_back({"pr", "show, diff, comment on, merge, close or reopen a pull request", &runPr});
}

} // namespace hub::cli
