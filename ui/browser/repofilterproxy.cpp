#include "ui/browser/repofilterproxy.h"

#include "ui/browser/repolistmodel.h"

namespace hubui {

RepoFilterProxy::RepoFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(RepoListModel::SortRole);
    setDynamicSortFilter(true);
}

void RepoFilterProxy::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

void RepoFilterProxy::setOnlyCached(bool only)
{
    m_onlyCached = only;
    invalidateFilter();
}

bool RepoFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_search.isEmpty() && !idx.data(RepoListModel::RepoIdRole).toString().contains(m_search, Qt::CaseInsensitive))
        return false;
    if (m_onlyCached) {
        const auto badge = static_cast<CacheBadge>(idx.data(RepoListModel::CacheBadgeRole).toInt());
        if (badge != CacheBadge::Downloaded && badge != CacheBadge::UpdateAvailable)
            return false;
    }
    return true;
}

} // namespace hubui
