#pragma once

#include "ui/community/discussionfilterproxy.h"

#include "hub/core/types.h"

#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace hubui {

class AppContext;
class DiscussionListModel;
class DiscussionView;
class LoadStateWidget;

/// The Community tab of a repo: its pull requests and discussions with status chips, author,
/// age and comment count, filtered by status (open / closed / merged / all) and kind; opening
/// one shows its conversation in a DiscussionView (Back returns to the list).
class CommunityView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommunityView)

public:
    explicit CommunityView(AppContext &context, QWidget *parent = nullptr);
    ~CommunityView() override;

    /// Shows the list of `repo` (loads it in the background).
    void setRepo(const hub::RepoRef &repo);
    void reload();
    /// Shows discussion `num` (also one the list does not have yet, e.g. a PR just opened).
    void openDiscussion(int num);
    void showList();
    bool isShowingDiscussion() const;

    DiscussionListModel *model() const { return m_model; }
    DiscussionFilterProxy *proxy() const { return m_proxy; }
    QTreeView *view() const { return m_view; }
    DiscussionView *discussion() const { return m_discussion; }
    QAbstractButton *filterButton(DiscussionFilterProxy::StatusFilter filter) const;
    QComboBox *kindBox() const { return m_kind; }
    QLabel *summaryLabel() const { return m_summary; }
    LoadStateWidget *loadState() const { return m_state; }

signals:
    /// Open (and draft) pull requests of the repo, -1 while unknown; for the tab's title.
    void openPullRequestCountChanged(int count);
    /// A pull request was merged from this tab: `branch` has a new commit.
    void branchMoved(const QString &branch);
    /// Show the files of `revision` (a pull request's refs/pr/N) in the Files tab.
    void openFilesRequested(const QString &revision);

private:
    void updateSummary();
    void openRow(const QModelIndex &proxyIndex);

    AppContext &m_context;
    hub::RepoRef m_repo;
    DiscussionListModel *m_model;
    DiscussionFilterProxy *m_proxy;
    QStackedWidget *m_pages;
    QTreeView *m_view;
    LoadStateWidget *m_state;
    QButtonGroup *m_filters;
    QComboBox *m_kind;
    QLabel *m_summary;
    QPushButton *m_refresh;
    DiscussionView *m_discussion;
};

} // namespace hubui
