#pragma once

#include "ui/compare/comparison.h"

#include <QAbstractTableModel>

namespace hubui {

/// The files of a Comparison: change, path, kind, old and new size, size change.
class ChangedFilesModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangedFilesModel)

public:
    enum Column { Change, Path, Kind, OldSize, NewSize, Delta, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, ///< QString new path (old path when removed)
        OldPathRole,                 ///< QString
        ChangeRole,                  ///< int (ChangedFile::Change)
        KindRole,                    ///< int (hub::FileKind)
        LfsRole,                     ///< bool
        SizeDeltaRole,               ///< qlonglong
        SortRole,
    };

    explicit ChangedFilesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setFiles(std::vector<ChangedFile> files);
    const ChangedFile &fileAt(int row) const { return m_files.at(static_cast<size_t>(row)); }

    static QString changeText(ChangedFile::Change change);
    static QString kindText(hub::FileKind kind);

private:
    std::vector<ChangedFile> m_files;
};

} // namespace hubui
