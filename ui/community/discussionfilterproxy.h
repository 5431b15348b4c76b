#pragma once

#include <QSortFilterProxyModel>

namespace hubui {

/// Filters DiscussionListModel by status (open / closed / merged / all; draft counts as open,
/// closed means closed without merging) and by kind (pull requests, discussions or both).
class DiscussionFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscussionFilterProxy)

public:
    enum class StatusFilter { Open, Closed, Merged, All };
    enum class KindFilter { All, PullRequests, Discussions };

    explicit DiscussionFilterProxy(QObject *parent = nullptr);

    void setStatusFilter(StatusFilter filter);
    StatusFilter statusFilter() const { return m_status; }
    void setKindFilter(KindFilter filter);
    KindFilter kindFilter() const { return m_kind; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    StatusFilter m_status = StatusFilter::Open;
    KindFilter m_kind = KindFilter::All;
};

} // namespace hubui
