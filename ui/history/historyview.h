#pragma once

#include "ui/core/asyncjob.h"

#include "hub/api/types.h"
#include "hub/core/types.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;

namespace hubui {

class AppContext;
class CommitListModel;
class ComparisonWidget;
class LoadStateWidget;

/// The History tab: commits paged as the user scrolls, a selected commit's changed files (with
/// a text diff for small text files), and actions on a commit: compare two selected commits,
/// create a tag or a branch at it, download that revision.
class HistoryView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryView)

public:
    explicit HistoryView(AppContext &context, QWidget *parent = nullptr);
    ~HistoryView() override;

    void setRepo(const hub::RepoRef &repo, const QString &revision);
    void setRefs(const hub::Refs &refs);

    CommitListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    ComparisonWidget *details() const { return m_details; }
    LoadStateWidget *loadState() const { return m_state; }

signals:
    /// Two commits were selected and "Compare" pressed (older first).
    void compareRequested(const QString &base, const QString &head);
    void downloadRequested(const QString &commit);
    /// A tag or branch was created: the repo's refs should be loaded again.
    void refsChanged();

private:
    void selectionChanged();
    void showCommit(int row);
    void createRef(bool tag);
    QString currentCommit() const;

    AppContext &m_context;
    hub::RepoRef m_repo;
    CommitListModel *m_model;
    QTreeView *m_view;
    LoadStateWidget *m_state;
    QLabel *m_info;
    QPushButton *m_compare;
    QPushButton *m_tag;
    QPushButton *m_branch;
    QPushButton *m_download;
    ComparisonWidget *m_details;
    int m_pendingRow = -1; ///< commit waiting for its parent's page
    JobHandle m_refJob;
};

} // namespace hubui
