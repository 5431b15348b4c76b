// Offscreen GUI tests of app part 1 against the sandbox's demo world: the real MainWindow,
// driven through its widgets, asserting on model and widget state.

#include "sandboxfixture.h"

#include "ui/browser/repobrowserpage.h"
#include "ui/browser/repolistmodel.h"
#include "ui/compare/changedfilesmodel.h"
#include "ui/compare/compareview.h"
#include "ui/compare/comparisonwidget.h"
#include "ui/compare/valuechangemodel.h"
#include "ui/core/loadstatewidget.h"
#include "ui/core/pageregistry.h"
#include "ui/history/commitlistmodel.h"
#include "ui/history/historyview.h"
#include "ui/metrics/metricsview.h"
#include "ui/metrics/metrictablemodel.h"
#include "ui/repo/cardview.h"
#include "ui/repo/filesview.h"
#include "ui/repo/filetreemodel.h"
#include "ui/repo/repopage.h"
#include "ui/shell/mainwindow.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>
#include <QtCharts/QChart>
#include <QtCharts/QLineSeries>

using namespace hubui;

namespace {

hub::RepoRef model(const char *id)
{
    return {hub::RepoType::Model, *hub::RepoId::parse(id)};
}

int rowOf(QAbstractItemModel *m, int role, const QString &value)
{
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, 0).data(role).toString() == value)
            return r;
    return -1;
}

} // namespace

class BrowseGuiTest final : public QObject {
    Q_OBJECT

private:
    SandboxFixture m_f;
    std::unique_ptr<PageRegistry> m_registry;
    std::unique_ptr<MainWindow> m_window;

private slots:
    void initTestCase()
    {
        QVERIFY(m_f.start());
        m_registry = std::make_unique<PageRegistry>();
        m_window = std::make_unique<MainWindow>(*m_f.context, *m_registry);
        m_window->show();
        QSignalSpy session(m_f.context.get(), &AppContext::sessionChanged);
        m_f.context->refreshSession();
        QTRY_VERIFY_WITH_TIMEOUT(m_f.context->session().status == SessionState::Status::SignedIn, 20000);
        QCOMPARE(m_f.context->session().user, QStringLiteral("PellelNitram"));
        QVERIFY(m_f.context->namespaces().contains(QStringLiteral("PellelNitram")));
    }

    void cleanupTestCase() { m_window.reset(); }

    void browse_listsNamespaceAndOpensRepoCard()
    {
        auto *browser = m_window->browser();
        QSignalSpy loaded(browser->model(), &RepoListModel::loaded);
        m_window->browse(hub::RepoType::Model, QStringLiteral("PellelNitram"));
        QVERIFY(loaded.wait(20000));
        QCOMPARE(browser->loadState()->state(), LoadStateWidget::State::Ready);
        QTest::keyClicks(browser->searchField(), QStringLiteral("word-detector"));
        QTRY_COMPARE(browser->view()->model()->rowCount(), 1);

        auto *page = m_window->repoPage();
        QSignalSpy cardLoaded(page->card(), &CardView::loaded);
        browser->view()->setCurrentIndex(browser->view()->model()->index(0, 0));
        QTest::keyClick(browser->view(), Qt::Key_Return);
        QCOMPARE(m_window->pages()->currentWidget(), page);
        QVERIFY(cardLoaded.wait(20000));
        QCOMPARE(page->repo().id.str(), std::string(hub::sandbox::demo::kWordDetector));
        QVERIFY(!page->card()->browser()->toPlainText().isEmpty());
        QVERIFY(rowOf(page->card()->fieldsModel(), Qt::DisplayRole, QStringLiteral("license")) >= 0);
        browser->searchField()->clear();
    }

    void history_scrollsPastFirstPageAndShowsChangedFiles()
    {
        auto *page = m_window->repoPage();
        page->open(model(hub::sandbox::demo::kLongHistoryModel));
        page->showTab(RepoPage::HistoryTab);
        auto *history = page->history();
        QTRY_VERIFY_WITH_TIMEOUT(history->model()->rowCount() >= 50, 20000);
        // Scroll to the bottom until the whole history (more than 150 commits, several pages) is
        // there: the view asks the model for more each time. (A tall view may already have asked
        // for the second page on its own, so the test does not depend on catching page one alone.)
        const auto scrolledToEnd = [history] {
            history->view()->scrollToBottom();
            history->view()->verticalScrollBar()->setValue(history->view()->verticalScrollBar()->maximum());
            return !history->model()->canFetchMore({}) && history->model()->rowCount() > 150;
        };
        QTRY_VERIFY_WITH_TIMEOUT(scrolledToEnd(), 30000);

        // Select a commit: its changed files appear.
        QSignalSpy details(history->details(), &ComparisonWidget::loaded);
        history->view()->setCurrentIndex(history->model()->index(1, 0));
        QVERIFY(details.wait(20000));
        auto *files = history->details()->filesModel();
        int changed = 0;
        for (int r = 0; r < files->rowCount(); ++r)
            changed += files->index(r, 0).data(ChangedFilesModel::ChangeRole).toInt() !=
                       static_cast<int>(ChangedFile::Change::Unchanged);
        QVERIFY(changed >= 1);
    }

    void compare_v100_v110_showsWeightsChanged()
    {
        auto *page = m_window->repoPage();
        QSignalSpy refs(page, &RepoPage::refsLoaded);
        page->open(model(hub::sandbox::demo::kWordDetector));
        QVERIFY(refs.wait(20000));
        page->showTab(RepoPage::CompareTab);
        auto *cmp = page->compare();
        QSignalSpy done(cmp->comparison(), &ComparisonWidget::loaded);
        cmp->baseBox()->setCurrentText(QStringLiteral("v1.0.0"));
        cmp->headBox()->setCurrentText(QStringLiteral("v1.1.0"));
        QTest::mouseClick(cmp->compareButton(), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        const auto &r = cmp->comparison()->result();
        QVERIFY(r.weightsChanged);
        QVERIFY(!cmp->comparison()->headlineLabel()->text().isEmpty());
        auto *files = cmp->comparison()->filesModel();
        const int onnx = rowOf(files, ChangedFilesModel::PathRole, QStringLiteral("model.onnx"));
        QVERIFY(onnx >= 0);
        QCOMPARE(files->index(onnx, 0).data(ChangedFilesModel::ChangeRole).toInt(),
                 static_cast<int>(ChangedFile::Change::Changed));
        QVERIFY(r.configChanged);
        QVERIFY(cmp->comparison()->configModel()->rowCount() >= 1);
    }

    void metrics_chartHasSeriesMatchingTable()
    {
        // Opens its own repo, so it passes when run alone (-functions / a single test name).
        auto *page = m_window->repoPage();
        QSignalSpy loaded(page->metrics(), &MetricsView::loaded);
        page->open(model(hub::sandbox::demo::kWordDetector));
        page->showTab(RepoPage::MetricsTab);
        QVERIFY(loaded.wait(30000));
        auto *table = page->metrics()->model();
        QVERIFY(table->rowCount() >= 2); // v1.0.0, v1.1.0 ...
        const int seriesCount = table->columnCount() - MetricTableModel::FirstSeries;
        QVERIFY(seriesCount >= 1);
        const auto series = page->metrics()->chart()->series();
        QCOMPARE(series.size(), seriesCount);
        auto *line = qobject_cast<QLineSeries *>(series.first());
        QVERIFY(line);
        QVERIFY(line->count() >= 1);
    }

    void files_downloadFolderMarksItsFilesInCache()
    {
        auto *page = m_window->repoPage();
        auto *files = page->files();
        QSignalSpy filesLoaded(files, &FilesView::loaded);
        page->open({hub::RepoType::Dataset, *hub::RepoId::parse(hub::sandbox::demo::kBenchmarkDataset)});
        page->showTab(RepoPage::FilesTab);
        QVERIFY(filesLoaded.wait(20000));
        auto *tree = files->model();
        QVERIFY(tree->isComplete()); // small repo: one recursive listing
        const QModelIndex data = tree->indexOfPath(QStringLiteral("data"));
        QVERIFY(data.data(FileTreeModel::IsFolderRole).toBool());
        QCOMPARE(tree->rowCount(data), 8);
        QCOMPARE(data.data(FileTreeModel::CachedFilesRole).toInt(), 0);

        // Select the folder in the view and press "Download selected".
        const QModelIndex shown = files->proxy()->mapFromSource(data);
        files->view()->selectionModel()->select(shown, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        files->view()->setCurrentIndex(shown);
        QPushButton *download = nullptr;
        for (auto *b : files->findChildren<QPushButton *>())
            if (b->text() == FilesView::tr("Download &selected"))
                download = b;
        QVERIFY(download && download->isEnabled());
        QSignalSpy finished(m_f.context.get(), &AppContext::downloadFinished);
        QTest::mouseClick(download, Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().value<hub::JobSnapshot>().state, hub::JobState::Done);
        QTRY_VERIFY_WITH_TIMEOUT(data.data(FileTreeModel::CachedRole).toBool(), 20000);
        for (int r = 0; r < tree->rowCount(data); ++r) {
            const QModelIndex f = tree->index(r, FileTreeModel::Cached, data);
            QVERIFY(f.data(FileTreeModel::CachedRole).toBool());
            QCOMPARE(f.data().toString(), QStringLiteral("In cache"));
        }
        QVERIFY(!tree->indexOfPath(QStringLiteral("README.md")).data(FileTreeModel::CachedRole).toBool());
        QCOMPARE(tree->cachedCount(), 8);

        // Downloaded by branch name, as hf_hub_download does: refs/main names the commit, so
        // Python finds the files offline as "main" and a prune of unreferenced revisions keeps them.
        QFile ref(m_f.dir.filePath(QStringLiteral("cache/datasets--PellelNitram--xournalpp_htr_benchmark/refs/main")));
        QVERIFY(ref.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromLatin1(ref.readAll()), files->commit());
    }

    void files_bigDatasetListsFoldersWhenOpened()
    {
        auto *page = m_window->repoPage();
        auto *files = page->files();
        QSignalSpy filesLoaded(files, &FilesView::loaded);
        page->open({hub::RepoType::Dataset, *hub::RepoId::parse(hub::sandbox::demo::kPrivateDataset)});
        page->showTab(RepoPage::FilesTab);
        QVERIFY(filesLoaded.wait(20000));
        auto *tree = files->model();
        QVERIFY(!tree->isComplete()); // 5,000+ files: the root only
        const QModelIndex data = tree->indexOfPath(QStringLiteral("data"));
        QVERIFY(data.isValid());
        QVERIFY(!data.data(FileTreeModel::LoadedRole).toBool());
        QCOMPARE(tree->rowCount(data), 0);
        // Its size comes from the Hub without listing it, and matches the Hub's own total.
        QTRY_VERIFY_WITH_TIMEOUT(data.data(FileTreeModel::SizeKnownRole).toBool(), 20000);
        hub::HubClient client(m_f.context->clientConfig());
        const auto hubSize =
            client.folderSize({hub::RepoType::Dataset, *hub::RepoId::parse(hub::sandbox::demo::kPrivateDataset)},
                              qPrintable(files->commit()), "data");
        QVERIFY(hubSize.ok());
        QCOMPARE(data.data(FileTreeModel::SizeRole).toULongLong(), qulonglong(*hubSize));
        QVERIFY(!data.data(FileTreeModel::LoadedRole).toBool());
        // Expanding the folder in the view lists it.
        QSignalSpy folder(files, &FilesView::folderLoaded);
        files->view()->expand(files->proxy()->mapFromSource(data));
        QVERIFY(folder.wait(20000));
        QCOMPARE(folder.first().first().toString(), QStringLiteral("data"));
        QVERIFY(data.data(FileTreeModel::LoadedRole).toBool());
        const QModelIndex words = tree->indexOfPath(QStringLiteral("data/words"));
        QVERIFY(words.data(FileTreeModel::IsFolderRole).toBool());
        QVERIFY(!words.data(FileTreeModel::LoadedRole).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(words.data(FileTreeModel::SizeKnownRole).toBool(), 20000); // asked for on listing
        QCOMPARE(data.data(FileTreeModel::SizeRole).toULongLong(), qulonglong(*hubSize));
        QVERIFY(tree->indexOfPath(QStringLiteral("data/ascii")).isValid());
    }

    // A Hub that answers the folder-size route with garbage: sizes stay "not listed yet", the
    // listing itself works, and nothing else breaks.
    void files_folderSizesDegradeWhenTheHubCannotGiveThem()
    {
        const hub::RepoRef iam{hub::RepoType::Dataset, *hub::RepoId::parse(hub::sandbox::demo::kPrivateDataset)};
        hub::sandbox::FaultSpec broken;
        broken.pathPrefix = "/api/datasets/" + iam.id.str() + "/treesize";
        broken.malformedJson = true;
        m_f.server->addFault(broken);
        auto *page = m_window->repoPage();
        auto *files = page->files();
        QSignalSpy filesLoaded(files, &FilesView::loaded);
        QSignalSpy sizes(files, &FilesView::folderSizesAnswered);
        page->open({hub::RepoType::Model, *hub::RepoId::parse(hub::sandbox::demo::kWordDetector)});
        page->open(iam);
        page->showTab(RepoPage::FilesTab);
        QTRY_VERIFY_WITH_TIMEOUT(
            filesLoaded.size() >= 1 && files->model()->indexOfPath(QStringLiteral("data")).isValid(), 20000);
        auto *tree = files->model();
        const QModelIndex data = tree->indexOfPath(QStringLiteral("data"));
        // The garbage answer to the folder-size route (asked for when the root was listed) has
        // arrived and been taken as a refusal: no more size questions for this repo.
        QTRY_VERIFY_WITH_TIMEOUT(!sizes.isEmpty(), 20000);
        QVERIFY(sizes.last().first().toBool());
        QSignalSpy folder(files, &FilesView::folderLoaded);
        files->view()->expand(files->proxy()->mapFromSource(data));
        QVERIFY(folder.wait(20000));
        QVERIFY(!data.data(FileTreeModel::SizeKnownRole).toBool());
        QVERIFY(data.data(FileTreeModel::LoadedRole).toBool());
        const QString shown = tree->index(data.row(), FileTreeModel::Size).data().toString();
        QVERIFY2(shown == QStringLiteral("not listed yet") || shown.startsWith(QStringLiteral("at least")),
                 qPrintable(shown));
        m_f.server->clearFaults();
    }

    void download_changesCacheBadge()
    {
        auto *browser = m_window->browser();
        QSignalSpy loaded(browser->model(), &RepoListModel::loaded);
        m_window->browse(hub::RepoType::Model, QStringLiteral("PellelNitram"));
        QVERIFY(loaded.wait(20000));
        auto *list = browser->model();
        const int row = list->rowOf(QString::fromLatin1(hub::sandbox::demo::kSimpleHtr));
        QVERIFY(row >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            static_cast<CacheBadge>(list->index(row, 0).data(RepoListModel::CacheBadgeRole).toInt()),
            CacheBadge::NotDownloaded, 20000);

        auto *page = m_window->repoPage();
        QSignalSpy filesLoaded(page->files(), &FilesView::loaded);
        page->open(model(hub::sandbox::demo::kSimpleHtr));
        QVERIFY(filesLoaded.wait(20000));
        QSignalSpy finished(m_f.context.get(), &AppContext::downloadFinished);
        page->files()->download(page->files()->commit(), {QStringLiteral("config.json")});
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().value<hub::JobSnapshot>().state, hub::JobState::Done);
        // The file shows as cached in Files, and the repo list badge changes.
        QTRY_VERIFY_WITH_TIMEOUT(page->files()->model()->cachedCount() == 1, 20000);
        const int r2 = list->rowOf(QString::fromLatin1(hub::sandbox::demo::kSimpleHtr));
        QTRY_COMPARE_WITH_TIMEOUT(
            static_cast<CacheBadge>(list->index(r2, 0).data(RepoListModel::CacheBadgeRole).toInt()),
            CacheBadge::Downloaded, 20000);
    }
};

QTEST_MAIN(BrowseGuiTest)
#include "tst_browsegui.moc"
