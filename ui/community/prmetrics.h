#pragma once

#include "ui/core/asyncjob.h"

#include "hub/card/metricseries.h"
#include "hub/core/types.h"

#include <QAbstractTableModel>
#include <QWidget>

class QLabel;
class QTableView;

namespace hubui {

class AppContext;
class LoadStateWidget;

/// The evaluation results of a pull request's card next to its target branch's: one row per
/// metric and dataset, with both values and what changed.
class MetricChangeModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricChangeModel)

public:
    enum Column { Metric, Dataset, Before, After, Change, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1, DeltaRole };

    explicit MetricChangeModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// `beforeLabel` / `afterLabel` head the value columns ("main", "This pull request").
    void setChanges(std::vector<hub::MetricChange> changes, const QString &beforeLabel, const QString &afterLabel);
    const std::vector<hub::MetricChange> &changes() const { return m_changes; }
    /// "+0.019", "−0.004", "unchanged", "new", "removed", "was 88 %"; for the Change column.
    static QString changeText(const hub::MetricChange &change);

private:
    std::vector<hub::MetricChange> m_changes;
    QString m_beforeLabel;
    QString m_afterLabel;
};

/// The Metrics tab of a pull request: reads README.md at the target branch and at the pull
/// request's head (off the GUI thread) and shows their eval results side by side.
class PullRequestMetrics final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PullRequestMetrics)

public:
    explicit PullRequestMetrics(AppContext &context, QWidget *parent = nullptr);
    ~PullRequestMetrics() override;

    /// Compares the card at `target` (a branch's current head, or a commit) with the card at
    /// `head`; `targetLabel` names the target in the view (default: `target`).
    void load(const hub::RepoRef &repo, const QString &target, const QString &head, const QString &targetLabel = {});
    void cancel();

    MetricChangeModel *model() const { return m_model; }
    QLabel *summaryLabel() const { return m_summary; }
    QTableView *table() const { return m_table; }
    LoadStateWidget *loadState() const { return m_state; }

signals:
    void loaded();

private:
    AppContext &m_context;
    hub::RepoRef m_repo;
    QString m_target;
    QString m_targetLabel;
    QString m_head;
    MetricChangeModel *m_model;
    QLabel *m_summary;
    QTableView *m_table;
    LoadStateWidget *m_state;
    JobHandle m_job;
};

} // namespace hubui
