#include "ui/compare/changedfilesmodel.h"

#include "ui/core/format.h"

#include <QColor>

namespace hubui {

ChangedFilesModel::ChangedFilesModel(QObject *parent) : QAbstractTableModel(parent) {}

int ChangedFilesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_files.size());
}

int ChangedFilesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ChangedFilesModel::changeText(ChangedFile::Change change)
{
    switch (change) {
    case ChangedFile::Change::Added: return tr("Added");
    case ChangedFile::Change::Removed: return tr("Removed");
    case ChangedFile::Change::Changed: return tr("Changed");
    case ChangedFile::Change::Renamed: return tr("Renamed");
    case ChangedFile::Change::Unchanged: return tr("Unchanged");
    }
    return {};
}

QString ChangedFilesModel::kindText(hub::FileKind kind)
{
    switch (kind) {
    case hub::FileKind::Weights: return tr("Weights");
    case hub::FileKind::Config: return tr("Config");
    case hub::FileKind::Card: return tr("Model card");
    case hub::FileKind::Data: return tr("Data");
    case hub::FileKind::Other: return tr("Other");
    }
    return {};
}

QVariant ChangedFilesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto &f = m_files[static_cast<size_t>(index.row())];
    const bool hasOld = f.change != ChangedFile::Change::Added;
    const bool hasNew = f.change != ChangedFile::Change::Removed;
    switch (role) {
    case PathRole: return qstr(f.path);
    case OldPathRole: return qstr(f.oldPath);
    case ChangeRole: return static_cast<int>(f.change);
    case KindRole: return static_cast<int>(f.kind);
    case LfsRole: return f.lfs;
    case SizeDeltaRole: return static_cast<qlonglong>(f.sizeDelta());
    case SortRole:
        switch (index.column()) {
        case Change: return static_cast<int>(f.change);
        case Path: return qstr(f.path);
        case Kind: return static_cast<int>(f.kind);
        case OldSize: return static_cast<qulonglong>(f.oldSize);
        case NewSize: return static_cast<qulonglong>(f.newSize);
        case Delta: return static_cast<qlonglong>(f.sizeDelta());
        default: return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Change: return changeText(f.change);
        case Path:
            if (f.change == ChangedFile::Change::Renamed)
                return tr("%1 → %2").arg(qstr(f.oldPath), qstr(f.path));
            return qstr(f.path);
        case Kind: return f.lfs ? tr("%1 (LFS)").arg(kindText(f.kind)) : kindText(f.kind);
        case OldSize: return hasOld ? formatBytes(f.oldSize) : QStringLiteral("—");
        case NewSize: return hasNew ? formatBytes(f.newSize) : QStringLiteral("—");
        case Delta: return formatSizeDelta(f.sizeDelta());
        default: return {};
        }
    case Qt::ForegroundRole:
        // Colour repeats the Change column's word; it never carries the meaning alone.
        if (index.column() == Change) {
            switch (f.change) {
            case ChangedFile::Change::Added: return QColor(0x2e, 0x7d, 0x32);
            case ChangedFile::Change::Removed: return QColor(0xc6, 0x28, 0x28);
            case ChangedFile::Change::Changed: return QColor(0xb2, 0x6a, 0x00);
            default: return {};
            }
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= OldSize)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant ChangedFilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Change: return tr("Change");
    case Path: return tr("File");
    case Kind: return tr("Kind");
    case OldSize: return tr("Before");
    case NewSize: return tr("After");
    case Delta: return tr("Size change");
    default: return {};
    }
}

void ChangedFilesModel::setFiles(std::vector<ChangedFile> files)
{
    beginResetModel();
    m_files = std::move(files);
    endResetModel();
}

} // namespace hubui
