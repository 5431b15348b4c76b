// The Local cache page against a hand-built cache (tests/cache/cache_fixture.h): rows, sizes,
// charts = tables, delete with a plan whose promise a new scan confirms, pins kept by prune,
// the removed list, damaged entries, the Xet cache and the shared blob store as one row each.

#include "cache/cache_fixture.h"
#include "ui/cache/cachefiltermodel.h"
#include "ui/cache/cachemodel.h"
#include "ui/cache/cachepage.h"
#include "ui/cache/cacheservice.h"
#include "ui/cache/deleteplandialog.h"
#include "ui/cache/prunedialog.h"
#include "ui/cache/removedlistmodel.h"
#include "ui/cache/spacechart.h"
#include "ui/cache/spaceusagemodel.h"
#include "ui/core/settings.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPieSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace hubui;

class TestCachePage final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void listsReposRevisionsFilesAndPartials();
    void chartsShowTheSameNumbersAsTheirTables();
    void deleteRevision_newScanShowsExactlyThePlannedBytes();
    void pinnedRevisionIsNeverPruned();
    void filterBySizeAndDamage();
    void removedListSurvivesRestartAndOffersDownloadAgain();
    void fitsALaptopScreen();
    void xetCache_isEmptiedAsAWholeAfterAConfirmation();
    void sharedStore_isOneRowAndRemovesOnlyUnusedFilesAfterConfirmation();
    void statusInGerman();

private:
    QModelIndex rowFor(const QString &key) const;
    template <class D> D *waitForDialog(QSignalSpy &spy);

    std::unique_ptr<QTemporaryDir> m_dir;
    fixture::Fixture m_fixture;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<CacheService> m_service;
    std::unique_ptr<CachePage> m_page;
};

void TestCachePage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestCachePage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fixture = fixture::build(std::filesystem::path(m_dir->filePath(QStringLiteral("hub")).toStdString()));
    m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("config")));
    m_service = std::make_unique<CacheService>(m_dir->filePath(QStringLiteral("hub")), QString());
    QSignalSpy scanned(m_service.get(), &CacheService::scanFinished);
    m_page = std::make_unique<CachePage>(m_service.get(), m_settings.get());
    m_page->resize(1200, 800);
    m_page->show();
    QVERIFY(scanned.wait(10000));
}

void TestCachePage::cleanup()
{
    m_page.reset();
    m_service.reset();
    m_settings.reset();
    m_dir.reset();
}

QModelIndex TestCachePage::rowFor(const QString &key) const
{
    QModelIndex idx = m_page->model()->repoIndex(key);
    if (!idx.isValid())
        idx = m_page->model()->revisionIndex(key);
    return idx;
}

template <class D> D *TestCachePage::waitForDialog(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(10000))
        return nullptr;
    return qobject_cast<D *>(spy.takeFirst().at(0).value<QDialog *>());
}

void TestCachePage::listsReposRevisionsFilesAndPartials()
{
    CacheModel *model = m_page->model();
    const QModelIndex word = rowFor(QStringLiteral("model/PellelNitram/xournalpp-htr-word-detector"));
    QVERIFY(word.isValid());
    QCOMPARE(word.data(CacheModel::BytesRole).toLongLong(), qint64(m_fixture.wordSize()));
    QCOMPARE(model->rowCount(word), 3); // v1.0.0, main, detached

    const QModelIndex v1 = rowFor(QString::fromStdString(fixture::kV1));
    QVERIFY(v1.isValid());
    QVERIFY(v1.data(CacheModel::RefsRole).toStringList().contains(QStringLiteral("v1.0.0")));
    // v1.0.0 alone owns its model.onnx; config.json and .gitattributes are shared with main.
    QCOMPARE(v1.data(CacheModel::ExclusiveBytesRole).toLongLong(), qint64(m_fixture.onnxV1.size()));
    QCOMPARE(v1.data(CacheModel::SharedBytesRole).toLongLong(),
             qint64(m_fixture.config.size() + m_fixture.gitattributes.size()));
    QCOMPARE(model->rowCount(v1), 3);

    const QModelIndex old = rowFor(QString::fromStdString(fixture::kOld));
    QCOMPARE(old.siblingAtColumn(CacheModel::Refs).data().toString(), QStringLiteral("(detached)"));

    bool sawPartials = false;
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex idx = model->index(r, 0);
        if (static_cast<CacheModel::NodeKind>(idx.data(CacheModel::NodeKindRole).toInt()) ==
            CacheModel::NodeKind::PartialGroup) {
            sawPartials = true;
            QCOMPARE(idx.data(CacheModel::BytesRole).toLongLong(), qint64(m_fixture.partial.size()));
        }
    }
    QVERIFY(sawPartials);

    const QModelIndex damaged = rowFor(QStringLiteral("model/PellelNitram/xournalpp-htr-simple-htr"));
    QVERIFY(damaged.data(CacheModel::DamagedRole).toBool());
    QVERIFY(damaged.siblingAtColumn(CacheModel::Status).data().toString().startsWith(QStringLiteral("Damaged")));
    QVERIFY(!damaged.data(CacheModel::ProblemsRole).toStringList().isEmpty());
}

void TestCachePage::chartsShowTheSameNumbersAsTheirTables()
{
    for (SpaceChart *chart : {m_page->repoChart(), m_page->revisionChart()}) {
        QAbstractItemModel *table = chart->table()->model();
        QCOMPARE(chart->series()->count(), table->rowCount());
        qreal chartSum = 0;
        for (QPieSlice *s : chart->series()->slices())
            chartSum += s->value();
        qint64 tableSum = 0;
        for (int r = 0; r < table->rowCount(); ++r)
            tableSum += table->index(r, 0).data(SpaceUsageModel::BytesRole).toLongLong();
        QCOMPARE(qint64(chartSum), tableSum);
    }
    // Clicking a slice selects the repo in the tree (same path as mouse clicks on the chart).
    QPieSlice *first = m_page->repoChart()->series()->slices().first();
    emit m_page->repoChart()->series()->clicked(first);
    const QModelIndex current = m_page->filterModel()->mapToSource(m_page->view()->currentIndex());
    QCOMPARE(current.data(CacheModel::RepoKeyRole).toString(), first->property("key").toString());
    // The revision chart follows: slices per revision of that repo, plus the shared part.
    QVERIFY(m_page->revisionChart()->series()->count() >= 1);
}

void TestCachePage::deleteRevision_newScanShowsExactlyThePlannedBytes()
{
    const qint64 before = qint64(m_service->info()->totalSizeOnDisk);
    m_page->selectKey(QString::fromStdString(fixture::kV1));
    QSignalSpy dialogs(m_page.get(), &CachePage::dialogOpened);
    QSignalSpy plans(m_service.get(), &CacheService::planReady);
    m_page->deleteSelected();
    auto *dialog = waitForDialog<DeletePlanDialog>(dialogs);
    QVERIFY(dialog);
    QCOMPARE(plans.count(), 1);
    const auto plan = plans.at(0).at(0).value<std::shared_ptr<const hub::cache::DeletePlan>>();
    QCOMPARE(plan->bytesFreed(), uint64_t(m_fixture.onnxV1.size()));
    QVERIFY(dialog->summaryText().startsWith(QStringLiteral("Frees ")));
    bool explainsConfig = false;
    for (int i = 0; i < dialog->keptList()->count(); ++i)
        explainsConfig |= dialog->keptList()->item(i)->text().startsWith(QStringLiteral("config.json is shared with"));
    QVERIFY2(explainsConfig, "the plan explains that config.json stays");

    QSignalSpy scanned(m_service.get(), &CacheService::scanFinished);
    QSignalSpy deleted(m_service.get(), &CacheService::deleted);
    dialog->accept();
    QVERIFY(scanned.wait(10000));
    QCOMPARE(deleted.count(), 1);
    const qint64 after = qint64(m_service->info()->totalSizeOnDisk);
    QCOMPARE(before - after, qint64(plan->bytesFreed()));
    QVERIFY(!rowFor(QString::fromStdString(fixture::kV1)).isValid());
    QVERIFY(rowFor(QString::fromStdString(fixture::kMain)).isValid());
    // main still has its config.json.
    QVERIFY(std::filesystem::exists(m_fixture.word().dir / "snapshots" / fixture::kMain / "config.json"));

    QCOMPARE(m_page->removedModel()->rowCount(), 1);
    QCOMPARE(m_page->removedModel()->entries().first().commit, QString::fromStdString(fixture::kV1));
    QCOMPARE(m_page->removedModel()->entries().first().repoKey,
             QStringLiteral("model/PellelNitram/xournalpp-htr-word-detector"));
}

void TestCachePage::pinnedRevisionIsNeverPruned()
{
    const QString old = QString::fromStdString(fixture::kOld);
    m_page->selectKey(old);
    m_page->togglePinSelected();
    QVERIFY(rowFor(old).data(CacheModel::PinnedRole).toBool());
    QVERIFY(m_settings->pinnedCommits().contains(old));

    QSignalSpy dialogs(m_page.get(), &CachePage::dialogOpened);
    QSignalSpy previews(m_service.get(), &CacheService::prunePlanReady);
    m_page->pruneAssistant();
    auto *prune = waitForDialog<PruneDialog>(dialogs);
    QVERIFY(prune);
    QVERIFY(previews.wait(10000));
    auto plan = prune->preview();
    QVERIFY(plan);
    for (const auto &item : plan->items())
        QVERIFY2(item.commit != fixture::kOld, "a pinned revision is in the prune plan");
    // The partial download is in the plan, so the total is non-zero.
    QVERIFY(plan->partialBytesFreed() == m_fixture.partial.size());

    // Unpinned, the detached revision is pruned.
    prune->reject();
    m_page->selectKey(old);
    m_page->togglePinSelected();
    QVERIFY(!m_settings->pinnedCommits().contains(old));
    m_page->pruneAssistant();
    prune = waitForDialog<PruneDialog>(dialogs);
    QVERIFY(prune);
    QVERIFY(previews.wait(10000));
    bool hasOld = false;
    for (const auto &item : prune->preview()->items())
        hasOld |= item.commit == fixture::kOld;
    QVERIFY(hasOld);
    QVERIFY(prune->pruneButton()->isEnabled());
    QSignalSpy scanned(m_service.get(), &CacheService::scanFinished);
    const qint64 before = qint64(m_service->info()->totalSizeOnDisk);
    const qint64 promised = qint64(prune->preview()->bytesFreed());
    prune->pruneButton()->click();
    QVERIFY(scanned.wait(10000));
    QCOMPARE(before - qint64(m_service->info()->totalSizeOnDisk), promised);
    QCOMPARE(m_service->info()->partialBytes, uint64_t(0));
}

void TestCachePage::filterBySizeAndDamage()
{
    CacheFilterModel *filter = m_page->filterModel();
    filter->setMinimumBytes(100 * 1000);
    QCOMPARE(filter->rowCount(), 1); // only the word detector (≈140 kB) is that big
    filter->setMinimumBytes(0);
    filter->setDamagedOnly(true);
    QCOMPARE(filter->rowCount(), 1);
    QCOMPARE(filter->index(0, 0).data(CacheModel::RepoKeyRole).toString(),
             QStringLiteral("model/PellelNitram/xournalpp-htr-simple-htr"));
    filter->setDamagedOnly(false);
    filter->setText(QStringLiteral("v1.0.0"));
    QCOMPARE(filter->rowCount(), 1);
}

void TestCachePage::removedListSurvivesRestartAndOffersDownloadAgain()
{
    m_page->selectKey(QString::fromStdString(fixture::kOld));
    QSignalSpy dialogs(m_page.get(), &CachePage::dialogOpened);
    QSignalSpy scanned(m_service.get(), &CacheService::scanFinished);
    m_page->deleteSelected();
    auto *dialog = waitForDialog<DeletePlanDialog>(dialogs);
    QVERIFY(dialog);
    dialog->accept();
    QVERIFY(scanned.wait(10000));

    // A new page on the same settings still lists it.
    CachePage again(m_service.get(), m_settings.get());
    QCOMPARE(again.removedModel()->rowCount(), 1);
    QSignalSpy downloads(&again, &CachePage::downloadRequested);
    QSignalSpy againDialogs(&again, &CachePage::dialogOpened);
    again.showRemoved();
    QCOMPARE(againDialogs.count(), 1);
    auto *removed = againDialogs.at(0).at(0).value<QDialog *>();
    auto *view = removed->findChild<QTableView *>();
    view->setCurrentIndex(view->model()->index(0, 0));
    auto *button = removed->findChild<QPushButton *>();
    for (auto *b : removed->findChildren<QPushButton *>()) {
        if (b->accessibleName() == QStringLiteral("Download again"))
            button = b;
    }
    QVERIFY(button->isEnabled());
    button->click();
    QCOMPARE(downloads.count(), 1);
    QCOMPARE(downloads.at(0).at(0).toString(), QStringLiteral("model/PellelNitram/xournalpp-htr-word-detector"));
    QCOMPARE(downloads.at(0).at(1).toString(), QString::fromStdString(fixture::kOld));
}

// With the navigation next to it (under 300 px) the window must fit a 1280 px wide screen; the
// two chart+table pairs side by side used to need 1,076 px on their own.
void TestCachePage::xetCache_isEmptiedAsAWholeAfterAConfirmation()
{
    const QString xet = m_dir->filePath(QStringLiteral("xet"));
    QDir().mkpath(xet + QStringLiteral("/logs"));
    {
        QFile f(xet + QStringLiteral("/logs/xet.log"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(5000, 'x'));
    }
    CacheService service(m_dir->filePath(QStringLiteral("hub")), xet);
    QSignalSpy scanned(&service, &CacheService::scanFinished);
    CachePage page(&service, m_settings.get());
    page.resize(1200, 800);
    page.show();
    QVERIFY(scanned.wait(10000));
    QCOMPARE(service.info()->xetCacheBytes, uint64_t{5000});
    const uint64_t hubBytes = service.info()->totalSizeOnDisk;
    QAbstractItemModel *view = page.view()->model();
    QModelIndex xetRow;
    for (int i = 0; i < view->rowCount(); ++i) {
        const QModelIndex idx = view->index(i, 0);
        if (idx.data(CacheModel::NodeKindRole).toInt() == int(CacheModel::NodeKind::Xet))
            xetRow = idx;
    }
    QVERIFY(xetRow.isValid());
    page.view()->selectionModel()->setCurrentIndex(xetRow,
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy dialogs(&page, &CachePage::dialogOpened);
    page.deleteSelected();
    auto *box = waitForDialog<QMessageBox>(dialogs);
    QVERIFY(box);
    QVERIFY2(box->informativeText().contains(xet), qPrintable(box->informativeText()));
    QAbstractButton *empty = nullptr;
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == QMessageBox::DestructiveRole)
            empty = b;
    QVERIFY(empty);
    QSignalSpy emptied(&service, &CacheService::xetEmptied);
    empty->click();
    QVERIFY(emptied.wait(10000));
    QVERIFY(emptied.at(0).at(1).toString().isEmpty());
    QCOMPARE(emptied.at(0).at(0).toLongLong(), qint64{5000});
    QTRY_VERIFY_WITH_TIMEOUT(!service.isScanning() && service.info()->xetCacheBytes == 0, 10000);
    QCOMPARE(service.info()->totalSizeOnDisk, hubBytes); // the models stay
    QVERIFY(QDir(xet).exists());
    QVERIFY(QDir(xet).isEmpty());

    // Prune offers it too (off by default), and empties it after the plan.
    {
        QFile f(xet + QStringLiteral("/again.bin"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(3000, 'y'));
    }
    service.scan();
    QTRY_VERIFY_WITH_TIMEOUT(!service.isScanning() && service.info()->xetCacheBytes == 3000, 10000);
    QSignalSpy previews(&service, &CacheService::prunePlanReady);
    page.pruneAssistant();
    auto *prune = waitForDialog<PruneDialog>(dialogs);
    QVERIFY(prune);
    QVERIFY(previews.wait(10000));
    QVERIFY(prune->xetBox()->isVisibleTo(prune));
    QVERIFY(!prune->xetBox()->isChecked());
    QVERIFY(prune->xetBox()->text().contains(QStringLiteral("3.0 kB")));
    prune->xetBox()->setChecked(true);
    QVERIFY(!prune->preview()->empty()); // the fixture's unreferenced revision and partial download
    QSignalSpy emptiedAgain(&service, &CacheService::xetEmptied);
    prune->pruneButton()->click();
    QVERIFY(emptiedAgain.wait(10000));
    QCOMPARE(emptiedAgain.at(0).at(0).toLongLong(), qint64{3000});
    QTRY_VERIFY_WITH_TIMEOUT(!service.isScanning() && service.info()->xetCacheBytes == 0, 10000);
    QVERIFY(service.info()->totalSizeOnDisk < hubBytes); // and the plan ran
}

void TestCachePage::sharedStore_isOneRowAndRemovesOnlyUnusedFilesAfterConfirmation()
{
    const std::filesystem::path base = m_dir->filePath(QStringLiteral("shared")).toStdString();
    const auto fx = fixture::buildSharedStore(base / "hub", base / "out");
    CacheService service(QString::fromStdString(fx.root.string()), QString());
    QSignalSpy scanned(&service, &CacheService::scanFinished);
    CachePage page(&service, m_settings.get());
    page.resize(1200, 800);
    page.show();
    QVERIFY(scanned.wait(10000));
    CacheModel *model = page.model();
    QModelIndex store;
    for (int i = 0; i < model->rowCount(); ++i)
        if (model->index(i, 0).data(CacheModel::NodeKindRole).toInt() == int(CacheModel::NodeKind::SharedStore))
            store = model->index(i, 0);
    QVERIFY(store.isValid());
    QCOMPARE(store.data().toString(), QStringLiteral("Shared blob store"));
    QCOMPARE(store.data(CacheModel::BytesRole).toLongLong(), qint64(fx.storeBytes()));
    QCOMPARE(store.data(CacheModel::ExclusiveBytesRole).toLongLong(), qint64(fx.unused.size()));
    QCOMPARE(model->rowCount(store), 3);
    const QString tip = store.data(Qt::ToolTipRole).toString();
    qInfo("%s", qPrintable(tip));
    QVERIFY2(tip.contains(QString::fromStdString(fx.hShared.substr(0, 12)) +
                          QStringLiteral(" (8.2 kB): dataset/o/b, model/o/a")),
             qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("used by no repository")), qPrintable(tip));
    qInfo("%s", qPrintable(store.siblingAtColumn(CacheModel::Status).data().toString()));
    for (int i = 0; i < model->rowCount(store); ++i) {
        const QModelIndex f = model->index(i, 0, store);
        if (f.data().toString().endsWith(QString::fromStdString(fx.hShared.substr(0, 12))))
            QCOMPARE(f.data(CacheModel::UsersRole).toStringList(),
                     (QStringList{QStringLiteral("dataset/o/b"), QStringLiteral("model/o/a")}));
    }
    // A repo's size includes what it uses in the store, its exclusive bytes do not.
    const QModelIndex a = model->repoIndex(QStringLiteral("model/o/a"));
    QCOMPARE(a.data(CacheModel::BytesRole).toLongLong(),
             qint64(fx.shared.size() + fx.onlyA.size() + fx.configA.size() + fx.outsideContent.size()));
    QCOMPARE(a.data(CacheModel::ExclusiveBytesRole).toLongLong(), qint64(fx.configA.size() + fx.outsideContent.size()));
    // The chart's slices add up to the cache total: the store is one slice, counted once.
    qint64 slices = 0;
    for (QPieSlice *s : page.repoChart()->series()->slices())
        slices += qint64(s->value());
    QCOMPARE(slices, qint64(service.info()->totalSizeOnDisk));

    // Delete on the store row: a plan with only the unused stored file, behind the usual dialog.
    const qint64 before = qint64(service.info()->totalSizeOnDisk);
    const QModelIndex storeRow = page.filterModel()->mapFromSource(store);
    page.view()->selectionModel()->setCurrentIndex(storeRow,
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy dialogs(&page, &CachePage::dialogOpened);
    QSignalSpy plans(&service, &CacheService::planReady);
    page.deleteSelected();
    auto *dialog = waitForDialog<DeletePlanDialog>(dialogs);
    QVERIFY(dialog);
    const auto plan = plans.at(0).at(0).value<std::shared_ptr<const hub::cache::DeletePlan>>();
    QCOMPARE(plan->sharedBlobCount(), size_t(1));
    QCOMPARE(plan->bytesFreed(), uint64_t(fx.unused.size()));
    qInfo("%s", qPrintable(dialog->summaryText()));
    QVERIFY2(dialog->summaryText().contains(QStringLiteral("1 stored file(s) of the shared blob store")) ||
                 dialog->summaryText().contains(QStringLiteral("1 stored file of the shared blob store")),
             qPrintable(dialog->summaryText()));
    QVERIFY(std::filesystem::exists(fx.store(fx.hUnused))); // nothing happens before the confirmation
    QSignalSpy rescanned(&service, &CacheService::scanFinished);
    dialog->accept();
    QVERIFY(rescanned.wait(10000));
    QVERIFY(!std::filesystem::exists(fx.store(fx.hUnused)));
    QCOMPARE(fixture::readFile(fx.store(fx.hShared)), fx.shared);
    QCOMPARE(fixture::readFile(fx.store(fx.hOnlyA)), fx.onlyA);
    QCOMPARE(before - qint64(service.info()->totalSizeOnDisk), qint64(plan->bytesFreed()));

    // Deleting o/a keeps the stored file o/b uses and says so; the one only o/a used becomes unused.
    page.selectKey(QStringLiteral("model/o/a"));
    page.deleteSelected();
    dialog = waitForDialog<DeletePlanDialog>(dialogs);
    QVERIFY(dialog);
    QStringList kept;
    for (int i = 0; i < dialog->keptList()->count(); ++i)
        kept << dialog->keptList()->item(i)->text();
    qInfo("%s", qPrintable(kept.join(QLatin1Char('\n'))));
    QVERIFY2(kept.join(QLatin1Char('\n')).contains(QStringLiteral("stays in the shared blob store for dataset/o/b")),
             qPrintable(kept.join(u'|')));
    QSignalSpy third(&service, &CacheService::scanFinished);
    dialog->accept();
    QVERIFY(third.wait(10000));
    QCOMPARE(fixture::readFile(fx.store(fx.hShared)), fx.shared);
    QCOMPARE(fixture::readFile(fx.b().dir / "snapshots" / fixture::kExamples / "data" / "train.bin"), fx.shared);
    QCOMPARE(service.info()->sharedStore.unreferencedCount, size_t(1));

    // Prune offers the unused stored files, off by default.
    QSignalSpy previews(&service, &CacheService::prunePlanReady);
    page.pruneAssistant();
    auto *prune = waitForDialog<PruneDialog>(dialogs);
    QVERIFY(prune);
    QVERIFY(previews.wait(10000));
    QVERIFY(prune->sharedBox()->isVisibleTo(prune));
    QVERIFY(!prune->sharedBox()->isChecked());
    QVERIFY2(prune->sharedBox()->text().contains(QStringLiteral("3.0 kB")), qPrintable(prune->sharedBox()->text()));
    QCOMPARE(prune->preview()->sharedBlobCount(), size_t(0));
    prune->sharedBox()->setChecked(true);
    QVERIFY(previews.wait(10000));
    QCOMPARE(prune->preview()->sharedBlobCount(), size_t(1));
    prune->reject();
}

void TestCachePage::fitsALaptopScreen()
{
    const int minimum = m_page->minimumSizeHint().width();
    qInfo("cache page minimum width: %d px", minimum);
    QVERIFY2(minimum <= 960, qPrintable(QString::number(minimum)));
    m_page->resize(minimum, 700);
    // At that width every column of the tree but the last is still readable: none is squeezed
    // below the width of its header text (once the resize has been laid out).
    QTreeView *view = m_page->findChild<QTreeView *>();
    QVERIFY(view);
    QString squeezed;
    const auto allReadable = [&] {
        squeezed.clear();
        for (int c = 0; c < view->model()->columnCount() - 1; ++c) {
            const QString header = view->model()->headerData(c, Qt::Horizontal).toString();
            if (view->header()->sectionSize(c) < view->fontMetrics().horizontalAdvance(header))
                squeezed = header;
        }
        return squeezed.isEmpty();
    };
    QTRY_VERIFY2_WITH_TIMEOUT(allReadable(), qPrintable(squeezed), 5000);
}

// The status line went from "Scanning…" to "Scan complete." by comparing its text with an English
// word, so in German it kept saying "Cache wird eingelesen…" after the scan.
void TestCachePage::statusInGerman()
{
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(HUBDESK_BINARY_DIR "/share/hubdesk/translations/hubdesk_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(&german));
    const QString scanning = QCoreApplication::translate("hubui::CachePage", "Scanning the cache…");
    const QString complete = QCoreApplication::translate("hubui::CachePage", "Scan complete.");
    QCOMPARE(complete, QStringLiteral("Einlesen abgeschlossen."));
    {
        CachePage page(m_service.get(), m_settings.get());
        QSignalSpy scanned(m_service.get(), &CacheService::scanFinished);
        m_service->scan();
        QVERIFY(scanned.wait(10000));
        QStringList texts;
        for (const QLabel *label : page.findChildren<QLabel *>())
            texts << label->text();
        QVERIFY2(texts.contains(complete), qPrintable(texts.join(QStringLiteral(" | "))));
        QVERIFY(!texts.contains(scanning));
    }
    QCoreApplication::removeTranslator(&german);
}

QTEST_MAIN(TestCachePage)
#include "tst_cachepage.moc"
