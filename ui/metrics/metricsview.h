#pragma once

#include "ui/core/asyncjob.h"

#include "hub/core/types.h"

#include <QWidget>

class QCheckBox;
class QChart;
class QChartView;
class QLabel;
class QTableView;

namespace hubui {

class AppContext;
class LoadStateWidget;
class MetricTableModel;

/// The Metrics tab: the eval results (model-index) of every tagged version, optionally of every
/// commit, as line charts (one series per metric and dataset) and as a table of the same numbers.
class MetricsView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsView)

public:
    explicit MetricsView(AppContext &context, QWidget *parent = nullptr);
    ~MetricsView() override;

    void setRepo(const hub::RepoRef &repo);
    /// Loads the cards of the versions (tags, or every commit of main when the box is ticked).
    void load();

    MetricTableModel *model() const { return m_model; }
    QChart *chart() const;
    QTableView *table() const { return m_table; }
    LoadStateWidget *loadState() const { return m_state; }
    QCheckBox *everyCommitBox() const { return m_everyCommit; }

signals:
    void loaded();

private:
    void rebuildChart();

    AppContext &m_context;
    hub::RepoRef m_repo;
    MetricTableModel *m_model;
    QCheckBox *m_everyCommit;
    QLabel *m_note;
    QChartView *m_chartView;
    QTableView *m_table;
    LoadStateWidget *m_state;
    JobHandle m_job;
};

} // namespace hubui
