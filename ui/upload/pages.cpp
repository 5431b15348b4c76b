#include "ui/upload/pages.h"
#include "ui/core/plaintext.h"

#include "ui/community/communityview.h"
#include "ui/community/discussionview.h"
#include "ui/core/appcontext.h"
#include "ui/core/pageregistry.h"
#include "ui/history/commitlistmodel.h"
#include "ui/history/historyview.h"
#include "ui/repo/repopage.h"
#include "ui/transfers/pages.h"
#include "ui/transfers/transferspage.h"
#include "ui/upload/uploadcontroller.h"
#include "ui/upload/uploaddialog.h"
#include "ui/upload/uploaddropfilter.h"
#include "ui/upload/uploadresultbanner.h"

#include <QAbstractProxyModel>
#include <QFileDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>

namespace hubui {

namespace {

/// The repo open in the window, if the repo page is the current page.
std::optional<hub::RepoRef> openRepo(QMainWindow *window)
{
    auto *stack = window->findChild<QStackedWidget *>();
    auto *page = stack ? qobject_cast<RepoPage *>(stack->currentWidget()) : nullptr;
    if (!page || page->repo().id.empty())
        return std::nullopt;
    return page->repo();
}

/// Where files dropped on the window go: the open pull request the Community tab shows
/// (refs/pr/N), else the branch (or pull request revision) the repo page shows, else main.
QString openBranch(QMainWindow *window)
{
    auto *page = window->findChild<RepoPage *>();
    if (!page)
        return QStringLiteral("main");
    if (page->tabs()->currentIndex() == RepoPage::CommunityTab && page->community()->isShowingDiscussion()) {
        if (const QString rev = page->community()->discussion()->uploadRevision(); !rev.isEmpty())
            return rev;
    }
    if (UploadDialog::isPullRequestRevision(page->revision()))
        return page->revision();
    for (const hub::GitRef &b : page->refs().branches) {
        if (QString::fromStdString(b.name) == page->revision())
            return page->revision();
    }
    return QStringLiteral("main");
}

void showInHistory(QMainWindow *window, const UploadOutcome &outcome)
{
    auto *stack = window->findChild<QStackedWidget *>();
    auto *page = window->findChild<RepoPage *>();
    const qsizetype slash = outcome.repoKey.indexOf(u'/');
    const auto type = hub::parseRepoType(outcome.repoKey.left(slash).toStdString());
    auto id = hub::RepoId::parse(outcome.repoKey.mid(slash + 1).toStdString());
    if (!stack || !page || !type || !id)
        return;
    page->open(hub::RepoRef{*type, *id}, outcome.branch);
    page->showTab(RepoPage::HistoryTab);
    stack->setCurrentWidget(page);
    // Select the new commit once its page of history is in: the details show its file list.
    HistoryView *history = page->history();
    auto selectCommit = [history, commit = outcome.commit] {
        CommitListModel *model = history->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex idx = model->index(row, 0);
            if (idx.data(CommitListModel::CommitIdRole).toString() == commit) {
                auto *view = history->view();
                QModelIndex target = idx;
                if (auto *proxy = qobject_cast<QAbstractProxyModel *>(view->model()))
                    target = proxy->mapFromSource(idx);
                view->setCurrentIndex(target);
                return true;
            }
        }
        return false;
    };
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(history->model(), &CommitListModel::pageLoaded, history, [selectCommit, connection] {
        if (selectCommit())
            QObject::disconnect(*connection);
    });
}

/// "model/owner/name" back to a repo.
std::optional<hub::RepoRef> repoOfKey(const QString &repoKey)
{
    const qsizetype slash = repoKey.indexOf(u'/');
    const auto type = hub::parseRepoType(repoKey.left(slash).toStdString());
    auto id = hub::RepoId::parse(repoKey.mid(slash + 1).toStdString());
    if (slash < 0 || !type || !id)
        return std::nullopt;
    return hub::RepoRef{*type, *id};
}

/// Shows pull request `number` of `repoKey` in its repo's Community tab (the repo page stays
/// where it is when it already shows that repo).
void showPullRequest(QMainWindow *window, const QString &repoKey, int number)
{
    auto *stack = window->findChild<QStackedWidget *>();
    auto *page = window->findChild<RepoPage *>();
    const auto repo = repoOfKey(repoKey);
    if (!stack || !page || !repo || number <= 0)
        return;
    if (page->repo().id != repo->id || page->repo().type != repo->type)
        page->open(*repo, QStringLiteral("main"));
    else
        page->community()->reload(); // the new pull request joins the list and the count
    page->showDiscussion(number);
    stack->setCurrentWidget(page);
}

} // namespace

UploadController *uploadControllerFor(AppContext &context)
{
    static const QString name = QStringLiteral("hubui.uploadController");
    if (auto *existing = context.findChild<UploadController *>(name, Qt::FindDirectChildrenOnly))
        return existing;
    auto *controller = new UploadController(
        transferAdapterFor(context), [&context] { return context.clientConfig(); },
        [&context]() -> QString {
            const SessionState &s = context.session();
            if (s.status != SessionState::Status::SignedIn)
                return {};
            return s.tokenRole.isEmpty() ? s.user : QObject::tr("%1 (%2 access)").arg(s.user, s.tokenRole);
        },
        &context);
    controller->setObjectName(name);
    return controller;
}

void registerPages_upload(PageRegistry &registry)
{
    registry.addAction({QStringLiteral("upload"), ActionMenu::File, QObject::tr("&Upload files to this repository…"),
                        QStringLiteral("Ctrl+U"), [](AppContext &context, QWidget *window) {
                            auto *main = qobject_cast<QMainWindow *>(window);
                            const auto repo = main ? openRepo(main) : std::nullopt;
                            if (!repo) {
                                QMessageBox::information(window, QObject::tr("Upload"),
                                                         QObject::tr("Open a repository first, then upload files "
                                                                     "to it (or drop files onto its window)."));
                                return;
                            }
                            const QStringList files =
                                QFileDialog::getOpenFileNames(window, QObject::tr("Files to upload"));
                            if (!files.isEmpty())
                                uploadControllerFor(context)->startUpload(*repo, files, window, openBranch(main));
                        }});
    registry.addWindowHook([](AppContext &context, QMainWindow *window) {
        UploadController *controller = uploadControllerFor(context);
        if (auto *transfers = window->findChild<TransfersPage *>()) // "Open result" of a PR upload
            QObject::connect(
                transfers, &TransfersPage::showPullRequestRequested, window,
                [window](const QString &repoKey, int number) { showPullRequest(window, repoKey, number); });
        if (auto *page = window->findChild<RepoPage *>()) // "Add files…" on an open pull request
            QObject::connect(page->community()->discussion(), &DiscussionView::addFilesRequested, window,
                             [window, controller](const hub::RepoRef &repo, const QString &revision) {
                                 const QStringList files = QFileDialog::getOpenFileNames(
                                     window, QObject::tr("Files to add to pull request #%1").arg(revision.mid(8)));
                                 if (!files.isEmpty())
                                     controller->startUpload(repo, files, window, revision);
                             });
        auto *filter = new UploadDropFilter(
            controller, [window] { return openRepo(window); }, window);
        filter->setCurrentBranch([window] { return openBranch(window); });
        filter->attach(window);
        QObject::connect(controller, &UploadController::uploadSubmitted, window, [window](quint64) {
            window->statusBar()->showMessage(QObject::tr("Upload started; see Transfers."), 8000);
        });
        QObject::connect(controller, &UploadController::uploadFinished, window, [window](const UploadOutcome &outcome) {
            auto *banner = new UploadResultBanner(outcome, window);
            window->statusBar()->addWidget(banner, 1);
            QObject::connect(banner, &UploadResultBanner::showHistoryRequested, window,
                             [window](const UploadOutcome &o) { showInHistory(window, o); });
            QObject::connect(
                banner, &UploadResultBanner::showPullRequestRequested, window,
                [window](const UploadOutcome &o) { showPullRequest(window, o.repoKey, pullRequestNumberOf(o.url)); });
            // The pull request just opened is what the uploader wants to see next, if they are
            // still on that repo: open it there at once.
            // Files added to an existing pull request (refs/pr/N): show it again with the new commit.
            const auto shown = openRepo(window);
            const bool addedToPr = UploadDialog::isPullRequestRevision(outcome.branch);
            if ((outcome.pullRequest || addedToPr) && shown && repoOfKey(outcome.repoKey) &&
                shown->id == repoOfKey(outcome.repoKey)->id && shown->type == repoOfKey(outcome.repoKey)->type)
                showPullRequest(window, outcome.repoKey,
                                addedToPr ? outcome.branch.mid(8).toInt() : pullRequestNumberOf(outcome.url));
        });
        QObject::connect(controller, &UploadController::uploadFailed, window,
                         [window](const QString &repo, const QString &message) {
                             showPlainMessage(window, QMessageBox::Warning, QObject::tr("Upload failed"),
                                              QObject::tr("The upload to %1 failed: %2").arg(repo, message));
                         });
        QObject::connect(controller, &UploadController::branchMovedDuringUpload, window,
                         [window, controller](quint64 id, const QString &message) {
                             auto *box = new QMessageBox(QMessageBox::Question, QObject::tr("Branch changed"), message,
                                                         QMessageBox::Cancel, window);
                             QPushButton *pr =
                                 box->addButton(QObject::tr("Open a &pull request"), QMessageBox::AcceptRole);
                             box->setTextFormat(Qt::PlainText);
                             box->setAttribute(Qt::WA_DeleteOnClose);
                             QObject::connect(pr, &QPushButton::clicked, controller,
                                              [controller, id] { controller->retryAsPullRequest(id); });
                             box->open();
                         });
    });
}

} // namespace hubui
