#include "ui/transfers/transfersortmodel.h"

#include "ui/transfers/transfermodel.h"

namespace hubui {

TransferSortModel::TransferSortModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(TransferModel::SortRole);
    setDynamicSortFilter(true);
}

void TransferSortModel::setStateFilter(StateFilter filter)
{
    if (m_filter == filter)
        return;
    m_filter = filter;
    invalidateRowsFilter();
}

bool TransferSortModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter == StateFilter::All)
        return true;
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto state = static_cast<TransferJobInfo::State>(idx.data(TransferModel::StateRole).toInt());
    const bool finished = state == TransferJobInfo::State::Completed || state == TransferJobInfo::State::Failed ||
                          state == TransferJobInfo::State::Cancelled;
    return m_filter == StateFilter::Finished ? finished : !finished;
}

} // namespace hubui
