#pragma once

#include "ui/cache/removedrevision.h"

#include <QAbstractTableModel>

namespace hubui {

/// What deletions removed from the cache (newest first), so it can be downloaded again.
class RemovedListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemovedListModel)

public:
    enum Column { Repo, Commit, Refs, Size, When, ColumnCount };
    enum Role { RepoKeyRole = Qt::UserRole + 1, CommitRole, BytesRole };

    explicit RemovedListModel(QObject *parent = nullptr);

    void setEntries(QList<RemovedRevision> entries);
    /// Adds entries at the top (keeps at most 200).
    void prepend(const QList<RemovedRevision> &entries);
    void removeAt(int row);
    const QList<RemovedRevision> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RemovedRevision> m_entries;
};

} // namespace hubui
