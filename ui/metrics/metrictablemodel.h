#pragma once

#include "hub/card/metricseries.h"

#include <QAbstractTableModel>

namespace hubui {

/// The numbers behind the Metrics chart as a table (one row per version, one column per
/// metric and dataset), for keyboard and screen-reader users.
class MetricTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricTableModel)

public:
    /// Column 0 is the version; columns 1..n are the series.
    enum Column { Version, FirstSeries };
    enum Role {
        ValueRole = Qt::UserRole + 1, ///< double, or invalid when the version lacks the metric
        CommitRole,                   ///< QString
        SeriesLabelRole,              ///< QString
    };

    explicit MetricTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setTable(hub::MetricTable table);
    const hub::MetricTable &table() const { return m_table; }

private:
    hub::MetricTable m_table;
};

} // namespace hubui
