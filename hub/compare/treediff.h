#pragma once
// Compares the file trees of two revisions: what was added, removed, changed, renamed.

#include "hub/compare/fileentry.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hub {

enum class ChangeType { Added, Removed, Changed, Renamed, Unchanged };

/// "added", "removed", "changed", "renamed", "unchanged"
std::string_view changeTypeName(ChangeType type);

struct ComparedFile {
    ChangeType change = ChangeType::Unchanged;
    FileKind kind = FileKind::Other; // of the new file (of the old one when removed)
    std::string path;                // new path (old path when removed)
    std::string oldPath;             // set for Renamed (and equal to path otherwise, if it existed)
    uint64_t oldSize = 0;            // 0 when added
    uint64_t newSize = 0;            // 0 when removed
    std::string oldOid;
    std::string newOid;
    bool lfs = false;

    int64_t sizeDelta() const { return static_cast<int64_t>(newSize) - static_cast<int64_t>(oldSize); }
};

struct TreeDiff {
    /// Sorted by path; unchanged files included so a UI can show the whole tree.
    std::vector<ComparedFile> files;

    int added = 0;
    int removed = 0;
    int changed = 0;
    int renamed = 0;
    int unchanged = 0;
    /// Sum of size deltas over all files (bytes, may be negative).
    int64_t totalSizeDelta = 0;

    bool weightsChanged = false; // a weights file was added, removed or changed
    bool configChanged = false;
    bool cardChanged = false;
    bool dataChanged = false;
    bool otherChanged = false;

    /// One plain-language headline: "Only the model card changed.", "The weights changed.",
    /// "Nothing changed." ...
    std::string headline;
    /// Plain-language detail sentences, most important first
    /// ("Weights changed: model.onnx (45.0 MB → 45.1 MB).").
    std::vector<std::string> summary;

    bool identical() const { return added == 0 && removed == 0 && changed == 0 && renamed == 0; }
};

/// Files are matched by path; a file counts as changed when its oid differs (or, when an oid is
/// missing, its LFS oid or size). A removed file and an added file with the same content (same
/// LFS oid, else same git oid) are reported as one rename. Duplicate paths in a list: the last
/// one wins.
TreeDiff diffTrees(const std::vector<FileEntry> &oldFiles, const std::vector<FileEntry> &newFiles);

} // namespace hub
