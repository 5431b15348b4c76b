#pragma once
// What the Compare view and a commit's details show: two revisions of a repo compared, as plain
// values. Built off the GUI thread by fetchComparison() + buildComparison().
// The UI keeps its own ChangedFile type so that views do not depend on engine structs.

#include "hub/compare/fileentry.h"
#include "hub/compare/valuechange.h"
#include "hub/core/types.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hubui {

struct ChangedFile {
    enum class Change { Added, Removed, Changed, Renamed, Unchanged };
    Change change = Change::Unchanged;
    hub::FileKind kind = hub::FileKind::Other;
    std::string path;
    std::string oldPath;
    uint64_t oldSize = 0;
    uint64_t newSize = 0;
    bool lfs = false;
    int64_t sizeDelta() const { return static_cast<int64_t>(newSize) - static_cast<int64_t>(oldSize); }
};

/// The inputs of a comparison as fetched from the Hub.
struct RevisionPair {
    std::string base; ///< as asked ("v1.0.0", a commit, "main")
    std::string head;
    std::string baseCommit; ///< resolved
    std::string headCommit;
    std::vector<hub::FileEntry> baseFiles; ///< empty for "before the first commit"
    std::vector<hub::FileEntry> headFiles;
    std::optional<std::string> baseConfig; ///< config.json text when present
    std::optional<std::string> headConfig;
    std::optional<std::string> baseCard; ///< README.md text when present
    std::optional<std::string> headCard;
};

struct Comparison {
    std::string base;
    std::string head;
    std::string baseCommit;
    std::string headCommit;
    std::vector<ChangedFile> files; ///< sorted by path, unchanged included
    int added = 0, removed = 0, changed = 0, renamed = 0, unchanged = 0;
    int64_t totalSizeDelta = 0;
    bool weightsChanged = false;
    bool configChanged = false;
    bool cardChanged = false;
    QString headline;    ///< "The weights changed."
    QStringList summary; ///< one sentence per kind of change
    std::vector<hub::ValueChange> configChanges;
    QString configNote; ///< why there is no key diff ("config.json is not valid JSON in v1.0.0")
    std::vector<hub::ValueChange> cardChanges;
    QString cardNote;
};

/// Builds the comparison (no I/O; pure).
Comparison buildComparison(const RevisionPair &pair);

} // namespace hubui
