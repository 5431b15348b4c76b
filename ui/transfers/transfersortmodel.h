#pragma once

#include <QSortFilterProxyModel>

namespace hubui {

/// Sorts TransferModel by each column's natural value (SortRole) and filters by state:
/// all jobs, only active ones (queued, running, paused) or only finished ones.
class TransferSortModel final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferSortModel)

public:
    enum class StateFilter { All, Active, Finished };

    explicit TransferSortModel(QObject *parent = nullptr);

    void setStateFilter(StateFilter filter);
    StateFilter stateFilter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    StateFilter m_filter = StateFilter::All;
};

} // namespace hubui
