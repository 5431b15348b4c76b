#include "hub/cli/offline.h"

#include "hub/cache/location.h"
#include "hub/cli/common.h"
#include "hub/compare/treediff.h"
#include "hub/core/strings.h"
#include "hub/core/timeutil.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <ostream>

namespace hub::cli {

namespace {

using json = nlohmann::json;
using cache::LocalFile;
using cache::LocalRepoInfo;
using cache::LocalRepoSource;
using cache::LocalTree;

std::string join(const std::vector<std::string> &parts, const std::string &sep)
{
    std::string out;
    for (const auto &p : parts)
        out += (out.empty() ? "" : sep) + p;
    return out;
}

std::filesystem::path cacheRoot(const Args &a)
{
    return cache::CacheLocation::hubCacheDir(cache::CacheLocation::processEnv(),
                                             std::filesystem::path(a.valueOr("cache-dir", "")));
}

/// The one line that says where the answer comes from (stderr, so stdout stays parseable).
void notice(Io io, const std::string &reason, const std::filesystem::path &root)
{
    io.err << "hubdesk-cli: offline (" << terminalSafe(reason) << "): answering from the local cache in "
           << terminalSafe(root.string()) << "\n";
}

std::string dateText(int64_t secs)
{
    return secs > 0 ? shortDate(formatIsoUtc(secs)) : std::string("-");
}

std::string revisionLabel(const cache::LocalRevision &r)
{
    return r.refs.empty() ? r.commit.substr(0, 8) : join(r.refs, ", ");
}

std::string presenceText(LocalFile::Presence p)
{
    switch (p) {
    case LocalFile::Presence::OnDisk: return "yes";
    case LocalFile::Presence::NotDownloaded: return "no";
    case LocalFile::Presence::Unsafe: return "unsafe";
    }
    return "?";
}

std::string presenceName(LocalFile::Presence p)
{
    switch (p) {
    case LocalFile::Presence::OnDisk: return "onDisk";
    case LocalFile::Presence::NotDownloaded: return "notDownloaded";
    case LocalFile::Presence::Unsafe: return "outsideCache";
    }
    return "unknown";
}

json revisionJson(const cache::LocalRevision &r)
{
    return {{"commit", r.commit},
            {"refs", r.refs},
            {"sizeOnDisk", r.sizeOnDisk},
            {"files", r.fileCount},
            {"notDownloaded", r.missingCount},
            {"lastModified", r.lastModified > 0 ? formatIsoUtc(r.lastModified) : ""}};
}

json fileJson(const LocalFile &f)
{
    json j = {{"type", "file"}, {"path", f.path}, {"size", f.size}, {"local", presenceName(f.presence)}};
    if (!f.gitOid.empty())
        j["oid"] = f.gitOid;
    if (!f.lfsSha256.empty())
        j["lfs"] = {{"oid", f.lfsSha256}, {"size", f.size}};
    return j;
}

std::vector<FileEntry> fileEntries(const LocalTree &t)
{
    std::vector<FileEntry> out;
    out.reserve(t.files.size());
    for (const auto &f : t.files)
        out.push_back({f.path, f.gitOid, f.size, f.lfsSha256});
    return out;
}

} // namespace

void addOfflineOptions(Args &a)
{
    a.flag("offline", "answer from the local cache without asking the Hub (also when HF_HUB_OFFLINE is set)")
        .option("cache-dir", "cache folder read offline (default: HF_HUB_CACHE rules)", "DIR");
}

std::string offlineReason(const Args &a, const ClientConfig &config)
{
    if (a.has("offline"))
        return "--offline was given";
    if (config.offline)
        return "HF_HUB_OFFLINE is set";
    return {};
}

bool isUnreachable(const HubError &error)
{
    return error.code == ErrorCode::Network || error.code == ErrorCode::Timeout || error.code == ErrorCode::Offline;
}

std::string unreachableReason(const HubError &error)
{
    return "the Hub cannot be reached: " + error.message;
}

int lsOffline(const Args &a, Io io, const cache::LocalListQuery &query, size_t limit, const std::string &reason)
{
    const LocalRepoSource source(cacheRoot(a));
    notice(io, reason, source.root());
    auto repos = source.listRepos(query);
    if (!repos)
        return fail(io, repos.error());
    const std::string sort = a.valueOr("sort", "");
    if (sort == "lastModified")
        std::stable_sort(repos->begin(), repos->end(), [](const LocalRepoInfo &x, const LocalRepoInfo &y) {
            return x.lastModified > y.lastModified;
        });
    else if (!sort.empty())
        io.err << "hubdesk-cli: sorting by " << terminalSafe(sort) << " needs the Hub; sorted by name.\n";
    if (limit > 0 && repos->size() > limit)
        repos->resize(limit);
    const std::string type(repoTypeName(query.type.value_or(RepoType::Model)));
    if (a.has("json")) {
        json arr = json::array();
        for (const auto &r : *repos) {
            json revs = json::array();
            for (const auto &rev : r.revisions)
                revs.push_back(revisionJson(rev));
            arr.push_back({{"id", r.repo.id.str()},
                           {"type", std::string(repoTypeName(r.repo.type))},
                           {"source", "local cache"},
                           {"sizeOnDisk", r.sizeOnDisk},
                           {"lastModified", r.lastModified > 0 ? formatIsoUtc(r.lastModified) : ""},
                           {"revisions", revs}});
        }
        io.out << arr.dump(2) << "\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows = {{"ID", "CACHED REVISIONS", "SIZE", "UPDATED"}};
    for (const auto &r : *repos) {
        std::vector<std::string> labels;
        for (const auto &rev : r.revisions)
            labels.push_back(revisionLabel(rev));
        rows.push_back({r.repo.id.str(), join(labels, "; "), humanBytes(r.sizeOnDisk), dateText(r.lastModified)});
    }
    printSafeTable(io.out, rows, {false, false, true, false});
    io.out << repos->size() << " " << type << (repos->size() == 1 ? "" : "s") << " on this computer\n";
    return 0;
}

int infoOffline(const Args &a, Io io, const RepoRef &repo, const std::string &revision, const std::string &reason)
{
    const LocalRepoSource source(cacheRoot(a));
    notice(io, reason, source.root());
    auto info = source.repoInfo(repo);
    if (!info)
        return fail(io, info.error());
    std::string rev = revision;
    if (rev.empty())
        rev = info->defaultRevision()->name();
    auto tree = source.tree(repo, rev);
    if (!tree)
        return fail(io, tree.error());
    uint64_t onDiskBytes = 0;
    for (const auto &f : tree->files)
        if (f.onDisk())
            onDiskBytes += f.size;
    const size_t onDisk = tree->onDiskCount();
    if (a.has("json")) {
        json files = json::array();
        for (const auto &f : tree->files)
            files.push_back(fileJson(f));
        json revs = json::array();
        for (const auto &r : info->revisions)
            revs.push_back(revisionJson(r));
        io.out << json{{"id", repo.id.str()},     {"type", std::string(repoTypeName(repo.type))},
                       {"source", "local cache"}, {"revision", rev},
                       {"sha", tree->commit},     {"refs", info->refs},
                       {"revisions", revs},       {"complete", tree->hasListing && onDisk == tree->files.size()},
                       {"files", files}}
                      .dump(2)
               << "\n";
        return 0;
    }
    std::vector<std::string> refs;
    for (const auto &[name, commit] : info->refs)
        refs.push_back(name + " -> " + commit.substr(0, 8));
    std::vector<std::vector<std::string>> head = {
        {"Repository:", std::string(repoTypeName(repo.type)) + " " + repo.id.str()},
        {"Revision:", rev},
        {"Commit:", tree->commit},
        {"Refs:", refs.empty() ? "-" : join(refs, ", ")},
        {"Cached revisions:", std::to_string(info->revisions.size())},
        {"On this computer:",
         std::to_string(onDisk) + " file" + (onDisk == 1 ? "" : "s") + " (" + humanBytes(onDiskBytes) + ")"}};
    if (tree->hasListing)
        head.push_back({"Not downloaded:", std::to_string(tree->files.size() - onDisk)});
    else
        head.push_back({"Not downloaded:", "unknown (no file listing of this revision in the cache)"});
    if (info->damaged)
        head.push_back({"Problems:", "the cache of this repo is damaged (see hubdesk-cli cache verify)"});
    printSafeTable(io.out, head);
    io.out << "\n";
    std::vector<std::vector<std::string>> rows = {{"SIZE", "LFS", "LOCAL", "PATH"}};
    for (const auto &f : tree->files)
        rows.push_back({humanBytes(f.size), f.lfsSha256.empty() ? "" : "lfs", presenceText(f.presence), f.path});
    printSafeTable(io.out, rows, {true, false, false, false});
    return 0;
}

int treeOffline(const Args &a, Io io, const RepoRef &repo, const std::string &revision, const std::string &path,
                bool recursive, const std::string &reason)
{
    const LocalRepoSource source(cacheRoot(a));
    notice(io, reason, source.root());
    auto tree = source.tree(repo, revision);
    if (!tree)
        return fail(io, tree.error());
    std::string prefix = path;
    while (!prefix.empty() && prefix.back() == '/')
        prefix.pop_back();
    if (!prefix.empty())
        prefix += '/';
    // Entries below `path`: every file when recursive, else the direct children plus one folder
    // per first path segment (sized by what is below it).
    struct Row {
        bool folder = false;
        const LocalFile *file = nullptr;
        uint64_t size = 0;
    };
    std::map<std::string, Row> rows;
    for (const auto &f : tree->files) {
        if (!startsWith(f.path, prefix))
            continue;
        const std::string rest = f.path.substr(prefix.size());
        const auto slash = rest.find('/');
        if (recursive || slash == std::string::npos) {
            rows[f.path] = Row{false, &f, f.size};
            if (recursive)
                for (auto s = rest.find('/'); s != std::string::npos; s = rest.find('/', s + 1))
                    rows[prefix + rest.substr(0, s)].folder = true;
        } else {
            Row &r = rows[prefix + rest.substr(0, slash)];
            r.folder = true;
            r.size += f.size;
        }
    }
    if (rows.empty() && !prefix.empty())
        return fail(io, HubError::make(ErrorCode::EntryNotFound, "There is no folder " + path + " at revision " +
                                                                     revision + " on this computer."));
    if (a.has("json")) {
        json arr = json::array();
        for (const auto &[p, r] : rows)
            arr.push_back(r.folder ? json{{"type", "directory"}, {"path", p}} : fileJson(*r.file));
        io.out << arr.dump(2) << "\n";
        return 0;
    }
    std::vector<std::vector<std::string>> table = {{"SIZE", "LFS", "LOCAL", "PATH"}};
    uint64_t total = 0;
    size_t files = 0;
    for (const auto &[p, r] : rows) {
        if (r.folder) {
            table.push_back({"-", "", "", p + "/"});
            continue;
        }
        table.push_back(
            {humanBytes(r.size), r.file->lfsSha256.empty() ? "" : "lfs", presenceText(r.file->presence), p});
        total += r.size;
        ++files;
    }
    printSafeTable(io.out, table, {true, false, false, false});
    io.out << files << " file" << (files == 1 ? "" : "s") << ", " << humanBytes(total) << " at commit "
           << tree->commit.substr(0, 8) << (tree->hasListing ? "" : " (only what is on this computer)") << "\n";
    return 0;
}

int diffOffline(const Args &a, Io io, const RepoRef &repo, const std::string &base, const std::string &head,
                const std::string &reason)
{
    const LocalRepoSource source(cacheRoot(a));
    notice(io, reason, source.root());
    auto before = source.tree(repo, base);
    if (!before)
        return fail(io, before.error());
    auto after = source.tree(repo, head);
    if (!after)
        return fail(io, after.error());
    const TreeDiff diff = diffTrees(fileEntries(*before), fileEntries(*after));
    const auto letter = [](ChangeType c) {
        switch (c) {
        case ChangeType::Added: return "A";
        case ChangeType::Removed: return "D";
        case ChangeType::Changed: return "M";
        case ChangeType::Renamed: return "R";
        case ChangeType::Unchanged: return "";
        }
        return "";
    };
    const bool partial = !before->hasListing || !after->hasListing;
    if (a.has("json")) {
        json arr = json::array();
        for (const auto &f : diff.files) {
            if (f.change == ChangeType::Unchanged)
                continue;
            json j = {{"status", letter(f.change)}, {"path", f.path}};
            if (f.change == ChangeType::Renamed)
                j["oldPath"] = f.oldPath;
            if (f.change != ChangeType::Added)
                j["oldSize"] = f.oldSize;
            if (f.change != ChangeType::Removed)
                j["newSize"] = f.newSize;
            arr.push_back(j);
        }
        io.out << json{{"base", before->commit},
                       {"head", after->commit},
                       {"source", "local cache"},
                       {"onlyFilesOnThisComputer", partial},
                       {"changes", arr}}
                      .dump(2)
               << "\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows = {{"", "OLD", "NEW", "PATH"}};
    size_t changed = 0;
    for (const auto &f : diff.files) {
        if (f.change == ChangeType::Unchanged)
            continue;
        ++changed;
        rows.push_back({letter(f.change), f.change == ChangeType::Added ? "-" : humanBytes(f.oldSize),
                        f.change == ChangeType::Removed ? "-" : humanBytes(f.newSize),
                        f.change == ChangeType::Renamed ? f.oldPath + " -> " + f.path : f.path});
    }
    printSafeTable(io.out, rows, {false, true, true, false});
    io.out << changed << " changed file" << (changed == 1 ? "" : "s") << "\n";
    if (partial)
        io.out << "Only files on this computer are compared: a file downloaded at one revision and not at the "
                  "other shows as added or removed.\n";
    return 0;
}

} // namespace hub::cli
