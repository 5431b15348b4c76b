#include "ui/browser/repoitemdelegate.h"

#include "ui/browser/repolistmodel.h"

#include <QApplication>
#include <QPainter>

namespace hubui {

namespace {

constexpr int kPadding = 6;

QColor badgeColor(CacheBadge badge)
{
    switch (badge) {
    case CacheBadge::Downloaded: return QColor(0x2e, 0x7d, 0x32);
    case CacheBadge::UpdateAvailable: return QColor(0xb2, 0x6a, 0x00);
    default: return QColor(0x75, 0x75, 0x75);
    }
}

} // namespace

RepoItemDelegate::RepoItemDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

int RepoItemDelegate::paintBadge(QPainter *painter, const QRect &rect, int x, const QString &text, const QColor &color,
                                 const QFont &font)
{
    const QFontMetrics fm(font);
    const int w = fm.horizontalAdvance(text) + 2 * kPadding;
    const int h = fm.height() + 2;
    const QRect r(x, rect.center().y() - h / 2, w, h);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, 1));
    QColor fill = color;
    fill.setAlpha(28);
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), h / 2.0, h / 2.0);
    painter->setFont(font);
    painter->setPen(color.darker(115));
    painter->drawText(r, Qt::AlignCenter, text);
    painter->restore();
    return w;
}

void RepoItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QFont small = opt.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);

    if (index.column() == RepoListModel::Cache) {
        opt.text.clear();
        QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const auto badge = static_cast<CacheBadge>(index.data(RepoListModel::CacheBadgeRole).toInt());
        if (badge != CacheBadge::Unknown)
            paintBadge(painter, opt.rect, opt.rect.left() + 4, cacheBadgeText(badge), badgeColor(badge), small);
        return;
    }
    if (index.column() != RepoListModel::Name) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    const QString name = opt.text;
    opt.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    QRect textRect = opt.rect.adjusted(4, 0, -4, 0);
    QStringList badges;
    if (index.data(RepoListModel::PrivateRole).toBool())
        badges << tr("Private");
    if (!index.data(RepoListModel::GatedRole).toString().isEmpty())
        badges << tr("Gated");
    const QString pipeline = index.data(RepoListModel::PipelineRole).toString();

    painter->save();
    painter->setPen(opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    QFont bold = opt.font;
    bold.setBold(true);
    painter->setFont(bold);
    const QFontMetrics fm(bold);
    int reserved = 0;
    for (const QString &b : badges)
        reserved += QFontMetrics(small).horizontalAdvance(b) + 2 * kPadding + 4;
    const QString elided = fm.elidedText(name, Qt::ElideMiddle, std::max(40, textRect.width() - reserved));
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, elided);
    int x = textRect.left() + fm.horizontalAdvance(elided) + 8;
    painter->restore();
    for (const QString &b : badges)
        x += paintBadge(painter, textRect, x, b,
                        b == tr("Private") ? QColor(0x6a, 0x1b, 0x9a) : QColor(0xc6, 0x28, 0x28), small) +
             4;
    if (!pipeline.isEmpty() && x + 40 < textRect.right()) {
        painter->save();
        painter->setFont(small);
        painter->setPen(opt.palette.color(QPalette::PlaceholderText));
        painter->drawText(QRect(x + 4, textRect.top(), textRect.right() - x - 4, textRect.height()),
                          Qt::AlignVCenter | Qt::AlignLeft,
                          QFontMetrics(small).elidedText(pipeline, Qt::ElideRight, textRect.right() - x - 4));
        painter->restore();
    }
}

QSize RepoItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setHeight(std::max(s.height(), option.fontMetrics.height() + 12));
    if (index.column() == RepoListModel::Cache)
        s.setWidth(std::max(s.width(), option.fontMetrics.horizontalAdvance(tr("Update available")) + 28));
    return s;
}

} // namespace hubui
