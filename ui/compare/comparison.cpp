#include "ui/compare/comparison.h"

#include "hub/card/cardmetadata.h"
#include "hub/compare/carddiff.h"
#include "hub/compare/jsondiff.h"
#include "hub/compare/treediff.h"

#include <QCoreApplication>

namespace hubui {

namespace {

ChangedFile::Change mapChange(hub::ChangeType t)
{
    switch (t) {
    case hub::ChangeType::Added: return ChangedFile::Change::Added;
    case hub::ChangeType::Removed: return ChangedFile::Change::Removed;
    case hub::ChangeType::Changed: return ChangedFile::Change::Changed;
    case hub::ChangeType::Renamed: return ChangedFile::Change::Renamed;
    case hub::ChangeType::Unchanged: return ChangedFile::Change::Unchanged;
    }
    return ChangedFile::Change::Unchanged;
}

} // namespace

Comparison buildComparison(const RevisionPair &pair)
{
    Comparison c;
    c.base = pair.base;
    c.head = pair.head;
    c.baseCommit = pair.baseCommit;
    c.headCommit = pair.headCommit;

    const hub::TreeDiff diff = hub::diffTrees(pair.baseFiles, pair.headFiles);
    c.files.reserve(diff.files.size());
    for (const auto &f : diff.files) {
        ChangedFile cf;
        cf.change = mapChange(f.change);
        cf.kind = f.kind;
        cf.path = f.path;
        cf.oldPath = f.oldPath;
        cf.oldSize = f.oldSize;
        cf.newSize = f.newSize;
        cf.lfs = f.lfs;
        c.files.push_back(std::move(cf));
    }
    c.added = diff.added;
    c.removed = diff.removed;
    c.changed = diff.changed;
    c.renamed = diff.renamed;
    c.unchanged = diff.unchanged;
    c.totalSizeDelta = diff.totalSizeDelta;
    c.weightsChanged = diff.weightsChanged;
    c.configChanged = diff.configChanged;
    c.cardChanged = diff.cardChanged;
    c.headline = QString::fromStdString(diff.headline);
    for (const auto &s : diff.summary)
        c.summary << QString::fromStdString(s);

    if (pair.baseConfig && pair.headConfig) {
        auto changes = hub::diffJsonText(*pair.baseConfig, *pair.headConfig);
        if (changes)
            c.configChanges = std::move(*changes);
        else
            c.configNote = QString::fromStdString(changes.error().message);
    } else if (pair.baseConfig || pair.headConfig) {
        c.configNote = pair.headConfig ? QCoreApplication::translate("hubui::Comparison", "config.json was added.")
                                       : QCoreApplication::translate("hubui::Comparison", "config.json was removed.");
    } else {
        c.configNote = QCoreApplication::translate("hubui::Comparison", "Neither revision has a config.json.");
    }

    if (pair.baseCard || pair.headCard) {
        const auto oldCard = hub::parseModelCard(pair.baseCard.value_or(std::string()));
        const auto newCard = hub::parseModelCard(pair.headCard.value_or(std::string()));
        c.cardChanges = hub::diffCardMetadata(oldCard.metadata, newCard.metadata);
        if (!pair.baseCard)
            c.cardNote = QCoreApplication::translate("hubui::Comparison", "The model card was added.");
        else if (!pair.headCard)
            c.cardNote = QCoreApplication::translate("hubui::Comparison", "The model card was removed.");
    } else {
        c.cardNote = QCoreApplication::translate("hubui::Comparison", "Neither revision has a model card (README.md).");
    }
    return c;
}

} // namespace hubui
