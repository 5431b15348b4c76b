// The engine's threading contract against the in-process sandbox Hub: submit() never waits for
// the worker or the disk, an idle engine sleeps, journal problems reach the event sink, the token
// switches in the running engine, and a job submitted just before shutdown is not lost.

#include "transfer_fixture.h"

#include "hub/core/uniquefd.h"

#include <condition_variable>
#include <fcntl.h>
#include <mutex>
#include <thread>

using namespace transfertest;
using hub::JobState;
namespace demo = hub::sandbox::demo;

namespace {

/// A journal disk whose fsync waits until the test opens the gate.
struct GatedDisk {
    std::mutex mutex;
    std::condition_variable cv;
    bool open = false;
    int entered = 0;

    int sync(int fd)
    {
        {
            std::unique_lock lock(mutex);
            ++entered;
            cv.notify_all();
            cv.wait(lock, [&] { return open; });
        }
        return ::fsync(fd) == 0 ? 0 : errno;
    }
    bool waitEntered(int n)
    {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, std::chrono::seconds(30), [&] { return entered >= n; });
    }
    void release()
    {
        std::lock_guard lock(mutex);
        open = true;
        cv.notify_all();
    }
};

class RecordingSink final : public hub::EventSink {
public:
    void jobAdded(const hub::JobSnapshot &) override {}
    void jobChanged(const hub::JobSnapshot &) override {}
    void jobRemoved(hub::JobId) override {}
    void engineProblem(const hub::HubError &problem) override
    {
        std::lock_guard lock(m_mutex);
        m_problems.push_back(problem);
    }
    std::vector<hub::HubError> problems()
    {
        std::lock_guard lock(m_mutex);
        return m_problems;
    }

private:
    std::mutex m_mutex;
    std::vector<hub::HubError> m_problems;
};

hub::DownloadRequest readme(const char *id = demo::kWordDetector, hub::RepoType type = hub::RepoType::Model)
{
    return hub::DownloadRequest{repo(id, type), "main", {"README.md"}, {}};
}

} // namespace

class TestTransferEngine final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { m_server = startSandbox(); }
    void cleanupTestCase() { m_server.reset(); }

    void submit_returnsAtOnceWhileTheWorkerWritesTheJournal()
    {
        QTemporaryDir dir;
        auto disk = std::make_shared<GatedDisk>();
        auto opts = engineOptions(*m_server, dir);
        opts.journalSync = [disk](int fd) { return disk->sync(fd); };
        hub::TransferEngine engine(opts);
        auto first = engine.submit(readme());
        QVERIFY(first.ok());
        QVERIFY(engine.job(*first));   // visible before the worker took it
        QVERIFY(disk->waitEntered(1)); // the worker is now stuck in the journal's fsync
        // A second submit cannot be answered by the worker: it must not need to be.
        auto second = engine.submit(readme(demo::kBenchmarkDataset, hub::RepoType::Dataset));
        QVERIFY2(second.ok(), second.ok() ? "" : second.error().describe().c_str());
        QCOMPARE(*second, *first + 1);
        auto queued = engine.job(*second);
        QVERIFY(queued);
        QCOMPARE(queued->state, JobState::Queued);
        disk->release();
        QCOMPARE(waitDone(engine, *first).state, JobState::Done);
        QCOMPARE(waitDone(engine, *second).state, JobState::Done);
    }

    void idleEngine_sleepsUntilWoken()
    {
        QTemporaryDir dir;
        hub::TransferEngine engine(engineOptions(*m_server, dir));
        auto id = engine.submit(readme());
        QVERIFY(id.ok());
        QCOMPARE(waitDone(engine, *id).state, JobState::Done);
        // Let the last journal write and event go out, then count wake-ups over a second: the
        // old loop polled ten times a second forever.
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        const uint64_t before = engine.workerWakeups();
        std::this_thread::sleep_for(std::chrono::seconds(1));
        const uint64_t woke = engine.workerWakeups() - before;
        // At most one stray wake-up (the server closing an idle keep-alive connection).
        QVERIFY2(woke <= 1, qPrintable(QStringLiteral("%1 wake-ups in an idle second").arg(woke)));
        // ... and a command still wakes it at once.
        auto again = engine.submit(readme(demo::kBenchmarkDataset, hub::RepoType::Dataset));
        QVERIFY(again.ok());
        QCOMPARE(waitDone(engine, *again).state, JobState::Done);
        QVERIFY(engine.workerWakeups() > before);
    }

    void unreadableJournal_isReportedToTheSink()
    {
        QTemporaryDir dir;
        auto opts = engineOptions(*m_server, dir);
        writeFile(opts.stateDir / "transfers.json", "{ not json");
        hub::TransferEngine engine(opts);
        auto sink = std::make_shared<RecordingSink>();
        engine.setEventSink(sink); // set after the load: the problem waits for it
        QTRY_COMPARE_WITH_TIMEOUT(sink->problems().size(), size_t{1}, 10000);
        const auto problem = sink->problems().front();
        QCOMPARE(problem.code, hub::ErrorCode::Corrupt);
        QVERIFY2(problem.message.find("set aside") != std::string::npos, problem.message.c_str());
        QVERIFY(fs::exists(opts.stateDir / "transfers.json.bad"));
    }

    void fullJournalDisk_isReportedOnceAndTransfersGoOn()
    {
        QTemporaryDir dir;
        auto full = std::make_shared<std::atomic<bool>>(true);
        auto opts = engineOptions(*m_server, dir);
        opts.journalSync = [full](int fd) { return full->load() ? ENOSPC : (::fsync(fd) == 0 ? 0 : errno); };
        hub::TransferEngine engine(opts);
        auto sink = std::make_shared<RecordingSink>();
        engine.setEventSink(sink);
        auto id = engine.submit(readme());
        QVERIFY(id.ok());
        QCOMPARE(waitDone(engine, *id).state, JobState::Done); // several saves failed meanwhile
        QTRY_COMPARE_WITH_TIMEOUT(sink->problems().size(), size_t{1}, 10000);
        const auto problem = sink->problems().front();
        QCOMPARE(problem.code, hub::ErrorCode::DiskFull);
        QVERIFY2(problem.message.find("cannot be saved") != std::string::npos, problem.message.c_str());
        QVERIFY(!fs::exists(opts.stateDir / "transfers.json"));
        // Space again: the next save goes through on its own.
        full->store(false);
        QTRY_VERIFY_WITH_TIMEOUT(fs::exists(opts.stateDir / "transfers.json"), 10000);
        QCOMPARE(sink->problems().size(), size_t{1});
    }

    void setToken_switchesCredentialsOfTheRunningEngine()
    {
        QTemporaryDir dir;
        hub::TransferEngine engine(engineOptions(*m_server, dir)); // anonymous
        auto id = engine.submit(readme(demo::kPrivateDataset, hub::RepoType::Dataset));
        QVERIFY(id.ok());
        auto refused = waitDone(engine, *id);
        QCOMPARE(refused.state, JobState::Failed);
        engine.setToken(demo::kDemoOwnerToken);
        engine.retry(*id);
        auto s = waitDone(engine, *id);
        QVERIFY2(s.state == JobState::Done, s.error ? s.error->describe().c_str() : "not done");
        QCOMPARE(s.result.filesTransferred, uint64_t{1});
    }

    void jobSubmittedJustBeforeShutdown_isJournaled()
    {
        QTemporaryDir dir;
        auto opts = engineOptions(*m_server, dir);
        opts.autoResume = false;
        hub::JobId id = 0;
        {
            hub::TransferEngine engine(opts);
            id = engine.submit(readme()).value();
        } // destroyed before the worker may have looked at its queue
        hub::TransferEngine engine(opts);
        auto restored = engine.job(id);
        QVERIFY(restored);
        QCOMPARE(restored->state, JobState::Paused);
        QCOMPARE(engine.submit(readme()).value(), id + 1);
    }

    void uniqueFd_closesOnceAndHandsOver()
    {
        // Pipes show whether the write end is closed (the read end then sees end-of-file) without
        // guessing at descriptor numbers another thread may reuse.
        int p[2];
        QCOMPARE(::pipe2(p, O_CLOEXEC | O_NONBLOCK), 0);
        hub::UniqueFd reader(p[0]);
        const auto writerClosed = [&reader] {
            char c;
            return ::read(reader.get(), &c, 1) == 0;
        };
        hub::UniqueFd a(p[1]);
        hub::UniqueFd b(std::move(a));
        QVERIFY(!a.valid()); // NOLINT(bugprone-use-after-move): a moved-from owner is empty
        QCOMPARE(b.get(), p[1]);
        QVERIFY(!writerClosed());
        {
            hub::UniqueFd c;
            c = std::move(b);
            QVERIFY(!writerClosed());
        }
        QVERIFY(writerClosed());

        int q[2];
        QCOMPARE(::pipe2(q, O_CLOEXEC | O_NONBLOCK), 0);
        hub::UniqueFd reader2(q[0]);
        hub::UniqueFd w(q[1]);
        const int kept = w.release();
        QVERIFY(!w.valid());
        {
            hub::UniqueFd empty(std::move(w));
        } // owns nothing: closes nothing
        char c;
        QCOMPARE(::read(reader2.get(), &c, 1), ssize_t{-1}); // still open
        hub::UniqueFd again(kept);
        QCOMPARE(again.close(), 0);
        QVERIFY(!again.valid());
        QCOMPARE(::read(reader2.get(), &c, 1), ssize_t{0});
    }

private:
    std::unique_ptr<hub::sandbox::Server> m_server;
};

QTEST_GUILESS_MAIN(TestTransferEngine)
#include "test_transfer_engine.moc"
