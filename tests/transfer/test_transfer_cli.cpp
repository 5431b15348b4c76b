// hubdesk-cli download|upload as a separate process: resuming after kill -9, two processes on one
// file, a full disk (RLIMIT_FSIZE in the child), and an upload.

#include "transfer_fixture.h"

#include "hub/cache/scan.h"
#include "hub/cache/writer.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <nlohmann/json.hpp>

#include <csignal>
#include <sys/resource.h>

using namespace transfertest;
namespace demo = hub::sandbox::demo;

class TestTransferCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { m_server = startSandbox(); }
    void cleanup() { m_server->clearFaults(); }

    void cli_downloadTwiceFetchesNothingTheSecondTime()
    {
        QTemporaryDir dir;
        auto first = run(dir, {"download", demo::kWordDetector});
        QVERIFY2(first.code == 0, qPrintable(first.err));
        QVERIFY(first.out.contains(QStringLiteral("Downloaded")));
        auto second = run(dir, {"download", demo::kWordDetector});
        QVERIFY2(second.code == 0, qPrintable(second.err));
        QVERIFY(second.out.contains(QStringLiteral("Transferred 0 bytes")));
    }

    void cli_killDashNineThenSameCommandResumes()
    {
        QTemporaryDir dir;
        hub::sandbox::FaultSpec slow;
        slow.pathPrefix = "/__lfs/";
        slow.bandwidthBytesPerSec = 150 * 1024;
        m_server->addFault(slow);
        const QStringList args{"download", demo::kWordDetector, "model.onnx", "--connections", "2"};
        QProcess p;
        start(p, dir, args);
        // Wait until the journal records progress, then kill the process without warning.
        const fs::path stateRoot = fs::path(dir.path().toStdString()) / "hf" / "hubdesk" / "cli-transfers";
        uint64_t recorded = 0;
        QTRY_VERIFY_WITH_TIMEOUT((recorded = journalBytes(stateRoot)) > 100 * 1024, 20000);
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        p.waitForFinished(5000);
        m_server->clearFaults();

        auto again = run(dir, args);
        QVERIFY2(again.code == 0, qPrintable(again.err));
        QVERIFY(again.err.contains(QStringLiteral("Resuming")));
        const auto m = QRegularExpression(QStringLiteral("Transferred (\\d+) bytes")).match(again.out);
        QVERIFY(m.hasMatch());
        const uint64_t moved = m.captured(1).toULongLong();
        const auto total = QRegularExpression(QStringLiteral("file\\(s\\), ")).match(again.out);
        QVERIFY(total.hasMatch());
        // The second run fetched what was missing, not the whole file again.
        hub::cache::CacheWriter w(cacheDir(dir));
        const auto r = repo(demo::kWordDetector);
        hub::HubClient client(clientConfig(*m_server));
        auto info = client.pathsInfo(r, "main", {"model.onnx"});
        QVERIFY(info.ok() && info->size() == 1);
        const uint64_t size = info->front().lfs->size;
        QVERIFY2(moved + recorded <= size + 128 * 1024,
                 qPrintable(QStringLiteral("moved %1, recorded %2, size %3").arg(moved).arg(recorded).arg(size)));
        QVERIFY(w.hasBlob(r, info->front().lfs->oid));
        QCOMPARE(sha256File(w.blobPath(r, info->front().lfs->oid)), info->front().lfs->oid);
        QCOMPARE(countFiles(w.repoDir(r) / "blobs", ".incomplete"), 0);
    }

    void cli_twoProcessesDownloadTheSameFile()
    {
        QTemporaryDir dir;
        hub::sandbox::FaultSpec slow;
        slow.pathPrefix = "/__lfs/";
        slow.bandwidthBytesPerSec = 400 * 1024;
        m_server->addFault(slow);
        const QStringList args{"download", demo::kWordDetector, "model.onnx"};
        QProcess a, b;
        start(a, dir, args);
        start(b, dir, args);
        QVERIFY(a.waitForFinished(60000));
        QVERIFY(b.waitForFinished(60000));
        QVERIFY2(a.exitCode() == 0, a.readAllStandardError().constData());
        QVERIFY2(b.exitCode() == 0, b.readAllStandardError().constData());
        const auto r = repo(demo::kWordDetector);
        hub::cache::CacheWriter w(cacheDir(dir));
        QCOMPARE(countFiles(w.repoDir(r) / "blobs", ".incomplete"), 0);
        int blobs = 0;
        for (const auto &e : fs::directory_iterator(w.repoDir(r) / "blobs")) {
            ++blobs;
            QCOMPARE(sha256File(e.path()), e.path().filename().string());
        }
        QCOMPARE(blobs, 1);
    }

    void cli_diskFullGivesClearErrorAndCleanCache()
    {
        QTemporaryDir dir;
        QProcess p;
        p.setChildProcessModifier([] {
            struct rlimit lim {
                200 * 1024, 200 * 1024
            };
            ::setrlimit(RLIMIT_FSIZE, &lim);
        });
        start(p, dir, {"download", demo::kWordDetector, "model.onnx"});
        QVERIFY(p.waitForFinished(30000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("DiskFull")), qPrintable(err));
        QVERIFY(err.contains(QStringLiteral("disk is full")));
        const auto r = repo(demo::kWordDetector);
        hub::cache::CacheWriter w(cacheDir(dir));
        QCOMPARE(countFiles(w.repoDir(r) / "blobs", ".incomplete"), 0);
        QVERIFY(!fs::exists(w.repoDir(r) / "blobs") || fs::is_empty(w.repoDir(r) / "blobs"));
        auto scan = hub::cache::CacheScanner::scan(cacheDir(dir));
        QVERIFY(scan.ok());
        QVERIFY(scan->partials.empty());
        for (const auto &warning : scan->warnings)
            qWarning("%s", warning.message.c_str());
        QVERIFY(scan->warnings.empty());
    }

    void cli_uploadFolderThenAgainSendsNothing()
    {
        QTemporaryDir dir;
        hub::HubClient owner(clientConfig(*m_server, demo::kDemoOwnerToken));
        QVERIFY(owner.createRepo(repo("PellelNitram/cli-upload")).ok());
        const fs::path src = fs::path(dir.path().toStdString()) / "src";
        writeFile(src / "a.txt", "alpha\n");
        writeFile(src / "sub/b.bin", std::string(100000, '\x01'));
        const QStringList args{
            "upload",  "PellelNitram/cli-upload", QString::fromStdString(src.string()), "--message", "Add files",
            "--token", demo::kDemoOwnerToken};
        auto first = run(dir, args);
        QVERIFY2(first.code == 0, qPrintable(first.err));
        QVERIFY(first.out.contains(QStringLiteral("in 1 commit(s)")));
        auto second = run(dir, args);
        QVERIFY2(second.code == 0, qPrintable(second.err));
        QVERIFY(second.out.contains(QStringLiteral("in 0 commit(s)")));
    }

private:
    struct Result {
        int code = -1;
        QString out;
        QString err;
    };

    static fs::path cacheDir(const QTemporaryDir &dir) { return fs::path(dir.path().toStdString()) / "hf" / "hub"; }

    static std::string sha256File(const fs::path &p) { return hub::sha256File(p).valueOr(std::string()); }

    static uint64_t journalBytes(const fs::path &stateRoot)
    {
        std::error_code ec;
        if (!fs::exists(stateRoot, ec))
            return 0;
        for (const auto &d : fs::directory_iterator(stateRoot, ec)) {
            const std::string text = readFile(d.path() / "transfers.json");
            if (text.empty())
                continue;
            try {
                const auto j = nlohmann::json::parse(text);
                for (const auto &job : j.value("jobs", nlohmann::json::array()))
                    return job.value("bytesDone", uint64_t{0});
            } catch (...) {
            }
        }
        return 0;
    }

    void start(QProcess &p, const QTemporaryDir &dir, const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HF_HOME"), dir.path() + QStringLiteral("/hf"));
        env.insert(QStringLiteral("HF_ENDPOINT"), QString::fromStdString(m_server->baseUrl()));
        env.remove(QStringLiteral("HF_TOKEN"));
        env.remove(QStringLiteral("HF_HUB_CACHE"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(HUBDESK_CLI_PATH), args);
        QVERIFY(p.waitForStarted());
    }

    Result run(const QTemporaryDir &dir, const QStringList &args)
    {
        QProcess p;
        start(p, dir, args);
        Result r;
        if (!p.waitForFinished(90000)) {
            p.kill();
            p.waitForFinished();
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    std::unique_ptr<hub::sandbox::Server> m_server;
};

QTEST_GUILESS_MAIN(TestTransferCli)
#include "test_transfer_cli.moc"
