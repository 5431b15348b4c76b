#include "ui/metrics/metricsview.h"
#include "ui/core/plaintext.h"

#include "ui/core/appcontext.h"
#include "ui/core/format.h"
#include "ui/core/loadstatewidget.h"
#include "ui/metrics/metrictablemodel.h"

#include "hub/card/metricseries.h"

#include <QCheckBox>
#include <QCollator>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <limits>

namespace hubui {

namespace {

// Keeps the "every commit" view responsive on long histories.
constexpr size_t kMaxCommits = 60;

hub::Expected<hub::MetricTable> loadMetricTable(hub::HubClient &client, const hub::RepoRef &repo, bool everyCommit,
                                                const std::shared_ptr<std::atomic<bool>> &cancel)
{
    std::vector<hub::CardVersion> versions;
    if (everyCommit) {
        auto page = client.commitsPage(repo, "main", 0, kMaxCommits);
        if (!page)
            return page.error();
        for (auto it = page->commits.rbegin(); it != page->commits.rend(); ++it)
            versions.push_back({it->id.substr(0, 7), it->id, {}});
    } else {
        auto refs = client.refs(repo);
        if (!refs)
            return refs.error();
        auto tags = refs->tags;
        // Semantic versions sort numerically (v1.10.0 after v1.9.0).
        QCollator collator;
        collator.setNumericMode(true);
        std::sort(tags.begin(), tags.end(), [&collator](const hub::GitRef &a, const hub::GitRef &b) {
            return collator.compare(QString::fromStdString(a.name), QString::fromStdString(b.name)) < 0;
        });
        for (const auto &t : tags)
            versions.push_back({t.name, t.targetCommit, {}});
    }
    for (auto &v : versions) {
        if (cancel->load())
            return hub::HubError::make(hub::ErrorCode::Cancelled, "Cancelled.");
        auto card = client.fetchSmallFile(repo, v.commit, "README.md", size_t{1} << 20);
        if (card)
            v.cardText = std::move(*card);
        else if (card.error().code != hub::ErrorCode::EntryNotFound)
            return card.error();
    }
    return hub::buildMetricTable(versions);
}

} // namespace

MetricsView::MetricsView(AppContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_model(new MetricTableModel(this)),
      m_everyCommit(new QCheckBox(tr("Every &commit of main (not only tagged versions)"), this)),
      m_note(plainLabel(this)), m_chartView(new QChartView), m_table(new QTableView)
{
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setAccessibleName(tr("Metrics chart"));
    m_chartView->setAccessibleDescription(tr("The same numbers are in the table below."));
    m_chartView->setMinimumHeight(240);
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Metrics table"));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setTabKeyNavigation(false);
    // The Version column names each row: row numbers would only add noise.
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setAlternatingRowColors(true);
    m_table->setMinimumHeight(m_table->fontMetrics().height() * 7);
    m_note->setWordWrap(true);
    m_note->hide();

    auto *body = new QSplitter(Qt::Vertical);
    body->addWidget(m_chartView);
    body->addWidget(m_table);
    body->setStretchFactor(0, 3);
    body->setStretchFactor(1, 1);
    body->setSizes({450, 160}); // the table's size hint would otherwise squash the chart
    m_state = new LoadStateWidget(body, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_everyCommit);
    layout->addWidget(m_note);
    layout->addWidget(m_state, 1);

    connect(m_everyCommit, &QCheckBox::toggled, this, &MetricsView::load);
    connect(m_state, &LoadStateWidget::retryRequested, this, &MetricsView::load);
    connect(m_state, &LoadStateWidget::cancelRequested, this, [this] {
        m_job.cancel();
        m_state->showEmpty(tr("Loading the metrics was cancelled. Tick or untick the box above to load again."));
    });
}

MetricsView::~MetricsView()
{
    m_job.cancel();
}

QChart *MetricsView::chart() const
{
    return m_chartView->chart();
}

void MetricsView::setRepo(const hub::RepoRef &repo)
{
    m_job.cancel();
    m_repo = repo;
    m_model->setTable({});
    m_state->showEmpty(tr("The metrics load when you open this tab."));
}

void MetricsView::load()
{
    m_job.cancel();
    const bool every = m_everyCommit->isChecked();
    m_state->showLoading(every ? tr("Reading the model card of each commit…")
                               : tr("Reading the model card of each tagged version…"));
    m_job = runJob(
        this,
        [config = m_context.clientConfig(), repo = m_repo, every](const std::shared_ptr<std::atomic<bool>> &cancel) {
            hub::HubClient client(config);
            client.setCancelFlag(cancel);
            return loadMetricTable(client, repo, every, cancel);
        },
        [this, every](hub::Expected<hub::MetricTable> table) {
            if (!table) {
                m_state->showError(table.error());
                return;
            }
            QStringList warnings;
            for (const auto &w : table->warnings)
                warnings << qstr(w);
            m_model->setTable(std::move(*table));
            rebuildChart();
            m_note->setText(warnings.join(u'\n'));
            m_note->setVisible(!warnings.isEmpty()); // an empty label would still take a line
            if (m_model->table().versions.empty())
                m_state->showEmpty(every ? tr("This repo has no commits on main.")
                                         : tr("This repo has no tags yet. Tag a release in History (Create tag…), "
                                              "or tick “Every commit” to chart every commit."));
            else if (m_model->table().series.empty())
                m_state->showEmpty(tr("No version's model card has evaluation results (model-index). Add "
                                      "results to the card's YAML front matter to chart them here."));
            else
                m_state->showContent();
            emit loaded();
        });
}

void MetricsView::rebuildChart()
{
    const auto &t = m_model->table();
    auto *chart = new QChart;
    chart->setTitle(tr("Evaluation results by version"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *xAxis = new QCategoryAxis;
    xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (size_t i = 0; i < t.versions.size(); ++i)
        xAxis->append(qstr(t.versions[i].label), static_cast<qreal>(i));
    xAxis->setRange(-0.2, std::max<qreal>(0.2, static_cast<qreal>(t.versions.size()) - 0.8));
    xAxis->setTitleText(tr("Version"));
    auto *yAxis = new QValueAxis;
    yAxis->setTitleText(tr("Value"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
    for (const auto &s : t.series) {
        auto *line = new QLineSeries;
        line->setName(qstr(s.label));
        line->setPointsVisible(true);
        for (size_t i = 0; i < s.values.size(); ++i) {
            if (!s.values[i])
                continue;
            line->append(static_cast<qreal>(i), *s.values[i]);
            lo = std::min(lo, *s.values[i]);
            hi = std::max(hi, *s.values[i]);
        }
        chart->addSeries(line);
        line->attachAxis(xAxis);
        line->attachAxis(yAxis);
    }
    if (lo <= hi) {
        const double pad = std::max((hi - lo) * 0.1, std::abs(hi) * 0.02 + 1e-6);
        yAxis->setRange(lo - pad, hi + pad);
        yAxis->applyNiceNumbers();
    }
    QChart *old = m_chartView->chart();
    m_chartView->setChart(chart);
    delete old;
}

} // namespace hubui
