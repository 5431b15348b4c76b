#include "ui/history/refbadgedelegate.h"

#include "ui/history/commitlistmodel.h"

#include <QApplication>
#include <QPainter>

namespace hubui {

namespace {

constexpr int kPadding = 6;
constexpr int kGap = 4;

QColor chipColor(const QString &kind)
{
    if (kind == QLatin1String("tag"))
        return {0xb2, 0x6a, 0x00};
    if (kind == QLatin1String("branch"))
        return {0x1f, 0x5f, 0xa8};
    return {0x6a, 0x1b, 0x9a};
}

QFont chipFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.9);
    return f;
}

} // namespace

RefBadgeDelegate::RefBadgeDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

void RefBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget != nullptr ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QFont font = chipFont(opt.font);
    const QFontMetrics fm(font);
    const int h = fm.height() + 2;
    int x = opt.rect.left() + kGap;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font);
    for (const QVariant &v : index.data(CommitListModel::RefBadgesRole).toList()) {
        const QVariantMap chip = v.toMap();
        const QString text = chip.value(QStringLiteral("label")).toString();
        const QColor color = chipColor(chip.value(QStringLiteral("kind")).toString());
        const int w = fm.horizontalAdvance(text) + 2 * kPadding;
        if (x + w > opt.rect.right()) { // no room: say how many more instead of cutting a chip
            painter->setPen(opt.palette.color(QPalette::Text));
            painter->drawText(QRect(x, opt.rect.top(), opt.rect.right() - x, opt.rect.height()),
                              Qt::AlignVCenter | Qt::AlignLeft, QStringLiteral("…"));
            break;
        }
        const QRectF r(x + 0.5, opt.rect.center().y() - h / 2 + 0.5, w - 1, h - 1);
        QColor fill = color;
        fill.setAlpha(36);
        painter->setPen(QPen(color, 1));
        painter->setBrush(fill);
        painter->drawRoundedRect(r, 4, 4);
        painter->setPen(opt.state & QStyle::State_Selected ? opt.palette.color(QPalette::HighlightedText)
                                                           : color.darker(140));
        painter->drawText(r, Qt::AlignCenter, text);
        x += w + kGap;
    }
    painter->restore();
}

QSize RefBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics fm(chipFont(option.font));
    int w = kGap;
    for (const QVariant &v : index.data(CommitListModel::RefBadgesRole).toList())
        w += fm.horizontalAdvance(v.toMap().value(QStringLiteral("label")).toString()) + 2 * kPadding + kGap;
    s.setWidth(std::max(s.width(), w));
    s.setHeight(std::max(s.height(), fm.height() + 6));
    return s;
}

} // namespace hubui
