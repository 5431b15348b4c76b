#pragma once

#include <QStyledItemDelegate>

namespace hubui {

/// Paints DiscussionListModel's Status column as two chips: the kind ("PR" or "Discussion", in
/// outline) and the status in its colour (open green, draft grey, merged purple, closed red).
class StatusChipDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusChipDelegate)

public:
    explicit StatusChipDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The fill colour of a status chip (also used by the conversation header).
    static QColor statusColor(const QString &status);
};

} // namespace hubui
