// Scanning, offline resolution and cache location against the hand-built fixture.

#include "cache_fixture.h"

#include "hub/cache/blob_lock.h"
#include "hub/cache/location.h"
#include "hub/cache/resolve.h"
#include "hub/cache/scan.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>

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
EnvLookup envOf(std::map<std::string, std::string> vars)
{
    return [vars](std::string_view name) -> std::optional<std::string> {
        auto it = vars.find(std::string(name));
        if (it == vars.end())
            return std::nullopt;
        return it->second;
    };
}
bool hasProblem(const RepoEntry &r, CacheProblem::Kind kind)
{
    for (const auto &p : r.problems)
        if (p.kind == kind)
            return true;
    return false;
}
} // namespace

class TestCacheScan final : public QObject {
    Q_OBJECT

private slots:
    void location_followsPythonPrecedence()
    {
        QCOMPARE(CacheLocation::hubCacheDir(envOf({{"HOME", "/home/u"}})).string(),
                 std::string("/home/u/.cache/huggingface/hub"));
        QCOMPARE(CacheLocation::hubCacheDir(envOf({{"HOME", "/home/u"}, {"XDG_CACHE_HOME", "/x"}})).string(),
                 std::string("/x/huggingface/hub"));
        QCOMPARE(CacheLocation::hubCacheDir(envOf({{"HOME", "/home/u"}, {"XDG_CACHE_HOME", "/x"}, {"HF_HOME", "~/hf"}}))
                     .string(),
                 std::string("/home/u/hf/hub"));
        QCOMPARE(
            CacheLocation::hubCacheDir(envOf({{"HOME", "/h"}, {"HF_HOME", "/a"}, {"HUGGINGFACE_HUB_CACHE", "/old"}}))
                .string(),
            std::string("/old"));
        QCOMPARE(CacheLocation::hubCacheDir(envOf({{"HOME", "/h"},
                                                   {"DATA", "/data"},
                                                   {"HUGGINGFACE_HUB_CACHE", "/old"},
                                                   {"HF_HUB_CACHE", "$DATA/hub-${DATA}x"}}))
                     .string(),
                 std::string("/data/hub-/datax"));
        // Unknown variables stay as written, like os.path.expandvars.
        QCOMPARE(CacheLocation::expandVars("$NOPE/x", envOf({})), std::string("$NOPE/x"));
        // The settings override wins and is expanded too.
        QCOMPARE(CacheLocation::hubCacheDir(envOf({{"HOME", "/h"}, {"HF_HUB_CACHE", "/env"}}), "~/mine").string(),
                 std::string("/h/mine"));
        // HF_XET_CACHE is taken verbatim; default is HF_HOME/xet.
        QCOMPARE(CacheLocation::xetCacheDir(envOf({{"HOME", "/h"}, {"HF_HOME", "/hf"}})).string(),
                 std::string("/hf/xet"));
        QCOMPARE(CacheLocation::xetCacheDir(envOf({{"HOME", "/h"}, {"HF_XET_CACHE", "/xet"}})).string(),
                 std::string("/xet"));
    }

    void scan_countsSharedBlobsOnceAndSplitsExclusiveBytes()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        auto info = CacheScanner::scan(fx.root);
        QVERIFY(info.ok());
        QCOMPARE(info->repos.size(), size_t(3));
        const RepoEntry *word = info->findRepo(wordRef());
        QVERIFY(word);
        QCOMPARE(word->sizeOnDisk, fx.wordSize());
        QCOMPARE(word->fileCount, uint64_t(6));
        QVERIFY(!word->damaged());
        QCOMPARE(word->revisions.size(), size_t(3));

        const RevisionEntry *v1 = word->revision(fixture::kV1);
        QVERIFY(v1);
        QCOMPARE(v1->sizeOnDisk, uint64_t(fx.gitattributes.size() + fx.config.size() + fx.onnxV1.size()));
        QCOMPARE(v1->sharedBytes, uint64_t(fx.gitattributes.size() + fx.config.size()));
        QCOMPARE(v1->exclusiveBytes, uint64_t(fx.onnxV1.size()));
        QCOMPARE(v1->refs, (std::vector<std::string>{"feature/quantized", "v1.0.0"}));

        const RevisionEntry *mainRev = word->revision(fixture::kMain);
        QVERIFY(mainRev);
        QCOMPARE(mainRev->refs, (std::vector<std::string>{"main", "refs/pr/1"}));
        QCOMPARE(mainRev->exclusiveBytes, uint64_t(fx.onnxMain.size() + fx.readme.size()));
        QCOMPARE(mainRev->files.size(), size_t(4));
        QCOMPARE(mainRev->files[0].path, std::string(".gitattributes"));
        QCOMPARE(mainRev->files[0].blobName, fx.etags.at("gitattributes"));

        const RevisionEntry *old = word->revision(fixture::kOld);
        QVERIFY(old && old->detached());
        QCOMPARE(old->exclusiveBytes, uint64_t(fx.onnxOld.size()));
        QCOMPARE(old->sharedBytes, uint64_t(fx.config.size()));

        QCOMPARE(word->refs.size(), size_t(4));
        QCOMPARE(word->refs.at("refs/pr/1"), fixture::kMain);
        QCOMPARE(word->noExist.size(), size_t(1));
        QCOMPARE(word->noExist[0].path, std::string("tokenizer.json"));
        QCOMPARE(word->partials.size(), size_t(1));
        QCOMPARE(word->partials[0].size, uint64_t(fx.partial.size()));
        QVERIFY(!word->partials[0].locked);

        const RepoEntry *ex = info->findRepo(examplesRef());
        QVERIFY(ex);
        QCOMPARE(ex->sizeOnDisk, fx.examplesSize());
        QCOMPARE(ex->revisions.size(), size_t(1));
        QCOMPARE(ex->revisions[0].files[0].path, std::string("README.md"));
        QCOMPARE(ex->revisions[0].files[1].path, std::string("data/2024-07-26_minimal.xopp"));

        QCOMPARE(info->totalSizeOnDisk, fx.wordSize() + fx.examplesSize() + 100);
        QCOMPARE(info->partialBytes, uint64_t(fx.partial.size()));
    }

    void scan_reportsDamagedRepoButKeepsScanningOthers()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        // A stray temp file of an old huggingface_hub in the root.
        fixture::writeFile(fx.root / "tmpab12cd34", "x");
        auto info = CacheScanner::scan(fx.root);
        QVERIFY(info.ok());
        const RepoEntry *damaged =
            info->findRepo(RepoRef{RepoType::Model, *RepoId::parse("PellelNitram/xournalpp-htr-simple-htr")});
        QVERIFY(damaged);
        QVERIFY(damaged->damaged());
        QVERIFY(hasProblem(*damaged, CacheProblem::Kind::BrokenLink));
        QVERIFY(hasProblem(*damaged, CacheProblem::Kind::RefToMissingSnapshot));
        QCOMPARE(damaged->sizeOnDisk, uint64_t(100)); // the intact file still counts
        QVERIFY(!info->findRepo(wordRef())->damaged());
        bool sawTmp = false;
        for (const auto &w : info->warnings) {
            if (w.path.filename() == "tmpab12cd34") {
                sawTmp = true;
                QVERIFY(!w.damaging());
            }
            QVERIFY2(w.path.filename() != "CACHEDIR.TAG" && w.path.filename() != ".DS_Store", w.message.c_str());
        }
        QVERIFY(sawTmp);
    }

    void scan_flagsRefWithTrailingNewline()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        fixture::writeFile(fx.examples().dir / "refs" / "main", fixture::kExamples + "\n");
        auto info = CacheScanner::scan(fx.root);
        QVERIFY(info.ok());
        const RepoEntry *ex = info->findRepo(examplesRef());
        QVERIFY(hasProblem(*ex, CacheProblem::Kind::MalformedRef));
        auto commit = CacheResolver(fx.root).resolveCommit(examplesRef(), "main");
        QVERIFY(!commit.ok());
        QCOMPARE(commit.error().code, ErrorCode::Corrupt);
    }

    void scan_seesLockedPartialAsRunningDownload()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        auto lock = BlobLock::acquire(fx.root / ".locks" / "models--PellelNitram--xournalpp-htr-word-detector" /
                                      (sha256Hex("unfinished") + ".lock"));
        QVERIFY(lock.ok());
        auto info = CacheScanner::scan(fx.root);
        QVERIFY(info.ok());
        QCOMPARE(info->partials.size(), size_t(1));
        QVERIFY(info->partials[0].locked);
        lock->release();
        QVERIFY(!CacheScanner::scan(fx.root)->partials[0].locked);
    }

    void scan_listsMissingFilesFromTreeListing()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        fixture::writeFile(fx.examples().dir / "trees" / (fixture::kExamples + ".json"),
                           R"({"format_version": 1, "files": {"README.md": {"size": 800, "blob_id": "x"},
                               "data/empty.xoj": {"size": 10, "blob_id": "y"}}})");
        auto info = CacheScanner::scan(fx.root);
        const auto &rev = info->findRepo(examplesRef())->revisions[0];
        QVERIFY(rev.hasTreeListing);
        QCOMPARE(rev.missingFiles, std::vector<std::string>{"data/empty.xoj"});
    }

    void scan_failsPlainlyOnMissingRoot()
    {
        auto info = CacheScanner::scan("/nonexistent/hubdesk/cache");
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, ErrorCode::EntryNotFound);
        QVERIFY(info.error().message.find("does not exist") != std::string::npos);
    }

    void scan_handlesNoSymlinkModeCopies()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        const fixture::Repo r{root / "models--o--plain"};
        fixture::writeFile(r.dir / "snapshots" / fixture::kMain / "weights.bin", fixture::bytes(5000, 'w'));
        fixture::writeFile(r.dir / "snapshots" / fixture::kMain / "sub" / "a.txt", fixture::bytes(50, 'a'));
        r.ref("main", fixture::kMain);
        auto info = CacheScanner::scan(root);
        QVERIFY(info.ok());
        QCOMPARE(info->repos[0].sizeOnDisk, uint64_t(5050));
        QCOMPARE(info->repos[0].revisions[0].files.size(), size_t(2));
        QVERIFY(!info->repos[0].revisions[0].files[0].isLink);
        QVERIFY(!info->repos[0].damaged());
    }

    void resolve_findsFilesOfflineByRefCommitAndMarker()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        CacheResolver res(fx.root);
        QCOMPARE(*res.resolveCommit(wordRef(), "refs/pr/1"), fixture::kMain);
        QCOMPARE(*res.resolveCommit(wordRef(), "feature/quantized"), fixture::kV1);
        QCOMPARE(*res.resolveCommit(wordRef(), fixture::kOld), fixture::kOld);
        QCOMPARE(res.resolveCommit(wordRef(), "v9").error().code, ErrorCode::RevisionNotFound);

        auto hit = res.lookup(wordRef(), "model.onnx", "v1.0.0");
        QVERIFY(hit.ok());
        QCOMPARE(hit->state, CachedLookup::State::Cached);
        QCOMPARE(fixture::readFile(hit->localPath), fx.onnxV1);
        QCOMPARE(res.lookup(wordRef(), "tokenizer.json", "main")->state, CachedLookup::State::KnownMissing);
        QCOMPARE(res.lookup(wordRef(), "README.md", "v1.0.0")->state, CachedLookup::State::NotCached);
        QCOMPARE(res.lookup(examplesRef(), "data/empty.xopp")->state, CachedLookup::State::Cached);
        QVERIFY(!res.lookup(wordRef(), "../../etc/passwd").ok());
        QVERIFY(!res.resolveCommit(wordRef(), "../../../x").ok());
    }
};

QTEST_GUILESS_MAIN(TestCacheScan)
#include "test_cache_scan.moc"
