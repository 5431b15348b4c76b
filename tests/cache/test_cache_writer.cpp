// The cache writer: byte-for-byte Python layout, locks between threads and processes, resume,
// hash checks, hostile paths and no-symlink mode.

#include "cache_fixture.h"

#include "hub/cache/resolve.h"
#include "hub/cache/scan.h"
#include "hub/cache/writer.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <thread>

using namespace hub;
using namespace hub::cache;
namespace fs = std::filesystem;

namespace {
RepoRef wordRef()
{
    return RepoRef{RepoType::Model, *RepoId::parse("PellelNitram/xournalpp-htr-word-detector")};
}
const std::string kCommit = fixture::kMain;
} // namespace

class TestCacheWriter final : public QObject {
    Q_OBJECT

private slots:
    void writer_layoutIsByteForByteLikePython()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        CacheWriter w(root, {SymlinkMode::Always});
        const std::string config = fixture::bytes(600, 'c');
        const std::string onnx = fixture::bytes(4000, 'o');
        auto p1 = w.storeFile(wordRef(), "main", kCommit, "config.json", gitBlobSha1Hex(config), config);
        QVERIFY2(p1.ok(), p1.ok() ? "" : p1.error().describe().c_str());
        auto p2 = w.storeFile(wordRef(), "refs/pr/1", kCommit, "onnx/fp16/model.onnx", sha256Hex(onnx), onnx);
        QVERIFY(p2.ok());

        const fs::path repo = root / "models--PellelNitram--xournalpp-htr-word-detector";
        QCOMPARE(*p1, repo / "snapshots" / kCommit / "config.json");
        QCOMPARE(fs::read_symlink(*p1).string(), "../../blobs/" + gitBlobSha1Hex(config));
        QCOMPARE(fs::read_symlink(*p2).string(), "../../../../blobs/" + sha256Hex(onnx));
        QCOMPARE(fixture::readFile(*p2), onnx);
        QCOMPARE(fixture::readFile(repo / "refs" / "main"), kCommit); // no newline
        QCOMPARE(fixture::readFile(repo / "refs" / "refs" / "pr" / "1"), kCommit);
        QCOMPARE(fixture::readFile(root / "CACHEDIR.TAG"),
                 std::string("Signature: 8a477f597d28d172789f06886806bc55\n"
                             "# This file is a cache directory tag created by huggingface_hub.\n"
                             "# For information about cache directory tags, see:\n"
                             "#\thttps://bford.info/cachedir/\n"));
        const fs::path lock = root / ".locks" / repo.filename() / (sha256Hex(onnx) + ".lock");
        struct stat st {};
        QCOMPARE(::stat(lock.c_str(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0664u);
        // No temp files left behind anywhere.
        for (const auto &e : fs::recursive_directory_iterator(root))
            QVERIFY2(e.path().string().find(".tmp") == std::string::npos &&
                         e.path().string().find(".incomplete") == std::string::npos,
                     e.path().c_str());
        // A second store of the same content links the existing blob.
        auto p3 = w.storeFile(wordRef(), "v1.0.0", fixture::kV1, "config.json", gitBlobSha1Hex(config), config);
        QVERIFY(p3.ok());
        auto info = CacheScanner::scan(root);
        QVERIFY(info.ok());
        QCOMPARE(info->repos[0].sizeOnDisk, uint64_t(4600));
        QCOMPARE(info->repos[0].revisions.size(), size_t(2));
        QVERIFY(info->warnings.empty());
    }

    void writer_refIsRewrittenOnlyWhenChangedAndNeverDangles()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        CacheWriter w(root);
        QVERIFY(w.writeRef(wordRef(), "main", kCommit).ok());
        const fs::path ref = w.repoDir(wordRef()) / "refs" / "main";
        QVERIFY(fs::is_directory(w.repoDir(wordRef()) / "snapshots" / kCommit));
        ::chmod(ref.c_str(), 0444);
        ::chmod(ref.parent_path().c_str(), 0555);
        QVERIFY(w.writeRef(wordRef(), "main", kCommit).ok()); // same content: no write needed
        ::chmod(ref.parent_path().c_str(), 0755);
        QVERIFY(w.writeRef(wordRef(), "main", fixture::kV1).ok());
        QCOMPARE(fixture::readFile(ref), fixture::kV1);
        QVERIFY(w.writeRef(wordRef(), kCommit, kCommit).ok()); // a commit needs no ref
        QVERIFY(!fs::exists(w.repoDir(wordRef()) / "refs" / kCommit));
        QVERIFY(!w.writeRef(wordRef(), "main", "abc").ok());
    }

    void writer_resumesPartialAndChecksHash()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        CacheWriter w(root);
        const std::string data = fixture::bytes(100000, 'm');
        const std::string etag = sha256Hex(data);
        {
            auto lock = w.lockBlob(wordRef(), etag);
            QVERIFY(lock.ok());
            auto part = w.openPartial(*lock, wordRef(), etag, data.size());
            QVERIFY(part.ok());
            QCOMPARE(part->currentSize(), uint64_t(0));
            QVERIFY(part->append(data.substr(0, 40000)).ok());
            // Interrupted here: the partial stays, the blob is not visible.
        }
        QVERIFY(!w.hasBlob(wordRef(), etag));
        QCOMPARE(fs::file_size(w.partialPath(wordRef(), etag)), uintmax_t(40000));
        auto scan = CacheScanner::scan(root);
        QCOMPARE(scan->partials.size(), size_t(1));
        {
            auto lock = w.lockBlob(wordRef(), etag);
            auto part = w.openPartial(*lock, wordRef(), etag, data.size());
            QVERIFY(part.ok());
            QCOMPARE(part->currentSize(), uint64_t(40000));
            QVERIFY(part->append(data.substr(40000)).ok());
            auto pointer = part->finish(kCommit, "model.onnx");
            QVERIFY2(pointer.ok(), pointer.ok() ? "" : pointer.error().describe().c_str());
            QCOMPARE(fixture::readFile(*pointer), data);
        }
        QVERIFY(w.hasBlob(wordRef(), etag));
        QVERIFY(!fs::exists(w.partialPath(wordRef(), etag)));

        // Wrong content for the etag: refused, thrown away, never visible.
        const std::string other = fixture::bytes(500, 'x');
        const std::string claimed = sha256Hex("something else entirely");
        auto lock = w.lockBlob(wordRef(), claimed);
        auto part = w.openPartial(*lock, wordRef(), claimed, other.size());
        QVERIFY(part->append(other).ok());
        auto res = part->finish(kCommit, "bad.bin");
        QVERIFY(!res.ok());
        QCOMPARE(res.error().code, ErrorCode::Corrupt);
        QVERIFY(!w.hasBlob(wordRef(), claimed));
        QVERIFY(!fs::exists(w.partialPath(wordRef(), claimed)));
        QVERIFY(!fs::exists(w.pointerPath(wordRef(), kCommit, "bad.bin")));

        // Git blob sha1 etags are checked too; an incomplete file is not published.
        const std::string small = "hello\n";
        const std::string sha1 = gitBlobSha1Hex(small);
        auto lock2 = w.lockBlob(wordRef(), sha1);
        auto part2 = w.openPartial(*lock2, wordRef(), sha1, small.size());
        QVERIFY(part2->append("hel").ok());
        QVERIFY(!part2->finishBlobOnly().ok());
        QVERIFY(part2->append("lo\n").ok());
        QVERIFY(part2->finish(kCommit, "hello.txt").ok());
    }

    void writer_refusesHostilePaths()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        CacheWriter w(root);
        const std::string data = "x";
        for (const char *bad : {"../evil", "/etc/passwd", "a/../../b", "a\\b", "", "a//b", "./a", "a/."}) {
            auto r = w.storeFile(wordRef(), "main", kCommit, bad, gitBlobSha1Hex(data), data);
            QVERIFY2(!r.ok(), bad);
            QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        }
        for (const char *bad : {"../../x", "a/b", "", ".."}) {
            QVERIFY2(!w.storeFile(wordRef(), "main", kCommit, "f", bad, data).ok(), bad);
            QVERIFY2(!w.lockBlob(wordRef(), bad).ok(), bad);
        }
        QVERIFY(!w.writeRef(wordRef(), "../../../escape", kCommit).ok());
        QVERIFY(!w.markNoExist(wordRef(), "main", kCommit, "../x").ok());
        QVERIFY(!fs::exists(tmp.path().toStdString() + "/evil"));
        QVERIFY(!fs::exists(tmp.path().toStdString() + "/escape"));
        QVERIFY(!fs::exists(root / "escape"));
    }

    void writer_marksMissingFilesLikePython()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        CacheWriter w(root);
        QVERIFY(w.markNoExist(wordRef(), "main", kCommit, "sub/tokenizer.json").ok());
        QVERIFY(fs::exists(w.noExistPath(wordRef(), kCommit, "sub/tokenizer.json")));
        QCOMPARE(CacheResolver(root).lookup(wordRef(), "sub/tokenizer.json")->state, CachedLookup::State::KnownMissing);
        auto info = CacheScanner::scan(root);
        QCOMPARE(info->repos[0].noExist.size(), size_t(1));
        QVERIFY(!info->repos[0].damaged());
    }

    void writer_noSymlinkModeMovesNewBlobsAndCopiesExistingOnes()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        CacheWriter w(root, {SymlinkMode::Never});
        QVERIFY(!w.usesSymlinks());
        const std::string data = fixture::bytes(3000, 'n');
        auto p = w.storeFile(wordRef(), "main", kCommit, "dir/model.onnx", sha256Hex(data), data);
        QVERIFY(p.ok());
        QVERIFY(!fs::is_symlink(*p));
        QCOMPARE(fixture::readFile(*p), data);
        QVERIFY(!w.hasBlob(wordRef(), sha256Hex(data))); // moved, like Python
        auto info = CacheScanner::scan(root);
        QCOMPARE(info->repos[0].sizeOnDisk, uint64_t(3000));
        QVERIFY(!info->repos[0].damaged());
        QVERIFY(CacheWriter(root).usesSymlinks()); // the probe finds symlinks work here
    }

    void lock_contentionBetweenThreads()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        CacheWriter w(root);
        const std::string etag = sha256Hex("t");
        auto held = w.lockBlob(wordRef(), etag);
        QVERIFY(held.ok());
        std::optional<bool> tryResult;
        std::optional<ErrorCode> timedOut;
        std::thread t([&] {
            auto again = w.tryLockBlob(wordRef(), etag);
            tryResult = again.ok() && again->has_value();
            auto waited = w.lockBlob(wordRef(), etag, LockWait{std::chrono::milliseconds(100), nullptr});
            if (!waited.ok())
                timedOut = waited.error().code;
        });
        t.join();
        QCOMPARE(*tryResult, false);
        QCOMPARE(*timedOut, ErrorCode::Timeout);
        std::atomic<bool> cancel{true};
        auto cancelled = w.lockBlob(wordRef(), etag, LockWait{std::chrono::milliseconds(0), &cancel});
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
        QVERIFY(BlobLock::isHeld(w.lockPath(wordRef(), etag)));

        // A waiter gets the lock as soon as it is released.
        std::atomic<bool> got{false};
        std::thread waiter([&] {
            auto l = w.lockBlob(wordRef(), etag, LockWait{std::chrono::milliseconds(30000), nullptr});
            got = l.ok();
        });
        held->release();
        waiter.join();
        QVERIFY(got.load());
        QVERIFY(!BlobLock::isHeld(w.lockPath(wordRef(), etag)));
    }

    void lock_contentionBetweenProcessesAndConcurrentStores()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        CacheWriter w(root);
        const std::string etag = sha256Hex("p");
        int toChild[2];
        int toParent[2];
        QCOMPARE(::pipe(toChild), 0);
        QCOMPARE(::pipe(toParent), 0);
        const pid_t pid = ::fork();
        if (pid == 0) {
            auto l = CacheWriter(root).lockBlob(wordRef(), etag);
            char c = l.ok() ? 'L' : 'E';
            (void)!::write(toParent[1], &c, 1);
            (void)!::read(toChild[0], &c, 1);
            ::_exit(0);
        }
        char c = 0;
        QCOMPARE(::read(toParent[0], &c, 1), ssize_t(1));
        QCOMPARE(c, 'L');
        auto attempt = w.tryLockBlob(wordRef(), etag);
        QVERIFY(attempt.ok() && !attempt->has_value());
        QVERIFY(BlobLock::isHeld(w.lockPath(wordRef(), etag)));
        (void)!::write(toChild[1], "x", 1);
        int status = 0;
        ::waitpid(pid, &status, 0);
        auto after = w.tryLockBlob(wordRef(), etag);
        QVERIFY(after.ok() && after->has_value());
        for (int fd : {toChild[0], toChild[1], toParent[0], toParent[1]})
            ::close(fd);
        after->reset();

        // Four processes store the same large file at once: one blob, correct content, no debris.
        const std::string data = fixture::bytes(2 << 20, 'c');
        const std::string dataEtag = sha256Hex(data);
        std::vector<pid_t> kids;
        for (int i = 0; i < 4; ++i) {
            const pid_t k = ::fork();
            if (k == 0) {
                auto r = CacheWriter(root).storeFile(wordRef(), "main", kCommit, "big.bin", dataEtag, data);
                if (!r.ok())
                    std::fprintf(stderr, "child store failed: %s\n", r.error().describe().c_str());
                ::_exit(r.ok() ? 0 : 1);
            }
            kids.push_back(k);
        }
        for (pid_t k : kids) {
            int st = 0;
            ::waitpid(k, &st, 0);
            QVERIFY(WIFEXITED(st) && WEXITSTATUS(st) == 0);
        }
        QCOMPARE(fixture::readFile(w.pointerPath(wordRef(), kCommit, "big.bin")), data);
        auto info = CacheScanner::scan(root);
        QVERIFY(info->partials.empty());
        QVERIFY(info->warnings.empty());
    }
};

QTEST_GUILESS_MAIN(TestCacheWriter)
#include "test_cache_writer.moc"
