#include "ui/cache/spacechart.h"

#include "ui/cache/spaceusagemodel.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPieSeries>
#include <QPieSlice>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace hubui {

namespace {
constexpr int kLabelledSlices = 6; // more labels than this overlap; the table has them all
}

SpaceChart::SpaceChart(const QString &title, SpaceUsageModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_title(new QLabel(title, this)), m_view(new QChartView(this)),
      m_series(new QPieSeries(this)), m_table(new QTableView(this))
{
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    auto *chart = new QChart();
    chart->addSeries(m_series);
    chart->legend()->hide();
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(0, 0, 0, 0));
    m_series->setHoleSize(0.35);
    m_series->setPieSize(0.62);
    // setChart() releases the view's default chart without deleting it.
    QChart *defaultChart = m_view->chart();
    m_view->setChart(chart);
    delete defaultChart;
    m_view->setRenderHint(QPainter::Antialiasing);
    // Small enough that both chart+table pairs fit side by side on a 1280 px screen.
    m_view->setMinimumSize(180, 180);
    m_view->setAccessibleName(title);
    m_view->setAccessibleDescription(tr("Pie chart; the table next to it lists the same numbers"));

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(SpaceUsageModel::SortRole);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SpaceUsageModel::Bytes, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(SpaceUsageModel::Label, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(SpaceUsageModel::Bytes, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SpaceUsageModel::Share, QHeaderView::ResizeToContents);
    m_table->setAccessibleName(tr("%1 (table)").arg(title));
    m_table->setMinimumWidth(200);
    // "model/Pel…word-detector", "Shared by…revisions": both ends of a label carry meaning.
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    auto *row = new QHBoxLayout();
    row->addWidget(m_view, 2);
    row->addWidget(m_table, 3); // the labels need the room more than the pie
    layout->addLayout(row, 1);

    connect(m_model, &QAbstractItemModel::modelReset, this, &SpaceChart::rebuild);
    connect(m_series, &QPieSeries::clicked, this, [this](QPieSlice *slice) {
        const QString key = slice->property("key").toString();
        if (!key.isEmpty()) {
            highlight(key);
            emit sliceActivated(key);
        }
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString key = index.data(SpaceUsageModel::KeyRole).toString();
        if (!key.isEmpty())
            emit sliceActivated(key);
    });
    rebuild();
}

void SpaceChart::setTitle(const QString &title)
{
    m_title->setText(title);
    m_view->setAccessibleName(title);
    m_table->setAccessibleName(tr("%1 (table)").arg(title));
}

void SpaceChart::rebuild()
{
    m_series->clear();
    const qint64 total = m_model->totalBytes();
    const auto &slices = m_model->slices();
    for (int i = 0; i < slices.size(); ++i) {
        const auto &s = slices.at(i);
        const double share = total > 0 ? static_cast<double>(s.bytes) / static_cast<double>(total) : 0.0;
        const QString label =
            tr("%1 (%2 %)")
                .arg(s.shortLabel.isEmpty() ? s.label : s.shortLabel, QLocale().toString(share * 100.0, 'f', 0));
        QPieSlice *slice = m_series->append(label, static_cast<qreal>(qMax<qint64>(s.bytes, 1)));
        slice->setProperty("key", s.key);
        slice->setLabelVisible(i < kLabelledSlices && share >= 0.03);
        slice->setLabelPosition(QPieSlice::LabelOutside);
        slice->setBorderColor(palette().color(QPalette::Base));
    }
}

void SpaceChart::highlight(const QString &key)
{
    const auto sliceList = m_series->slices();
    for (QPieSlice *slice : sliceList) {
        const bool on = slice->property("key").toString() == key;
        slice->setExploded(on);
        slice->setExplodeDistanceFactor(0.08);
        if (on)
            slice->setLabelVisible(true);
    }
    const int row = m_model->rowOfKey(key);
    if (row < 0)
        return;
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(m_table->model());
    const QModelIndex idx = proxy->mapFromSource(m_model->index(row, 0));
    QSignalBlocker block(m_table);
    m_table->selectionModel()->select(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(idx);
}

} // namespace hubui
