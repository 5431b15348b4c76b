// hubdesk-cli whoami | ls | info | refs | log | tree | diff: the read side of the Hub client from a
// terminal, with aligned text output or --json.

#include "hub/api/client.h"
#include "hub/cli/common.h"
#include "hub/cli/offline.h"
#include "hub/core/strings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>

namespace hub::cli {

namespace {

using json = nlohmann::json;

std::string typeName(RepoType t)
{
    return std::string(repoTypeName(t));
}

json treeEntryJson(const TreeEntry &e)
{
    json j = {{"type", e.isDirectory() ? "directory" : "file"}, {"path", e.path}, {"oid", e.oid}, {"size", e.size}};
    if (e.lfs)
        j["lfs"] = {{"oid", e.lfs->oid}, {"size", e.lfs->size}, {"pointerSize", e.lfs->pointerSize}};
    if (e.lastCommit)
        j["lastCommit"] = {{"id", e.lastCommit->id}, {"title", e.lastCommit->title}, {"date", e.lastCommit->date}};
    return j;
}

// ---------------------------------------------------------------- commands

int runWhoami(const std::vector<std::string> &argv, Io io)
{
    static const Spec spec{"whoami [--endpoint URL] [--token TOKEN] [--json]",
                           "Shows the account the current token belongs to.", [](Args &) {}};
    Args a;
    if (int rc = prepare(a, spec, argv, io); rc >= 0)
        return rc;
    HubClient client(configFrom(a));
    auto w = client.whoami();
    if (!w)
        return fail(io, w.error());
    if (a.has("json")) {
        json orgs = json::array();
        for (const auto &o : w->orgs)
            orgs.push_back(o.name);
        io.out << json{{"name", w->name},
                       {"fullname", w->fullname},
                       {"type", w->type},
                       {"orgs", orgs},
                       {"tokenName", w->tokenName},
                       {"tokenRole", w->tokenRole},
                       {"endpoint", client.config().endpoint}}
                      .dump(2)
               << "\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows = {
        {"User:", w->name + (w->fullname.empty() ? "" : " (" + w->fullname + ")")}};
    std::string orgs;
    for (const auto &o : w->orgs)
        orgs += (orgs.empty() ? "" : ", ") + o.name;
    rows.push_back({"Organizations:", orgs.empty() ? "-" : orgs});
    if (!w->tokenName.empty())
        rows.push_back({"Token:", w->tokenName + (w->tokenRole.empty() ? "" : " (" + w->tokenRole + ")")});
    rows.push_back({"Hub:", client.config().endpoint});
    printSafeTable(io.out, rows);
    return 0;
}

int runLs(const std::vector<std::string> &argv, Io io)
{
    static const Spec spec{
        "ls [AUTHOR] [--type TYPE] [--search TEXT] [--sort FIELD] [--limit N] [--offline] [--json]",
        "Lists repositories, e.g. those of one user or organization."
        " Offline (--offline, HF_HUB_OFFLINE, or the Hub out of reach) it answers from the local cache.",
        [](Args &a) {
            addType(a);
            a.option("author", "only repositories of this user or organization", "NAME")
                .option("search", "only ids containing this text", "TEXT")
                .option("sort", "createdAt, downloads, lastModified, likes or trendingScore", "FIELD")
                .option("limit", "at most N repositories (default 50; 0 = all)", "N");
            addOfflineOptions(a);
        }};
    Args a;
    if (int rc = prepare(a, spec, argv, io); rc >= 0)
        return rc;
    ListReposQuery q;
    if (auto t = a.value("type")) {
        auto type = parseRepoType(*t);
        if (!type)
            return fail(io, HubError::make(ErrorCode::InvalidArgument, "--type must be model, dataset or space."));
        q.type = *type;
    }
    q.author = a.valueOr("author", a.positionals().empty() ? "" : a.positionals().front());
    q.search = a.valueOr("search", "");
    q.sort = a.valueOr("sort", "");
    uint64_t limit = 50;
    if (auto l = a.value("limit"); l && !parseUint64(*l, limit))
        return fail(io, HubError::make(ErrorCode::InvalidArgument, "--limit needs a number."));
    q.limit = static_cast<size_t>(limit);
    q.expand = {"author", "private", "gated", "downloads", "likes", "lastModified"};
    const ClientConfig config = configFrom(a);
    const auto fromCache = [&](const std::string &reason) {
        return lsOffline(a, io, {q.type, q.author, q.search}, q.limit, reason);
    };
    if (auto reason = offlineReason(a, config); !reason.empty())
        return fromCache(reason);
    HubClient client(config);
    auto repos = client.listRepos(q).all();
    if (!repos)
        return isUnreachable(repos.error()) ? fromCache(unreachableReason(repos.error())) : fail(io, repos.error());
    if (a.has("json")) {
        json arr = json::array();
        for (const auto &r : *repos)
            arr.push_back({{"id", r.id},
                           {"type", typeName(r.type)},
                           {"private", r.isPrivate},
                           {"gated", r.gated},
                           {"downloads", r.downloads},
                           {"likes", r.likes},
                           {"lastModified", r.lastModified}});
        io.out << arr.dump(2) << "\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows = {{"ID", "VISIBILITY", "DOWNLOADS", "LIKES", "UPDATED"}};
    for (const auto &r : *repos)
        rows.push_back({r.id, r.isPrivate ? "private" : (r.gated.empty() ? "public" : "gated"),
                        std::to_string(r.downloads), std::to_string(r.likes), shortDate(r.lastModified)});
    printSafeTable(io.out, rows, {false, false, true, true, false});
    io.out << repos->size() << " " << typeName(q.type) << (repos->size() == 1 ? "" : "s") << "\n";
    return 0;
}

int runInfo(const std::vector<std::string> &argv, Io io)
{
    static const Spec spec{
        "info REPO [--revision REV] [--type TYPE] [--offline] [--json]",
        "Shows a repository: its commit, visibility, tags and files with sizes."
        " Offline (--offline, HF_HUB_OFFLINE, or the Hub out of reach) it answers from the local cache.",
        [](Args &a) {
            addType(a);
            a.option("revision", "branch, tag or commit (default: the default branch)", "REV");
            addOfflineOptions(a);
        }};
    Args a;
    if (int rc = prepare(a, spec, argv, io); rc >= 0)
        return rc;
    if (a.positionals().size() != 1)
        return fail(
            io, HubError::make(ErrorCode::InvalidArgument, "Name one repository, e.g. hubdesk-cli info acme/tiny."));
    auto repo = repoArg(a, a.positionals()[0]);
    if (!repo)
        return fail(io, repo.error());
    const ClientConfig config = configFrom(a);
    if (auto reason = offlineReason(a, config); !reason.empty())
        return infoOffline(a, io, *repo, a.valueOr("revision", ""), reason);
    HubClient client(config);
    auto info = client.repoInfo(*repo, a.valueOr("revision", ""), true);
    if (!info)
        return isUnreachable(info.error())
                   ? infoOffline(a, io, *repo, a.valueOr("revision", ""), unreachableReason(info.error()))
                   : fail(io, info.error());
    uint64_t total = 0;
    for (const auto &s : info->siblings)
        total += s.size.value_or(0);
    if (a.has("json")) {
        json files = json::array();
        for (const auto &s : info->siblings) {
            json f = {{"path", s.path}, {"size", s.size.value_or(0)}, {"blobId", s.blobId}};
            if (s.lfs)
                f["lfs"] = {{"sha256", s.lfs->oid}, {"size", s.lfs->size}};
            files.push_back(f);
        }
        io.out << json{{"id", info->id},       {"type", typeName(repo->type)},
                       {"sha", info->sha},     {"private", info->isPrivate},
                       {"gated", info->gated}, {"lastModified", info->lastModified},
                       {"tags", info->tags},   {"totalSize", total},
                       {"files", files}}
                      .dump(2)
               << "\n";
        return 0;
    }
    std::vector<std::vector<std::string>> head = {
        {"Repository:", typeName(repo->type) + " " + info->id},
        {"Commit:", info->sha},
        {"Visibility:", std::string(info->isPrivate ? "private" : "public") +
                            (info->gated.empty() ? "" : ", gated (" + info->gated + ")")},
        {"Updated:", shortDate(info->lastModified)},
        {"Files:", std::to_string(info->siblings.size()) + " (" + humanBytes(total) + ")"}};
    if (!info->cardLicense.empty())
        head.push_back({"License:", info->cardLicense});
    printSafeTable(io.out, head);
    io.out << "\n";
    std::vector<std::vector<std::string>> rows = {{"SIZE", "LFS", "PATH"}};
    for (const auto &s : info->siblings)
        rows.push_back({s.size ? humanBytes(*s.size) : "?", s.lfs ? "lfs" : "", s.path});
    printSafeTable(io.out, rows, {true, false, false});
    return 0;
}

int runRefs(const std::vector<std::string> &argv, Io io)
{
    static const Spec spec{"refs REPO [--type TYPE] [--json]", "Lists branches, tags, conversions and pull requests.",
                           [](Args &a) { addType(a); }};
    Args a;
    if (int rc = prepare(a, spec, argv, io); rc >= 0)
        return rc;
    if (a.positionals().size() != 1)
        return fail(
            io, HubError::make(ErrorCode::InvalidArgument, "Name one repository, e.g. hubdesk-cli refs acme/tiny."));
    auto repo = repoArg(a, a.positionals()[0]);
    if (!repo)
        return fail(io, repo.error());
    HubClient client(configFrom(a));
    auto refs = client.refs(*repo, true);
    if (!refs)
        return fail(io, refs.error());
    const std::vector<std::pair<const char *, const std::vector<GitRef> *>> kinds = {
        {"branch", &refs->branches}, {"tag", &refs->tags}, {"convert", &refs->converts}, {"pr", &refs->pullRequests}};
    if (a.has("json")) {
        json arr = json::array();
        for (const auto &[kind, list] : kinds)
            for (const auto &r : *list)
                arr.push_back({{"kind", kind}, {"name", r.name}, {"ref", r.ref}, {"targetCommit", r.targetCommit}});
        io.out << arr.dump(2) << "\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows = {{"KIND", "NAME", "COMMIT"}};
    for (const auto &[kind, list] : kinds)
        for (const auto &r : *list)
            rows.push_back({kind, r.name, r.targetCommit});
    printSafeTable(io.out, rows);
    return 0;
}

int runLog(const std::vector<std::string> &argv, Io io)
{
    static const Spec spec{"log REPO [--revision REV] [--limit N] [--type TYPE] [--json]",
                           "Shows the commit history, newest first.", [](Args &a) {
                               addType(a);
                               a.option("revision", "branch, tag or commit (default: main)", "REV")
                                   .option("limit", "at most N commits (default 50; 0 = all)", "N");
                           }};
    Args a;
    if (int rc = prepare(a, spec, argv, io); rc >= 0)
        return rc;
    if (a.positionals().size() != 1)
        return fail(io,
                    HubError::make(ErrorCode::InvalidArgument, "Name one repository, e.g. hubdesk-cli log acme/tiny."));
    auto repo = repoArg(a, a.positionals()[0]);
    if (!repo)
        return fail(io, repo.error());
    uint64_t limit = 50;
    if (auto l = a.value("limit"); l && !parseUint64(*l, limit))
        return fail(io, HubError::make(ErrorCode::InvalidArgument, "--limit needs a number."));
    HubClient client(configFrom(a));
    auto pager = client.listCommits(*repo, a.valueOr("revision", "main"), 0, static_cast<size_t>(limit));
    auto commits = pager.all();
    if (!commits)
        return fail(io, commits.error());
    if (a.has("json")) {
        json arr = json::array();
        for (const auto &c : *commits)
            arr.push_back(
                {{"id", c.id}, {"title", c.title}, {"message", c.message}, {"authors", c.authors}, {"date", c.date}});
        io.out << arr.dump(2) << "\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows = {{"COMMIT", "DATE", "AUTHOR", "TITLE"}};
    for (const auto &c : *commits)
        rows.push_back({c.id.substr(0, 8), shortDate(c.date), c.authors.empty() ? "" : c.authors.front(), c.title});
    printSafeTable(io.out, rows);
    if (pager.total())
        io.out << commits->size() << " of " << *pager.total() << " commits\n";
    return 0;
}

int runTree(const std::vector<std::string> &argv, Io io)
{
    static const Spec spec{
        "tree REPO [PATH] [--revision REV] [--recursive] [--type TYPE] [--offline] [--json]",
        "Lists the files and folders of a repository (or of one folder in it)."
        " Offline (--offline, HF_HUB_OFFLINE, or the Hub out of reach) it answers from the local cache.",
        [](Args &a) {
            addType(a);
            a.option("revision", "branch, tag or commit (default: main)", "REV")
                .flag("recursive", "include everything below, not only direct children");
            addOfflineOptions(a);
        }};
    Args a;
    if (int rc = prepare(a, spec, argv, io); rc >= 0)
        return rc;
    if (a.positionals().empty() || a.positionals().size() > 2)
        return fail(
            io, HubError::make(ErrorCode::InvalidArgument, "Name one repository, e.g. hubdesk-cli tree acme/tiny."));
    auto repo = repoArg(a, a.positionals()[0]);
    if (!repo)
        return fail(io, repo.error());
    TreeQuery q;
    q.revision = a.valueOr("revision", "main");
    q.path = a.positionals().size() == 2 ? a.positionals()[1] : "";
    q.recursive = a.has("recursive");
    const ClientConfig config = configFrom(a);
    if (auto reason = offlineReason(a, config); !reason.empty())
        return treeOffline(a, io, *repo, q.revision, q.path, q.recursive, reason);
    HubClient client(config);
    auto entries = client.tree(*repo, q);
    if (!entries)
        return isUnreachable(entries.error())
                   ? treeOffline(a, io, *repo, q.revision, q.path, q.recursive, unreachableReason(entries.error()))
                   : fail(io, entries.error());
    std::sort(entries->begin(), entries->end(), [](const TreeEntry &x, const TreeEntry &y) { return x.path < y.path; });
    if (a.has("json")) {
        json arr = json::array();
        for (const auto &e : *entries)
            arr.push_back(treeEntryJson(e));
        io.out << arr.dump(2) << "\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows = {{"SIZE", "LFS", "PATH"}};
    uint64_t total = 0;
    size_t files = 0;
    for (const auto &e : *entries) {
        rows.push_back(
            {e.isDirectory() ? "-" : humanBytes(e.size), e.lfs ? "lfs" : "", e.path + (e.isDirectory() ? "/" : "")});
        if (!e.isDirectory()) {
            total += e.size;
            ++files;
        }
    }
    printSafeTable(io.out, rows, {true, false, false});
    io.out << files << " file" << (files == 1 ? "" : "s") << ", " << humanBytes(total) << "\n";
    return 0;
}

int runDiff(const std::vector<std::string> &argv, Io io)
{
    static const Spec spec{
        "diff REPO REV1 REV2 [--type TYPE] [--offline] [--json]",
        "Lists the files that differ between two revisions (A added, M modified, D deleted, R renamed)."
        " Offline (--offline, HF_HUB_OFFLINE, or the Hub out of reach) it answers from the local cache.",
        [](Args &a) {
            addType(a);
            addOfflineOptions(a);
        }};
    Args a;
    if (int rc = prepare(a, spec, argv, io); rc >= 0)
        return rc;
    if (a.positionals().size() != 3)
        return fail(io,
                    HubError::make(ErrorCode::InvalidArgument,
                                   "Name a repository and two revisions, e.g. hubdesk-cli diff acme/tiny v1 main."));
    auto repo = repoArg(a, a.positionals()[0]);
    if (!repo)
        return fail(io, repo.error());
    const std::string &base = a.positionals()[1];
    const std::string &head = a.positionals()[2];
    const ClientConfig config = configFrom(a);
    if (auto reason = offlineReason(a, config); !reason.empty())
        return diffOffline(a, io, *repo, base, head, reason);
    HubClient client(config);
    auto diff = client.compare(*repo, base, head);
    if (!diff)
        return isUnreachable(diff.error()) ? diffOffline(a, io, *repo, base, head, unreachableReason(diff.error()))
                                           : fail(io, diff.error());
    auto sizeText = [](const std::optional<uint64_t> &s) { return s ? humanBytes(*s) : std::string("-"); };
    if (a.has("json")) {
        json arr = json::array();
        for (const auto &c : diff->changes) {
            json j = {{"status", std::string(1, fileChangeLetter(c.status))}, {"path", c.path}};
            if (!c.oldPath.empty())
                j["oldPath"] = c.oldPath;
            if (c.oldSize)
                j["oldSize"] = *c.oldSize;
            if (c.newSize)
                j["newSize"] = *c.newSize;
            arr.push_back(j);
        }
        io.out << json{{"base", diff->base}, {"head", diff->head}, {"changes", arr}}.dump(2) << "\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows = {{"", "OLD", "NEW", "PATH"}};
    for (const auto &c : diff->changes)
        rows.push_back({std::string(1, fileChangeLetter(c.status)), sizeText(c.oldSize), sizeText(c.newSize),
                        c.oldPath.empty() ? c.path : c.oldPath + " -> " + c.path});
    printSafeTable(io.out, rows, {false, true, true, false});
    io.out << diff->changes.size() << " changed file" << (diff->changes.size() == 1 ? "" : "s") << "\n";
    return 0;
}

} // namespace

void registerCommands_api(std::vector<Command> &out)
{
    out.push_back({"whoami", "show the signed-in account", &runWhoami});
    out.push_back({"ls", "list repositories of an author", &runLs});
    out.push_back({"info", "show a repository and its files", &runInfo});
    out.push_back({"refs", "list branches, tags and pull requests", &runRefs});
    out.push_back({"log", "show the commit history", &runLog});
    out.push_back({"tree", "list files and folders at a revision", &runTree});
    out.push_back({"diff", "list files changed between two revisions", &runDiff});
}

} // namespace hub::cli
