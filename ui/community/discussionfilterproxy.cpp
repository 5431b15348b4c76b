#include "ui/community/discussionfilterproxy.h"

#include "ui/community/discussionlistmodel.h"

namespace hubui {

DiscussionFilterProxy::DiscussionFilterProxy(QObject *parent) : QSortFilterProxyModel(parent) {}

void DiscussionFilterProxy::setStatusFilter(StatusFilter filter)
{
    if (m_status == filter)
        return;
    m_status = filter;
    invalidateRowsFilter();
}

void DiscussionFilterProxy::setKindFilter(KindFilter filter)
{
    if (m_kind == filter)
        return;
    m_kind = filter;
    invalidateRowsFilter();
}

bool DiscussionFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool pr = idx.data(DiscussionListModel::IsPullRequestRole).toBool();
    if ((m_kind == KindFilter::PullRequests && !pr) || (m_kind == KindFilter::Discussions && pr))
        return false;
    const QString status = idx.data(DiscussionListModel::StatusRole).toString();
    switch (m_status) {
    case StatusFilter::Open: return status == u"open" || status == u"draft";
    case StatusFilter::Closed: return status == u"closed";
    case StatusFilter::Merged: return status == u"merged";
    case StatusFilter::All: return true;
    }
    return true;
}

} // namespace hubui
