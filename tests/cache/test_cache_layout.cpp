// CacheLayout spells every path of the hub cache once; these checks hold it to the layout
// huggingface_hub writes (hub-cache reference §1.3-1.6, §1.13), spelled out literally here and
// on disk by the hand-written fixture, never through CacheLayout itself.

#include "cache_fixture.h"

#include "hub/cache/layout.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hub;
using namespace hub::cache;
namespace fs = std::filesystem;

namespace {
RepoRef ref(RepoType type, const char *id)
{
    return RepoRef{type, *RepoId::parse(id)};
}
} // namespace

class TestCacheLayout final : public QObject {
    Q_OBJECT

private slots:
    void folderNames_areRepoFolderNameOfPython()
    {
        QCOMPARE(CacheLayout::repoFolderName(ref(RepoType::Model, "julien-c/EsperBERTo-small")),
                 std::string("models--julien-c--EsperBERTo-small"));
        QCOMPARE(CacheLayout::repoFolderName(ref(RepoType::Dataset, "PellelNitram/xournalpp_htr_examples")),
                 std::string("datasets--PellelNitram--xournalpp_htr_examples"));
        QCOMPARE(CacheLayout::repoFolderName(ref(RepoType::Space, "PellelNitram/xournalpp_htr")),
                 std::string("spaces--PellelNitram--xournalpp_htr"));
        QCOMPARE(CacheLayout::repoFolderName(ref(RepoType::Model, "gpt2")), std::string("models--gpt2"));

        for (const RepoRef &r :
             {ref(RepoType::Model, "julien-c/EsperBERTo-small"), ref(RepoType::Model, "gpt2"),
              ref(RepoType::Dataset, "PellelNitram/xournalpp_htr_examples"), ref(RepoType::Space, "a/b")}) {
            const auto back = CacheLayout::parseRepoFolderName(CacheLayout::repoFolderName(r));
            QVERIFY(back.has_value());
            QVERIFY(*back == r);
        }
        for (const char *notRepo : {"blobs", ".locks", "CACHEDIR.TAG", "kernels--a--b", "tmp1a2b3c4d", "models--"})
            QVERIFY2(!CacheLayout::parseRepoFolderName(notRepo).has_value(), notRepo);
    }

    void paths_matchTheLayoutPythonWrites()
    {
        const CacheLayout cache("/c/hub");
        const RepoRef word = ref(RepoType::Model, "PellelNitram/xournalpp-htr-word-detector");
        const std::string repo = "/c/hub/models--PellelNitram--xournalpp-htr-word-detector";
        const std::string c = fixture::kMain;
        const std::string sha = hub::sha256Hex("x");

        QCOMPARE(cache.repoDir(word).string(), repo);
        QCOMPARE(cache.refPath(word, "main").string(), repo + "/refs/main");
        QCOMPARE(cache.refPath(word, "refs/pr/1").string(), repo + "/refs/refs/pr/1");
        QCOMPARE(cache.snapshotsDir(word).string(), repo + "/snapshots");
        QCOMPARE(cache.snapshotDir(word, c).string(), repo + "/snapshots/" + c);
        QCOMPARE(cache.pointerPath(word, c, "onnx/fp16/model.onnx").string(),
                 repo + "/snapshots/" + c + "/onnx/fp16/model.onnx");
        QCOMPARE(cache.blobPath(word, sha).string(), repo + "/blobs/" + sha);
        QCOMPARE(cache.partialPath(word, sha).string(), repo + "/blobs/" + sha + ".incomplete");
        QCOMPARE(cache.repo(word).partialPath(sha, "0a1b2c3d").string(),
                 repo + "/blobs/" + sha + ".0a1b2c3d.incomplete");
        QCOMPARE(cache.noExistPath(word, c, "tokenizer.json").string(), repo + "/.no_exist/" + c + "/tokenizer.json");
        QCOMPARE(cache.repo(word).noExistDir(c).string(), repo + "/.no_exist/" + c);
        QCOMPARE(cache.treeListingPath(word, c).string(), repo + "/trees/" + c + ".json");
        QCOMPARE(cache.lockPath(word, sha).string(),
                 "/c/hub/.locks/models--PellelNitram--xournalpp-htr-word-detector/" + sha + ".lock");
        QCOMPARE(cache.locksDir("models--a--b").string(), std::string("/c/hub/.locks/models--a--b"));
        QCOMPARE(cache.cacheDirTagPath().string(), std::string("/c/hub/CACHEDIR.TAG"));
        QCOMPARE(cache.sharedStoreDir().string(), std::string("/c/hub/blobs"));
        QCOMPARE(cache.sharedBlobPath(sha).string(), "/c/hub/blobs/" + sha.substr(0, 2) + "/" + sha);
        QCOMPARE(layout::repoBlobRelPath("models--a--b", sha), "models--a--b/blobs/" + sha);
        // By folder name (what a scan has) gives the same paths as by RepoRef.
        QCOMPARE(cache.repo(CacheLayout::repoFolderName(word)).pointerPath(c, "a/b").string(),
                 cache.pointerPath(word, c, "a/b").string());
    }

    void pointerTargets_areRelativeLikeOsPathRelpath()
    {
        QCOMPARE(layout::pointerTarget("README.md", "d7edf6bd"), std::string("../../blobs/d7edf6bd"));
        QCOMPARE(layout::pointerTarget("sub/dir/f.bin", "403450e2"), std::string("../../../../blobs/403450e2"));
        QCOMPARE(layout::blobOfPointerTarget("../../blobs/d7edf6bd", "README.md"), std::string_view("d7edf6bd"));
        QCOMPARE(layout::blobOfPointerTarget("../../../../blobs/403450e2", "sub/dir/f.bin"),
                 std::string_view("403450e2"));
        // Not the canonical spelling for that depth: the caller resolves it the slow way.
        QVERIFY(layout::blobOfPointerTarget("../../blobs/403450e2", "sub/f.bin").empty());
        QVERIFY(layout::blobOfPointerTarget("../../blobs/ab/cd", "f").empty());
        QVERIFY(layout::blobOfPointerTarget("../../blobs/", "f").empty());
        QVERIFY(layout::blobOfPointerTarget("../../blobsx/ab", "f").empty());
        QVERIFY(layout::blobOfPointerTarget("/c/hub/models--a--b/blobs/ab", "f").empty());
    }

    void entryNames_areRecognised()
    {
        const std::string sha = hub::sha256Hex("x");
        QVERIFY(layout::isPartialName(sha + ".incomplete"));
        QVERIFY(layout::isPartialName(sha + ".0a1b2c3d.incomplete"));
        QVERIFY(!layout::isPartialName(sha));
        QVERIFY(!layout::isPartialName(".incomplete"));
        QVERIFY(layout::isLockName(sha + ".lock"));
        QCOMPARE(layout::etagOfBlobEntry(sha + ".0a1b2c3d.incomplete"), std::string_view(sha));
        QCOMPARE(layout::etagOfBlobEntry(sha + ".lock"), std::string_view(sha));
        QCOMPARE(layout::etagOfBlobEntry(sha), std::string_view(sha));
        QCOMPARE(layout::commitOfTreeListing(fixture::kMain + ".json"), std::string_view(fixture::kMain));
        QVERIFY(layout::commitOfTreeListing(fixture::kMain + ".json.tmp").empty());
        QVERIFY(layout::commitOfTreeListing("main.json").empty());
    }

    void handWrittenCache_isFoundWhereTheLayoutSays()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        const fixture::Fixture f = fixture::build(root);
        const CacheLayout cache(root);
        const RepoRef word = ref(RepoType::Model, "PellelNitram/xournalpp-htr-word-detector");
        QCOMPARE(cache.repoDir(word), f.word().dir);
        QCOMPARE(fixture::readFile(cache.refPath(word, "refs/pr/1")), fixture::kMain);
        QCOMPARE(fixture::readFile(cache.refPath(word, "feature/quantized")), fixture::kV1);
        QCOMPARE(fixture::readFile(cache.pointerPath(word, fixture::kMain, "config.json")), f.config);
        QCOMPARE(fs::read_symlink(cache.pointerPath(word, fixture::kMain, "config.json")).string(),
                 layout::pointerTarget("config.json", f.etags.at("config")));
        QCOMPARE(fixture::readFile(cache.blobPath(word, f.etags.at("onnxMain"))), f.onnxMain);
        QVERIFY(fs::exists(cache.noExistPath(word, fixture::kMain, "tokenizer.json")));
        QCOMPARE(fixture::readFile(cache.partialPath(word, hub::sha256Hex("unfinished"))), f.partial);
        QVERIFY(fs::exists(cache.cacheDirTagPath()));
    }
};

QTEST_GUILESS_MAIN(TestCacheLayout)
#include "test_cache_layout.moc"
