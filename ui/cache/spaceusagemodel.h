#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace hubui {

/// "Where the space goes" as a table: one row per slice of a chart (a repo, or a revision of
/// one repo), with its bytes and share. The table is the accessible equivalent of the chart and
/// shows exactly the same numbers.
class SpaceUsageModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpaceUsageModel)

public:
    enum Column { Label, Bytes, Share, ColumnCount };
    enum Role { KeyRole = Qt::UserRole + 1, BytesRole, ShareRole, SortRole };

    struct Slice {
        QString key;   ///< repo key ("model/owner/name") or commit id; empty for "Other"
        QString label; ///< what people read
        qint64 bytes = 0;
        QString shortLabel; ///< for the chart's slice label (empty = label)
    };

    explicit SpaceUsageModel(QObject *parent = nullptr);

    void setSlices(QList<Slice> slices);
    const QList<Slice> &slices() const { return m_slices; }
    qint64 totalBytes() const { return m_total; }
    int rowOfKey(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Slice> m_slices;
    qint64 m_total = 0;
};

} // namespace hubui
