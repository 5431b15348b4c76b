// The shared blob store of newer huggingface_hub (hub-cache.md §1.13): scan, delete, prune,
// verify and the .refs manifests, on a store built by hand from that description.

#include "cache_fixture.h"

#include "hub/cache/clean.h"
#include "hub/cache/scan.h"
#include "hub/cache/sharedstore.h"
#include "hub/cache/verify.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace hub;
using namespace hub::cache;
namespace fs = std::filesystem;

namespace {
RepoRef aRef()
{
    return RepoRef{RepoType::Model, *RepoId::parse("o/a")};
}
RepoRef bRef()
{
    return RepoRef{RepoType::Dataset, *RepoId::parse("o/b")};
}
CacheInfo scanOk(const fs::path &root)
{
    auto info = CacheScanner::scan(root);
    if (!info.ok())
        qFatal("scan failed: %s", info.error().message.c_str());
    return std::move(info).value();
}
DeletePlan planOk(const CacheInfo &info, const DeleteSelection &sel)
{
    auto plan = DeletePlan::forSelection(info, sel);
    if (!plan.ok())
        qFatal("plan failed: %s", plan.error().message.c_str());
    return std::move(plan).value();
}
std::vector<std::string> userIds(const SharedBlob &b)
{
    std::vector<std::string> out;
    for (const auto &u : b.users)
        out.push_back(u.repoId);
    return out;
}
bool anyLine(const std::vector<std::string> &lines, const std::string &needle)
{
    for (const auto &l : lines)
        if (l.find(needle) != std::string::npos)
            return true;
    return false;
}
std::string joined(const std::vector<std::string> &lines)
{
    std::string s;
    for (const auto &l : lines)
        s += l + "\n";
    return s;
}
size_t tempFilesIn(const fs::path &dir)
{
    size_t n = 0;
    for (const auto &e : fs::directory_iterator(dir))
        n += e.path().extension() == ".tmp";
    return n;
}
} // namespace

class TestCacheShared final : public QObject {
    Q_OBJECT

private slots:
    void scan_countsEachStoredFileOnceAndNamesItsUsers()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::buildSharedStore(tmp.path().toStdString() + "/hub", tmp.path().toStdString() + "/out");
        const CacheInfo info = scanOk(fx.root);
        const SharedBlobStore &store = info.sharedStore;
        QVERIFY(store.present);
        QCOMPARE(info.repos.size(), size_t(2));  // the store is no repo
        QCOMPARE(store.files.size(), size_t(3)); // the trap link is not a stored file
        QCOMPARE(store.totalBytes, fx.storeBytes());
        QCOMPARE(store.unreferencedCount, size_t(1));
        QCOMPARE(store.unreferencedBytes, uint64_t(fx.unused.size()));

        const SharedBlob *shared = store.find(fx.hShared);
        QVERIFY(shared);
        QCOMPARE(shared->size, uint64_t(fx.shared.size()));
        QCOMPARE(userIds(*shared), (std::vector<std::string>{"dataset/o/b", "model/o/a"}));
        for (const auto &u : shared->users) {
            QVERIFY(u.inManifest);
            QVERIFY(u.usedBySnapshot);
            QCOMPARE(u.etag, fx.eShared);
        }
        QCOMPARE(userIds(*store.find(fx.hOnlyA)), std::vector<std::string>{"model/o/a"});
        const SharedBlob *unused = store.find(fx.hUnused);
        QVERIFY(unused->unreferenced);
        QVERIFY(unused->users.empty());
        QCOMPARE(unused->staleManifestLines, std::vector<std::string>{"models--o--gone/blobs/" + fx.eUnused});

        // Repos count what they use, and say how much of it lives in the store.
        const RepoEntry *a = info.findRepo(aRef());
        const RepoEntry *b = info.findRepo(bRef());
        QCOMPARE(a->sharedStoreBytes, uint64_t(fx.shared.size() + fx.onlyA.size()));
        QCOMPARE(a->sizeOnDisk,
                 uint64_t(fx.shared.size() + fx.onlyA.size() + fx.configA.size() + fx.outsideContent.size()));
        QCOMPARE(b->sharedStoreBytes, uint64_t(fx.shared.size()));
        QCOMPARE(b->sizeOnDisk, uint64_t(fx.shared.size() + fx.readmeB.size()));
        QCOMPARE(a->sharedLinks.size(), size_t(2));
        // The total counts every stored file once (the shared one is not counted twice).
        QCOMPARE(info.totalSizeOnDisk,
                 uint64_t(fx.configA.size() + fx.outsideContent.size() + fx.readmeB.size()) + fx.storeBytes());
        QVERIFY(!a->damaged());
        QVERIFY(!b->damaged());
        // The top-level blobs/ is known now, not an unknown entry.
        for (const auto &w : info.warnings)
            QVERIFY2(w.path != fx.root / "blobs", w.message.c_str());
    }

    void scan_withoutTheMarkerTheFolderIsNoStore()
    {
        for (const char *marker : {"", "2\n", "1"}) {
            QTemporaryDir tmp;
            const auto fx =
                fixture::buildSharedStore(tmp.path().toStdString() + "/hub", tmp.path().toStdString() + "/out");
            if (!*marker)
                fs::remove(fx.marker());
            else
                fixture::writeFile(fx.marker(), marker);
            const CacheInfo info = scanOk(fx.root);
            QVERIFY(!info.sharedStore.present);
            QVERIFY(info.sharedStore.files.empty());
            QCOMPARE(info.repos.size(), size_t(2));
            bool warned = false;
            for (const auto &w : info.warnings)
                warned = warned || (w.kind == CacheProblem::Kind::UnknownEntry && w.path == fx.root / "blobs" &&
                                    w.message.find("marker") != std::string::npos);
            QVERIFY(warned);
            // Links are then measured like any blob link, and nothing is called shared.
            QCOMPARE(info.findRepo(aRef())->sharedStoreBytes, uint64_t(0));
            QVERIFY(info.findRepo(aRef())->sharedLinks.empty());
            // Deleting a repo then still only unlinks.
            planOk(info, DeleteSelection{{aRef()}, {}, {}, true}).execute();
            QCOMPARE(fixture::readFile(fx.store(fx.hShared)), fx.shared);
            QCOMPARE(fixture::readFile(fx.store(fx.hUnused)), fx.unused);
        }
    }

    void scan_neverFollowsLinksOutOfTheCacheRoot()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::buildSharedStore(tmp.path().toStdString() + "/hub", tmp.path().toStdString() + "/out");
        const CacheInfo info = scanOk(fx.root);
        // The link where a stored file belongs is reported and not counted.
        QVERIFY(!info.sharedStore.find(fx.hTrap));
        bool reported = false;
        for (const auto &w : info.warnings)
            reported = reported || (w.path == fx.store(fx.hTrap) && w.kind == CacheProblem::Kind::LinkOutsideRepo);
        QVERIFY(reported);
        // A repo blob link out of the root, shaped like a store link, is no store user.
        QVERIFY(!info.sharedStore.find(fx.hOutside));
        for (const auto &l : info.findRepo(aRef())->sharedLinks)
            QVERIFY(l.etag != fx.eOutside);
        // Removing every unused stored file and the repo leaves both outside files alone.
        PruneOptions opt;
        opt.sharedUnreferenced = true;
        const DeletePlan prune = DeletePlan::forPrune(info, opt);
        for (const auto &i : prune.items())
            QVERIFY2(i.xetHash != fx.hTrap, i.path.c_str());
        QVERIFY(prune.execute().errors.empty());
        planOk(scanOk(fx.root), DeleteSelection{{aRef()}, {}, {}, true}).execute();
        QCOMPARE(fixture::readFile(fx.outside / "secret.bin"), fx.secret);
        QCOMPARE(fixture::readFile(fx.outside / "blobs" / fx.hOutside.substr(0, 2) / fx.hOutside), fx.outsideContent);
        QVERIFY(fs::is_symlink(fx.store(fx.hTrap)));
    }

    void delete_oneRepoKeepsThePayloadAndTheOtherRepoStillReadsIt()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::buildSharedStore(tmp.path().toStdString() + "/hub", tmp.path().toStdString() + "/out");
        const CacheInfo before = scanOk(fx.root);
        const DeletePlan plan = planOk(before, DeleteSelection{{aRef()}, {}, {}});
        const auto lines = plan.describe();
        QVERIFY2(anyLine(lines, "stored file " + fx.hShared.substr(0, 12) +
                                    " (8.2 kB): stays in the shared blob store: dataset/o/b still uses it"),
                 joined(lines).c_str());
        QVERIFY2(anyLine(lines, "stored file " + fx.hOnlyA.substr(0, 12) + " (3.0 kB): no repo uses it after this"),
                 joined(lines).c_str());
        QCOMPARE(plan.sharedBlobCount(), size_t(0));
        // Only o/a's own bytes go: the stored files stay counted in the store.
        QCOMPARE(plan.bytesFreed(), uint64_t(fx.configA.size() + fx.outsideContent.size()));

        const DeleteReport report = plan.execute();
        QVERIFY(report.errors.empty());
        QVERIFY(!fs::exists(fx.a().dir));
        QCOMPARE(fixture::readFile(fx.store(fx.hShared)), fx.shared);
        QCOMPARE(fixture::readFile(fx.b().dir / "snapshots" / fixture::kExamples / "data" / "train.bin"), fx.shared);

        const CacheInfo after = scanOk(fx.root);
        QCOMPARE(before.totalSizeOnDisk - after.totalSizeOnDisk, plan.bytesFreed());
        QCOMPARE(userIds(*after.sharedStore.find(fx.hShared)), std::vector<std::string>{"dataset/o/b"});
        QVERIFY(!after.findRepo(bRef())->damaged());
        // The last user of onlyA is gone: it is unreferenced now, and still there.
        QVERIFY(after.sharedStore.find(fx.hOnlyA)->unreferenced);
        QCOMPARE(after.sharedStore.unreferencedCount, size_t(2));
        QCOMPARE(fixture::readFile(fx.store(fx.hOnlyA)), fx.onlyA);
    }

    void delete_lastUserOfASharedFileLeavesItUnreferenced()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::buildSharedStore(tmp.path().toStdString() + "/hub", tmp.path().toStdString() + "/out");
        planOk(scanOk(fx.root), DeleteSelection{{aRef()}, {}, {}}).execute();
        const CacheInfo mid = scanOk(fx.root);
        const DeletePlan plan = planOk(mid, DeleteSelection{{}, {fixture::kExamples}, {}});
        QVERIFY2(anyLine(plan.describe(), "stored file " + fx.hShared.substr(0, 12) + " (8.2 kB): no repo uses it"),
                 joined(plan.describe()).c_str());
        QVERIFY(plan.execute().errors.empty());
        const CacheInfo after = scanOk(fx.root);
        QVERIFY(after.repos.empty());
        QCOMPARE(after.sharedStore.unreferencedCount, size_t(3));
        QCOMPARE(after.sharedStore.unreferencedBytes, fx.storeBytes());
        QCOMPARE(after.totalSizeOnDisk, fx.storeBytes()); // still on disk, still counted once
        QCOMPARE(fixture::readFile(fx.store(fx.hShared)), fx.shared);
        QCOMPARE(fixture::readFile(fx.manifest(fx.hShared)), std::string());
    }

    void delete_revisionUnlinksOnlyTheRepoLink()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::buildSharedStore(tmp.path().toStdString() + "/hub", tmp.path().toStdString() + "/out");
        // A second revision of o/a keeps config.json, so deleting main is a revision-level plan.
        fx.a().link(fixture::kOld, "config.json", hub::gitBlobSha1Hex(fx.configA));
        const CacheInfo before = scanOk(fx.root);
        const DeletePlan plan = planOk(before, DeleteSelection{{}, {fixture::kMain}, {}});
        size_t links = 0;
        for (const auto &i : plan.items())
            if (i.kind == PlannedRemoval::Kind::Blob && !i.xetHash.empty()) {
                ++links;
                QCOMPARE(i.bytes, uint64_t(0));
                QVERIFY(fs::is_symlink(i.path));
            }
        QCOMPARE(links, size_t(2));
        QVERIFY(plan.execute().errors.empty());
        QVERIFY(!fs::is_symlink(fx.a().dir / "blobs" / fx.eShared));
        QCOMPARE(fixture::readFile(fx.store(fx.hShared)), fx.shared);
        QCOMPARE(fixture::readFile(fx.store(fx.hOnlyA)), fx.onlyA);
        const CacheInfo after = scanOk(fx.root);
        QCOMPARE(before.totalSizeOnDisk - after.totalSizeOnDisk, plan.bytesFreed());
        QCOMPARE(fixture::readFile(fx.manifest(fx.hShared)), "datasets--o--b/blobs/" + fx.eShared + "\n");
    }

    void removeUnreferenced_removesOnlyStoredFilesNoRepoUses()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::buildSharedStore(tmp.path().toStdString() + "/hub", tmp.path().toStdString() + "/out");
        const CacheInfo before = scanOk(fx.root);
        // Not part of an ordinary prune.
        PruneOptions plain;
        plain.unreferenced = plain.partials = true;
        QCOMPARE(DeletePlan::forPrune(before, plain).sharedBlobCount(), size_t(0));

        PruneOptions opt;
        opt.sharedUnreferenced = true;
        const DeletePlan plan = DeletePlan::forPrune(before, opt);
        QCOMPARE(plan.sharedBlobCount(), size_t(1));
        QCOMPARE(plan.bytesFreed(), uint64_t(fx.unused.size()));
        QVERIFY2(anyLine(plan.describe(), "Delete stored file " + fx.hUnused.substr(0, 12) +
                                              " from the shared blob store (1.2 kB): no repo uses it"),
                 joined(plan.describe()).c_str());
        const DeleteReport report = plan.execute();
        QVERIFY(report.errors.empty());
        QCOMPARE(report.bytesFreed, uint64_t(fx.unused.size()));
        QVERIFY(!fs::exists(fx.store(fx.hUnused)));
        QVERIFY(!fs::exists(fx.manifest(fx.hUnused)));
        QCOMPARE(fixture::readFile(fx.store(fx.hShared)), fx.shared);
        QCOMPARE(fixture::readFile(fx.store(fx.hOnlyA)), fx.onlyA);
        const CacheInfo after = scanOk(fx.root);
        QCOMPARE(before.totalSizeOnDisk - after.totalSizeOnDisk, plan.bytesFreed());
        QCOMPARE(after.sharedStore.unreferencedCount, size_t(0));
    }

    void delete_withRemoveUnusedAlsoTakesWhatItLeavesUnused()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::buildSharedStore(tmp.path().toStdString() + "/hub", tmp.path().toStdString() + "/out");
        const CacheInfo before = scanOk(fx.root);
        const DeletePlan plan = planOk(before, DeleteSelection{{aRef()}, {}, {}, true});
        QCOMPARE(plan.sharedBlobCount(), size_t(2)); // onlyA (left unused) and unused; never shared
        QVERIFY(plan.execute().errors.empty());
        QVERIFY(!fs::exists(fx.store(fx.hOnlyA)));
        QVERIFY(!fs::exists(fx.store(fx.hUnused)));
        QCOMPARE(fixture::readFile(fx.store(fx.hShared)), fx.shared);
        QCOMPARE(fixture::readFile(fx.b().dir / "snapshots" / fixture::kExamples / "data" / "train.bin"), fx.shared);
        const CacheInfo after = scanOk(fx.root);
        QCOMPARE(before.totalSizeOnDisk - after.totalSizeOnDisk, plan.bytesFreed());
    }

    void removeUnreferenced_keepsAFileLinkedAgainSinceTheScan()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::buildSharedStore(tmp.path().toStdString() + "/hub", tmp.path().toStdString() + "/out");
        PruneOptions opt;
        opt.sharedUnreferenced = true;
        const DeletePlan plan = DeletePlan::forPrune(scanOk(fx.root), opt);
        QCOMPARE(plan.sharedBlobCount(), size_t(1));
        // Between plan and execute a download links the unused file into o/b again.
        fixture::linkToStore(fx.root, fx.b(), fx.eUnused, fx.hUnused);
        const DeleteReport report = plan.execute();
        QVERIFY(report.errors.empty());
        QCOMPARE(report.removed, size_t(0));
        QVERIFY2(anyLine(report.skipped, "still used by datasets--o--b/blobs/" + fx.eUnused),
                 joined(report.skipped).c_str());
        QCOMPARE(fixture::readFile(fx.store(fx.hUnused)), fx.unused);
    }

    void removeUnreferenced_neverTakesAFileWithoutManifest()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::buildSharedStore(tmp.path().toStdString() + "/hub", tmp.path().toStdString() + "/out");
        fs::remove(fx.manifest(fx.hUnused));
        const CacheInfo info = scanOk(fx.root);
        QVERIFY(!info.sharedStore.find(fx.hUnused)->unreferenced);
        PruneOptions opt;
        opt.sharedUnreferenced = true;
        QCOMPARE(DeletePlan::forPrune(info, opt).sharedBlobCount(), size_t(0));
        // Even the last user going does not make it removable.
        fs::remove(fx.manifest(fx.hOnlyA));
        const DeletePlan plan = planOk(scanOk(fx.root), DeleteSelection{{aRef()}, {}, {}, true});
        QVERIFY2(anyLine(plan.describe(), "it has no manifest"), joined(plan.describe()).c_str());
        QVERIFY(plan.execute().errors.empty());
        QCOMPARE(fixture::readFile(fx.store(fx.hOnlyA)), fx.onlyA);
        QCOMPARE(fixture::readFile(fx.store(fx.hUnused)), fx.unused);
    }

    void manifest_aLinkOnlyTheManifestNamesStillCounts()
    {
        // A kernels-- folder is not scanned as a repo, but its link into the store is real.
        QTemporaryDir tmp;
        const auto fx = fixture::buildSharedStore(tmp.path().toStdString() + "/hub", tmp.path().toStdString() + "/out");
        const fixture::Repo k{fx.root / "kernels--o--k"};
        fixture::linkToStore(fx.root, k, fx.eOnlyA, fx.hOnlyA);
        const CacheInfo info = scanOk(fx.root);
        QCOMPARE(userIds(*info.sharedStore.find(fx.hOnlyA)), (std::vector<std::string>{"kernels--o--k", "model/o/a"}));
        const DeletePlan plan = planOk(info, DeleteSelection{{aRef()}, {}, {}, true});
        QVERIFY2(anyLine(plan.describe(), "kernels--o--k still uses it"), joined(plan.describe()).c_str());
        QVERIFY(plan.execute().errors.empty());
        QCOMPARE(fixture::readFile(fx.store(fx.hOnlyA)), fx.onlyA);
        QCOMPARE(fixture::readFile(fx.manifest(fx.hOnlyA)), "kernels--o--k/blobs/" + fx.eOnlyA + "\n");
    }

    void manifest_rewriteKeepsValidLinesDropsStaleOnesAndIsAtomic()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::buildSharedStore(tmp.path().toStdString() + "/hub", tmp.path().toStdString() + "/out");
        // A stale line, a duplicate, the older "../../" spelling and a line that is no reference.
        const std::string bLine = "datasets--o--b/blobs/" + fx.eShared;
        fixture::writeFile(fx.manifest(fx.hShared), "models--o--a/blobs/" + fx.eShared +
                                                        "\nmodels--o--gone/blobs/x\n../../" + bLine + "\n" + bLine +
                                                        "\n/etc/passwd\n");
        const CacheInfo info = scanOk(fx.root);
        const SharedBlob *shared = info.sharedStore.find(fx.hShared);
        QCOMPARE(userIds(*shared), (std::vector<std::string>{"dataset/o/b", "model/o/a"}));
        QCOMPARE(shared->staleManifestLines, (std::vector<std::string>{"models--o--gone/blobs/x", "/etc/passwd"}));

        QVERIFY(planOk(info, DeleteSelection{{aRef()}, {}, {}}).execute().errors.empty());
        QCOMPARE(fixture::readFile(fx.manifest(fx.hShared)), bLine + "\n");
        struct stat st {};
        QCOMPARE(::stat(fx.manifest(fx.hShared).c_str(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0666)); // the mode Python gave it
        QCOMPARE(tempFilesIn(fx.store(fx.hShared).parent_path()), size_t(0));

        // Refreshing adds a link the scan saw that the manifest missed, and changes nothing else.
        fixture::writeFile(fx.manifest(fx.hShared), "");
        auto sweep = refreshSharedBlob(fx.root, fx.hShared, {bLine}, false);
        QVERIFY(sweep.ok());
        QVERIFY(sweep->manifestRewritten);
        QVERIFY(!sweep->removed);
        QCOMPARE(fixture::readFile(fx.manifest(fx.hShared)), bLine + "\n");
        sweep = refreshSharedBlob(fx.root, fx.hShared, {bLine}, false);
        QVERIFY(!sweep->manifestRewritten);
    }

    void verify_checksStoredFilesOnceAndCatchesATruncatedOne()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::buildSharedStore(tmp.path().toStdString() + "/hub", tmp.path().toStdString() + "/out");
        VerifyReport ok = CacheVerifier::verify(scanOk(fx.root));
        QVERIFY2(ok.mismatches.empty(), ok.mismatches.empty() ? "" : ok.mismatches[0].message.c_str());
        QCOMPARE(ok.shared.size(), size_t(3));
        for (const auto &c : ok.shared) {
            if (c.xetHash == fx.hUnused) {
                QCOMPARE(c.result, SharedBlobCheck::Result::Present);
            } else {
                QCOMPARE(c.result, SharedBlobCheck::Result::Sha256Matches);
            }
        }
        const auto sharedCheck = std::find_if(ok.shared.begin(), ok.shared.end(),
                                              [&](const SharedBlobCheck &c) { return c.xetHash == fx.hShared; });
        QCOMPARE(sharedCheck->files.size(), size_t(2)); // both repos, one check

        ::chmod(fx.store(fx.hShared).c_str(), 0644);
        fs::resize_file(fx.store(fx.hShared), 4000);
        const VerifyReport bad = CacheVerifier::verify(scanOk(fx.root));
        QCOMPARE(bad.mismatches.size(), size_t(1));
        QCOMPARE(bad.mismatches[0].blobPath, fx.store(fx.hShared));
        QCOMPARE(bad.mismatches[0].files.size(), size_t(2));
        QVERIFY(!bad.ok());
        // Only o/b asked: the stored file it uses is still checked.
        VerifyOptions onlyB;
        onlyB.repos = {bRef()};
        QCOMPARE(CacheVerifier::verify(scanOk(fx.root), onlyB).mismatches.size(), size_t(1));
    }

    void verify_usesTheTreeListingSizeWhenTheBlobNameIsNoSha256()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::buildSharedStore(tmp.path().toStdString() + "/hub", tmp.path().toStdString() + "/out");
        // A repo whose blob link is named by something else than a SHA-256, with a file listing.
        const fixture::Repo c{fx.root / "models--o--c"};
        const std::string etag = "not-a-sha256";
        fixture::linkToStore(fx.root, c, etag, fx.hOnlyA);
        c.link(fixture::kMain, "w.bin", etag);
        c.ref("main", fixture::kMain);
        fixture::writeFile(c.dir / "trees" / (fixture::kMain + ".json"),
                           R"({"files": {"w.bin": {"blob_id": "x", "lfs_sha256": "y", "lfs_size": 3000, "size": 3000, )"
                           R"("xet_hash": ")" +
                               fx.hOnlyA + R"("}}, "format_version": 1})");
        VerifyOptions onlyC;
        onlyC.repos = {RepoRef{RepoType::Model, *RepoId::parse("o/c")}};
        VerifyReport r = CacheVerifier::verify(scanOk(fx.root), onlyC);
        QCOMPARE(r.shared.size(), size_t(1));
        QCOMPARE(r.shared[0].result, SharedBlobCheck::Result::SizeMatches);
        QVERIFY2(r.shared[0].message.find("size matches") != std::string::npos, r.shared[0].message.c_str());
        ::chmod(fx.store(fx.hOnlyA).c_str(), 0644);
        fs::resize_file(fx.store(fx.hOnlyA), 10);
        r = CacheVerifier::verify(scanOk(fx.root), onlyC);
        QCOMPARE(r.mismatches.size(), size_t(1));
        QVERIFY2(r.mismatches[0].message.find("has 10 bytes") != std::string::npos, r.mismatches[0].message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCacheShared)
#include "test_cache_shared.moc"
