#pragma once

#include "ui/core/asyncjob.h"

#include "hub/api/discussions.h"
#include "hub/core/types.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace hubui {

class AppContext;
class ComparisonWidget;
class LoadStateWidget;
class PullRequestMetrics;
class SafeTextBrowser;

/// One pull request or discussion: its title and status, the conversation in order (comments as
/// Markdown without HTML, status and title changes, pushed commits), a comment box, and for a
/// pull request its files changed (the Compare view between its base and its head), its card's
/// evaluation results against the target branch's, and the
/// Merge / Close / Reopen actions, offered according to the signed-in account's access and the
/// status. Every Hub call runs off the GUI thread; failures are shown in plain words in the view.
class DiscussionView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscussionView)

public:
    enum Tab { ConversationTab, FilesTab, MetricsTab };

    explicit DiscussionView(AppContext &context, QWidget *parent = nullptr);
    ~DiscussionView() override;

    /// Loads discussion `num` of `repo` (shows the loading state at once).
    void open(const hub::RepoRef &repo, int num);
    void reload();
    void cancel();

    int number() const { return m_num; }
    bool hasDetails() const { return m_details.has_value(); }
    const hub::DiscussionDetails &details() const { return *m_details; }
    /// The commit the pull request started from (empty: the repo's first commit), once loaded.
    QString baseCommit() const { return m_base; }
    /// The account may merge, and close or reopen anyone's pull request (write access).
    bool canWrite() const;

    QTabWidget *tabs() const { return m_tabs; }
    SafeTextBrowser *conversation() const { return m_conversation; }
    QPlainTextEdit *commentBox() const { return m_commentBox; }
    QPushButton *commentButton() const { return m_comment; }
    QPushButton *mergeButton() const { return m_merge; }
    QPushButton *closeButton() const { return m_close; }
    QPushButton *reopenButton() const { return m_reopen; }
    QPushButton *renameButton() const { return m_rename; }
    QPushButton *downloadButton() const { return m_download; }
    /// "Add files…": asks for files to commit onto the open pull request's refs/pr/N.
    QPushButton *addFilesButton() const { return m_addFiles; }
    /// Opens the conversation's page on the Hub's web site (not offered on the sandbox, which has none).
    QPushButton *webPageButton() const { return m_web; }
    /// refs/pr/N while an open pull request is shown (files dropped on the window go there), else empty.
    QString uploadRevision() const;
    QLabel *titleLabel() const { return m_title; }
    QLabel *statusLabel() const { return m_status; }
    /// Plain-word outcome of the last action ("Merged.", or why it failed).
    QLabel *noticeLabel() const { return m_notice; }
    /// Shown when the pull request conflicts with its target branch: names the files.
    QLabel *conflictLabel() const { return m_conflict; }
    /// Next to the conflicts: opens the pull request's files (refs/pr/N) to fix them.
    QPushButton *openFilesButton() const { return m_openFiles; }
    ComparisonWidget *filesChanged() const { return m_files; }
    /// The card's evaluation results against the target branch's (pull requests only).
    PullRequestMetrics *metrics() const { return m_metrics; }
    LoadStateWidget *loadState() const { return m_state; }

signals:
    void backRequested();
    void loaded();
    /// An action changed it (comment, status, merge): lists and counts should be refreshed.
    void changed();
    /// The pull request was merged: `branch` of the repo moved.
    void merged(const QString &branch);
    /// An action was refused or failed (the message is also in noticeLabel()).
    void actionFailed(const QString &message);
    /// The user asked to add files to the pull request shown: `revision` is its refs/pr/N.
    void addFilesRequested(const hub::RepoRef &repo, const QString &revision);
    /// The user wants to see the files of `revision` (the pull request's refs/pr/N) in the Files tab.
    void openFilesRequested(const QString &revision);

private:
    void showDetails(hub::DiscussionDetails details, const QString &base, const QString &baseError);
    void updateActions();
    void showNotice(const QString &text, bool error);
    void showConflicts(const std::vector<std::string> &files, bool unlisted);
    void loadFilesChanged();
    void loadMetrics();
    void sendComment();
    void confirmStatus(const QString &status);
    void confirmMerge();
    void askRename();
    void downloadRevision();
    /// Runs `work(client, repo, num)` off the GUI thread; then says `success` (and calls
    /// `onSuccess`) or why it was refused, and loads the conversation again.
    template <class Work> void runAction(const QString &success, Work work, std::function<void()> onSuccess = {});

    AppContext &m_context;
    hub::RepoRef m_repo;
    int m_num = 0;
    std::optional<hub::DiscussionDetails> m_details;
    QString m_base;
    QString m_head;
    bool m_filesLoaded = false;
    bool m_metricsLoaded = false;
    LoadStateWidget *m_state;
    QLabel *m_title;
    QLabel *m_status;
    QLabel *m_meta;
    QLabel *m_notice;
    QLabel *m_conflict;
    QWidget *m_conflictBox;
    QPushButton *m_openFiles;
    QPushButton *m_back;
    QPushButton *m_merge;
    QPushButton *m_close;
    QPushButton *m_reopen;
    QPushButton *m_refresh;
    QPushButton *m_rename;
    QPushButton *m_download;
    QPushButton *m_addFiles;
    QPushButton *m_web;
    QLabel *m_dropHint;
    QTabWidget *m_tabs;
    SafeTextBrowser *m_conversation;
    QPlainTextEdit *m_commentBox;
    QPushButton *m_comment;
    ComparisonWidget *m_files;
    QLabel *m_filesNote;
    PullRequestMetrics *m_metrics;
    JobHandle m_job;
    JobHandle m_actionJob;
};

} // namespace hubui
