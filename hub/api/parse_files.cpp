// Wire JSON of the file and history endpoints: tree, paths-info, commits, compare.
#include "hub/api/parse.h"

#include "hub/api/jsonfields.h"
#include "hub/core/strings.h"
#include "hub/core/validate.h"

#include <algorithm>

namespace hub {

using detail::bad;
using detail::Fields;
using detail::finish;
using detail::json;
using detail::parseArray;
using detail::parseJson;
using detail::parseObject;
using detail::readLfs;

namespace {

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

Expected<std::vector<CommitInfo>> parseCommits(std::string_view body)
{
    return parseArray<CommitInfo>(body, "commit list", [](const json &item, size_t i, std::string &err) {
        Fields f(item, "[" + std::to_string(i) + "]", &err);
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
        return c;
    });
}

namespace {

HubError unsafeListing(const TreeEntry &e, const std::string &why)
{
    const std::string shown = escapeControls(e.path);
    return HubError::make(ErrorCode::BadResponse,
                          "The Hub listed a file HubDesk will not write (\"" + shown + "\": " + why +
                              "), so nothing was downloaded. Check that the Hub address points to a Hugging Face "
                              "Hub you trust.",
                          shown);
}

/// The one check of every name, id and size a file listing gives (see hub/core/validate.h).
Expected<void> validateEntries(const std::vector<TreeEntry> &entries)
{
    for (const auto &e : entries) {
        if (auto why = serverPathProblem(e.path))
            return unsafeListing(e, *why);
        if (e.type == TreeEntry::Type::File && !isCommitId(e.oid))
            return unsafeListing(e, "its id is not a 40-digit hexadecimal git id");
        if (!e.oid.empty() && !isCommitId(e.oid))
            return unsafeListing(e, "its id is not a 40-digit hexadecimal git id");
        if (e.lfs && !isSha256(e.lfs->oid))
            return unsafeListing(e, "its content id is not a SHA-256");
        if (!e.xetHash.empty() && !isSha256(e.xetHash))
            return unsafeListing(e, "its Xet hash is not 64 hexadecimal digits");
        const uint64_t size = e.lfs ? e.lfs->size : e.size;
        if (size > kMaxServerFileSize || e.size > kMaxServerFileSize)
            return unsafeListing(e, "its size of " + std::to_string(size) + " bytes is impossible");
        if (e.lastCommit && !isCommitId(e.lastCommit->id))
            return unsafeListing(e, "its last commit id is not a 40-digit hexadecimal id");
    }
    return {};
}

} // namespace

Expected<std::vector<TreeEntry>> parseTree(std::string_view body)
{
    auto entries = parseArray<TreeEntry>(
        body, "file list", [](const json &item, size_t i, std::string &err) { return readTreeEntry(item, i, &err); });
    if (!entries)
        return entries;
    if (auto ok = validateEntries(*entries); !ok)
        return ok.error();
    return entries;
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

Expected<uint64_t> parseTreeSize(std::string_view body)
{
    return parseObject(body, "folder size", "treesize", [&](Fields &f, std::string & /*err*/) {
        const uint64_t size = f.u64("size", true);
        return size;
    });
}

} // namespace hub
