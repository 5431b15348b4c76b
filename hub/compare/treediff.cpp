#include "hub/compare/treediff.h"

#include "hub/core/strings.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

namespace hub {

std::string_view changeTypeName(ChangeType type)
{
    switch (type) {
    case ChangeType::Added: return "added";
    case ChangeType::Removed: return "removed";
    case ChangeType::Changed: return "changed";
    case ChangeType::Renamed: return "renamed";
    case ChangeType::Unchanged: return "unchanged";
    }
    return "unchanged";
}

namespace {

std::string contentKey(const FileEntry &e)
{
    if (!e.lfsOid.empty())
        return "lfs:" + e.lfsOid;
    if (!e.oid.empty())
        return "git:" + e.oid;
    return {};
}

bool sameContent(const FileEntry &a, const FileEntry &b)
{
    if (!a.oid.empty() && !b.oid.empty())
        return a.oid == b.oid;
    return a.lfsOid == b.lfsOid && a.size == b.size;
}

std::string kindPhrase(FileKind kind)
{
    switch (kind) {
    case FileKind::Weights: return "the weights";
    case FileKind::Config: return "the configuration";
    case FileKind::Card: return "the card (README.md)";
    case FileKind::Data: return "the data";
    case FileKind::Other: return "other files";
    }
    return "other files";
}

std::string kindTitle(FileKind kind)
{
    switch (kind) {
    case FileKind::Weights: return "Weights";
    case FileKind::Config: return "Configuration";
    case FileKind::Card: return "Card";
    case FileKind::Data: return "Data";
    case FileKind::Other: return "Other files";
    }
    return "Other files";
}

std::string capitalized(std::string s)
{
    if (!s.empty())
        s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

std::string joinPhrases(const std::vector<std::string> &items)
{
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += (i + 1 == items.size()) ? " and " : ", ";
        out += items[i];
    }
    return out;
}

std::string plural(int n, const char *one, const char *many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// "model.onnx (45.0 MB → 45.1 MB)", "model.onnx (45.0 MB)", "a.bin → b.bin"
std::string describeFile(const ComparedFile &f)
{
    switch (f.change) {
    case ChangeType::Added: return f.path + " (" + humanBytes(f.newSize) + ")";
    case ChangeType::Removed: return f.path + " (" + humanBytes(f.oldSize) + ")";
    case ChangeType::Renamed: return f.oldPath + " \u2192 " + f.path;
    case ChangeType::Changed:
        if (f.oldSize == f.newSize)
            return f.path + " (same size, new content)";
        return f.path + " (" + humanBytes(f.oldSize) + " \u2192 " + humanBytes(f.newSize) + ")";
    case ChangeType::Unchanged: return f.path;
    }
    return f.path;
}

void summarize(TreeDiff &d)
{
    if (d.identical()) {
        d.headline = "Nothing changed: both revisions have the same files.";
        return;
    }
    constexpr std::array<FileKind, 5> kOrder = {FileKind::Weights, FileKind::Config, FileKind::Card, FileKind::Data,
                                                FileKind::Other};
    std::vector<FileKind> touched;
    for (FileKind k : kOrder) {
        const bool hit = std::any_of(d.files.begin(), d.files.end(), [k](const ComparedFile &f) {
            return f.kind == k && f.change != ChangeType::Unchanged && f.change != ChangeType::Renamed;
        });
        if (hit)
            touched.push_back(k);
    }
    if (touched.empty()) {
        d.headline = "Only file names changed: " + plural(d.renamed, "file was", "files were") +
                     " renamed or moved, with the same content.";
    } else if (touched.size() == 1) {
        d.headline = "Only " + kindPhrase(touched[0]) + " changed.";
        if (touched[0] == FileKind::Other)
            d.headline = "Only other files changed (no weights, configuration, card or data).";
    } else {
        std::vector<std::string> phrases;
        for (FileKind k : touched)
            phrases.push_back(kindPhrase(k));
        d.headline = capitalized(joinPhrases(phrases)) + " changed.";
    }

    // Detail sentences: per kind and change type, naming up to five files.
    for (FileKind k : kOrder) {
        for (ChangeType c : {ChangeType::Changed, ChangeType::Added, ChangeType::Removed, ChangeType::Renamed}) {
            std::vector<std::string> names;
            for (const auto &f : d.files)
                if (f.kind == k && f.change == c)
                    names.push_back(describeFile(f));
            if (names.empty())
                continue;
            const size_t total = names.size();
            if (total > 5) {
                names.resize(5);
                names.push_back(std::to_string(total - 5) + " more");
            }
            d.summary.push_back(kindTitle(k) + " " + std::string(changeTypeName(c)) + ": " + joinPhrases(names) + ".");
        }
    }
    std::vector<std::string> counts;
    if (d.added)
        counts.push_back(plural(d.added, "file added", "files added"));
    if (d.removed)
        counts.push_back(plural(d.removed, "file removed", "files removed"));
    if (d.changed)
        counts.push_back(plural(d.changed, "file changed", "files changed"));
    if (d.renamed)
        counts.push_back(plural(d.renamed, "file renamed", "files renamed"));
    std::string total = capitalized(joinPhrases(counts));
    if (d.totalSizeDelta != 0) {
        const uint64_t mag =
            d.totalSizeDelta < 0 ? static_cast<uint64_t>(-d.totalSizeDelta) : static_cast<uint64_t>(d.totalSizeDelta);
        total += std::string("; the repo is ") + humanBytes(mag) + (d.totalSizeDelta < 0 ? " smaller" : " larger");
    }
    d.summary.push_back(total + ".");
}

} // namespace

TreeDiff diffTrees(const std::vector<FileEntry> &oldFiles, const std::vector<FileEntry> &newFiles)
{
    std::map<std::string, const FileEntry *> oldByPath;
    std::map<std::string, const FileEntry *> newByPath;
    for (const auto &e : oldFiles)
        oldByPath[e.path] = &e;
    for (const auto &e : newFiles)
        newByPath[e.path] = &e;

    TreeDiff d;
    std::vector<const FileEntry *> removed;
    std::vector<const FileEntry *> added;
    for (const auto &[path, o] : oldByPath) {
        const auto it = newByPath.find(path);
        if (it == newByPath.end()) {
            removed.push_back(o);
            continue;
        }
        const FileEntry *n = it->second;
        ComparedFile f;
        f.change = sameContent(*o, *n) ? ChangeType::Unchanged : ChangeType::Changed;
        f.kind = classifyFile(*n);
        f.path = path;
        f.oldPath = path;
        f.oldSize = o->size;
        f.newSize = n->size;
        f.oldOid = o->oid;
        f.newOid = n->oid;
        f.lfs = n->isLfs();
        d.files.push_back(std::move(f));
    }
    for (const auto &[path, n] : newByPath)
        if (!oldByPath.count(path))
            added.push_back(n);

    // Renames: a removed file whose exact content reappears under a new path.
    std::multimap<std::string, const FileEntry *> removedByContent;
    for (const FileEntry *o : removed) {
        const std::string key = contentKey(*o);
        if (!key.empty())
            removedByContent.emplace(key, o);
    }
    std::map<const FileEntry *, bool> paired;
    for (const FileEntry *n : added) {
        ComparedFile f;
        f.kind = classifyFile(*n);
        f.path = n->path;
        f.newSize = n->size;
        f.newOid = n->oid;
        f.lfs = n->isLfs();
        const std::string key = contentKey(*n);
        auto range = removedByContent.equal_range(key);
        auto match = range.second;
        for (auto it = range.first; !key.empty() && it != range.second; ++it) {
            if (!paired[it->second]) {
                match = it;
                break;
            }
        }
        if (match != range.second) {
            const FileEntry *o = match->second;
            paired[o] = true;
            f.change = ChangeType::Renamed;
            f.oldPath = o->path;
            f.oldSize = o->size;
            f.oldOid = o->oid;
        } else {
            f.change = ChangeType::Added;
        }
        d.files.push_back(std::move(f));
    }
    for (const FileEntry *o : removed) {
        if (paired[o])
            continue;
        ComparedFile f;
        f.change = ChangeType::Removed;
        f.kind = classifyFile(*o);
        f.path = o->path;
        f.oldPath = o->path;
        f.oldSize = o->size;
        f.oldOid = o->oid;
        f.lfs = o->isLfs();
        d.files.push_back(std::move(f));
    }
    std::sort(d.files.begin(), d.files.end(),
              [](const ComparedFile &a, const ComparedFile &b) { return a.path < b.path; });

    for (const auto &f : d.files) {
        d.totalSizeDelta += f.sizeDelta();
        switch (f.change) {
        case ChangeType::Added: ++d.added; break;
        case ChangeType::Removed: ++d.removed; break;
        case ChangeType::Changed: ++d.changed; break;
        case ChangeType::Renamed: ++d.renamed; break;
        case ChangeType::Unchanged: ++d.unchanged; break;
        }
        if (f.change == ChangeType::Unchanged || f.change == ChangeType::Renamed)
            continue;
        switch (f.kind) {
        case FileKind::Weights: d.weightsChanged = true; break;
        case FileKind::Config: d.configChanged = true; break;
        case FileKind::Card: d.cardChanged = true; break;
        case FileKind::Data: d.dataChanged = true; break;
        case FileKind::Other: d.otherChanged = true; break;
        }
    }
    summarize(d);
    return d;
}

} // namespace hub
