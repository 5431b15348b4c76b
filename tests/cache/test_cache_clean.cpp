// Delete plans, execution, prune rules and deletion safety on the hand-built fixture.

#include "cache_fixture.h"
#include "hub/core/hash.h"

#include "hub/cache/blob_lock.h"
#include "hub/cache/clean.h"
#include "hub/cache/scan.h"
#include "hub/cache/verify.h"

#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>

using namespace hub;
using namespace hub::cache;
namespace fs = std::filesystem;

namespace {
RepoRef wordRef()
{
    return RepoRef{RepoType::Model, *RepoId::parse("PellelNitram/xournalpp-htr-word-detector")};
}
RepoRef examplesRef()
{
    return RepoRef{RepoType::Dataset, *RepoId::parse("PellelNitram/xournalpp_htr_examples")};
}
CacheInfo scanOk(const fs::path &root)
{
    auto info = CacheScanner::scan(root);
    if (!info.ok())
        qFatal("scan failed: %s", info.error().message.c_str());
    return std::move(info).value();
}
bool anyDamage(const CacheInfo &info)
{
    for (const auto &r : info.repos)
        if (r.damaged())
            return true;
    return false;
}
void setTimes(const fs::path &p, int64_t secondsAgo)
{
    struct timespec ts[2];
    ts[0].tv_sec = time(nullptr) - secondsAgo;
    ts[0].tv_nsec = 0;
    ts[1] = ts[0];
    ::utimensat(AT_FDCWD, p.c_str(), ts, 0);
}
} // namespace

class TestCacheClean final : public QObject {
    Q_OBJECT

private slots:
    void plan_deletingRevisionKeepsSharedBlobsAndSaysWhy()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        const CacheInfo before = scanOk(fx.root);
        auto plan = DeletePlan::forSelection(before, DeleteSelection{{}, {fixture::kV1}, {}});
        QVERIFY(plan.ok());
        QCOMPARE(plan->bytesFreed(), uint64_t(fx.onnxV1.size()));
        QCOMPARE(plan->revisionCount(), size_t(1));
        QCOMPARE(plan->repoCount(), size_t(0));
        bool keptConfig = false;
        for (const auto &k : plan->kept()) {
            if (k.fileName == "config.json") {
                keptConfig = true;
                QVERIFY2(k.reason.find("config.json is shared with") != std::string::npos, k.reason.c_str());
                QVERIFY2(k.reason.find("main") != std::string::npos, k.reason.c_str());
            }
        }
        QVERIFY(keptConfig);
        int refs = 0;
        for (const auto &i : plan->items())
            refs += i.kind == PlannedRemoval::Kind::Ref;
        QCOMPARE(refs, 2); // v1.0.0 and feature/quantized

        // Nothing happened yet (dry run by construction).
        QCOMPARE(scanOk(fx.root).totalSizeOnDisk, before.totalSizeOnDisk);

        const DeleteReport report = plan->execute();
        QVERIFY(report.errors.empty());
        QCOMPARE(report.bytesFreed, plan->bytesFreed());
        const CacheInfo after = scanOk(fx.root);
        QCOMPARE(after.totalSizeOnDisk, before.totalSizeOnDisk - plan->bytesFreed());
        const RepoEntry *word = after.findRepo(wordRef());
        QVERIFY(!word->damaged());
        QVERIFY(!word->revision(fixture::kV1));
        QVERIFY(!fs::exists(fx.word().dir / "refs" / "feature")); // emptied nested ref folder removed
        QVERIFY(fs::exists(fx.word().dir / "blobs" / fx.etags.at("config")));
        QCOMPARE(fixture::readFile(fx.word().dir / "snapshots" / fixture::kMain / "config.json"), fx.config);
    }

    void plan_allRevisionsMeansWholeRepo()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        const CacheInfo before = scanOk(fx.root);
        auto plan =
            DeletePlan::forSelection(before, DeleteSelection{{}, {fixture::kV1, fixture::kMain, fixture::kOld}, {}});
        QVERIFY(plan.ok());
        QCOMPARE(plan->repoCount(), size_t(1));
        QCOMPARE(plan->bytesFreed(), fx.wordSize());
        QVERIFY(plan->execute().errors.empty());
        const CacheInfo after = scanOk(fx.root);
        QVERIFY(!after.findRepo(wordRef()));
        QCOMPARE(after.totalSizeOnDisk, before.totalSizeOnDisk - fx.wordSize());
        QVERIFY(!fs::exists(fx.word().dir));
        QVERIFY(!fs::exists(fx.root / ".locks" / "models--PellelNitram--xournalpp-htr-word-detector"));
    }

    void plan_singleFilesFreeOnlyUnsharedBlobs()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        const CacheInfo before = scanOk(fx.root);
        DeleteSelection sel;
        sel.files.push_back({wordRef(), fixture::kMain, "README.md"});
        sel.files.push_back({wordRef(), fixture::kOld, "config.json"});
        sel.files.push_back({examplesRef(), fixture::kExamples, "data/2024-07-26_minimal.xopp"});
        auto plan = DeletePlan::forSelection(before, sel);
        QVERIFY(plan.ok());
        QCOMPARE(plan->bytesFreed(), uint64_t(fx.readme.size() + fx.exMinimal.size()));
        QVERIFY(plan->execute().errors.empty());
        const CacheInfo after = scanOk(fx.root);
        QCOMPARE(after.totalSizeOnDisk, before.totalSizeOnDisk - plan->bytesFreed());
        QVERIFY(!anyDamage(after) || after.findRepo(wordRef())->damaged() == false);
        QVERIFY(fs::exists(fx.word().dir / "snapshots" / fixture::kOld / "model.onnx"));
        QVERIFY(fs::exists(fx.examples().dir / "snapshots" / fixture::kExamples / "data" / "empty.xopp"));

        // Unknown selections are refused, naming the item.
        auto bad = DeletePlan::forSelection(before, DeleteSelection{{}, {std::string(40, 'e')}, {}});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
    }

    void prune_unreferencedSparesPinnedRevisions()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        const CacheInfo before = scanOk(fx.root);
        PruneOptions pinned;
        pinned.unreferenced = true;
        pinned.pinned = {fixture::kOld};
        QVERIFY(DeletePlan::forPrune(before, pinned).empty());

        PruneOptions opt;
        opt.unreferenced = true;
        const DeletePlan plan = DeletePlan::forPrune(before, opt);
        QCOMPARE(plan.revisionCount(), size_t(1));
        QCOMPARE(plan.bytesFreed(), uint64_t(fx.onnxOld.size()));
        QVERIFY(plan.execute().errors.empty());
        const CacheInfo after = scanOk(fx.root);
        QCOMPARE(after.totalSizeOnDisk, before.totalSizeOnDisk - fx.onnxOld.size());
        QVERIFY(!after.findRepo(wordRef())->revision(fixture::kOld));
        QVERIFY(after.findRepo(wordRef())->revision(fixture::kMain));
    }

    void prune_olderThanUsesLastAccess()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        // Everything in the examples dataset was last used 40 days ago.
        for (const auto &e : fs::recursive_directory_iterator(fx.examples().dir))
            setTimes(e.path(), 40 * 86400);
        const CacheInfo before = scanOk(fx.root);
        PruneOptions opt;
        opt.olderThanDays = 30;
        const DeletePlan plan = DeletePlan::forPrune(before, opt);
        QCOMPARE(plan.repoCount(), size_t(1));
        QCOMPARE(plan.items()[0].repoId, std::string("dataset/PellelNitram/xournalpp_htr_examples"));
        opt.pinned = {fixture::kExamples};
        QVERIFY(DeletePlan::forPrune(before, opt).empty());
    }

    void prune_partialsSkipsOnesARunningDownloadLocks()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        const std::string running = sha256Hex("running");
        const fs::path runningPartial = fx.word().dir / "blobs" / (running + ".incomplete");
        fixture::writeFile(runningPartial, "abc");
        auto lock = BlobLock::acquire(fx.root / ".locks" / fx.word().dir.filename() / (running + ".lock"));
        QVERIFY(lock.ok());
        const CacheInfo before = scanOk(fx.root);
        PruneOptions opt;
        opt.partials = true;
        const DeletePlan plan = DeletePlan::forPrune(before, opt);
        QCOMPARE(plan.items().size(), size_t(1));
        QCOMPARE(plan.partialBytesFreed(), uint64_t(fx.partial.size()));
        QCOMPARE(plan.bytesFreed(), uint64_t(0));
        QVERIFY(plan.execute().errors.empty());
        QVERIFY(fs::exists(runningPartial));
        QCOMPARE(scanOk(fx.root).partials.size(), size_t(1));

        // A download that starts between plan and execute is respected too.
        lock->release();
        const std::string other = sha256Hex("other");
        fixture::writeFile(fx.word().dir / "blobs" / (other + ".incomplete"), "abcd");
        const DeletePlan plan2 = DeletePlan::forPrune(scanOk(fx.root), opt);
        QCOMPARE(plan2.items().size(), size_t(2));
        auto late = BlobLock::acquire(fx.root / ".locks" / fx.word().dir.filename() / (other + ".lock"));
        const DeleteReport report = plan2.execute();
        QCOMPARE(report.skipped.size(), size_t(1));
        QVERIFY(fs::exists(fx.word().dir / "blobs" / (other + ".incomplete")));
        QVERIFY(!fs::exists(runningPartial));
    }

    void prune_emptyFoldersRemovesStaleLockFolders()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        fixture::writeFile(fx.root / ".locks" / "models--gone--repo" / "abc.lock", "");
        PruneOptions opt;
        opt.emptyFolders = true;
        const DeletePlan plan = DeletePlan::forPrune(scanOk(fx.root), opt);
        QCOMPARE(plan.items().size(), size_t(1));
        QVERIFY(plan.execute().errors.empty());
        QVERIFY(!fs::exists(fx.root / ".locks" / "models--gone--repo"));
        QVERIFY(fs::exists(fx.root / ".locks" / fx.word().dir.filename()));
    }

    void delete_keepsTheSharedXetStoreOtherReposUse()
    {
        // Newer huggingface_hub keeps a Xet file once per machine: <cache>/blobs/<2 hex>/<xet hash>,
        // with each repo's blobs/<etag> a relative link into it (hub-cache.md §1.13). Deleting one
        // repo removes its link, never the stored file another repo still reads.
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        const std::string content = fixture::bytes(4096, 'w');
        const std::string etag = hub::sha256Hex(content);
        const std::string xet = std::string(64, 'e');
        const fs::path stored = root / "blobs" / xet.substr(0, 2) / xet;
        fixture::writeFile(stored, content);
        fixture::writeFile(root / "blobs" / ".huggingface-shared-blobs", "1\n");
        fixture::writeFile(root / "blobs" / xet.substr(0, 2) / (xet + ".refs"),
                           "models--o--a/blobs/" + etag + "\nmodels--o--b/blobs/" + etag + "\n");
        for (const char *name : {"models--o--a", "models--o--b"}) {
            const fixture::Repo r{root / name};
            fs::create_directories(r.dir / "blobs");
            fs::create_symlink("../../blobs/" + xet.substr(0, 2) + "/" + xet, r.dir / "blobs" / etag);
            r.link(fixture::kMain, "model.safetensors", etag);
            r.ref("main", fixture::kMain);
        }
        const CacheInfo info = scanOk(root);
        QCOMPARE(info.repos.size(), size_t(2)); // the store is not a repo
        for (const auto &repo : info.repos)
            QCOMPARE(repo.sizeOnDisk, uint64_t{4096}); // measured through the link
        auto plan =
            DeletePlan::forSelection(info, DeleteSelection{{RepoRef{RepoType::Model, *RepoId::parse("o/a")}}, {}, {}});
        QVERIFY(plan.ok());
        QVERIFY(plan->execute().errors.empty());
        QVERIFY(!fs::exists(root / "models--o--a"));
        QCOMPARE(fixture::readFile(stored), content);
        QCOMPARE(fixture::readFile(root / "models--o--b" / "snapshots" / fixture::kMain / "model.safetensors"),
                 content);
        // A new scan finds the other repo whole, and the stored file untouched.
        const CacheInfo after = scanOk(root);
        QCOMPARE(after.repos.size(), size_t(1));
        QCOMPARE(fixture::readFile(stored), content);
    }

    void delete_neverFollowsLinksOutOfTheCache()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        const fs::path outside = tmp.path().toStdString() + "/precious";
        fixture::writeFile(outside / "data.bin", "keep me");
        fixture::writeFile(outside / "sub" / "x.bin", "keep me too");
        const fixture::Repo r{root / "models--o--evil"};
        fs::create_directories(r.dir / "snapshots" / fixture::kMain);
        fs::create_symlink(outside / "data.bin", r.dir / "snapshots" / fixture::kMain / "data.bin");
        fs::create_symlink(outside / "sub", r.dir / "snapshots" / fixture::kMain / "linkeddir");
        fs::create_directories(r.dir / "blobs");
        fs::create_symlink(outside, r.dir / "blobs" / "abcdef");
        r.file(fixture::kMain, "ok.txt", "fine", false);
        r.file(fixture::kOld, "ok.txt", "fine", false);
        const CacheInfo info = scanOk(root);
        QCOMPARE(info.repos.size(), size_t(1));
        // Deleting the revision, then the whole repo: the outside folder survives both.
        auto plan = DeletePlan::forSelection(info, DeleteSelection{{}, {fixture::kMain}, {}});
        QVERIFY(plan.ok());
        bool mentionsOutside = false;
        for (const auto &k : plan->kept())
            mentionsOutside = mentionsOutside || k.reason.find("outside") != std::string::npos;
        QVERIFY(mentionsOutside);
        QVERIFY(plan->execute().errors.empty());
        QCOMPARE(fixture::readFile(outside / "data.bin"), std::string("keep me"));
        QCOMPARE(fixture::readFile(outside / "sub" / "x.bin"), std::string("keep me too"));
        auto all = DeletePlan::forSelection(
            scanOk(root), DeleteSelection{{RepoRef{RepoType::Model, *RepoId::parse("o/evil")}}, {}, {}});
        QVERIFY(all.ok());
        QVERIFY(all->execute().errors.empty());
        QVERIFY(!fs::exists(r.dir));
        QCOMPARE(fixture::readFile(outside / "data.bin"), std::string("keep me"));
        QCOMPARE(fixture::readFile(outside / "sub" / "x.bin"), std::string("keep me too"));
    }

    void delete_refusesWhenTheRepoFolderWasSwappedForALink()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        const CacheInfo info = scanOk(fx.root);
        auto plan = DeletePlan::forSelection(info, DeleteSelection{{}, {fixture::kV1}, {}});
        QVERIFY(plan.ok());
        // Between plan and execute the repo folder is replaced by a link to a copy outside.
        const fs::path moved = tmp.path().toStdString() + "/moved";
        fs::rename(fx.word().dir, moved);
        fs::create_directory_symlink(moved, fx.word().dir);
        const DeleteReport report = plan->execute();
        QCOMPARE(report.removed, size_t(0));
        QVERIFY(fs::exists(moved / "blobs" / fx.etags.at("onnxV1")));
        QVERIFY(fs::exists(moved / "refs" / "v1.0.0"));
    }

    void delete_interruptedAtAnyStepLeavesACleanScan()
    {
        QTemporaryDir tmp;
        for (int stopAfter = 0;; ++stopAfter) {
            const fs::path root = tmp.path().toStdString() + "/hub" + std::to_string(stopAfter);
            const auto fx = fixture::build(root);
            fs::remove_all(fx.damaged().dir); // keep only healthy repos
            const CacheInfo info = scanOk(root);
            QVERIFY(!anyDamage(info));
            DeleteSelection sel;
            sel.revisions = {fixture::kV1, fixture::kOld};
            sel.repos = {examplesRef()};
            sel.files = {{wordRef(), fixture::kMain, "README.md"}};
            auto plan = DeletePlan::forSelection(info, sel);
            QVERIFY(plan.ok());
            int done = 0;
            ExecuteOptions opt;
            opt.beforeEach = [&](const PlannedRemoval &) { return done++ < stopAfter; };
            const DeleteReport report = plan->execute(opt);
            QVERIFY(report.errors.empty());
            const CacheInfo after = scanOk(root);
            for (const auto &w : after.warnings)
                QVERIFY2(!w.damaging(), (std::to_string(stopAfter) + ": " + w.message).c_str());
            if (!report.interrupted) {
                QCOMPARE(after.totalSizeOnDisk, info.totalSizeOnDisk - plan->bytesFreed());
                break;
            }
            QVERIFY(stopAfter < 100);
        }
    }

    void verify_findsACorruptedBlob()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        fs::remove_all(fx.damaged().dir);
        {
            const CacheInfo info = scanOk(fx.root);
            const VerifyReport ok = CacheVerifier::verify(info);
            QVERIFY(ok.ok());
            QCOMPARE(ok.blobsChecked, uint64_t(9));
        }
        // Flip one byte of the v1 model and of the shared config.
        for (const char *key : {"onnxV1", "config"}) {
            const fs::path blob = fx.word().dir / "blobs" / fx.etags.at(key);
            std::string data = fixture::readFile(blob);
            data[10] ^= 0x01;
            fixture::writeFile(blob, data);
        }
        const CacheInfo info = scanOk(fx.root);
        uint64_t lastDone = 0;
        int calls = 0;
        VerifyOptions opt;
        opt.progress = [&](uint64_t done, uint64_t total, const fs::path &) {
            QVERIFY(done >= lastDone && done <= total);
            lastDone = done;
            ++calls;
        };
        const VerifyReport bad = CacheVerifier::verify(info, opt);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.mismatches.size(), size_t(2));
        QVERIFY(calls >= 9);
        bool configUsers = false;
        for (const auto &m : bad.mismatches)
            if (m.expected == fx.etags.at("config"))
                configUsers = m.files.size() == 3;
        QVERIFY(configUsers);

        std::atomic<bool> cancel{true};
        opt.cancel = &cancel;
        QVERIFY(CacheVerifier::verify(info, opt).cancelled);
    }
};

QTEST_GUILESS_MAIN(TestCacheClean)
#include "test_cache_clean.moc"
