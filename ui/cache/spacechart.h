#pragma once

#include <QWidget>

class QChartView;
class QPieSeries;
class QPieSlice;
class QTableView;
class QLabel;

namespace hubui {

class SpaceUsageModel;

/// A pie chart of a SpaceUsageModel with the same numbers as a table next to it. Clicking a
/// slice, or activating a table row (keyboard: arrows + Enter), emits sliceActivated(key). Each
/// slice carries its name and share as a label, so nothing is told by colour alone.
class SpaceChart final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpaceChart)

public:
    /// `model` is not owned and must outlive the widget.
    SpaceChart(const QString &title, SpaceUsageModel *model, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    /// Emphasises the slice and selects the table row of `key` (no signal).
    void highlight(const QString &key);
    QTableView *table() const { return m_table; }
    QPieSeries *series() const { return m_series; }

signals:
    void sliceActivated(const QString &key);

private:
    void rebuild();

    SpaceUsageModel *m_model;
    QLabel *m_title;
    QChartView *m_view;
    QPieSeries *m_series;
    QTableView *m_table;
};

} // namespace hubui
