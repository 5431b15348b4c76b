#pragma once

#include <QStyledItemDelegate>

namespace hubui {

/// Paints the repo list: the name with "Private" / "Gated" badges after it, and the cache state
/// as a labelled pill. Badges always carry text, so nothing depends on colour alone.
class RepoItemDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepoItemDelegate)

public:
    explicit RepoItemDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// Paints one rounded badge at `x` (vertically centred in `rect`); returns its width.
    static int paintBadge(QPainter *painter, const QRect &rect, int x, const QString &text, const QColor &color,
                          const QFont &font);
};

} // namespace hubui
