// Scanning, offline resolution and cache location against the hand-built fixture.

#include "cache_fixture.h"

#include "hub/cache/blob_lock.h"
#include "hub/cache/location.h"
#include "hub/cache/resolve.h"
#include "hub/cache/scan.h"

#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <map>
#include <sstream>
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

/// Everything a scan found, as text, so two scans can be compared field by field. Files are
/// described only when `withFiles`.
std::string describe(const CacheInfo &info, bool withFiles)
{
    std::ostringstream o;
    o << "root " << info.root.string() << " total " << info.totalSizeOnDisk << " partial " << info.partialBytes
      << " cancelled " << info.cancelled << "\n";
    for (const auto &w : info.warnings)
        o << "warning " << problemKindName(w.kind) << " " << w.path.string() << " " << w.message << "\n";
    for (const auto &p : info.partials)
        o << "partial " << p.path.string() << " " << p.etag << " " << p.size << " " << p.locked << "\n";
    for (const auto &r : info.repos) {
        o << "repo " << r.cacheId() << " " << r.folderName << " " << r.path.string() << " size " << r.sizeOnDisk
          << " files " << r.fileCount << " orphan " << r.orphanBytes << " acc " << r.lastAccessed << " mod "
          << r.lastModified << " damaged " << r.damaged() << "\n";
        for (const auto &[name, commit] : r.refs)
            o << " ref " << name << "=" << commit << "\n";
        for (const auto &m : r.noExist)
            o << " noexist " << m.commit << " " << m.path << "\n";
        for (const auto &p : r.problems)
            o << " problem " << problemKindName(p.kind) << " " << p.path.string() << " " << p.message << "\n";
        for (const auto &rev : r.revisions) {
            o << " rev " << rev.commit << " " << rev.snapshotPath.string() << " n " << rev.fileCount << " size "
              << rev.sizeOnDisk << " excl " << rev.exclusiveBytes << " shared " << rev.sharedBytes << " mod "
              << rev.lastModified << " acc " << rev.lastAccessed << " tree " << rev.hasTreeListing << "\n";
            for (const auto &ref : rev.refs)
                o << "  ref " << ref << "\n";
            for (const auto &m : rev.missingFiles)
                o << "  missing " << m << "\n";
            if (withFiles)
                for (const auto &f : rev.files)
                    o << "  file " << f.path << " " << f.filePath.string() << " -> " << f.blobPath.string() << " ["
                      << f.blobName << "] " << f.size << " " << f.isLink << " " << f.lastModified << "\n";
        }
    }
    return o.str();
}

/// The standard fixture plus what stresses the scanner's bookkeeping: many repos (so scans run on
/// several threads), two blob names for one inode, an external link, copied files, a tree listing.
fixture::Fixture buildBigFixture(const fs::path &root, const fs::path &outside)
{
    auto fx = fixture::build(root);
    fixture::writeFile(fx.examples().dir / "trees" / (fixture::kExamples + ".json"),
                       R"({"format_version": 1, "files": {"README.md": {"size": 800, "blob_id": "x"},
                           "gone/away.bin": {"size": 10, "blob_id": "y"}}})");
    for (int i = 0; i < 12; ++i) {
        const fixture::Repo r{root / ("models--many--r" + std::to_string(i))};
        const std::string commitA = fixture::commitId(static_cast<char>('a' + i % 6));
        const std::string commitB = fixture::commitId('0' + static_cast<char>(i % 10));
        for (int f = 0; f <= i; ++f) {
            const std::string shared = r.blob("shared " + std::to_string(i) + "/" + std::to_string(f), f % 2 == 0);
            r.link(commitA, "dir/f" + std::to_string(f) + ".bin", shared);
            r.link(commitB, "dir/f" + std::to_string(f) + ".bin", shared);
            r.file(commitB, "only/b" + std::to_string(f), "b only " + std::to_string(i * 100 + f), true);
        }
        r.ref("main", commitB);
        if (i % 3 == 0) {
            // A second name for an existing blob (hard link): one inode, counted once.
            const std::string etag = r.blob("hard " + std::to_string(i), true);
            fs::create_hard_link(r.dir / "blobs" / etag, r.dir / "blobs" / (etag + "0000"));
            r.link(commitA, "hard1", etag);
            r.link(commitA, "hard2", etag + "0000");
        }
        if (i % 4 == 1) {
            fixture::writeFile(outside / ("ext" + std::to_string(i)), std::string(77, 'x'));
            fs::create_symlink(outside / ("ext" + std::to_string(i)), r.dir / "snapshots" / commitA / "external");
            fixture::writeFile(r.dir / "snapshots" / commitB / "copied.txt", std::string(33, 'c'));
        }
        if (i % 5 == 2)
            r.blob("orphan " + std::to_string(i), true);
    }
    fixture::writeFile(root / "tmpabcdef", "stray");
    return fx;
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

    void scan_withoutFilesGivesTheSameNumbers()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        buildBigFixture(root, tmp.path().toStdString() + "/outside");
        ScanOptions withFiles;
        withFiles.threads = 1;
        ScanOptions without = withFiles;
        without.withFiles = false;
        auto full = CacheScanner::scan(root, withFiles);
        auto lean = CacheScanner::scan(root, without);
        QVERIFY(full.ok() && lean.ok());
        QCOMPARE(describe(*lean, false), describe(*full, false));
        size_t fileRows = 0;
        for (const auto &r : lean->repos)
            for (const auto &rev : r.revisions) {
                QVERIFY(rev.files.empty());
                fileRows += rev.fileCount;
            }
        for (const auto &r : full->repos)
            for (const auto &rev : r.revisions) {
                QCOMPARE(rev.fileCount, uint64_t(rev.files.size()));
                fileRows -= rev.fileCount;
            }
        QCOMPARE(fileRows, size_t(0));
        // The tree listing is still checked without the file lists.
        const auto &ex = lean->findRepo(examplesRef())->revisions[0];
        QVERIFY(ex.hasTreeListing);
        QCOMPARE(ex.missingFiles, std::vector<std::string>{"gone/away.bin"});
        // scanRepo honours the option too.
        auto one = CacheScanner::scanRepo(root, examplesRef(), without);
        QVERIFY(one.ok());
        QVERIFY(one->revisions[0].files.empty());
        QCOMPARE(one->revisions[0].fileCount, full->findRepo(examplesRef())->revisions[0].fileCount);
    }

    void scan_onSeveralThreadsGivesTheSameResult()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        buildBigFixture(root, tmp.path().toStdString() + "/outside");
        ScanOptions one;
        one.threads = 1;
        const std::string expected = describe(*CacheScanner::scan(root, one), true);
        QVERIFY(expected.find("repo model/many/r11") != std::string::npos);
        for (unsigned threads : {0u, 2u, 3u, 64u}) {
            ScanOptions opt;
            opt.threads = threads;
            for (int round = 0; round < 3; ++round)
                QCOMPARE(describe(*CacheScanner::scan(root, opt), true), expected);
        }
    }

    void scan_countsEachInodeOnceAndKeepsBlobNames()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        const fs::path outside = tmp.path().toStdString() + "/outside";
        buildBigFixture(root, outside);
        auto info = CacheScanner::scan(root);
        QVERIFY(info.ok());
        const RepoEntry *r0 = info->findRepo(RepoRef{RepoType::Model, *RepoId::parse("many/r0")});
        QVERIFY(r0);
        // r0: one shared blob, one b-only blob, one hard-linked blob with two names.
        const uint64_t hard = std::string("hard 0").size();
        const uint64_t shared = std::string("shared 0/0").size();
        const uint64_t bOnly = std::string("b only 0").size();
        QCOMPARE(r0->sizeOnDisk, shared + bOnly + hard);
        QCOMPARE(r0->fileCount, uint64_t(3));
        const RevisionEntry *a = r0->revision(fixture::commitId('a'));
        QVERIFY(a);
        QCOMPARE(a->fileCount, uint64_t(3));
        std::map<std::string, const CachedFile *> byPath;
        for (const auto &f : a->files)
            byPath[f.path] = &f;
        QVERIFY(byPath.count("hard1") && byPath.count("hard2"));
        // Each link keeps the name it points to; both are the same blob of the same size.
        QCOMPARE(byPath["hard2"]->blobName, byPath["hard1"]->blobName + "0000");
        QCOMPARE(byPath["hard1"]->size, hard);
        // blobPath identifies the blob (cleaning de-duplicates by it): one of its names, the same for both.
        QCOMPARE(byPath["hard1"]->blobPath, byPath["hard2"]->blobPath);
        QCOMPARE(byPath["hard1"]->blobPath.parent_path(), r0->path / "blobs");
        QVERIFY(byPath["hard1"]->blobPath.filename() == byPath["hard1"]->blobName ||
                byPath["hard1"]->blobPath.filename() == byPath["hard2"]->blobName);
        QCOMPARE(byPath["dir/f0.bin"]->filePath, a->snapshotPath / "dir" / "f0.bin");

        // r1: an external link (counted, reported) and a copied file in the other revision.
        const RepoEntry *r1 = info->findRepo(RepoRef{RepoType::Model, *RepoId::parse("many/r1")});
        QVERIFY(r1);
        QVERIFY(hasProblem(*r1, CacheProblem::Kind::LinkOutsideRepo));
        const RevisionEntry *b = r1->revision(fixture::commitId('1'));
        QVERIFY(b);
        bool sawCopy = false;
        for (const auto &f : b->files)
            if (f.path == "copied.txt") {
                sawCopy = true;
                QVERIFY(!f.isLink);
                QVERIFY(f.blobName.empty());
                QCOMPARE(f.blobPath, f.filePath);
                QCOMPARE(f.size, uint64_t(33));
            }
        QVERIFY(sawCopy);
        const RevisionEntry *ra = r1->revision(fixture::commitId('b'));
        QVERIFY(ra);
        bool sawExternal = false;
        for (const auto &f : ra->files)
            if (f.path == "external") {
                sawExternal = true;
                QCOMPARE(f.blobPath, fs::canonical(outside / "ext1"));
                QCOMPARE(f.size, uint64_t(77));
            }
        QVERIFY(sawExternal);
        // r2: an orphan blob, reported with its path and not counted.
        const RepoEntry *r2 = info->findRepo(RepoRef{RepoType::Model, *RepoId::parse("many/r2")});
        QVERIFY(r2);
        QCOMPARE(r2->orphanBytes, uint64_t(std::string("orphan 2").size()));
        bool sawOrphan = false;
        for (const auto &p : r2->problems)
            if (p.kind == CacheProblem::Kind::OrphanBlob) {
                sawOrphan = true;
                QCOMPARE(p.path.parent_path(), r2->path / "blobs");
                QVERIFY(p.message.find(p.path.filename().string()) != std::string::npos);
            }
        QVERIFY(sawOrphan);
    }

    void scan_emptyRevisionTakesItsFolderTimes()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        const fixture::Repo r{root / "models--o--empty"};
        const fs::path snap = r.dir / "snapshots" / fixture::kMain;
        fs::create_directories(snap);
        r.ref("main", fixture::kMain);
        const struct timespec times[2] = {{1600000000, 0}, {1500000000, 0}};
        for (bool withFiles : {true, false}) {
            // Set before every scan: reading the folder updates its atime (relatime).
            QCOMPARE(::utimensat(AT_FDCWD, snap.c_str(), times, 0), 0);
            ScanOptions opt;
            opt.withFiles = withFiles;
            auto info = CacheScanner::scan(root, opt);
            QVERIFY(info.ok());
            const auto &rev = info->repos[0].revisions[0];
            QCOMPARE(rev.fileCount, uint64_t(0));
            QCOMPARE(rev.sizeOnDisk, uint64_t(0));
            QCOMPARE(rev.lastModified, int64_t(1500000000));
            QCOMPARE(rev.lastAccessed, int64_t(1600000000));
        }
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
