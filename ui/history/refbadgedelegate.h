#pragma once

#include <QStyledItemDelegate>

namespace hubui {

/// Paints a commit's tags, branches and pull requests (CommitListModel::RefBadgesRole) as
/// labelled chips: "tag v1.0.0", "branch main", "PR #1". The kind is in the text, so nothing is
/// told by colour alone; the colours only help the eye.
class RefBadgeDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefBadgeDelegate)

public:
    explicit RefBadgeDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace hubui
