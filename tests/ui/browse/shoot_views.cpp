// Renders every part-1 view against the sandbox's demo world at 1280x800 and saves them as the
// screenshots of docs/screenshots/ (not a ctest test: run it by hand, under Xvfb for real fonts):
//
//   Xvfb :95 -screen 0 1280x800x24 & DISPLAY=:95 build/tests/ui/browse/hubdesk_shoot_views docs/screenshots
//
// Each step drives the real MainWindow the way a user would and waits for the view to be loaded
// before grabbing it, so a screenshot never shows a spinner.

#include "sandboxfixture.h"

#include "ui/browser/repobrowserpage.h"
#include "ui/browser/repolistmodel.h"
#include "ui/compare/compareview.h"
#include "ui/compare/comparisonwidget.h"
#include "ui/core/pageregistry.h"
#include "ui/history/commitlistmodel.h"
#include "ui/history/historyview.h"
#include "ui/metrics/metricsview.h"
#include "ui/repo/cardview.h"
#include "ui/repo/filesview.h"
#include "ui/repo/filetreemodel.h"
#include "ui/repo/repopage.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/registerpages.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTreeView>

#include <QElapsedTimer>

#include <cstdio>
#include <functional>

using namespace hubui;

namespace {

bool waitFor(const std::function<bool()> &ready, int ms = 30000)
{
    QElapsedTimer t;
    t.start();
    while (!ready()) {
        if (t.elapsed() > ms)
            return false;
        QTest::qWait(50);
    }
    QTest::qWait(300); // let the last paint and any column resize settle
    return true;
}

bool save(QWidget *window, const QDir &dir, const char *name)
{
    const QString file = dir.filePath(QString::fromLatin1(name));
    const bool ok = window->grab().save(file);
    std::printf("%s %s\n", ok ? "saved" : "FAILED", qPrintable(file));
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s OUTPUT_DIR\n", argv[0]);
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    SandboxFixture f;
    f.lfsScale = 1; // the demo world's real sizes
    if (!f.start())
        return 1;
    PageRegistry registry;
    registerBuiltInPages(registry);
    MainWindow window(*f.context, registry);
    // Part 2's cache page asks for ~1076 px of width (reported to its owner), which pushes the
    // window to 1290 px; let it shrink so the screenshots have the AppStream size.
    if (auto *cache = window.findChild<QWidget *>(QStringLiteral("cache")))
        cache->setMinimumWidth(1);
    window.resize(1280, 800);
    window.show();
    f.context->refreshSession();
    bool ok = waitFor([&] { return f.context->session().status == SessionState::Status::SignedIn; });

    // Repo list of the project's namespace, cache badges in.
    QSignalSpy badges(window.browser()->model(), &RepoListModel::cacheBadgesUpdated);
    window.browse(hub::RepoType::Model, QStringLiteral("PellelNitram"));
    ok = ok && waitFor([&] { return badges.count() > 0; }) && save(&window, out, "browser.png");

    // The word detector's card.
    auto *page = window.repoPage();
    QSignalSpy card(page->card(), &CardView::loaded);
    QSignalSpy refs(page, &RepoPage::refsLoaded);
    window.openRepo({hub::RepoType::Model, *hub::RepoId::parse(hub::sandbox::demo::kWordDetector)});
    ok = ok && waitFor([&] { return card.count() > 0 && refs.count() > 0; }) && save(&window, out, "card.png");

    // History with tag and branch chips; the v1.1.0 commit selected.
    page->showTab(RepoPage::HistoryTab);
    auto *history = page->history();
    ok = ok && waitFor([&] { return history->model()->rowCount() > 0 && !history->model()->isFetching(); });
    for (int r = 0; r < history->model()->rowCount(); ++r)
        if (history->model()
                ->index(r, 0)
                .data(CommitListModel::TagsRole)
                .toStringList()
                .contains(QStringLiteral("v1.1.0")))
            history->view()->setCurrentIndex(history->model()->index(r, 0));
    QSignalSpy details(history->details(), &ComparisonWidget::loaded);
    ok = ok && waitFor([&] { return details.count() > 0; }) && save(&window, out, "history.png");

    // Compare v1.0.0 .. v1.1.0.
    page->showTab(RepoPage::CompareTab);
    auto *cmp = page->compare();
    QSignalSpy compared(cmp->comparison(), &ComparisonWidget::loaded);
    cmp->baseBox()->setCurrentText(QStringLiteral("v1.0.0"));
    cmp->headBox()->setCurrentText(QStringLiteral("v1.1.0"));
    for (auto *b : cmp->findChildren<QPushButton *>())
        if (b->text().contains(QStringLiteral("Compare")))
            b->click();
    ok = ok && waitFor([&] { return compared.count() > 0; }) && save(&window, out, "compare.png");

    // Metrics across the tagged releases.
    QSignalSpy metrics(page->metrics(), &MetricsView::loaded);
    page->showTab(RepoPage::MetricsTab);
    ok = ok && waitFor([&] { return metrics.count() > 0; }) && save(&window, out, "metrics.png");

    // Files of the benchmark dataset: the data folder open, one file of it downloaded.
    auto *files = page->files();
    QSignalSpy listed(files, &FilesView::loaded);
    window.openRepo({hub::RepoType::Dataset, *hub::RepoId::parse(hub::sandbox::demo::kBenchmarkDataset)});
    page->showTab(RepoPage::FilesTab);
    ok = ok && waitFor([&] { return listed.count() > 0; });
    QSignalSpy finished(f.context.get(), &AppContext::downloadFinished);
    files->download(files->commit(), {QStringLiteral("README.md"), QStringLiteral("data/2024-07-26_minimal.xopp"),
                                      QStringLiteral("data/2024-07-26_minimal.gt.json")});
    ok = ok && waitFor([&] { return finished.count() > 0 && files->model()->cachedCount() == 3; });
    const QModelIndex data = files->proxy()->mapFromSource(files->model()->indexOfPath(QStringLiteral("data")));
    files->view()->expand(data);
    files->view()->setCurrentIndex(files->view()->model()->index(0, 0, data));
    ok = ok && waitFor([] { return true; }) && save(&window, out, "files.png");
    // Report widgets that force the window wider than the screenshot size.
    for (QWidget *w : window.findChildren<QWidget *>())
        if (w->minimumSizeHint().width() > 1000 && qEnvironmentVariableIsSet("SHOOT_DEBUG"))
            std::printf("%s %s %d\n", w->metaObject()->className(), qPrintable(w->objectName()),
                        w->minimumSizeHint().width());
    return ok ? 0 : 1;
}
