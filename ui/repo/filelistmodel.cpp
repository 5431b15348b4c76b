#include "ui/repo/filelistmodel.h"

#include "ui/core/format.h"

namespace hubui {

FileListModel::FileListModel(QObject *parent) : QAbstractTableModel(parent) {}

int FileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int FileListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FileListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto &e = m_entries[static_cast<size_t>(index.row())];
    const uint64_t size = e.lfs ? e.lfs->size : e.size;
    const bool cached = m_cached.count(e.path) > 0;
    switch (role) {
    case PathRole: return qstr(e.path);
    case SizeRole: return static_cast<qulonglong>(size);
    case LfsRole: return e.lfs.has_value();
    case CachedRole: return cached;
    case SortRole:
        switch (index.column()) {
        case Path: return qstr(e.path);
        case Size: return static_cast<qulonglong>(size);
        case Storage: return e.lfs.has_value();
        case Cached: return cached;
        default: return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Path: return qstr(e.path);
        case Size: return formatBytes(size);
        case Storage: return e.lfs ? tr("LFS") : tr("Git");
        case Cached: return cached ? tr("In cache") : QString();
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Storage)
            return e.lfs ? tr("Large file stored with Git LFS (SHA-256 %1)").arg(qstr(e.lfs->oid.substr(0, 12)))
                         : tr("Regular Git file");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Size)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant FileListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Path: return tr("File");
    case Size: return tr("Size");
    case Storage: return tr("Storage");
    case Cached: return tr("On this computer");
    default: return {};
    }
}

void FileListModel::setEntries(std::vector<hub::TreeEntry> entries)
{
    beginResetModel();
    m_entries.clear();
    for (auto &e : entries)
        if (!e.isDirectory())
            m_entries.push_back(std::move(e));
    endResetModel();
}

void FileListModel::setCachedPaths(std::set<std::string> paths)
{
    m_cached = std::move(paths);
    if (!m_entries.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int FileListModel::cachedCount() const
{
    int n = 0;
    for (const auto &e : m_entries)
        n += m_cached.count(e.path) > 0 ? 1 : 0;
    return n;
}

} // namespace hubui
