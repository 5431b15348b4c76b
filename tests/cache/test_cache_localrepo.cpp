// LocalRepoSource: the cache answering the Hub's questions offline (repos, revisions and refs,
// trees with what is missing, file bytes), and never reading through a link out of the cache.

#include "cache_fixture.h"

#include "hub/cache/localreposource.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hub;
using namespace hub::cache;
namespace fs = std::filesystem;

namespace {

RepoRef ref(RepoType type, const std::string &id)
{
    return RepoRef{type, *RepoId::parse(id)};
}

const RepoRef kWord = ref(RepoType::Model, "PellelNitram/xournalpp-htr-word-detector");
const RepoRef kExamplesRepo = ref(RepoType::Dataset, "PellelNitram/xournalpp_htr_examples");

std::vector<std::string> ids(const std::vector<LocalRepoInfo> &repos)
{
    std::vector<std::string> out;
    for (const auto &r : repos)
        out.push_back(std::string(repoTypeName(r.repo.type)) + ":" + r.repo.id.str());
    return out;
}

const LocalFile *fileOf(const LocalTree &t, const std::string &path)
{
    for (const auto &f : t.files)
        if (f.path == path)
            return &f;
    return nullptr;
}

/// trees/<commit>.json as huggingface_hub's snapshot_download writes it.
void writeListing(const fixture::Repo &repo, const std::string &commit, const std::string &filesJson)
{
    fixture::writeFile(repo.dir / "trees" / (commit + ".json"), R"({"format_version": 1, "files": )" + filesJson + "}");
}

} // namespace

class TestCacheLocalRepo final : public QObject {
    Q_OBJECT

private slots:
    void listRepos_showsCachedReposWithRevisionsAndRefs()
    {
        QTemporaryDir tmp;
        const auto f = fixture::build(tmp.path().toStdString() + "/hub");
        const LocalRepoSource source(f.root);

        auto all = source.listRepos({});
        QVERIFY(all);
        QCOMPARE(ids(*all), (std::vector<std::string>{"model:PellelNitram/xournalpp-htr-simple-htr",
                                                      "model:PellelNitram/xournalpp-htr-word-detector",
                                                      "dataset:PellelNitram/xournalpp_htr_examples"}));
        const LocalRepoInfo &word = (*all)[1];
        QCOMPARE(word.revisions.size(), size_t(3));
        QCOMPARE(word.refs.at("v1.0.0"), fixture::kV1);
        const LocalRevision *main = word.revision(fixture::kMain);
        QVERIFY(main);
        QCOMPARE(main->refs, (std::vector<std::string>{"main", "refs/pr/1"})); // "main" first
        QCOMPARE(main->fileCount, uint64_t(4));
        QVERIFY(word.revision(fixture::kOld)->refs.empty()); // detached, still listed
        QVERIFY((*all)[0].damaged);
        QVERIFY(!word.damaged);

        LocalListQuery datasets;
        datasets.type = RepoType::Dataset;
        QCOMPARE(ids(*source.listRepos(datasets)),
                 (std::vector<std::string>{"dataset:PellelNitram/xournalpp_htr_examples"}));
        LocalListQuery byAuthor;
        byAuthor.type = RepoType::Model;
        byAuthor.author = "pellelnitram"; // namespaces compare without case, like the Hub
        QCOMPARE(source.listRepos(byAuthor)->size(), size_t(2));
        byAuthor.author = "someone-else";
        QVERIFY(source.listRepos(byAuthor)->empty());
        LocalListQuery search;
        search.search = "WORD";
        QCOMPARE(ids(*source.listRepos(search)),
                 (std::vector<std::string>{"model:PellelNitram/xournalpp-htr-word-detector"}));
    }

    void listRepos_aCacheNotCreatedYetIsEmptyNotAnError()
    {
        QTemporaryDir tmp;
        auto repos = LocalRepoSource(tmp.path().toStdString() + "/never/created").listRepos({});
        QVERIFY(repos);
        QVERIFY(repos->empty());
    }

    void repoInfo_defaultRevisionIsMainElseTheNewestCached()
    {
        QTemporaryDir tmp;
        const auto f = fixture::build(tmp.path().toStdString() + "/hub");
        const LocalRepoSource source(f.root);
        auto word = source.repoInfo(kWord);
        QVERIFY(word);
        QCOMPARE(word->defaultRevision()->commit, fixture::kMain);
        QCOMPARE(word->defaultRevision()->name(), std::string("main"));

        // Downloaded at a tag only (the issue's "cache that holds the word detector at v1.1.0").
        const fixture::Repo tagged{f.root / "models--acme--tagged"};
        const std::string c = fixture::commitId('7');
        tagged.file(c, "README.md", "# Tagged", false);
        tagged.ref("v1.1.0", c);
        auto info = source.repoInfo(ref(RepoType::Model, "acme/tagged"));
        QVERIFY(info);
        QCOMPARE(info->defaultRevision()->name(), std::string("v1.1.0"));

        auto missing = source.repoInfo(ref(RepoType::Model, "acme/not-here"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotCached);
        QVERIFY(missing.error().message.find("not on this computer") != std::string::npos);
    }

    void resolve_refsCommitsAndPrefixesOfCachedSnapshotsOnly()
    {
        QTemporaryDir tmp;
        const auto f = fixture::build(tmp.path().toStdString() + "/hub");
        const LocalRepoSource source(f.root);
        QCOMPARE(*source.resolve(kWord, "v1.0.0"), fixture::kV1);
        QCOMPARE(*source.resolve(kWord, ""), fixture::kMain);
        QCOMPARE(*source.resolve(kWord, "feature/quantized"), fixture::kV1);
        QCOMPARE(*source.resolve(kWord, fixture::kOld), fixture::kOld);
        QCOMPARE(*source.resolve(kWord, "9999999"), fixture::kOld);
        QCOMPARE(source.resolve(kWord, "abcdef1").error().code, ErrorCode::NotCached);
        QCOMPARE(source.resolve(kWord, "v9").error().code, ErrorCode::NotCached);
        QCOMPARE(source.resolve(kWord, std::string(40, 'e')).error().code, ErrorCode::NotCached);
        // refs/main of the damaged repo points to a snapshot that is not there: no guessing.
        const auto damagedMain = source.resolve(ref(RepoType::Model, "PellelNitram/xournalpp-htr-simple-htr"), "main");
        QCOMPARE(damagedMain.error().code, ErrorCode::NotCached);
        QVERIFY(damagedMain.error().message.find("not on this computer") != std::string::npos);

        const fixture::Repo twins{f.root / "models--acme--twins"};
        twins.file("abcdef1" + std::string(33, '1'), "a.txt", "a", false);
        twins.file("abcdef1" + std::string(33, '2'), "b.txt", "b", false);
        const RepoRef t = ref(RepoType::Model, "acme/twins");
        QCOMPARE(source.resolve(t, "abcdef1").error().code, ErrorCode::InvalidArgument);
        QCOMPARE(*source.resolve(t, "abcdef11"), "abcdef1" + std::string(33, '1'));
    }

    void tree_listsWhatIsOnDiskAndWhatTheListingSaysIsMissing()
    {
        QTemporaryDir tmp;
        const auto f = fixture::build(tmp.path().toStdString() + "/hub");
        const LocalRepoSource source(f.root);
        writeListing(f.word(), fixture::kMain,
                     R"({"README.md": {"size": 3000, "blob_id": ")" + f.etags.at("readme") +
                         R"("}, "model.onnx": {"size": 134, "blob_id": "1111111111111111111111111111111111111111",
                          "lfs_sha256": ")" +
                         f.etags.at("onnxMain") + R"(", "lfs_size": 45000},
                         "tokenizer.json": {"size": 2048, "blob_id": "2222222222222222222222222222222222222222"},
                         "weights/big.safetensors": {"size": 130, "blob_id": "3333333333333333333333333333333333333333",
                          "lfs_sha256": ")" +
                         std::string(64, '4') + R"(", "lfs_size": 9000000}})");

        auto main = source.tree(kWord, "main");
        QVERIFY(main);
        QCOMPARE(main->commit, fixture::kMain);
        QVERIFY(main->hasListing);
        QCOMPARE(main->files.size(), size_t(6)); // 4 on disk + 2 only listed
        QCOMPARE(main->onDiskCount(), size_t(4));
        const LocalFile *onnx = fileOf(*main, "model.onnx");
        QVERIFY(onnx && onnx->onDisk());
        QCOMPARE(onnx->size, uint64_t(45000));
        QCOMPARE(onnx->gitOid, std::string(40, '1')); // the pointer's git id, from the listing
        QCOMPARE(onnx->lfsSha256, f.etags.at("onnxMain"));
        const LocalFile *big = fileOf(*main, "weights/big.safetensors");
        QVERIFY(big);
        QCOMPARE(big->presence, LocalFile::Presence::NotDownloaded);
        QCOMPARE(big->size, uint64_t(9000000)); // the LFS size, not the pointer's
        QCOMPARE(fileOf(*main, "tokenizer.json")->presence, LocalFile::Presence::NotDownloaded);

        // Without a listing: only what is on disk, content ids from the blob names (etags).
        auto v1 = source.tree(kWord, "v1.0.0");
        QVERIFY(v1);
        QVERIFY(!v1->hasListing);
        QCOMPARE(v1->files.size(), size_t(3));
        QCOMPARE(fileOf(*v1, "model.onnx")->lfsSha256, f.etags.at("onnxV1"));
        QVERIFY(fileOf(*v1, "model.onnx")->gitOid.empty());
        QCOMPARE(fileOf(*v1, "config.json")->gitOid, f.etags.at("config"));
        QVERIFY(fileOf(*v1, "config.json")->lfsSha256.empty());
        QCOMPARE(fileOf(*v1, "config.json")->size, uint64_t(f.config.size()));

        auto nested = source.tree(kExamplesRepo, "main");
        QVERIFY(nested);
        QVERIFY(fileOf(*nested, "data/2024-07-26_minimal.xopp"));
    }

    void readFile_returnsSnapshotBytesAndSaysWhyNot()
    {
        QTemporaryDir tmp;
        const auto f = fixture::build(tmp.path().toStdString() + "/hub");
        const LocalRepoSource source(f.root);
        QCOMPARE(*source.readFile(kWord, "main", "README.md", 1 << 20), f.readme);
        QCOMPARE(*source.readFile(kWord, "v1.0.0", "config.json", 1 << 20), f.config);
        QCOMPARE(*source.readFile(kExamplesRepo, fixture::kExamples, "data/empty.xopp", 1 << 20), f.exEmpty);

        // Not downloaded at v1.0.0, and nothing says it does not exist there.
        auto notHere = source.readFile(kWord, "v1.0.0", "README.md", 1 << 20);
        QCOMPARE(notHere.error().code, ErrorCode::NotCached);
        QVERIFY(notHere.error().message.find("not on this computer") != std::string::npos);
        // The Hub said so (.no_exist marker).
        QCOMPARE(source.readFile(kWord, "main", "tokenizer.json", 1 << 20).error().code, ErrorCode::EntryNotFound);
        // The listing of the revision does not have it.
        writeListing(f.word(), fixture::kV1, R"({"config.json": {"size": 600, "blob_id": "x"}})");
        QCOMPARE(source.readFile(kWord, "v1.0.0", "README.md", 1 << 20).error().code, ErrorCode::EntryNotFound);

        QCOMPARE(source.readFile(kWord, "main", "README.md", 100).error().code, ErrorCode::TooLarge);
        QCOMPARE(source.readFile(kWord, "main", "../refs/main", 1 << 20).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(source.readFile(kWord, "v7", "README.md", 1 << 20).error().code, ErrorCode::NotCached);
    }

    void readFile_neverFollowsALinkOutOfTheCacheRoot()
    {
        QTemporaryDir tmp;
        const auto f = fixture::build(tmp.path().toStdString() + "/hub");
        const fs::path outside = tmp.path().toStdString() + "/outside";
        fixture::writeFile(outside / "secret.txt", "not for the cache");
        const fixture::Repo r{f.root / "models--acme--sneaky"};
        const std::string c = fixture::commitId('8');
        r.file(c, "README.md", "# Sneaky", false);
        fs::create_symlink(outside / "secret.txt", r.dir / "snapshots" / c / "secret.txt"); // absolute link out
        fs::create_symlink(outside, r.dir / "snapshots" / c / "folder");                    // a folder link out
        r.ref("main", c);
        const LocalRepoSource source(f.root);
        const RepoRef sneaky = ref(RepoType::Model, "acme/sneaky");

        QCOMPARE(*source.readFile(sneaky, "main", "README.md", 1 << 20), std::string("# Sneaky"));
        auto direct = source.readFile(sneaky, "main", "secret.txt", 1 << 20);
        QCOMPARE(direct.error().code, ErrorCode::Refused);
        QVERIFY(direct.error().message.find("outside the cache folder") != std::string::npos);
        QCOMPARE(source.readFile(sneaky, "main", "folder/secret.txt", 1 << 20).error().code, ErrorCode::Refused);

        auto tree = source.tree(sneaky, "main");
        QVERIFY(tree);
        QVERIFY(fileOf(*tree, "README.md")->onDisk());
        QCOMPARE(fileOf(*tree, "secret.txt")->presence, LocalFile::Presence::Unsafe);
    }
};

QTEST_GUILESS_MAIN(TestCacheLocalRepo)
#include "test_cache_localrepo.moc"
