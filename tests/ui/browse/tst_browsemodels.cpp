// Unit tests of the part-1 models: row counts, roles, fetchMore, settings defaults.

#include "sandboxfixture.h"

#include "ui/browser/repofilterproxy.h"
#include "ui/browser/repolistmodel.h"
#include "ui/compare/changedfilesmodel.h"
#include "ui/compare/comparison.h"
#include "ui/history/commitlistmodel.h"
#include "ui/metrics/metrictablemodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace hubui;

class BrowseModelsTest final : public QObject {
    Q_OBJECT

private slots:
    void settings_defaultsAndRoundTrip()
    {
        QTemporaryDir dir;
        {
            Settings s(dir.path());
            QCOMPARE(s.projectNamespaces(), QStringList{QStringLiteral("PellelNitram")});
            QCOMPARE(s.parallelTransfers(), 4);
            QCOMPARE(s.bandwidthLimitKiBps(), 0);
            s.setParallelTransfers(99);
            s.setProjectNamespaces({QStringLiteral(" acme "), QStringLiteral("acme"), QStringLiteral("PellelNitram")});
            s.setPinnedRevision(QStringLiteral("model/PellelNitram/x"), QStringLiteral("v1.0.0"));
        }
        Settings again(dir.path());
        QCOMPARE(again.parallelTransfers(), 16); // clamped
        QCOMPARE(again.projectNamespaces(), (QStringList{QStringLiteral("acme"), QStringLiteral("PellelNitram")}));
        QCOMPARE(again.pinnedRevision(QStringLiteral("model/PellelNitram/x")), QStringLiteral("v1.0.0"));
        QVERIFY(again.fileName().startsWith(dir.path()));
    }

    void repoList_loadsNamespaceWithRolesAndSorts()
    {
        SandboxFixture f;
        QVERIFY(f.start());
        RepoListModel model(*f.context);
        QSignalSpy loaded(&model, &RepoListModel::loaded);
        QSignalSpy badges(&model, &RepoListModel::cacheBadgesUpdated);
        model.load({hub::RepoType::Model, QStringLiteral("PellelNitram"), {}});
        QVERIFY(loaded.wait(20000));
        QVERIFY(model.rowCount() >= 5);
        QCOMPARE(model.columnCount(), int(RepoListModel::ColumnCount));
        const int gated = model.rowOf(QString::fromLatin1(hub::sandbox::demo::kGatedModel));
        QVERIFY(gated >= 0);
        QVERIFY(!model.index(gated, 0).data(RepoListModel::GatedRole).toString().isEmpty());
        const int wd = model.rowOf(QString::fromLatin1(hub::sandbox::demo::kWordDetector));
        QVERIFY(wd >= 0);
        QCOMPARE(model.index(wd, 0).data(RepoListModel::HeadCommitRole).toString().size(), 40);
        QVERIFY(badges.wait(20000));
        QCOMPARE(static_cast<CacheBadge>(model.index(wd, 0).data(RepoListModel::CacheBadgeRole).toInt()),
                 CacheBadge::NotDownloaded);

        RepoFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setSearchText(QStringLiteral("word-det"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearchText({});
        proxy.sort(RepoListModel::Name, Qt::AscendingOrder);
        for (int r = 1; r < proxy.rowCount(); ++r)
            QVERIFY(proxy.index(r - 1, 0).data().toString().toLower() <= proxy.index(r, 0).data().toString().toLower());
        proxy.setOnlyCached(true);
        QCOMPARE(proxy.rowCount(), 0);
    }

    void repoList_privateDatasetOnlyWithOwnerToken()
    {
        SandboxFixture anon;
        QVERIFY(anon.start(nullptr));
        RepoListModel model(*anon.context);
        QSignalSpy loaded(&model, &RepoListModel::loaded);
        model.load({hub::RepoType::Dataset, QStringLiteral("PellelNitram"), {}});
        QVERIFY(loaded.wait(20000));
        QCOMPARE(model.rowOf(QString::fromLatin1(hub::sandbox::demo::kPrivateDataset)), -1);

        SandboxFixture owner;
        QVERIFY(owner.start());
        RepoListModel ownerModel(*owner.context);
        QSignalSpy ownerLoaded(&ownerModel, &RepoListModel::loaded);
        ownerModel.load({hub::RepoType::Dataset, QStringLiteral("PellelNitram"), {}});
        QVERIFY(ownerLoaded.wait(20000));
        const int row = ownerModel.rowOf(QString::fromLatin1(hub::sandbox::demo::kPrivateDataset));
        QVERIFY(row >= 0);
        QVERIFY(ownerModel.index(row, 0).data(RepoListModel::PrivateRole).toBool());
    }

    void commitList_fetchMorePagesThroughLongHistory()
    {
        SandboxFixture f;
        QVERIFY(f.start());
        CommitListModel model(*f.context);
        model.setPageSize(50);
        QSignalSpy page(&model, &CommitListModel::pageLoaded);
        auto repo = hub::RepoRef{hub::RepoType::Model, *hub::RepoId::parse(hub::sandbox::demo::kLongHistoryModel)};
        model.setRepo(repo, QStringLiteral("main"));
        QVERIFY(page.wait(20000));
        QCOMPARE(model.rowCount(), 50);
        QVERIFY(model.totalCount() >= hub::sandbox::demo::kLongHistoryCommits);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(page.wait(20000));
        QCOMPARE(model.rowCount(), 100);
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QVERIFY(page.wait(20000));
        }
        QCOMPARE(model.rowCount(), int(model.totalCount()));
        QCOMPARE(model.index(0, CommitListModel::Commit).data().toString().size(), 7);
        QCOMPARE(model.index(0, 0).data(CommitListModel::CommitIdRole).toString().size(), 40);
    }

    void changedFiles_rolesAndText()
    {
        ChangedFilesModel model;
        ChangedFile a;
        a.change = ChangedFile::Change::Changed;
        a.kind = hub::FileKind::Weights;
        a.path = "model.onnx";
        a.oldSize = 100;
        a.newSize = 150;
        a.lfs = true;
        ChangedFile b;
        b.change = ChangedFile::Change::Added;
        b.path = "README.md";
        b.newSize = 10;
        model.setFiles({a, b});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ChangedFilesModel::Change).data().toString(), QStringLiteral("Changed"));
        QCOMPARE(model.index(0, 0).data(ChangedFilesModel::SizeDeltaRole).toLongLong(), 50LL);
        QVERIFY(model.index(0, 0).data(ChangedFilesModel::LfsRole).toBool());
        QCOMPARE(model.index(1, ChangedFilesModel::OldSize).data().toString(), QStringLiteral("—"));
    }

    void metricTable_columnsPerSeries()
    {
        MetricTableModel model;
        hub::MetricTable t;
        t.versions = {{"v1.0.0", "a"}, {"v1.1.0", "b"}};
        hub::MetricSeries s;
        s.label = "F1 — IAM";
        s.values = {0.8, std::nullopt};
        s.texts = {"0.8", ""};
        t.series = {s};
        model.setTable(t);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("F1 — IAM"));
        QCOMPARE(model.index(0, 1).data(MetricTableModel::ValueRole).toDouble(), 0.8);
        QVERIFY(!model.index(1, 1).data(MetricTableModel::ValueRole).isValid());
    }
};

QTEST_MAIN(BrowseModelsTest)
#include "tst_browsemodels.moc"
