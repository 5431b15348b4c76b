#include "ui/community/discussionview.h"

#include "ui/community/confirmactiondialog.h"
#include "ui/community/conversationdocument.h"
#include "ui/community/discussionlistmodel.h"
#include "ui/community/prmetrics.h"
#include "ui/community/safetextbrowser.h"
#include "ui/community/statuschipdelegate.h"
#include "ui/compare/comparisonwidget.h"
#include "ui/core/appcontext.h"
#include "ui/core/format.h"
#include "ui/core/loadstatewidget.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace hubui {

namespace {

struct LoadedDiscussion {
    hub::DiscussionDetails details;
    std::string base;
    std::string baseError; ///< why the files changed cannot be shown
};

QString joinFiles(const std::vector<std::string> &files)
{
    QStringList names;
    for (const auto &f : files)
        names << qstr(f);
    return names.join(QStringLiteral(", "));
}

} // namespace

DiscussionView::DiscussionView(AppContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_title(new QLabel), m_status(new QLabel), m_meta(new QLabel),
      m_notice(new QLabel), m_conflict(new QLabel), m_conflictBox(new QWidget),
      m_openFiles(new QPushButton(tr("Open its &files"))),
      m_back(new QPushButton(tr("← All pull requests and &discussions"))), m_merge(new QPushButton(tr("&Merge…"))),
      m_close(new QPushButton(tr("C&lose…"))), m_reopen(new QPushButton(tr("R&eopen…"))),
      m_refresh(new QPushButton(tr("Refres&h"))), m_rename(new QPushButton(tr("Re&name…"))),
      m_download(new QPushButton(tr("Do&wnload"))), m_addFiles(new QPushButton(tr("Add f&iles…"))),
      m_web(new QPushButton(tr("We&b page"))), m_dropHint(new QLabel), m_tabs(new QTabWidget),
      m_conversation(new SafeTextBrowser), m_commentBox(new QPlainTextEdit), m_comment(new QPushButton(tr("&Comment"))),
      m_files(new ComparisonWidget(context)), m_filesNote(new QLabel), m_metrics(new PullRequestMetrics(context))
{
    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.25);
    tf.setBold(true);
    m_title->setFont(tf);
    m_title->setTextFormat(Qt::PlainText); // titles come from the server
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Status"));
    m_status->setTextFormat(Qt::PlainText);
    m_meta->setTextFormat(Qt::PlainText);
    m_meta->setWordWrap(true);
    for (QLabel *l : {m_notice, m_conflict}) {
        l->setTextFormat(Qt::PlainText);
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setMargin(6);
    }
    m_notice->hide(); // the conflict label is shown and hidden with its box
    m_notice->setAccessibleName(tr("Result of the last action"));
    m_conflict->setAccessibleName(tr("Merge conflicts"));
    m_openFiles->setAccessibleName(tr("Open the pull request's files to fix the conflicts"));
    m_openFiles->setToolTip(tr("Show the files of this pull request's revision in the Files tab"));
    {
        auto *cl = new QHBoxLayout(m_conflictBox);
        cl->setContentsMargins(0, 0, 0, 0);
        cl->addWidget(m_conflict, 1);
        cl->addWidget(m_openFiles, 0, Qt::AlignVCenter);
        m_conflictBox->hide();
    }
    m_conflict->setStyleSheet(QStringLiteral("QLabel { background: #fff1e5; color: #7a2e00; border: 1px solid #f0b27a; "
                                             "border-radius: 4px; }"));
    m_back->setAccessibleName(tr("Back to all pull requests and discussions"));
    m_merge->setAccessibleName(tr("Merge this pull request"));
    m_close->setAccessibleName(tr("Close"));
    m_reopen->setAccessibleName(tr("Reopen"));
    m_refresh->setAccessibleName(tr("Refresh this conversation"));
    m_rename->setAccessibleName(tr("Change the title"));
    m_download->setAccessibleName(tr("Download this pull request's revision"));
    m_download->setToolTip(tr("Download the files of this pull request (refs/pr/N) into the cache, to try them"));
    m_addFiles->setAccessibleName(tr("Add files to this pull request"));
    m_addFiles->setToolTip(tr("Commit files onto this pull request's revision (refs/pr/N); you can also drop files "
                              "or folders onto this window"));
    m_web->setAccessibleName(tr("Open this conversation on the Hub's web site"));
    m_web->setToolTip(tr("Open this conversation in your web browser"));
    m_dropHint->setTextFormat(Qt::PlainText);
    m_dropHint->setWordWrap(true);
    m_dropHint->setAccessibleName(tr("Drop hint"));
    {
        QPalette muted = m_dropHint->palette(); // follows the theme (dark or light)
        muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
        m_dropHint->setPalette(muted);
    }
    m_dropHint->hide();
    m_conversation->setAccessibleName(tr("Conversation"));
    m_commentBox->setAccessibleName(tr("New comment"));
    m_commentBox->setTabChangesFocus(true);
    m_commentBox->setFixedHeight(m_commentBox->fontMetrics().lineSpacing() * 4 + 12);
    m_comment->setAccessibleName(tr("Send the comment"));
    m_comment->setToolTip(tr("Send the comment (Ctrl+Enter)"));
    m_filesNote->setWordWrap(true);
    m_filesNote->setTextFormat(Qt::PlainText);
    m_filesNote->hide();

    auto *head = new QHBoxLayout;
    head->addWidget(m_status);
    head->addWidget(m_title, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_back);
    actions->addStretch(1);
    actions->addWidget(m_refresh);
    actions->addWidget(m_web);
    actions->addWidget(m_download);
    actions->addWidget(m_addFiles);
    actions->addWidget(m_rename);
    actions->addWidget(m_reopen);
    actions->addWidget(m_close);
    actions->addWidget(m_merge);

    auto *conversationPage = new QWidget;
    auto *cl = new QVBoxLayout(conversationPage);
    auto *commentLabel = new QLabel(tr("Add a c&omment (Markdown):"));
    commentLabel->setBuddy(m_commentBox);
    auto *send = new QHBoxLayout;
    send->addStretch(1);
    send->addWidget(m_comment);
    cl->addWidget(m_conversation, 1);
    cl->addWidget(commentLabel);
    cl->addWidget(m_commentBox);
    cl->addLayout(send);
    auto *filesPage = new QWidget;
    auto *fl = new QVBoxLayout(filesPage);
    fl->addWidget(m_filesNote);
    fl->addWidget(m_files, 1);
    m_tabs->addTab(conversationPage, tr("Conversation"));
    m_tabs->addTab(filesPage, tr("Files changed"));
    m_tabs->addTab(m_metrics, tr("Metrics"));
    m_tabs->setTabToolTip(MetricsTab, tr("The evaluation results of this pull request's model card next to the "
                                         "target branch's"));

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(actions);
    layout->addLayout(head);
    layout->addWidget(m_meta);
    layout->addWidget(m_dropHint);
    layout->addWidget(m_conflictBox);
    layout->addWidget(m_notice);
    layout->addWidget(m_tabs, 1);
    m_state = new LoadStateWidget(content, this);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_state);

    connect(m_back, &QPushButton::clicked, this, &DiscussionView::backRequested);
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        reload();
        emit changed(); // others may have opened or closed some: the list and its count too
    });
    connect(m_state, &LoadStateWidget::retryRequested, this, &DiscussionView::reload);
    connect(m_state, &LoadStateWidget::cancelRequested, this, [this] {
        m_job.cancel();
        m_state->showEmpty(tr("Loading #%1 was cancelled.").arg(m_num));
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == FilesTab)
            loadFilesChanged();
        else if (index == MetricsTab)
            loadMetrics();
    });
    connect(m_comment, &QPushButton::clicked, this, &DiscussionView::sendComment);
    auto *ctrlEnter = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_commentBox);
    ctrlEnter->setContext(Qt::WidgetShortcut);
    connect(ctrlEnter, &QShortcut::activated, this, &DiscussionView::sendComment);
    connect(m_commentBox, &QPlainTextEdit::textChanged, this, &DiscussionView::updateActions);
    connect(m_merge, &QPushButton::clicked, this, &DiscussionView::confirmMerge);
    connect(m_rename, &QPushButton::clicked, this, &DiscussionView::askRename);
    connect(m_download, &QPushButton::clicked, this, &DiscussionView::downloadRevision);
    connect(m_web, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl(m_context.endpoint() + u'/' +
                                       qstr(std::string(hub::repoTypeUrlPrefix(m_repo.type)) + m_repo.id.str()) +
                                       QStringLiteral("/discussions/%1").arg(m_num)));
    });
    connect(m_openFiles, &QPushButton::clicked, this, [this] {
        if (m_details && m_details->isPullRequest)
            emit openFilesRequested(qstr(m_details->gitReference()));
    });
    connect(m_addFiles, &QPushButton::clicked, this, [this] {
        if (const QString rev = uploadRevision(); !rev.isEmpty())
            emit addFilesRequested(m_repo, rev);
    });
    connect(m_close, &QPushButton::clicked, this, [this] { confirmStatus(QStringLiteral("closed")); });
    connect(m_reopen, &QPushButton::clicked, this, [this] { confirmStatus(QStringLiteral("open")); });
    connect(&m_context, &AppContext::sessionChanged, this, &DiscussionView::updateActions);
    updateActions();
}

DiscussionView::~DiscussionView()
{
    m_job.cancel();
    m_actionJob.cancel();
}

void DiscussionView::cancel()
{
    m_job.cancel();
    m_files->cancel();
    m_metrics->cancel();
}

void DiscussionView::open(const hub::RepoRef &repo, int num)
{
    const bool same = m_num == num && m_repo.id == repo.id && m_repo.type == repo.type;
    m_repo = repo;
    m_num = num;
    if (!same) {
        m_details.reset();
        m_commentBox->clear();
        m_notice->hide();
        m_tabs->setCurrentIndex(ConversationTab);
    }
    reload();
}

void DiscussionView::reload()
{
    m_job.cancel();
    if (!m_details)
        m_state->showLoading(tr("Loading #%1…").arg(m_num));
    m_job = m_context.runHub(
        this,
        [repo = m_repo, num = m_num](hub::HubClient &client) -> hub::Expected<LoadedDiscussion> {
            auto d = client.discussionDetails(repo, num, false);
            if (!d)
                return d.error();
            LoadedDiscussion out{std::move(*d), {}, {}};
            if (out.details.isPullRequest) {
                auto base = client.pullRequestBase(repo, out.details);
                if (base)
                    out.base = *base;
                else
                    out.baseError = base.error().message;
            }
            return out;
        },
        [this](hub::Expected<LoadedDiscussion> answer) {
            if (!answer) {
                if (m_details)
                    showNotice(tr("Could not refresh: %1").arg(qstr(answer.error().message)), true);
                else
                    m_state->showError(answer.error());
                return;
            }
            showDetails(std::move(answer->details), qstr(answer->base), qstr(answer->baseError));
        });
}

void DiscussionView::showDetails(hub::DiscussionDetails d, const QString &base, const QString &baseError)
{
    m_details = std::move(d);
    const hub::DiscussionDetails &det = *m_details;
    m_title->setText(QStringLiteral("%1  #%2").arg(qstr(det.title)).arg(det.num));
    const QString status = qstr(det.status);
    m_status->setText(DiscussionListModel::statusLabel(status));
    m_status->setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; border-radius: 9px; "
                                           "padding: 2px 10px; font-weight: bold; }")
                                .arg(StatusChipDelegate::statusColor(status).name()));
    QString meta;
    if (det.isPullRequest) {
        const QString into = qstr(det.targetBranchName().empty() ? std::string("main") : det.targetBranchName());
        if (status == u"merged")
            meta = tr("%1 proposed %2 (%3) · merged into %4")
                       .arg(qstr(det.author), qstr(det.gitReference()), formatRelativeDate(det.createdAt), into);
        else if (status == u"closed")
            meta = tr("%1 proposed merging %2 into %3 (%4) · closed without merging")
                       .arg(qstr(det.author), qstr(det.gitReference()), into, formatRelativeDate(det.createdAt));
        else
            meta = tr("%1 wants to merge %2 into %3 · opened %4")
                       .arg(qstr(det.author), qstr(det.gitReference()), into, formatRelativeDate(det.createdAt));
        if (!det.mergeCommitId.empty())
            meta += tr(" as commit %1").arg(shortCommit(det.mergeCommitId));
    } else {
        meta = tr("Discussion started by %1 · %2").arg(qstr(det.author), formatRelativeDate(det.createdAt));
    }
    m_meta->setText(meta);
    showConflicts(det.conflictingFiles, det.conflictsUnlisted);
    renderConversation(m_conversation->document(), det);

    // Files changed: from the base (parent of the first pushed commit) to the last pushed commit.
    m_base = base;
    m_head.clear();
    for (const auto &e : det.events)
        if (e.type == hub::DiscussionEvent::Type::Commit && !e.commitOid.empty())
            m_head = qstr(e.commitOid);
    if (m_head.isEmpty())
        m_head = qstr(det.gitReference());
    m_filesLoaded = false;
    m_metricsLoaded = false;
    m_tabs->setTabVisible(FilesTab, det.isPullRequest);
    m_tabs->setTabVisible(MetricsTab, det.isPullRequest);
    if (!baseError.isEmpty()) {
        m_filesNote->setText(tr("The files changed cannot be shown: %1").arg(baseError));
        m_filesNote->show();
    } else {
        m_filesNote->hide();
    }
    m_state->showContent();
    updateActions();
    if (m_tabs->currentIndex() == FilesTab)
        loadFilesChanged();
    else if (m_tabs->currentIndex() == MetricsTab)
        loadMetrics();
    emit loaded();
}

void DiscussionView::loadFilesChanged()
{
    if (!m_details || !m_details->isPullRequest || m_filesLoaded || !m_filesNote->isHidden())
        return;
    m_filesLoaded = true;
    m_files->load(m_repo, m_base, m_head);
}

void DiscussionView::loadMetrics()
{
    if (!m_details || !m_details->isPullRequest || m_metricsLoaded)
        return;
    m_metricsLoaded = true;
    // A merged pull request is part of its target: its card is compared with the one it started from.
    const QString branch =
        qstr(m_details->targetBranchName().empty() ? std::string("main") : m_details->targetBranchName());
    if (m_details->status == "merged" && !m_base.isEmpty())
        m_metrics->load(m_repo, m_base, m_head, tr("%1 before the merge").arg(branch));
    else
        m_metrics->load(m_repo, branch, m_head);
}

void DiscussionView::showConflicts(const std::vector<std::string> &files, bool unlisted)
{
    if (!m_details || !m_details->isOpen() || (files.empty() && !unlisted)) {
        m_conflictBox->hide();
        return;
    }
    const QString branch =
        qstr(m_details->targetBranchName().empty() ? std::string("main") : m_details->targetBranchName());
    m_conflict->setText(
        files.empty()
            ? tr("This pull request cannot be merged: it conflicts with changes made on %1 since it was opened.")
                  .arg(branch)
            : tr("This pull request cannot be merged: %1 also changed on %2 since it was opened. Update %3 on "
                 "the pull request's revision %4, then merge.")
                  .arg(joinFiles(files), branch, files.size() == 1 ? tr("that file") : tr("those files"),
                       qstr(m_details->gitReference())));
    m_conflictBox->show();
}

QString DiscussionView::uploadRevision() const
{
    if (!m_details || !m_details->isPullRequest || !m_details->isOpen() || m_details->num != m_num)
        return {};
    return qstr(m_details->gitReference());
}

bool DiscussionView::canWrite() const
{
    const SessionState &s = m_context.session();
    if (s.status != SessionState::Status::SignedIn || s.tokenRole == u"read")
        return false;
    const QString ns = qstr(m_repo.id.ns());
    return s.user == ns || s.orgs.contains(ns);
}

void DiscussionView::updateActions()
{
    const SessionState &s = m_context.session();
    const bool signedIn = s.status == SessionState::Status::SignedIn;
    const bool busy = m_actionJob.isRunning();
    const bool have = m_details.has_value();
    const bool pr = have && m_details->isPullRequest;
    const QString status = have ? qstr(m_details->status) : QString();
    const bool open = have && m_details->isOpen();
    const bool mine = have && signedIn && s.user == qstr(m_details->author);
    const bool write = canWrite();

    m_merge->setVisible(pr && open); // a closed one is reopened first
    m_merge->setEnabled(!busy && pr && status == u"open" && write && !m_details->hasConflicts());
    m_merge->setToolTip(!write ? tr("Only maintainers of this repo (write access) can merge.")
                        : have && m_details->hasConflicts() ? tr("Resolve the conflicts first.")
                        : status == u"draft"                ? tr("A draft has no commits to merge yet.")
                                                            : tr("Merge into the target branch"));
    m_close->setVisible(have && open);
    m_close->setEnabled(!busy && (write || mine));
    m_reopen->setVisible(have && status == u"closed");
    m_reopen->setEnabled(!busy && (write || mine));
    const QString who = tr("Only its author or a maintainer of this repo (write access) can do this.");
    m_rename->setVisible(have);
    m_rename->setEnabled(!busy && (write || mine));
    m_rename->setToolTip(write || mine ? tr("Change the title") : who);
    m_web->setVisible(have && !m_context.isSandbox()); // the sandbox serves no web pages
    m_download->setVisible(have && pr);
    m_download->setEnabled(!busy);
    // Anyone signed in may push to a pull request they can comment on (the Hub decides); a closed
    // or merged one is reopened first.
    const bool canAdd = pr && open && signedIn;
    m_addFiles->setVisible(pr && open);
    m_addFiles->setEnabled(!busy && canAdd);
    m_dropHint->setVisible(pr && open);
    m_dropHint->setText(canAdd ? tr("Drop files or folders onto this window to add them to this pull request (a new "
                                    "commit on %1).")
                                     .arg(qstr(m_details->gitReference()))
                               : tr("Sign in (Account menu) to add files to this pull request."));
    m_close->setToolTip(write || mine ? tr("Close without merging") : who);
    m_reopen->setToolTip(write || mine ? tr("Open it again") : who);

    m_commentBox->setEnabled(signedIn && have);
    m_commentBox->setPlaceholderText(signedIn ? tr("Write a comment; Ctrl+Enter sends it.")
                                              : tr("Sign in (Account menu) to comment."));
    m_comment->setEnabled(!busy && signedIn && have && !m_commentBox->toPlainText().trimmed().isEmpty());
}

void DiscussionView::showNotice(const QString &text, bool error)
{
    m_notice->setText(text);
    m_notice->setStyleSheet(error ? QStringLiteral("QLabel { background: #ffebe9; color: #82071e; border: 1px solid "
                                                   "#ff8182; border-radius: 4px; }")
                                  : QStringLiteral("QLabel { background: #dafbe1; color: #116329; border: 1px solid "
                                                   "#4ac26b; border-radius: 4px; }"));
    m_notice->show();
}

template <class Work> void DiscussionView::runAction(const QString &success, Work work, std::function<void()> onSuccess)
{
    m_actionJob = m_context.runHub(
        this,
        [repo = m_repo, num = m_num, w = std::move(work)](hub::HubClient &client) { return w(client, repo, num); },
        [this, success, then = std::move(onSuccess)](auto result) {
            if (!result) {
                const hub::HubError &e = result.error();
                showNotice(qstr(e.message), true);
                if (e.code == hub::ErrorCode::Conflict && !e.subject.empty()) {
                    std::vector<std::string> files;
                    for (const QString &f : qstr(e.subject).split(u','))
                        files.push_back(f.toStdString());
                    showConflicts(files, false);
                }
                updateActions();
                emit actionFailed(qstr(e.message));
                reload(); // the status may have moved on meanwhile
                return;
            }
            showNotice(success, false);
            if (then)
                then();
            updateActions();
            reload();
            emit changed();
        });
    updateActions();
}

void DiscussionView::sendComment()
{
    const QString text = m_commentBox->toPlainText().trimmed();
    if (text.isEmpty() || !m_comment->isEnabled())
        return;
    // The text stays in the box until the Hub has it: a refusal loses nothing.
    runAction(
        tr("Comment sent."),
        [body = text.toStdString()](hub::HubClient &client, const hub::RepoRef &repo, int num) {
            return client.commentDiscussion(repo, num, body);
        },
        [this, text] {
            if (m_commentBox->toPlainText().trimmed() == text)
                m_commentBox->clear();
        });
}

void DiscussionView::confirmStatus(const QString &status)
{
    if (!m_details)
        return;
    const bool close = status == u"closed";
    const QString what = m_details->isPullRequest ? tr("pull request #%1").arg(m_num) : tr("discussion #%1").arg(m_num);
    auto *dialog = new ConfirmActionDialog(
        close ? tr("Close %1").arg(what) : tr("Reopen %1").arg(what),
        close ? (m_details->isPullRequest ? tr("Close %1 without merging it? It can be reopened later.").arg(what)
                                          : tr("Close %1? It can be reopened later.").arg(what))
              : tr("Reopen %1?").arg(what),
        close ? tr("C&lose") : tr("R&eopen"), this);
    connect(dialog, &QDialog::accepted, this, [this, dialog, status, close] {
        const std::string comment = dialog->comment().toStdString();
        runAction(close ? tr("Closed.") : tr("Reopened."),
                  [comment, s = status.toStdString()](hub::HubClient &client, const hub::RepoRef &repo, int num) {
                      return client.changeDiscussionStatus(repo, num, s, comment);
                  });
    });
    dialog->open();
}

void DiscussionView::askRename()
{
    if (!m_details)
        return;
    QInputDialog dialog(this);
    dialog.setWindowTitle(tr("Rename #%1").arg(m_num));
    dialog.setLabelText(tr("New &title:"));
    dialog.setTextValue(qstr(m_details->title));
    dialog.resize(std::max(560, dialog.sizeHint().width()), dialog.sizeHint().height()); // titles are long
    const bool ok = dialog.exec() == QDialog::Accepted;
    const QString title = dialog.textValue().trimmed();
    if (!ok || title.isEmpty() || title == qstr(m_details->title))
        return;
    runAction(tr("Renamed."), [t = title.toStdString()](hub::HubClient &client, const hub::RepoRef &repo, int num) {
        return client.renameDiscussion(repo, num, t);
    });
}

void DiscussionView::downloadRevision()
{
    if (!m_details || !m_details->isPullRequest)
        return;
    hub::DownloadRequest request;
    request.repo = m_repo;
    request.revision = "refs/pr/" + std::to_string(m_num);
    auto id = m_context.submitDownload(std::move(request));
    showNotice(id ? tr("Downloading refs/pr/%1… (see Transfers)").arg(m_num)
                  : tr("Could not start the download: %1").arg(qstr(id.error().message)),
               !id);
}

void DiscussionView::confirmMerge()
{
    if (!m_details || !m_details->isPullRequest)
        return;
    const QString branch =
        qstr(m_details->targetBranchName().empty() ? std::string("main") : m_details->targetBranchName());
    auto *dialog = new ConfirmActionDialog(
        tr("Merge pull request #%1").arg(m_num),
        tr("Merge “%1” into %2? Its commits become part of %2 for everyone who downloads this repo.")
            .arg(qstr(m_details->title), branch),
        tr("&Merge"), this);
    connect(dialog, &QDialog::accepted, this, [this, dialog, branch] {
        const std::string comment = dialog->comment().toStdString();
        runAction(
            tr("Merged into %1.").arg(branch),
            [comment](hub::HubClient &client, const hub::RepoRef &repo, int num) {
                return client.mergePullRequest(repo, num, comment);
            },
            [this, branch] { emit merged(branch); });
    });
    dialog->open();
}

} // namespace hubui
