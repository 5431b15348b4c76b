// Uploads through the transfer engine against the sandbox Hub: LFS and regular files, skipping
// what the Hub has, multipart, commits split in parts, pull requests and the pre-flight plan.

#include "transfer_fixture.h"

#include "hub/transfer/preflight.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace transfertest;
using hub::JobState;
namespace demo = hub::sandbox::demo;

namespace {
std::string pseudoRandom(size_t n, uint32_t seed)
{
    std::string s(n, '\0');
    uint32_t x = seed * 2654435761u + 1;
    for (auto &c : s) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = static_cast<char>(x & 0xff);
    }
    return s;
}
} // namespace

class TestTransferUpload : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        hub::sandbox::ServerOptions o;
        o.multipartThreshold = 256 * 1024;
        m_server = startSandbox(o);
        m_client = std::make_unique<hub::HubClient>(clientConfig(*m_server, demo::kDemoOwnerToken));
    }

    void upload_folderRoundTripsThroughTheHub()
    {
        const auto r = newRepo("roundtrip");
        QTemporaryDir dir;
        const fs::path src = fs::path(dir.path().toStdString()) / "src";
        writeFile(src / "README.md", "# Round trip\n");
        writeFile(src / "config.json", "{\"a\": 1}\n");
        writeFile(src / "weights/model.onnx", pseudoRandom(700 * 1024, 1)); // LFS, multipart
        writeFile(src / "small.bin", pseudoRandom(2000, 2));                // binary: LFS
        writeFile(src / ".git/HEAD", "ref: refs/heads/main\n");             // never uploaded
        hub::TransferEngine engine(engineOptions(*m_server, dir, demo::kDemoOwnerToken));
        hub::UploadRequest up;
        up.repo = r;
        up.sources = {{src, ""}};
        up.message = "Add model";
        const auto s = waitDone(engine, engine.submit(up).value());
        QVERIFY2(s.state == JobState::Done, s.error ? s.error->describe().c_str() : "");
        QCOMPARE(s.result.commits.size(), size_t{1});
        QCOMPARE(m_server->branchHead("model", r.id.str(), "main").value(), s.result.commit);

        // Everything reads back byte for byte through a download.
        hub::TransferEngine down(engineOptions(*m_server, dir, demo::kDemoOwnerToken));
        const auto d = waitDone(down, down.submit(hub::DownloadRequest{r, "main", {}, {}}).value());
        QCOMPARE(d.state, JobState::Done);
        const fs::path snap = d.result.location;
        QCOMPARE(readFile(snap / "weights/model.onnx"), readFile(src / "weights/model.onnx"));
        QCOMPARE(readFile(snap / "small.bin"), readFile(src / "small.bin"));
        QCOMPARE(readFile(snap / "config.json"), readFile(src / "config.json"));
        QVERIFY(!fs::exists(snap / ".git/HEAD"));

        // The same upload again: nothing is sent, no commit is made.
        const auto again = waitDone(engine, engine.submit(up).value());
        QCOMPARE(again.state, JobState::Done);
        QCOMPARE(again.result.commits.size(), size_t{0});
        QCOMPARE(again.bytesTransferred, uint64_t{0});
        QCOMPARE(m_server->branchHead("model", r.id.str(), "main").value(), s.result.commit);
    }

    void upload_bigFolderIsSplitIntoParts()
    {
        const auto r = newRepo("split");
        QTemporaryDir dir;
        const fs::path src = fs::path(dir.path().toStdString()) / "src";
        for (int i = 0; i < 5; ++i)
            writeFile(src / ("f" + std::to_string(i) + ".txt"), "file " + std::to_string(i) + "\n");
        auto opts = engineOptions(*m_server, dir, demo::kDemoOwnerToken);
        opts.maxFilesPerCommit = 2;
        hub::TransferEngine engine(opts);
        hub::UploadRequest up{r, "main", {{src, "docs"}}, "Add docs", "", false, ""};
        const auto s = waitDone(engine, engine.submit(up).value());
        QVERIFY2(s.state == JobState::Done, s.error ? s.error->describe().c_str() : "");
        QCOMPARE(s.result.commits.size(), size_t{3});
        auto commits = m_client->listCommits(r, "main").all();
        QVERIFY(commits.ok());
        QCOMPARE(QString::fromStdString(commits->at(0).title), QStringLiteral("Add docs (part 3 of 3)"));
        QCOMPARE(QString::fromStdString(commits->at(2).title), QStringLiteral("Add docs (part 1 of 3)"));
    }

    void upload_asPullRequest()
    {
        const auto r = newRepo("pr");
        QTemporaryDir dir;
        const fs::path f = fs::path(dir.path().toStdString()) / "notes.txt";
        writeFile(f, "hello\n");
        hub::TransferEngine engine(engineOptions(*m_server, dir, demo::kDemoOwnerToken));
        hub::UploadRequest up{r, "main", {{f, ""}}, "Propose notes", "Please review", true, ""};
        const auto s = waitDone(engine, engine.submit(up).value());
        QVERIFY2(s.state == JobState::Done, s.error ? s.error->describe().c_str() : "");
        QVERIFY(s.result.pullRequestUrl.find("/discussions/") != std::string::npos);
        // main did not move.
        QVERIFY(m_server->branchHead("model", r.id.str(), "main").value() != s.result.commit);
    }

    // A multipart upload stopped half-way (the engine torn down, as by a crash or a quit) is
    // finished after a restart by sending only the parts the storage has not confirmed; pause
    // and resume within a session do the same.
    void upload_multipartResumesWithTheMissingPartsOnly()
    {
        const auto r = newRepo("multipart-resume");
        QTemporaryDir dir;
        const fs::path src = fs::path(dir.path().toStdString()) / "weights.bin";
        const std::string content = pseudoRandom(16 * 256 * 1024 + 1234, 7); // 17 parts of 256 KiB
        writeFile(src, content);
        hub::UploadRequest up{r, "main", {{src, ""}}, "Add weights", "", false, ""};
        auto opts = engineOptions(*m_server, dir, demo::kDemoOwnerToken);
        opts.connectionsPerFile = 2;
        opts.bandwidthLimitBytesPerSec = 1024 * 1024; // ~4 s in all: stop it part-way
        hub::JobId id = 0;
        uint64_t sentBefore = 0;
        {
            hub::TransferEngine engine(opts);
            id = engine.submit(up).value();
            QTRY_VERIFY_WITH_TIMEOUT(engine.job(id)->bytesDone >= 6 * 256 * 1024, 20000);
            engine.pause(id);
            QTRY_COMPARE_WITH_TIMEOUT(engine.job(id)->state, JobState::Paused, 5000);
            const uint64_t kept = engine.job(id)->bytesDone;
            QVERIFY(kept >= 6 * 256 * 1024);
            engine.resume(id); // pause/resume: the confirmed parts stay confirmed
            QTRY_VERIFY_WITH_TIMEOUT(engine.job(id)->state == JobState::Running, 5000);
            QVERIFY(engine.job(id)->bytesDone >= kept);
            QTRY_VERIFY_WITH_TIMEOUT(engine.job(id)->bytesDone >= 10 * 256 * 1024, 20000);
            sentBefore = engine.job(id)->bytesDone;
        } // the engine goes away with the upload half done (its journal is kept)
        QVERIFY(sentBefore < content.size());

        // The journal lists the parts the storage confirmed (bytesDone also counts bytes handed
        // to connections that were cut off).
        const auto journal = nlohmann::json::parse(readFile(opts.stateDir / "transfers.json"));
        size_t confirmed = 0;
        for (const auto &job : journal.at("jobs"))
            for (const auto &m : job.value("multipart", nlohmann::json::array()))
                for (const auto &etag : m.at("etags"))
                    confirmed += etag.get<std::string>().empty() ? 0 : 1;
        QVERIFY2(confirmed >= 4, qPrintable(QString::number(confirmed)));
        QVERIFY(confirmed < 17);

        opts.bandwidthLimitBytesPerSec = 0;
        hub::TransferEngine again(opts);
        const auto s = waitDone(again, id);
        QVERIFY2(s.state == JobState::Done, s.error ? s.error->describe().c_str() : "not done");
        // Only the parts not confirmed before were sent.
        QVERIFY2(s.bytesTransferred == content.size() - confirmed * 256 * 1024,
                 qPrintable(QStringLiteral("%1 sent after the restart, %2 parts confirmed before")
                                .arg(s.bytesTransferred)
                                .arg(confirmed)));
        auto got = m_client->fetchSmallFile(r, "main", "weights.bin");
        QVERIFY(got.ok());
        QVERIFY(*got == content);
    }

    void upload_withoutWriteAccessFails()
    {
        QTemporaryDir dir;
        const fs::path f = fs::path(dir.path().toStdString()) / "x.txt";
        writeFile(f, "x\n");
        hub::TransferEngine engine(engineOptions(*m_server, dir, demo::kDemoReaderToken));
        hub::UploadRequest up{repo(demo::kWordDetector), "main", {{f, ""}}, "nope", "", false, ""};
        const auto s = waitDone(engine, engine.submit(up).value());
        QCOMPARE(s.state, JobState::Failed);
        QVERIFY(s.error);
        QVERIFY(s.error->code == hub::ErrorCode::Forbidden || s.error->code == hub::ErrorCode::Unauthorized);
    }

    void preflight_reportsLfsUnchangedAndProblems()
    {
        const auto r = newRepo("preflight");
        QTemporaryDir dir;
        const fs::path src = fs::path(dir.path().toStdString()) / "src";
        writeFile(src / "a.txt", "a\n");
        writeFile(src / "b.onnx", pseudoRandom(4096, 3));
        for (int i = 0; i < 4; ++i)
            writeFile(src / "many" / (std::to_string(i) + ".txt"), "x");
        hub::UploadRequest up{r, "main", {{src, ""}}, "m", "", false, ""};
        hub::PreflightOptions po;
        po.maxEntriesPerFolder = 3;
        auto plan = hub::preflightUpload(*m_client, up, po);
        QVERIFY(plan.ok());
        QVERIFY(!plan->hasErrors());
        QCOMPARE(plan->files.size(), size_t{6});
        QCOMPARE(plan->lfsFiles, size_t{1});
        bool folderWarning = false;
        for (const auto &i : plan->issues)
            folderWarning |= i.path == "many";
        QVERIFY(folderWarning);

        // After uploading, the same plan says "unchanged" for everything.
        QTemporaryDir state;
        hub::TransferEngine engine(engineOptions(*m_server, state, demo::kDemoOwnerToken));
        QCOMPARE(waitDone(engine, engine.submit(up).value()).state, JobState::Done);
        writeFile(src / "a.txt", "changed\n");
        auto after = hub::preflightUpload(*m_client, up, po);
        QVERIFY(after.ok());
        for (const auto &f : after->files) {
            const auto expected =
                f.pathInRepo == "a.txt" ? hub::UploadFileStatus::Changed : hub::UploadFileStatus::Unchanged;
            QCOMPARE(f.status, expected);
        }
        QCOMPARE(after->filesToSend, size_t{1});

        // Names the Hub refuses are errors before anything moves.
        hub::UploadRequest bad{r, "main", {{src / "a.txt", "../escape.txt"}}, "m", "", false, ""};
        auto refused = hub::collectUploadFiles(bad);
        QVERIFY(refused.ok());
        QVERIFY(refused->hasErrors());
    }

private:
    hub::RepoRef newRepo(const std::string &name)
    {
        const auto r = repo(("PellelNitram/upload-" + name).c_str());
        auto created = m_client->createRepo(r);
        if (!created)
            qFatal("createRepo: %s", created.error().describe().c_str());
        return r;
    }

    std::unique_ptr<hub::sandbox::Server> m_server;
    std::unique_ptr<hub::HubClient> m_client;
};

QTEST_GUILESS_MAIN(TestTransferUpload)
#include "test_transfer_upload.moc"
