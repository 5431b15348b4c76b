#include "ui/transfers/transferstatuswidget.h"
#include "ui/core/plaintext.h"

#include "ui/transfers/transfermodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QProgressBar>

namespace hubui {

TransferStatusWidget::TransferStatusWidget(TransferModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_label(plainLabel(this)), m_bar(new QProgressBar(this))
{
    m_bar->setRange(0, 100);
    m_bar->setMaximumWidth(160);
    m_bar->setTextVisible(true);
    m_bar->setAccessibleName(tr("Total transfer progress"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    setToolTip(tr("Show transfers"));
    setCursor(Qt::PointingHandCursor);
    connect(m_model, &TransferModel::totalsChanged, this, &TransferStatusWidget::refresh);
    refresh();
}

QString TransferStatusWidget::text() const
{
    return m_label->text();
}

int TransferStatusWidget::percent() const
{
    return m_bar->value();
}

void TransferStatusWidget::refresh()
{
    const TransferModel::Totals t = m_model->activeTotals();
    setVisible(t.active > 0);
    const int pct = t.bytesTotal > 0 ? static_cast<int>(t.bytesDone * 100 / t.bytesTotal) : 0;
    m_bar->setValue(pct);
    m_label->setText(
        tr("%n transfer(s), %1/s", nullptr, t.active)
            .arg(QLocale().formattedDataSize(static_cast<qint64>(t.bytesPerSecond), 1, QLocale::DataSizeSIFormat)));
    setAccessibleDescription(m_label->text() % QStringLiteral(", ") % tr("%1 percent").arg(pct));
}

void TransferStatusWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        emit clicked();
    QWidget::mouseReleaseEvent(event);
}

} // namespace hubui
