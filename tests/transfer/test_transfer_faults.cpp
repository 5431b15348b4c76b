// The engine against a misbehaving Hub: dropped connections, 429, 503 bursts, a stalled server,
// corrupt data and an upload interrupted between the LFS upload and the commit. Each case ends
// with a correct cache or a clear error, and never with corrupt data.

#include "transfer_fixture.h"

#include "hub/cache/writer.h"

#include <QElapsedTimer>
#include <QTest>

using namespace transfertest;
using hub::JobState;
namespace demo = hub::sandbox::demo;

class TestTransferFaults : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_data = std::make_unique<QTemporaryDir>();
        hub::sandbox::ServerOptions o;
        o.dataDir = fs::path(m_data->path().toStdString()) / "hub";
        m_server = startSandbox(o);
        m_client = std::make_unique<hub::HubClient>(clientConfig(*m_server, demo::kDemoOwnerToken));
    }

    void cleanup() { m_server->clearFaults(); }

    void download_resumesAfterConnectionDroppedAt20Offsets()
    {
        const auto r = repo(demo::kWordDetector);
        hub::HubClient client(clientConfig(*m_server));
        for (int i = 0; i < 20; ++i) {
            QTemporaryDir dir;
            auto opts = engineOptions(*m_server, dir);
            opts.connectionsPerFile = i % 2 == 0 ? 1 : 4; // single stream and ranged both
            opts.adaptiveConnections = i % 4 == 3;        // and ranged with the ramp
            opts.rampWindow = std::chrono::milliseconds(1);
            hub::TransferEngine engine(opts);
            hub::sandbox::FaultSpec f;
            f.pathPrefix = "/__lfs/";
            f.dropAfterBytes = 1 + i * 33331; // spread over the ~700 KB file
            f.count = 1;
            m_server->addFault(f);
            const auto s = waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {"model.onnx"}, {}}).value());
            m_server->clearFaults();
            QVERIFY2(s.state == JobState::Done, s.error ? s.error->describe().c_str() : "not done");
            QString why;
            QVERIFY2(snapshotMatchesHub(client, r, s, &why), qPrintable(why));
            // The drop cost at most one extra segment's worth of bytes, not a restart from zero.
            QVERIFY(s.bytesTransferred <= s.bytesTotal + 64 * 1024);
        }
    }

    void download_waitsOutRateLimitWithRetryAfter()
    {
        QTemporaryDir dir;
        auto opts = engineOptions(*m_server, dir);
        // Backoff alone would retry after 10 ms: only the server's Retry-After makes it wait 2 s.
        opts.clientConfig.retry.initialDelay = std::chrono::milliseconds(10);
        hub::TransferEngine engine(opts);
        hub::sandbox::FaultSpec f;
        f.pathPrefix = "/__lfs/";
        f.status = 429;
        f.count = 1;
        f.retryAfterSeconds = 2;
        m_server->addFault(f);
        const auto r = repo(demo::kWordDetector);
        QElapsedTimer elapsed;
        elapsed.start();
        const auto s = waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {"model.onnx"}, {}}).value());
        QVERIFY2(s.state == JobState::Done, s.error ? s.error->describe().c_str() : "not done");
        // A lower bound only (a slow machine makes it longer, never shorter): the retry did not
        // come before the 2 s the server asked for.
        QVERIFY2(elapsed.elapsed() >= 1900, qPrintable(QString::number(elapsed.elapsed())));
    }

    void download_survivesBurstOf503()
    {
        QTemporaryDir dir;
        hub::TransferEngine engine(engineOptions(*m_server, dir));
        hub::sandbox::FaultSpec f;
        f.pathPrefix = "/PellelNitram/xournalpp-htr-simple-htr/resolve/";
        f.status = 503;
        f.count = 3;
        m_server->addFault(f);
        const auto r = repo(demo::kSimpleHtr);
        const auto s = waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {}, {}}).value());
        QVERIFY2(s.state == JobState::Done, s.error ? s.error->describe().c_str() : "not done");
        hub::HubClient client(clientConfig(*m_server));
        QString why;
        QVERIFY2(snapshotMatchesHub(client, r, s, &why), qPrintable(why));
    }

    void download_givesUpOnPersistent503WithClearError()
    {
        QTemporaryDir dir;
        auto opts = engineOptions(*m_server, dir);
        opts.clientConfig.retry.maxRetries = 2;
        hub::TransferEngine engine(opts);
        hub::sandbox::FaultSpec f;
        f.pathPrefix = "/__lfs/";
        f.status = 503;
        f.count = 1000;
        m_server->addFault(f);
        const auto r = repo(demo::kWordDetector);
        const auto s = waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {"model.onnx"}, {}}).value());
        QCOMPARE(s.state, JobState::Failed);
        QVERIFY(s.error);
        QCOMPARE(s.error->code, hub::ErrorCode::ServerError);
        hub::cache::CacheWriter w(opts.cacheDir);
        QVERIFY(!fs::exists(w.pointerPath(r, s.result.commit, "model.onnx")));
        // Retry once the server is back: it completes.
        m_server->clearFaults();
        engine.retry(s.id);
        QCOMPARE(waitDone(engine, s.id).state, JobState::Done);
    }

    void download_dropsAndRetriesStalledConnection()
    {
        const auto r = repo(demo::kWordDetector);
        // How many requests the download makes when nothing goes wrong.
        uint64_t healthy = 0;
        {
            QTemporaryDir dir;
            hub::TransferEngine engine(engineOptions(*m_server, dir));
            const uint64_t before = m_server->requestCount();
            const auto s = waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {"model.onnx"}, {}}).value());
            QVERIFY2(s.state == JobState::Done, s.error ? s.error->describe().c_str() : "not done");
            healthy = m_server->requestCount() - before;
        }
        QTemporaryDir dir;
        auto opts = engineOptions(*m_server, dir);
        opts.stallTimeout = std::chrono::seconds(1);
        hub::TransferEngine engine(opts);
        hub::sandbox::FaultSpec f;
        f.pathPrefix = "/__lfs/";
        f.latencyMs = 4000; // the server would answer after 4 s: a patient client needs no retry
        f.count = 1;
        m_server->addFault(f);
        const uint64_t before = m_server->requestCount();
        const auto s = waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {"model.onnx"}, {}}).value());
        QVERIFY2(s.state == JobState::Done, s.error ? s.error->describe().c_str() : "not done");
        // The stalled connection was given up after 1 s and the file fetched by a new request;
        // without stall detection the download also ends (after 4 s) but with no extra request.
        const uint64_t made = m_server->requestCount() - before;
        QVERIFY2(made > healthy, qPrintable(QStringLiteral("%1 requests, %2 when healthy").arg(made).arg(healthy)));
    }

    void download_hashMismatchRetriesOnceThenFails()
    {
        // Corrupt the sandbox's stored copy of an LFS object (same size, one byte changed).
        const auto r = repo(demo::kCarbune);
        hub::TreeQuery q;
        q.recursive = true;
        auto tree = m_client->tree(r, q);
        QVERIFY(tree.ok());
        std::string oid;
        std::string path;
        for (const auto &e : *tree) {
            if (e.lfs) {
                oid = e.lfs->oid;
                path = e.path;
                break;
            }
        }
        QVERIFY(!oid.empty());
        const fs::path stored = fs::path(m_data->path().toStdString()) / "hub" / "lfs" / oid.substr(0, 2) / oid;
        QVERIFY2(fs::exists(stored), stored.c_str());
        const std::string original = readFile(stored);
        std::string corrupt = original;
        corrupt[corrupt.size() / 2] = static_cast<char>(corrupt[corrupt.size() / 2] ^ 0x5a);
        writeFile(stored, corrupt);

        QTemporaryDir dir;
        auto opts = engineOptions(*m_server, dir);
        hub::TransferEngine engine(opts);
        const auto s = waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {path}, {}}).value());
        writeFile(stored, original);
        QCOMPARE(s.state, JobState::Failed);
        QVERIFY(s.error);
        QCOMPARE(s.error->code, hub::ErrorCode::Corrupt);
        QVERIFY(s.error->message.find(path) != std::string::npos);
        // Fetched twice (one retry), and nothing corrupt is visible in the cache.
        QVERIFY(s.bytesTransferred >= 2 * s.bytesTotal);
        hub::cache::CacheWriter w(opts.cacheDir);
        QVERIFY(!w.hasBlob(r, oid));
        QCOMPARE(countFiles(w.repoDir(r) / "blobs", ".incomplete"), 0);
        QVERIFY(!fs::exists(w.pointerPath(r, s.result.commit, path)));
        // With the server's data repaired, a retry succeeds.
        engine.retry(s.id);
        QCOMPARE(waitDone(engine, s.id).state, JobState::Done);
        QVERIFY(w.hasBlob(r, oid));
    }

    void upload_interruptedBeforeCommitResendsNothing()
    {
        const auto r = repo("PellelNitram/faults-upload");
        QVERIFY(m_client->createRepo(r).ok());
        QTemporaryDir dir;
        const fs::path src = fs::path(dir.path().toStdString()) / "src";
        std::string big(300 * 1024, '\0');
        for (size_t i = 0; i < big.size(); ++i)
            big[i] = static_cast<char>((i * 7919) >> 3);
        writeFile(src / "model.bin", big);
        writeFile(src / "config.json", "{}\n");
        hub::TransferEngine engine(engineOptions(*m_server, dir, demo::kDemoOwnerToken));

        hub::sandbox::FaultSpec commitFails;
        commitFails.pathPrefix = "/api/models/PellelNitram/faults-upload/commit/";
        commitFails.status = 500;
        commitFails.count = 1;
        m_server->addFault(commitFails);
        hub::UploadRequest up{r, "main", {{src, ""}}, "Add model", "", false, ""};
        const auto s = waitDone(engine, engine.submit(up).value());
        QCOMPARE(s.state, JobState::Failed);
        QVERIFY(s.error);
        QCOMPARE(s.error->code, hub::ErrorCode::ServerError);
        const auto headBefore = m_server->branchHead("model", r.id.str(), "main").value();

        // Any new LFS upload would now fail: success proves the object is not sent again.
        m_server->clearFaults();
        hub::sandbox::FaultSpec noUploads;
        noUploads.pathPrefix = "/__lfs-upload/";
        noUploads.status = 403;
        noUploads.count = 1000;
        m_server->addFault(noUploads);
        const uint64_t movedBefore = s.bytesTransferred;
        engine.retry(s.id);
        const auto s2 = waitDone(engine, s.id);
        QVERIFY2(s2.state == JobState::Done, s2.error ? s2.error->describe().c_str() : "not done");
        QVERIFY(s2.bytesTransferred - movedBefore < big.size()); // only the inline config.json
        QVERIFY(m_server->branchHead("model", r.id.str(), "main").value() != headBefore);
        auto got = m_client->fetchSmallFile(r, "main", "model.bin");
        QVERIFY(got.ok());
        QVERIFY(*got == big);
    }

    // Pause while the commit request is in flight: the commit cannot be called back, so the job
    // ends as the commit does (done) instead of pausing and committing a second time on resume.
    void upload_pauseDuringCommitCommitsOnce()
    {
        const auto r = repo("PellelNitram/faults-pause-commit");
        QVERIFY(m_client->createRepo(r).ok());
        const auto headBefore = m_server->branchHead("model", r.id.str(), "main").value();
        QTemporaryDir dir;
        const fs::path src = fs::path(dir.path().toStdString()) / "notes.txt";
        writeFile(src, "pause me\n");
        hub::TransferEngine engine(engineOptions(*m_server, dir, demo::kDemoOwnerToken));
        hub::sandbox::FaultSpec slowCommit;
        slowCommit.pathPrefix = "/api/models/PellelNitram/faults-pause-commit/commit/";
        slowCommit.latencyMs = 1500;
        slowCommit.count = 1;
        m_server->addFault(slowCommit);
        const auto id = engine.submit(hub::UploadRequest{r, "main", {{src, ""}}, "Add notes", "", false, ""}).value();
        QTRY_VERIFY_WITH_TIMEOUT(engine.job(id)->phase == "Committing", 10000);
        engine.pause(id);
        const auto s = waitDone(engine, id);
        m_server->clearFaults();
        QVERIFY2(s.state == JobState::Done, std::string(hub::jobStateName(s.state)).c_str());
        QCOMPARE(s.result.commits.size(), size_t{1});
        // Exactly one commit on top of the one before, and resuming (a no-op on a done job) adds none.
        engine.resume(id);
        QCOMPARE(engine.job(id)->state, JobState::Done);
        auto commits = m_client->listCommits(r, "main").all();
        QVERIFY(commits.ok());
        QCOMPARE(commits->at(0).id, s.result.commit);
        QCOMPARE(commits->at(1).id, headBefore);
    }

private:
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<hub::sandbox::Server> m_server;
    std::unique_ptr<hub::HubClient> m_client;
};

QTEST_GUILESS_MAIN(TestTransferFaults)
#include "test_transfer_faults.moc"
