#pragma once

#include "hub/compare/valuechange.h"

#include <QAbstractTableModel>

#include <vector>

namespace hubui {

/// Key-by-key changes (config.json) or field-by-field changes (card metadata).
class ValueChangeModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ValueChangeModel)

public:
    enum Column { Change, Key, Before, After, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1, KeyRole };

    explicit ValueChangeModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setChanges(std::vector<hub::ValueChange> changes);

private:
    std::vector<hub::ValueChange> m_changes;
};

} // namespace hubui
