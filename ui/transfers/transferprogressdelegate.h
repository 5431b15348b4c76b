#pragma once

#include <QStyledItemDelegate>

namespace hubui {

/// Paints TransferModel's Progress column as a native progress bar with its text ("12 MB of
/// 45 MB (27%)"), so the state is readable without colour. Busy indicator while the size is unknown.
class TransferProgressDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferProgressDelegate)

public:
    explicit TransferProgressDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace hubui
