#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace hubui {

class TransferAdapter;
class TransferSortModel;

/// The Transfers page: every job with a progress bar, speed, time left and state, and the
/// actions pause / resume / cancel / retry / open the result / clear finished. All actions have
/// buttons with keyboard shortcuts and a context menu; the view is fully keyboard-driven.
class TransfersPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransfersPage)

public:
    /// `adapter` is not owned and must outlive the page.
    explicit TransfersPage(TransferAdapter *adapter, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    /// The job ids of the selected rows.
    QList<quint64> selectedIds() const;
    void selectJob(quint64 id);

signals:
    /// "Open" on a finished upload: show this repo's History tab at the new commit.
    void showCommitRequested(const QString &repoKey, const QString &commit);
    /// "Open" on an upload that opened a pull request: show it in the repo's Community tab.
    void showPullRequestRequested(const QString &repoKey, int number);

private:
    void updateActions();
    void openResult();
    template <class F> void forSelected(F f);

    TransferAdapter *m_adapter;
    TransferSortModel *m_proxy;
    QTableView *m_view;
    QComboBox *m_filter;
    QLabel *m_summary;
    QPushButton *m_pause;
    QPushButton *m_resume;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QPushButton *m_open;
    QPushButton *m_clear;
};

} // namespace hubui
