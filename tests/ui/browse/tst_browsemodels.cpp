// Unit tests of the part-1 models: row counts, roles, fetchMore, settings defaults.

#include "sandboxfixture.h"

#include "ui/browser/repofilterproxy.h"
#include "ui/browser/repolistmodel.h"
#include "ui/compare/changedfilesmodel.h"
#include "ui/compare/comparison.h"
#include "ui/core/format.h"
#include "ui/history/commitlistmodel.h"
#include "ui/metrics/metrictablemodel.h"
#include "ui/repo/filetreemodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace hubui;

namespace {

hub::TreeEntry file(const char *path, uint64_t size, bool lfs = false)
{
    hub::TreeEntry e;
    e.path = path;
    e.size = size;
    if (lfs)
        e.lfs = hub::LfsInfo{std::string(64, 'a'), size, 134};
    return e;
}

hub::TreeEntry folder(const char *path)
{
    hub::TreeEntry e;
    e.type = hub::TreeEntry::Type::Directory;
    e.path = path;
    return e;
}

} // namespace

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

    void fileTree_recursiveListingBuildsFoldersWithSizes()
    {
        FileTreeModel model;
        // Unordered, like the Hub's answer; one folder only implied by a file path.
        model.setEntries({file("data/b.png", 300), file("README.md", 10), folder("data"), file("data/a.png", 200, true),
                          file("data/sub/c.txt", 5), file("model.onnx", 4000, true)},
                         true);
        QCOMPARE(model.columnCount(), int(FileTreeModel::ColumnCount));
        QCOMPARE(model.rowCount(), 3); // data/, README.md, model.onnx: folders first
        const QModelIndex data = model.index(0, 0);
        QCOMPARE(data.data(FileTreeModel::PathRole).toString(), QStringLiteral("data"));
        QVERIFY(data.data(FileTreeModel::IsFolderRole).toBool());
        QVERIFY(model.hasChildren(data));
        QVERIFY(!model.canFetchMore(data));
        QCOMPARE(model.rowCount(data), 3); // sub/, a.png, b.png
        QCOMPARE(model.index(0, 0, data).data().toString(), QStringLiteral("sub"));
        QCOMPARE(data.data(FileTreeModel::SizeRole).toULongLong(), 505ULL);
        QVERIFY(data.data(FileTreeModel::SizeKnownRole).toBool());
        QCOMPARE(data.data(FileTreeModel::FileCountRole).toInt(), 3);
        QCOMPARE(model.index(0, FileTreeModel::Size).data().toString(), QStringLiteral("505 bytes"));
        const QModelIndex a = model.indexOfPath(QStringLiteral("data/a.png"));
        QVERIFY(a.isValid());
        QCOMPARE(a.parent(), data);
        QVERIFY(a.data(FileTreeModel::LfsRole).toBool());
        QCOMPARE(model.index(a.row(), FileTreeModel::Storage, data).data().toString(), QStringLiteral("LFS"));
        QCOMPARE(model.fileCount(), 5);
        QVERIFY(model.isComplete());
        QCOMPARE(model.filesUnder(QStringLiteral("data")).size(), 3);

        model.setCachedPaths({"data/a.png", "data/b.png", "data/sub/c.txt", "README.md"});
        QVERIFY(data.data(FileTreeModel::CachedRole).toBool());
        QCOMPARE(model.index(0, FileTreeModel::Cached).data().toString(), QStringLiteral("In cache"));
        QVERIFY(!model.indexOfPath(QStringLiteral("model.onnx")).data(FileTreeModel::CachedRole).toBool());
        QCOMPARE(model.cachedCount(), 4);
        model.setCachedPaths({"data/a.png"});
        QVERIFY(!data.data(FileTreeModel::CachedRole).toBool());
        QCOMPARE(data.data(FileTreeModel::CachedFilesRole).toInt(), 1);
        QCOMPARE(model.index(0, FileTreeModel::Cached).data().toString(), QStringLiteral("1 of 3 files in cache"));
    }

    // Sizes the Hub reports for folders not listed yet show exactly, and survive the listing.
    void fileTree_hubFolderSizesShowBeforeListing()
    {
        FileTreeModel model;
        model.setEntries({folder("data"), folder("img"), file("README.md", 10)}, false);
        QCOMPARE(model.foldersWithoutSize(QString()), (QStringList{QStringLiteral("data"), QStringLiteral("img")}));
        const QModelIndex data = model.indexOfPath(QStringLiteral("data"));
        QCOMPARE(model.index(data.row(), FileTreeModel::Size).data().toString(), QStringLiteral("not listed yet"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setFolderSize(QStringLiteral("data"), 5000);
        QVERIFY(!changed.isEmpty());
        QVERIFY(data.data(FileTreeModel::SizeKnownRole).toBool());
        QCOMPARE(data.data(FileTreeModel::SizeRole).toULongLong(), 5000ULL);
        QCOMPARE(model.index(data.row(), FileTreeModel::Size).data().toString(), formatBytes(5000));
        QCOMPARE(model.foldersWithoutSize(QString()), QStringList{QStringLiteral("img")});
        QVERIFY(!model.isComplete()); // sizes known is not the same as files listed

        // Listed later: still exact, and the subfolder is the next one to ask for.
        model.setFolderEntries(QStringLiteral("data"), {folder("data/words"), file("data/x.txt", 7)});
        QCOMPARE(data.data(FileTreeModel::SizeRole).toULongLong(), 5000ULL);
        QVERIFY(data.data(FileTreeModel::SizeKnownRole).toBool());
        QCOMPARE(model.foldersWithoutSize(QStringLiteral("data")), QStringList{QStringLiteral("data/words")});
        model.setFolderSize(QStringLiteral("data/words"), 4993);
        QCOMPARE(data.data(FileTreeModel::SizeRole).toULongLong(), 5000ULL);
        QVERIFY(model.foldersWithoutSize(QStringLiteral("data")).isEmpty());
        model.setFolderSize(QStringLiteral("no/such"), 1); // ignored
    }

    void fileTree_lazyFoldersLoadOnFetchMore()
    {
        FileTreeModel model;
        QSignalSpy requested(&model, &FileTreeModel::folderRequested);
        model.setEntries({folder("data"), file("README.md", 10)}, false);
        const QModelIndex data = model.index(0, 0);
        QVERIFY(model.hasChildren(data));
        QCOMPARE(model.rowCount(data), 0);
        QVERIFY(!data.data(FileTreeModel::LoadedRole).toBool());
        QVERIFY(!data.data(FileTreeModel::SizeKnownRole).toBool());
        QVERIFY(!model.isComplete());
        QVERIFY(model.canFetchMore(data));
        model.fetchMore(data);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(), QStringLiteral("data"));
        QVERIFY(!model.canFetchMore(data)); // asked once until answered

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setFolderEntries(QStringLiteral("data"), {folder("data/words"), file("data/x.txt", 7)});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(data), 2);
        QVERIFY(data.data(FileTreeModel::LoadedRole).toBool());
        QVERIFY(!data.data(FileTreeModel::SizeKnownRole).toBool()); // data/words is not listed yet
        QCOMPARE(model.index(0, FileTreeModel::Size).data().toString(), QStringLiteral("at least 7 bytes"));
        const QModelIndex words = model.indexOfPath(QStringLiteral("data/words"));
        QVERIFY(model.canFetchMore(words));
        model.fetchMore(words);
        model.setFolderEntries(QStringLiteral("data/words"),
                               {file("data/words/a.png", 100), file("data/words/b.png", 100)});
        QCOMPARE(model.rowCount(words), 2);
        QVERIFY(data.data(FileTreeModel::SizeKnownRole).toBool());
        QCOMPARE(data.data(FileTreeModel::SizeRole).toULongLong(), 207ULL);
        QVERIFY(model.isComplete());
        QCOMPARE(model.fileCount(), 4);

        // A failed listing can be asked for again; an empty folder has no children.
        model.setEntries({folder("empty")}, false);
        const QModelIndex empty = model.index(0, 0);
        model.fetchMore(empty);
        model.setFolderFailed(QStringLiteral("empty"));
        QVERIFY(model.canFetchMore(empty));
        model.fetchMore(empty);
        model.setFolderEntries(QStringLiteral("empty"), {});
        QVERIFY(!model.hasChildren(empty));
        QCOMPARE(model.index(0, FileTreeModel::Size).data().toString(), QStringLiteral("0 bytes"));
    }

    void commitList_tagAndBranchBadgesOnTheirCommits()
    {
        SandboxFixture f;
        QVERIFY(f.start());
        const auto repo = hub::RepoRef{hub::RepoType::Model, *hub::RepoId::parse(hub::sandbox::demo::kWordDetector)};
        hub::HubClient client(f.context->clientConfig());
        auto refs = client.refs(repo);
        QVERIFY(bool(refs));
        CommitListModel model(*f.context);
        QSignalSpy page(&model, &CommitListModel::pageLoaded);
        model.setRepo(repo, QStringLiteral("main"));
        QVERIFY(page.wait(20000));
        model.setRefs(*refs);
        QStringList tagged;
        for (const auto &tag : refs->tags) {
            int row = -1;
            for (int r = 0; r < model.rowCount(); ++r)
                if (model.index(r, 0).data(CommitListModel::CommitIdRole).toString().toStdString() == tag.targetCommit)
                    row = r;
            QVERIFY2(row >= 0, tag.name.c_str());
            const QString name = QString::fromStdString(tag.name);
            QVERIFY(model.index(row, 0).data(CommitListModel::TagsRole).toStringList().contains(name));
            bool chip = false;
            for (const QVariant &v :
                 model.index(row, CommitListModel::Refs).data(CommitListModel::RefBadgesRole).toList()) {
                const QVariantMap m = v.toMap();
                chip = chip || (m.value(QStringLiteral("kind")).toString() == QLatin1String("tag") &&
                                m.value(QStringLiteral("label")).toString() == QStringLiteral("tag ") + name);
            }
            QVERIFY2(chip, tag.name.c_str());
            tagged << name;
        }
        QVERIFY(tagged.contains(QStringLiteral("v1.0.0")));
        QVERIFY(tagged.contains(QStringLiteral("v1.1.0")));
        // The newest commit carries the main branch chip.
        QVERIFY(model.index(0, 0).data(CommitListModel::BranchesRole).toStringList().contains(QStringLiteral("main")));
        QCOMPARE(model.index(0, 0).data(CommitListModel::RefBadgesRole).toList().size(),
                 model.index(0, 0).data(CommitListModel::RefNamesRole).toStringList().size());
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
