// The Community tab offscreen against the sandbox's demo world, through the real MainWindow:
// the word detector's pull requests and discussions with the open-PR count in the tab title,
// the status filters, #4's conversation and files changed, commenting, merging a mergeable PR,
// a conflicting one naming its files, what a read-only account is offered, comments never
// rendered as HTML, and an upload as a pull request landing in its view (also from Transfers).

#include "ui/browse/sandboxfixture.h"

#include "ui/community/communityview.h"
#include "ui/community/confirmactiondialog.h"
#include "ui/community/discussionlistmodel.h"
#include "ui/community/discussionview.h"
#include "ui/community/prmetrics.h"
#include "ui/community/pullrequestcounts.h"
#include "ui/community/safetextbrowser.h"
#include "ui/compare/changedfilesmodel.h"
#include "ui/compare/comparisonwidget.h"
#include "ui/core/loadstatewidget.h"
#include "ui/core/pageregistry.h"
#include "ui/repo/repopage.h"
#include "ui/shell/mainwindow.h"
#include "ui/transfers/pages.h"
#include "ui/transfers/transferspage.h"
#include "ui/upload/pages.h"
#include "ui/upload/uploadcontroller.h"
#include "ui/upload/uploaddialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>
#include <cmath>

using namespace hubui;
namespace demo = hub::sandbox::demo;
using StatusFilter = DiscussionFilterProxy::StatusFilter;

namespace {

hub::RepoRef model(const std::string &id)
{
    return {hub::RepoType::Model, *hub::RepoId::parse(id)};
}

QStringList numbersShown(CommunityView *c)
{
    QStringList out;
    for (int r = 0; r < c->proxy()->rowCount(); ++r)
        out << QString::number(c->proxy()->index(r, 0).data(DiscussionListModel::NumberRole).toInt());
    return out;
}

} // namespace

class CommunityGuiTest final : public QObject {
    Q_OBJECT

private:
    SandboxFixture m_f;
    std::unique_ptr<PageRegistry> m_registry;
    std::unique_ptr<MainWindow> m_window;

    RepoPage *page() const { return m_window->repoPage(); }
    CommunityView *community() const { return page()->community(); }
    DiscussionView *discussion() const { return community()->discussion(); }

    hub::HubClient owner() const
    {
        hub::ClientConfig c;
        c.endpoint = m_f.server->baseUrl();
        c.token = demo::kDemoOwnerToken;
        return hub::HubClient(c);
    }

    /// Opens `repo` in the window and waits for its Community list.
    bool openRepo(const hub::RepoRef &repo)
    {
        QSignalSpy loaded(community()->model(), &DiscussionListModel::loaded);
        m_window->openRepo(repo);
        return loaded.wait(20000);
    }

    /// Clicks the row of `num` in the list and waits for the conversation.
    bool openByClick(int num)
    {
        community()->filterButton(StatusFilter::All)->click();
        QTreeView *view = community()->view();
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            const QModelIndex idx = view->model()->index(r, DiscussionListModel::Title);
            if (idx.data(DiscussionListModel::NumberRole).toInt() != num)
                continue;
            QSignalSpy loaded(discussion(), &DiscussionView::loaded);
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(idx).center());
            return community()->isShowingDiscussion() && loaded.wait(20000);
        }
        return false;
    }

    /// A fresh repo of the demo owner with a.txt and b.txt on main, and a PR changing `path`.
    int freshRepoWithPr(const std::string &name, const std::string &path)
    {
        hub::HubClient o = owner();
        const auto repo = model(std::string(demo::kDemoOwnerUser) + "/" + name);
        (void)o.createRepo(repo);
        hub::CommitRequest c;
        c.summary = "Add a and b";
        c.operations = {hub::CommitOperation::addFile("a.txt", "a1\n"), hub::CommitOperation::addFile("b.txt", "b1\n")};
        (void)o.commit(repo, c);
        hub::CommitRequest pr;
        pr.summary = "Change " + path;
        pr.description = "Please merge.";
        pr.createPr = true;
        pr.operations = {hub::CommitOperation::addFile(path, path + " from the PR\n")};
        auto r = o.commit(repo, pr);
        return r ? std::stoi(r->pullRequestUrl.substr(r->pullRequestUrl.rfind('/') + 1)) : 0;
    }

    /// Presses Merge, accepts the confirmation with `comment`.
    void mergeWith(const QString &comment)
    {
        QVERIFY(discussion()->mergeButton()->isEnabled());
        discussion()->mergeButton()->click();
        auto *dialog = discussion()->findChild<ConfirmActionDialog *>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->commentEdit(), comment);
        dialog->acceptButton()->click();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_f.start());
        m_registry = std::make_unique<PageRegistry>();
        registerPages_transfers(*m_registry);
        registerPages_upload(*m_registry);
        m_window = std::make_unique<MainWindow>(*m_f.context, *m_registry);
        m_window->show();
        m_f.context->refreshSession();
        QTRY_VERIFY_WITH_TIMEOUT(m_f.context->session().status == SessionState::Status::SignedIn, 20000);
    }

    void cleanupTestCase() { m_window.reset(); }

    void tab_listsTheDemoPullRequestsWithTheOpenCount()
    {
        QVERIFY(openRepo(model(demo::kWordDetector)));
        QTabWidget *tabs = page()->tabs();
        QCOMPARE(tabs->tabText(RepoPage::CommunityTab), QStringLiteral("Community (1)"));
        page()->showTab(RepoPage::CommunityTab);
        QCOMPARE(community()->model()->rowCount(), 4);
        QCOMPARE(community()->model()->openPullRequestCount(), 1);
        QCOMPARE(community()->loadState()->state(), LoadStateWidget::State::Ready);
        // Open by default: the open PR and the open question.
        QCOMPARE(numbersShown(community()), (QStringList{QStringLiteral("4"), QStringLiteral("2")}));
        const QModelIndex first = community()->proxy()->index(0, DiscussionListModel::Author);
        QCOMPARE(first.data().toString(), QStringLiteral("githubharald"));
        QCOMPARE(community()->proxy()->index(0, DiscussionListModel::Comments).data().toInt(), 3);
        QCOMPARE(community()->proxy()->index(0, DiscussionListModel::Status).data(Qt::AccessibleTextRole).toString(),
                 QStringLiteral("Pull request, Open"));
        QVERIFY(community()->summaryLabel()->text().contains(QStringLiteral("1 open pull request")));
    }

    void sidebar_countsOpenPullRequestsPerNamespace()
    {
        // Counted in the background over all of PellelNitram's repos at sign-in: only #4 of the word
        // detector is open in the demo world.
        auto *sidebar = m_window->findChild<QTreeWidget *>();
        QVERIFY(sidebar);
        auto namespaceItem = [sidebar](const QString &ns) -> QTreeWidgetItem * {
            QTreeWidgetItem *top = sidebar->topLevelItem(0);
            for (int i = 0; top && i < top->childCount(); ++i)
                if (top->child(i)->text(0) == ns || top->child(i)->text(0).startsWith(ns + QStringLiteral(" · ")))
                    return top->child(i);
            return nullptr;
        };
        const QString ns = QString::fromLatin1(demo::kDemoOwnerUser);
        QTRY_VERIFY_WITH_TIMEOUT(
            namespaceItem(ns) && namespaceItem(ns)->text(0).startsWith(ns + QStringLiteral(" · 1 PR")), 30000);
        QVERIFY2(namespaceItem(ns)->toolTip(0).contains(QStringLiteral("in 1 repo")),
                 qPrintable(namespaceItem(ns)->toolTip(0)));
        QVERIFY(namespaceItem(ns)
                    ->data(0, Qt::AccessibleTextRole)
                    .toString()
                    .contains(QStringLiteral("open pull request")));
        // The Community tab of a repo reports its own count, fresher than the background one.
        PullRequestCounts *counts = pullRequestCountsFor(*m_f.context);
        counts->set(model(demo::kSimpleHtr), 2);
        QTRY_VERIFY(namespaceItem(ns)->text(0).startsWith(ns + QStringLiteral(" · 3 PR")));
        counts->set(model(demo::kSimpleHtr), 0);
        QTRY_VERIFY(namespaceItem(ns)->text(0).startsWith(ns + QStringLiteral(" · 1 PR")));
    }

    void filters_showClosedMergedAllAndKinds()
    {
        community()->filterButton(StatusFilter::Merged)->click();
        QCOMPARE(numbersShown(community()), QStringList{QStringLiteral("1")});
        community()->filterButton(StatusFilter::Closed)->click();
        QCOMPARE(numbersShown(community()), QStringList{QStringLiteral("3")});
        community()->filterButton(StatusFilter::All)->click();
        QCOMPARE(community()->proxy()->rowCount(), 4);
        community()->kindBox()->setCurrentIndex(1); // pull requests only
        QCOMPARE(numbersShown(community()),
                 (QStringList{QStringLiteral("4"), QStringLiteral("3"), QStringLiteral("1")}));
        community()->kindBox()->setCurrentIndex(2); // discussions only
        community()->filterButton(StatusFilter::Merged)->click();
        QCOMPARE(community()->proxy()->rowCount(), 0);
        QCOMPARE(community()->loadState()->state(), LoadStateWidget::State::Empty);
        QVERIFY(community()->loadState()->message().contains(QStringLiteral("No merged discussions")));
        community()->kindBox()->setCurrentIndex(0);
        community()->filterButton(StatusFilter::Open)->click();
        QCOMPARE(community()->loadState()->state(), LoadStateWidget::State::Ready);
    }

    void openPr4_showsDescriptionCommentsCommitsAndFiles()
    {
        QVERIFY(openByClick(4));
        DiscussionView *d = discussion();
        QVERIFY(d->titleLabel()->text().contains(QStringLiteral("Lower fg_cc_threshold to 0.4")));
        QCOMPARE(d->statusLabel()->text(), QStringLiteral("Open"));
        const QString text = d->conversation()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("githubharald opened this pull request")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Faint pencil strokes are still missed")));
        QVERIFY(!text.contains(QStringLiteral("**0.4**"))); // Markdown rendered, not shown as source
        QVERIFY(text.contains(QStringLiteral("Looks good. Could you add the new eval numbers")));
        QVERIFY(text.contains(QStringLiteral("Sure, pushing them now.")));
        QCOMPARE(text.count(QStringLiteral("pushed commit")), 2);
        QVERIFY(text.contains(QStringLiteral("Update the eval results in README.md")));
        QCOMPARE(d->baseCommit().size(), 40);
        // The owner may merge #4 (no conflicts); nobody is offered Reopen on an open PR.
        QVERIFY(d->mergeButton()->isVisible() && d->mergeButton()->isEnabled());
        QVERIFY(d->closeButton()->isEnabled());
        QVERIFY(!d->reopenButton()->isVisible());
        QVERIFY(!d->conflictLabel()->isVisible());

        QSignalSpy files(d->filesChanged(), &ComparisonWidget::loaded);
        d->tabs()->setCurrentIndex(DiscussionView::FilesTab);
        QVERIFY(files.wait(20000));
        const Comparison &c = d->filesChanged()->result();
        QStringList changed;
        for (const auto &f : c.files)
            if (f.change != ChangedFile::Change::Unchanged)
                changed << QString::fromStdString(f.path);
        QCOMPARE(changed, (QStringList{QStringLiteral("README.md"), QStringLiteral("config.json")}));
        QVERIFY(c.configChanged);
        QVERIFY(!c.weightsChanged);
        d->tabs()->setCurrentIndex(DiscussionView::ConversationTab);
    }

    void openPr4_metricsTabComparesItsCardWithMain()
    {
        QVERIFY(openByClick(4));
        DiscussionView *d = discussion();
        PullRequestMetrics *m = d->metrics();
        QVERIFY(d->tabs()->isTabVisible(DiscussionView::MetricsTab));
        QSignalSpy loaded(m, &PullRequestMetrics::loaded);
        d->tabs()->setCurrentIndex(DiscussionView::MetricsTab);
        QVERIFY(loaded.wait(20000));
        // main has v1.2.0's card (F1 0.88, precision 0.89, recall 0.87); the PR pushed v1.3.0's numbers.
        const auto &changes = m->model()->changes();
        QCOMPARE(changes.size(), size_t(3));
        QCOMPARE(changes[0].metric, std::string("F1"));
        QCOMPARE(changes[0].dataset, std::string("IAM Handwriting Database (test)"));
        QCOMPARE(changes[0].beforeText, std::string("0.88"));
        QCOMPARE(changes[0].afterText, std::string("0.89"));
        QVERIFY(changes[0].kind == hub::MetricChange::Kind::Changed);
        QVERIFY(std::abs(changes[0].delta - 0.01) < 1e-9);
        QVERIFY(changes[1].delta < 0); // precision went down
        QCOMPARE(m->model()->headerData(MetricChangeModel::Before, Qt::Horizontal).toString(),
                 QStringLiteral("On main"));
        QCOMPARE(m->model()->index(1, MetricChangeModel::Change).data().toString(),
                 QStringLiteral("\u22120.01 (\u22121.1 %)"));
        QVERIFY2(m->summaryLabel()->text().startsWith(QStringLiteral("3 of 3 evaluation result")),
                 qPrintable(m->summaryLabel()->text()));
        QVERIFY(m->table()->isVisible());
        QVERIFY(!m->model()->index(0, MetricChangeModel::Change).data(Qt::AccessibleTextRole).toString().isEmpty());
        d->tabs()->setCurrentIndex(DiscussionView::ConversationTab);
    }

    void comment_addsItToTheConversation()
    {
        DiscussionView *d = discussion();
        const size_t before = d->details().events.size();
        QVERIFY(!d->commentButton()->isEnabled()); // nothing written yet
        QTest::keyClicks(d->commentBox(), QStringLiteral("Checked on my tablet: faint strokes are found now."));
        QVERIFY(d->commentButton()->isEnabled());
        QSignalSpy changed(d, &DiscussionView::changed);
        QSignalSpy loaded(d, &DiscussionView::loaded);
        d->commentButton()->click();
        QVERIFY(changed.wait(20000));
        QVERIFY(loaded.wait(20000));
        QCOMPARE(d->details().events.size(), before + 1);
        QVERIFY(d->conversation()->toPlainText().contains(QStringLiteral("faint strokes are found now")));
        QVERIFY(d->commentBox()->toPlainText().isEmpty());
        QCOMPARE(d->noticeLabel()->text(), QStringLiteral("Comment sent."));
    }

    void comment_serverHtmlIsNeverRendered()
    {
        DiscussionView *d = discussion();
        QSignalSpy loaded(d, &DiscussionView::loaded);
        QTest::keyClicks(d->commentBox(),
                         QStringLiteral("<b>bold?</b> <img src=\"/etc/hostname\"> [x](javascript:alert(1))"));
        d->commentButton()->click();
        QVERIFY(loaded.wait(20000));
        const QString text = d->conversation()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("<b>bold?</b>")), qPrintable(text)); // shown, not interpreted
        QVERIFY(text.contains(QStringLiteral("<img src=\"/etc/hostname\">")));
        QVERIFY(d->conversation()
                    ->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("/etc/hostname")))
                    .isNull());
        community()->showList();
    }

    void merge_mergeablePrLandsOnMain()
    {
        const int n = freshRepoWithPr("gui-merge", "b.txt");
        QVERIFY(n > 0);
        const auto repo = model(std::string(demo::kDemoOwnerUser) + "/gui-merge");
        QVERIFY(openRepo(repo));
        QCOMPARE(page()->tabs()->tabText(RepoPage::CommunityTab), QStringLiteral("Community (1)"));
        page()->showTab(RepoPage::CommunityTab);
        QVERIFY(openByClick(n));
        QSignalSpy changed(discussion(), &DiscussionView::changed);
        QSignalSpy refs(page(), &RepoPage::refsLoaded);
        mergeWith(QStringLiteral("Thanks!"));
        QVERIFY(changed.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(discussion()->statusLabel()->text(), QStringLiteral("Merged"), 20000);
        QVERIFY(discussion()->noticeLabel()->text().startsWith(QStringLiteral("Merged into main")));
        QVERIFY(!discussion()->mergeButton()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(refs.count() >= 1, 20000); // main moved: the repo page reloads its refs
        QVERIFY(!discussion()->closeButton()->isVisible());
        QVERIFY(discussion()->conversation()->toPlainText().contains(QStringLiteral("merged this pull request")));
        QVERIFY(discussion()->conversation()->toPlainText().contains(QStringLiteral("Thanks!")));
        auto onMain = owner().fetchSmallFile(repo, "main", "b.txt");
        QVERIFY(onMain.ok());
        QCOMPARE(*onMain, std::string("b.txt from the PR\n"));
        QTRY_COMPARE_WITH_TIMEOUT(community()->model()->openPullRequestCount(), 0, 20000);
        QTRY_COMPARE(page()->tabs()->tabText(RepoPage::CommunityTab), QStringLiteral("Community"));
    }

    void merge_conflictingPrNamesItsFiles()
    {
        const int n = freshRepoWithPr("gui-conflict", "a.txt");
        QVERIFY(n > 0);
        const auto repo = model(std::string(demo::kDemoOwnerUser) + "/gui-conflict");
        QVERIFY(openRepo(repo));
        page()->showTab(RepoPage::CommunityTab);
        QVERIFY(openByClick(n));
        QVERIFY(discussion()->mergeButton()->isEnabled());
        // Main moves while the view is open: the merge is refused and names the file.
        hub::HubClient o = owner();
        hub::CommitRequest onMain;
        onMain.summary = "Change a on main";
        onMain.operations = {hub::CommitOperation::addFile("a.txt", "a from main\n")};
        QVERIFY(o.commit(repo, onMain).ok());
        QSignalSpy failed(discussion(), &DiscussionView::actionFailed);
        QSignalSpy loaded(discussion(), &DiscussionView::loaded);
        mergeWith({});
        QVERIFY(failed.wait(20000));
        const QString notice = discussion()->noticeLabel()->text();
        QVERIFY2(notice.contains(QStringLiteral("a.txt was also changed on the target branch")), qPrintable(notice));
        QVERIFY(loaded.wait(20000));
        QVERIFY(discussion()->conflictLabel()->isVisible());
        QVERIFY2(discussion()->conflictLabel()->text().contains(QStringLiteral("a.txt also changed on main")),
                 qPrintable(discussion()->conflictLabel()->text()));
        QVERIFY(!discussion()->mergeButton()->isEnabled());
        QCOMPARE(discussion()->statusLabel()->text(), QStringLiteral("Open"));
        QCOMPARE(*o.fetchSmallFile(repo, "main", "a.txt"), std::string("a from main\n"));
        // The way forward: the pull request's own files, to fix a.txt there.
        QVERIFY(discussion()->openFilesButton()->isVisible());
        discussion()->openFilesButton()->click();
        QCOMPARE(page()->tabs()->currentIndex(), int(RepoPage::FilesTab));
        QCOMPARE(page()->revision(), QStringLiteral("refs/pr/%1").arg(n));
    }

    void uploadAsPullRequest_opensItInTheCommunityTab()
    {
        const auto repo = model(demo::kCarbune);
        QVERIFY(openRepo(repo));
        page()->showTab(RepoPage::FilesTab);
        QTemporaryDir files;
        QStringList paths;
        for (const char *name : {"notes.txt", "eval.json"}) {
            QFile f(files.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("new ") + name + "\n");
            paths << f.fileName();
        }
        UploadDialog *dialog = uploadControllerFor(*m_f.context)->startUpload(repo, paths, m_window.get());
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isPlanning() && dialog->plan().files.size() == 2, 30000);
        dialog->pullRequestBox()->setChecked(true);
        dialog->uploadButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(community()->isShowingDiscussion() && discussion()->hasDetails() &&
                                     discussion()->details().isPullRequest,
                                 60000);
        QCOMPARE(page()->tabs()->currentIndex(), int(RepoPage::CommunityTab));
        QCOMPARE(m_window->pages()->currentWidget(), page());
        QVERIFY(discussion()->conversation()->toPlainText().contains(QStringLiteral("pushed commit")));
        QTRY_COMPARE_WITH_TIMEOUT(page()->tabs()->tabText(RepoPage::CommunityTab), QStringLiteral("Community (1)"),
                                  20000);
        const int number = discussion()->number();

        // "Open result" in Transfers opens the same pull request in the app, not in a browser.
        community()->showList();
        auto *transfers = m_window->findChild<TransfersPage *>();
        QVERIFY(transfers);
        QVERIFY(m_window->showPage(QStringLiteral("transfers")));
        QTRY_VERIFY(transfers->view()->model()->rowCount() >= 1);
        transfers->view()->selectRow(0);
        QPushButton *open = nullptr;
        for (auto *b : transfers->findChildren<QPushButton *>())
            if (b->text() == TransfersPage::tr("&Open result"))
                open = b;
        QVERIFY(open);
        QTRY_VERIFY(open->isEnabled());
        open->click();
        QCOMPARE(m_window->pages()->currentWidget(), page());
        QVERIFY(community()->isShowingDiscussion());
        QCOMPARE(discussion()->number(), number);
    }

    void dropOnOpenPullRequest_addsACommitToIt()
    {
        // The pull request the previous test opened on carbune: drop a file on it.
        const auto repo = model(demo::kCarbune);
        QVERIFY(openRepo(repo));
        page()->showTab(RepoPage::CommunityTab);
        QTRY_VERIFY_WITH_TIMEOUT(community()->model()->openPullRequestCount() >= 1, 20000);
        int number = 0;
        for (int r = 0; r < community()->model()->rowCount(); ++r) {
            const QModelIndex idx = community()->model()->index(r, 0);
            if (idx.data(DiscussionListModel::StatusRole).toString() == u"open")
                number = std::max(number, idx.data(DiscussionListModel::NumberRole).toInt());
        }
        QVERIFY(number > 0);
        QVERIFY(openByClick(number));
        DiscussionView *d = discussion();
        const QString ref = QStringLiteral("refs/pr/%1").arg(number);
        QCOMPARE(d->uploadRevision(), ref);
        QVERIFY(d->addFilesButton()->isVisible() && d->addFilesButton()->isEnabled());

        QTemporaryDir files;
        QFile f(files.filePath(QStringLiteral("review-notes.md")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Added during review\n");
        f.close();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(f.fileName())});
        const QPoint at = m_window->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &drop);
        UploadDialog *dialog = nullptr;
        for (auto *c : m_window->findChildren<UploadDialog *>())
            if (c->isVisible())
                dialog = c;
        QVERIFY(dialog);
        QCOMPARE(dialog->branchBox()->currentText(), ref);
        QVERIFY(dialog->windowTitle().contains(QStringLiteral("pull request #%1").arg(number)));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isPlanning() && dialog->plan().files.size() == 1, 30000);
        QVERIFY(!dialog->pullRequestBox()->isVisible()); // a commit on the PR, not a new PR
        QCOMPARE(dialog->uploadButton()->text(), UploadDialog::tr("Add to &pull request"));
        QVERIFY(dialog->uploadButton()->isEnabled());
        const int before = d->details().events.size();
        dialog->uploadButton()->click();
        // The view shows the pushed commit once the upload is in (it reloads by itself).
        QTRY_VERIFY_WITH_TIMEOUT(d->hasDetails() && int(d->details().events.size()) > before, 60000);
        QVERIFY(d->conversation()->toPlainText().contains(UploadDialog::defaultMessage(1)));
        QCOMPARE(d->number(), number);
        auto onPr = owner().fetchSmallFile(repo, ref.toStdString(), "review-notes.md");
        QVERIFY(onPr.ok());
        QCOMPARE(*onPr, std::string("Added during review\n"));
        QVERIFY(!owner().fetchSmallFile(repo, "main", "review-notes.md").ok()); // main did not move
    }

    void readOnlyAccount_mayCommentButNotMerge()
    {
        m_f.context->setToken(QString::fromLatin1(demo::kDemoReaderToken));
        QTRY_VERIFY_WITH_TIMEOUT(m_f.context->session().status == SessionState::Status::SignedIn &&
                                     m_f.context->session().user == QLatin1String(demo::kDemoReaderUser),
                                 20000);
        QVERIFY(openRepo(model(demo::kWordDetector)));
        page()->showTab(RepoPage::CommunityTab);
        QVERIFY(openByClick(4));
        DiscussionView *d = discussion();
        QVERIFY(!d->canWrite());
        QVERIFY(d->mergeButton()->isVisible());
        QVERIFY(!d->mergeButton()->isEnabled());
        QVERIFY(d->mergeButton()->toolTip().contains(QStringLiteral("write access")));
        QVERIFY(!d->closeButton()->isEnabled());
        QVERIFY(!d->renameButton()->isEnabled()); // neither its author nor a maintainer
        QVERIFY(d->commentBox()->isEnabled());
        m_f.context->setToken(QString::fromLatin1(demo::kDemoOwnerToken));
        QTRY_VERIFY_WITH_TIMEOUT(m_f.context->session().user == QLatin1String(demo::kDemoOwnerUser), 20000);
    }

    void rename_andDownloadThePullRequestsRevision()
    {
        // Last: the download it starts must not be the job the Transfers test opens.
        QVERIFY(openRepo(model(demo::kWordDetector)));
        page()->showTab(RepoPage::CommunityTab);
        QVERIFY(openByClick(4));
        DiscussionView *d = discussion();
        QCOMPARE(d->number(), 4);
        QVERIFY(d->renameButton()->isVisible() && d->renameButton()->isEnabled());
        // Answer the title dialog as a person would: type the new title, press Enter.
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setTextValue(QStringLiteral("Lower fg_cc_threshold to 0.4 for faint strokes"));
            dialog->accept();
        });
        QSignalSpy changed(d, &DiscussionView::changed);
        QSignalSpy loaded(d, &DiscussionView::loaded);
        d->renameButton()->click();
        QVERIFY(changed.wait(20000));
        QVERIFY(loaded.wait(20000));
        QVERIFY2(d->titleLabel()->text().startsWith(QStringLiteral("Lower fg_cc_threshold to 0.4 for faint strokes")),
                 qPrintable(d->titleLabel()->text()));
        QVERIFY(d->conversation()->toPlainText().contains(QStringLiteral("faint strokes")));

        // Download: the PR's revision lands in the cache with its ref, named as Python names it
        // (refs/<revision>, so refs/refs/pr/4).
        QVERIFY(d->downloadButton()->isVisible());
        d->downloadButton()->click();
        QVERIFY2(d->noticeLabel()->text().startsWith(QStringLiteral("Downloading refs/pr/4")),
                 qPrintable(d->noticeLabel()->text()));
        const QString ref =
            m_f.dir.filePath(QStringLiteral("cache/models--PellelNitram--xournalpp-htr-word-detector/refs/refs/pr/4"));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(ref), 30000);
    }
};

QTEST_MAIN(CommunityGuiTest)
#include "tst_community.moc"
