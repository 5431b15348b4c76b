#pragma once

#include "hub/api/types.h"

#include <QAbstractTableModel>

#include <set>
#include <string>
#include <vector>

namespace hubui {

/// The files of a repo at one revision (recursive listing, folders implied by paths), with
/// size, LFS badge and whether the file is already in the local cache.
class FileListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileListModel)

public:
    enum Column { Path, Size, Storage, Cached, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1, SizeRole, LfsRole, CachedRole, SortRole };

    explicit FileListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Files only (directories are dropped).
    void setEntries(std::vector<hub::TreeEntry> entries);
    void setCachedPaths(std::set<std::string> paths);
    const hub::TreeEntry &entryAt(int row) const { return m_entries.at(static_cast<size_t>(row)); }
    int cachedCount() const;

private:
    std::vector<hub::TreeEntry> m_entries;
    std::set<std::string> m_cached;
};

} // namespace hubui
