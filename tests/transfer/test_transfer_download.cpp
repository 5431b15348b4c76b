// Downloads through the transfer engine against the sandbox Hub: cache layout, local_dir mode,
// ranged multi-connection fetches, pause/resume/cancel, and resuming from the journal.

#include "transfer_fixture.h"

#include "hub/cache/writer.h"

#include <QTest>

using namespace transfertest;
using hub::JobState;

class TestTransferDownload : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { m_server = startSandbox(); }

    void download_repoDeletedWhileRunning_neverReportsSuccessWithFilesMissing()
    {
        // What `hubdesk-cli cache rm` (or the cache page's delete) does to a repo while Transfers
        // still fetches it: the download ends with every file and the ref in place (it publishes
        // again what was removed; only repeated removals make it fail, saying why), never "done"
        // with pointers or refs/main missing.
        QTemporaryDir dir;
        auto o = engineOptions(*m_server, dir);
        o.bandwidthLimitBytesPerSec = 256 * 1024; // the big file takes a few seconds
        hub::TransferEngine engine(o);
        const auto r = repo(hub::sandbox::demo::kWordDetector);
        auto id = engine.submit(hub::DownloadRequest{r, "main", {}, {}});
        QVERIFY(id.ok());
        hub::cache::CacheWriter w(fs::path(dir.path().toStdString()) / "cache");
        bool deleted = false;
        for (int i = 0; i < 600 && !deleted; ++i) {
            auto s = engine.waitForJob(*id, std::chrono::milliseconds(20));
            if (s && hub::isFinalState(s->state))
                break;
            if (s && s->filesDone >= 1 && s->filesDone < s->filesTotal) {
                std::error_code ec;
                fs::remove_all(w.repoDir(r), ec);
                deleted = !ec;
            }
        }
        QVERIFY2(deleted, "the delete did not happen while the download ran");
        const auto s = waitDone(engine, *id);
        // The files removed under it are fetched and published again: a success is a full one.
        QVERIFY2(s.state == JobState::Done, s.error ? s.error->describe().c_str() : "");
        QCOMPARE(readFile(w.repoDir(r) / "refs" / "main"), s.result.commit);
        for (const auto &f : s.result.files)
            QVERIFY2(fs::exists(f), f.c_str());
        hub::HubClient client(clientConfig(*m_server));
        QString why;
        QVERIFY2(snapshotMatchesHub(client, r, s, &why), qPrintable(why));
        QCOMPARE(countFiles(w.repoDir(r) / "blobs", ".incomplete"), 0);
    }

    void download_wholeRevisionIntoCache()
    {
        QTemporaryDir dir;
        hub::TransferEngine engine(engineOptions(*m_server, dir));
        const auto r = repo(hub::sandbox::demo::kWordDetector);
        auto id = engine.submit(hub::DownloadRequest{r, "main", {}, {}});
        QVERIFY(id.ok());
        const auto s = waitDone(engine, *id);
        QCOMPARE(s.state, JobState::Done);
        QVERIFY(s.filesTotal >= 3);
        QCOMPARE(s.filesDone, s.filesTotal);
        QCOMPARE(s.bytesDone, s.bytesTotal);
        QVERIFY(hub::isCommitId(s.result.commit));
        // refs/main holds the commit, without a newline; pointers are relative symlinks.
        hub::cache::CacheWriter w(fs::path(dir.path().toStdString()) / "cache");
        QCOMPARE(readFile(w.repoDir(r) / "refs" / "main"), s.result.commit);
        const auto ptr = w.pointerPath(r, s.result.commit, "model.onnx");
        QVERIFY(fs::is_symlink(ptr));
        QVERIFY(fs::read_symlink(ptr).is_relative());
        hub::HubClient client(clientConfig(*m_server));
        QString why;
        QVERIFY2(snapshotMatchesHub(client, r, s, &why), qPrintable(why));
        QCOMPARE(countFiles(w.repoDir(r) / "blobs", ".incomplete"), 0);

        // A second run finds everything in place and moves no byte.
        auto again = engine.submit(hub::DownloadRequest{r, "main", {}, {}});
        QVERIFY(again.ok());
        const auto s2 = waitDone(engine, *again);
        QCOMPARE(s2.state, JobState::Done);
        QCOMPARE(s2.result.filesTransferred, uint64_t{0});
        QCOMPARE(s2.result.filesSkipped, s2.filesTotal);
        QCOMPARE(s2.bytesTransferred, uint64_t{0});
    }

    // Small files are published without a lock file (only an optimisation since huggingface_hub
    // 1.18: partial files are per process and renames atomic); big ones keep theirs, so two
    // processes never fetch the same big blob twice. Links are made in place, no temporary left.
    void download_lockFilesOnlyForBigFiles()
    {
        const auto r = repo(hub::sandbox::demo::kWordDetector);
        hub::HubClient client(clientConfig(*m_server));
        const auto lockCount = [](const fs::path &cache) {
            int n = 0;
            std::error_code ec;
            if (fs::exists(cache / ".locks"))
                for (auto it = fs::recursive_directory_iterator(cache / ".locks", ec);
                     it != fs::recursive_directory_iterator(); ++it)
                    n += it->path().extension() == ".lock";
            return n;
        };
        for (const bool lockAll : {false, true}) {
            QTemporaryDir dir;
            auto opts = engineOptions(*m_server, dir);
            if (lockAll)
                opts.lockFilesFrom = 0;
            hub::TransferEngine engine(opts);
            const auto s = waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {}, {}}).value());
            QCOMPARE(s.state, JobState::Done);
            QString why;
            QVERIFY2(snapshotMatchesHub(client, r, s, &why), qPrintable(why));
            const fs::path cache = fs::path(dir.path().toStdString()) / "cache";
            if (lockAll)
                QCOMPARE(lockCount(cache), static_cast<int>(s.filesTotal));
            else
                QCOMPARE(lockCount(cache), 0); // every file of the test-scale demo is small
            hub::cache::CacheWriter w(cache);
            QCOMPARE(countFiles(w.repoDir(r) / "snapshots", ".tmp-link"), 0);
        }
    }

    void download_otherRevisionReusesSharedBlobs()
    {
        QTemporaryDir dir;
        hub::TransferEngine engine(engineOptions(*m_server, dir));
        const auto r = repo(hub::sandbox::demo::kWordDetector);
        const auto first = waitDone(engine, engine.submit(hub::DownloadRequest{r, "v1.1.0", {}, {}}).value());
        QCOMPARE(first.state, JobState::Done);
        const auto second = waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {}, {}}).value());
        QCOMPARE(second.state, JobState::Done);
        // model.onnx did not change between v1.1.0 and main: its blob is linked, not fetched.
        QVERIFY(second.result.filesSkipped >= 1);
        hub::cache::CacheWriter w(fs::path(dir.path().toStdString()) / "cache");
        QVERIFY(fs::exists(w.repoDir(r) / "refs" / "v1.1.0"));
    }

    void download_singleFileIntoLocalDir()
    {
        QTemporaryDir dir;
        const fs::path local = fs::path(dir.path().toStdString()) / "out";
        hub::TransferEngine engine(engineOptions(*m_server, dir));
        const auto r = repo(hub::sandbox::demo::kWordDetector);
        const auto s = waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {"config.json"}, local}).value());
        QCOMPARE(s.state, JobState::Done);
        QVERIFY(fs::is_regular_file(local / "config.json"));
        QVERIFY(!fs::is_symlink(local / "config.json"));
        const std::string meta = readFile(local / ".cache/huggingface/download/config.json.metadata");
        QVERIFY(meta.rfind(s.result.commit + "\n", 0) == 0);
        QCOMPARE(readFile(local / ".cache/huggingface/.gitignore"), std::string("*"));
        QVERIFY(!fs::exists(fs::path(dir.path().toStdString()) / "cache" /
                            "models--PellelNitram--xournalpp-htr-word-detector" / "blobs"));
        // Again: the metadata says the file is current, nothing is fetched.
        const auto s2 =
            waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {"config.json"}, local}).value());
        QCOMPARE(s2.state, JobState::Done);
        QCOMPARE(s2.result.filesTransferred, uint64_t{0});
    }

    void download_folderOfDataset()
    {
        QTemporaryDir dir;
        hub::TransferEngine engine(engineOptions(*m_server, dir));
        const auto r = repo(hub::sandbox::demo::kExamplesDataset, hub::RepoType::Dataset);
        const auto s = waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {"data"}, {}}).value());
        QCOMPARE(s.state, JobState::Done);
        QVERIFY(s.filesTotal >= 3);
        for (const auto &p : s.result.files)
            QVERIFY2(p.string().find("/data/") != std::string::npos, p.c_str());
    }

    void download_missingFileFailsClearly()
    {
        QTemporaryDir dir;
        hub::TransferEngine engine(engineOptions(*m_server, dir));
        const auto r = repo(hub::sandbox::demo::kWordDetector);
        const auto s = waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {"nope.bin"}, {}}).value());
        QCOMPARE(s.state, JobState::Failed);
        QVERIFY(s.error);
        QCOMPARE(s.error->code, hub::ErrorCode::EntryNotFound);
        QVERIFY(s.error->message.find("nope.bin") != std::string::npos);
    }

    void download_pauseKeepsPartialCancelRemovesIt()
    {
        QTemporaryDir dir;
        auto opts = engineOptions(*m_server, dir);
        opts.bandwidthLimitBytesPerSec = 100 * 1024; // slow enough to catch it mid-way
        hub::TransferEngine engine(opts);
        const auto r = repo(hub::sandbox::demo::kWordDetector);
        const auto id = engine.submit(hub::DownloadRequest{r, "main", {"model.onnx"}, {}}).value();
        QTRY_VERIFY_WITH_TIMEOUT(engine.job(id)->bytesDone > 50 * 1024, 20000);
        engine.pause(id);
        QTRY_COMPARE_WITH_TIMEOUT(engine.job(id)->state, JobState::Paused, 5000);
        hub::cache::CacheWriter w(opts.cacheDir);
        QCOMPARE(countFiles(w.repoDir(r) / "blobs", ".incomplete"), 1);
        const uint64_t kept = engine.job(id)->bytesDone;
        QVERIFY(kept > 0);
        engine.setBandwidthLimit(0);
        engine.resume(id);
        auto s = waitDone(engine, id);
        QCOMPARE(s.state, JobState::Done);
        QVERIFY(s.bytesTransferred <= s.bytesTotal); // the paused part was not fetched again
        QCOMPARE(countFiles(w.repoDir(r) / "blobs", ".incomplete"), 0);

        // Cancel: the partial is gone.
        QTemporaryDir dir2;
        auto opts2 = engineOptions(*m_server, dir2);
        opts2.bandwidthLimitBytesPerSec = 100 * 1024;
        hub::TransferEngine engine2(opts2);
        const auto id2 = engine2.submit(hub::DownloadRequest{r, "main", {"model.onnx"}, {}}).value();
        QTRY_VERIFY_WITH_TIMEOUT(engine2.job(id2)->bytesDone > 20 * 1024, 20000);
        engine2.cancel(id2);
        QTRY_COMPARE_WITH_TIMEOUT(engine2.job(id2)->state, JobState::Cancelled, 5000);
        hub::cache::CacheWriter w2(opts2.cacheDir);
        QCOMPARE(countFiles(w2.repoDir(r) / "blobs", ".incomplete"), 0);
        QVERIFY(!fs::exists(w2.pointerPath(r, engine2.job(id2)->result.commit, "model.onnx")));
    }

    void download_resumesFromJournalAfterRestart()
    {
        QTemporaryDir dir;
        auto opts = engineOptions(*m_server, dir);
        opts.bandwidthLimitBytesPerSec = 150 * 1024;
        const auto r = repo(hub::sandbox::demo::kWordDetector);
        hub::JobId id = 0;
        uint64_t before = 0;
        {
            hub::TransferEngine engine(opts);
            id = engine.submit(hub::DownloadRequest{r, "main", {"model.onnx"}, {}}).value();
            QTRY_VERIFY_WITH_TIMEOUT(engine.job(id)->bytesDone > 100 * 1024, 20000);
            before = engine.job(id)->bytesDone;
        } // destroyed mid-transfer, like a closed app
        QVERIFY(fs::exists(opts.stateDir / "transfers.json"));
        opts.bandwidthLimitBytesPerSec = 0;
        hub::TransferEngine engine(opts);
        auto restored = engine.job(id);
        QVERIFY(restored);
        QVERIFY(restored->bytesDone >= before / 2);
        const auto s = waitDone(engine, id);
        QCOMPARE(s.state, JobState::Done);
        // Only what was missing moved in the second session.
        QVERIFY2(s.bytesTransferred <= s.bytesTotal - before + 64 * 1024,
                 qPrintable(QStringLiteral("%1 > %2 - %3").arg(s.bytesTransferred).arg(s.bytesTotal).arg(before)));
        hub::HubClient client(clientConfig(*m_server));
        QString why;
        QVERIFY2(snapshotMatchesHub(client, r, s, &why), qPrintable(why));
    }

    void download_restoredPausedWithoutAutoResume()
    {
        QTemporaryDir dir;
        auto opts = engineOptions(*m_server, dir);
        opts.bandwidthLimitBytesPerSec = 50 * 1024;
        const auto r = repo(hub::sandbox::demo::kWordDetector);
        hub::JobId id = 0;
        {
            hub::TransferEngine engine(opts);
            id = engine.submit(hub::DownloadRequest{r, "main", {"model.onnx"}, {}}).value();
            QTRY_VERIFY_WITH_TIMEOUT(engine.job(id)->bytesDone > 0, 20000);
        }
        opts.autoResume = false;
        opts.bandwidthLimitBytesPerSec = 0;
        hub::TransferEngine engine(opts);
        QCOMPARE(engine.job(id)->state, JobState::Paused);
        engine.resume(id);
        QCOMPARE(waitDone(engine, id).state, JobState::Done);
    }

    void download_gatedRepoWithoutAccessFails()
    {
        QTemporaryDir dir;
        hub::TransferEngine engine(engineOptions(*m_server, dir, hub::sandbox::demo::kDemoReaderToken));
        const auto r = repo(hub::sandbox::demo::kGatedModel);
        const auto s = waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {"model.onnx"}, {}}).value());
        QCOMPARE(s.state, JobState::Failed);
        QVERIFY(s.error);
        QCOMPARE(s.error->code, hub::ErrorCode::GatedRepo);
        QVERIFY(s.error->message.find("hf_") == std::string::npos);
    }

    void download_tokenNeverSentToBlobHost()
    {
        m_server->resetBlobHostSawAuthorization();
        QTemporaryDir dir;
        hub::TransferEngine engine(engineOptions(*m_server, dir, hub::sandbox::demo::kDemoOwnerToken));
        const auto r = repo(hub::sandbox::demo::kSimpleHtr);
        const auto s = waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {}, {}}).value());
        QCOMPARE(s.state, JobState::Done);
        QVERIFY(!m_server->blobHostSawAuthorization());
    }

private:
    std::unique_ptr<hub::sandbox::Server> m_server;
};

QTEST_GUILESS_MAIN(TestTransferDownload)
#include "test_transfer_download.moc"
