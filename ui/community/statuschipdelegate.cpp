#include "ui/community/statuschipdelegate.h"

#include "ui/community/discussionlistmodel.h"

#include <QApplication>
#include <QPainter>

namespace hubui {

namespace {

constexpr int kPadding = 6;
constexpr int kGap = 4;

QFont chipFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.9);
    f.setBold(true);
    return f;
}

QString kindText(const QModelIndex &index)
{
    return index.data(DiscussionListModel::IsPullRequestRole).toBool() ? StatusChipDelegate::tr("PR")
                                                                       : StatusChipDelegate::tr("Discussion");
}

} // namespace

StatusChipDelegate::StatusChipDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QColor StatusChipDelegate::statusColor(const QString &status)
{
    if (status == u"open")
        return {0x1a, 0x7f, 0x37};
    if (status == u"merged")
        return {0x82, 0x50, 0xdf};
    if (status == u"closed")
        return {0xcf, 0x22, 0x2e};
    return {0x6e, 0x77, 0x81}; // draft and anything new
}

void StatusChipDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
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
    const int y = opt.rect.top() + (opt.rect.height() - h) / 2;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font);
    int x = opt.rect.left() + kGap;

    const QString kind = kindText(index);
    const QRect kindRect(x, y, fm.horizontalAdvance(kind) + 2 * kPadding, h);
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor text = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    painter->setPen(QPen(text, 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(kindRect).adjusted(0.5, 0.5, -0.5, -0.5), h / 2.0, h / 2.0);
    painter->drawText(kindRect, Qt::AlignCenter, kind);
    x = kindRect.right() + kGap;

    const QString label = index.data(DiscussionListModel::StatusLabelRole).toString();
    const QRect statusRect(x, y, fm.horizontalAdvance(label) + 2 * kPadding, h);
    painter->setPen(Qt::NoPen);
    painter->setBrush(statusColor(index.data(DiscussionListModel::StatusRole).toString()));
    painter->drawRoundedRect(statusRect, h / 2.0, h / 2.0);
    painter->setPen(Qt::white);
    painter->drawText(statusRect, Qt::AlignCenter, label);
    painter->restore();
}

QSize StatusChipDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics fm(chipFont(option.font));
    const int w = fm.horizontalAdvance(kindText(index)) +
                  fm.horizontalAdvance(index.data(DiscussionListModel::StatusLabelRole).toString()) + 4 * kPadding +
                  3 * kGap;
    return {w, fm.height() + 8};
}

} // namespace hubui
