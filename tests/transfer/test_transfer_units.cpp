// Pieces of the transfer engine that need no Hub: the journal, the local_dir metadata, the
// bandwidth limiter, the connection ramp, the hash follower and the local half of the upload
// pre-flight.

#include "hub/transfer/bandwidth.h"
#include "hub/transfer/connramp.h"
#include "hub/transfer/journal.h"
#include "hub/transfer/localdir.h"
#include "hub/transfer/partialfile.h"
#include "hub/transfer/preflight.h"

#include "hub/core/hash.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <fstream>

namespace fs = std::filesystem;
using namespace hub::transfer_internal;

namespace {
void writeFile(const fs::path &p, const std::string &content)
{
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
}
} // namespace

class TestTransferUnits : public QObject {
    Q_OBJECT

private slots:
    void journal_roundTripsJobsWithProgress()
    {
        QTemporaryDir dir;
        Journal journal(dir.path().toStdString());
        std::vector<std::unique_ptr<Job>> jobs;
        auto job = std::make_unique<Job>();
        job->snap.id = 7;
        job->snap.kind = hub::JobKind::Download;
        job->snap.repo = {hub::RepoType::Dataset, hub::RepoId::parse("acme/data").value()};
        job->snap.revision = "refs/pr/1";
        job->snap.state = hub::JobState::Retrying;
        job->snap.error = hub::HubError::make(hub::ErrorCode::RateLimited, "Wait a minute.");
        job->snap.download = hub::DownloadRequest{job->snap.repo, "refs/pr/1", {"a.bin", "dir"}, "/tmp/x"};
        job->commit = std::string(40, 'a');
        job->planned = true;
        DownloadFile f;
        f.path = "a.bin";
        f.etag = std::string(64, 'b');
        f.size = 100;
        f.partial = "/tmp/x/.cache/p.incomplete";
        f.segments = {{0, 50, 20}, {50, 100, 100}};
        job->files.push_back(f);
        jobs.push_back(std::move(job));
        QVERIFY(journal.save(8, jobs).ok());

        auto loaded = journal.load();
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->nextId, hub::JobId{8});
        QCOMPARE(loaded->jobs.size(), size_t{1});
        const Job &j = *loaded->jobs.front();
        QCOMPARE(j.snap.id, hub::JobId{7});
        QCOMPARE(j.snap.repo.type, hub::RepoType::Dataset);
        QCOMPARE(j.snap.state, hub::JobState::Retrying);
        QCOMPARE(j.snap.error->code, hub::ErrorCode::RateLimited);
        QCOMPARE(j.snap.download->paths.size(), size_t{2});
        QCOMPARE(j.snap.download->localDir, fs::path("/tmp/x"));
        QCOMPARE(j.files.size(), size_t{1});
        QCOMPARE(j.files[0].segments.size(), size_t{2});
        QCOMPARE(j.files[0].segments[0].pos, uint64_t{20});
        QVERIFY(j.files[0].segments[1].done());
        QCOMPARE(j.files[0].partial, f.partial);
        QVERIFY(!fs::exists(journal.file().string() + ".tmp"));
    }

    void journal_hugeDownloadIsJournaledWithoutItsFileList()
    {
        // A hostile (or just enormous) listing must not turn into a journal of hundreds of MB.
        QTemporaryDir dir;
        Journal journal(dir.path().toStdString());
        std::vector<std::unique_ptr<Job>> jobs;
        auto job = std::make_unique<Job>();
        job->snap.id = 3;
        job->snap.kind = hub::JobKind::Download;
        job->snap.repo = {hub::RepoType::Dataset, hub::RepoId::parse("acme/huge").value()};
        job->snap.download = hub::DownloadRequest{job->snap.repo, "main", {}, {}};
        job->planned = true;
        for (size_t i = 0; i < kMaxJournaledFiles + 1; ++i) {
            DownloadFile f;
            f.path = "data/" + std::string(200, 'x') + std::to_string(i);
            f.etag = std::string(64, 'b');
            job->files.push_back(std::move(f));
        }
        jobs.push_back(std::move(job));
        QVERIFY(journal.save(4, jobs).ok());
        QVERIFY(fs::file_size(journal.file()) < 64 * 1024);
        auto loaded = journal.load();
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->jobs.size(), size_t{1});
        QVERIFY(!loaded->jobs.front()->planned); // resuming lists the files again
        QVERIFY(loaded->jobs.front()->files.empty());
        QVERIFY(loaded->jobs.front()->snap.download.has_value());
    }

    void journal_unreadableFileIsSetAside()
    {
        QTemporaryDir dir;
        Journal journal(dir.path().toStdString());
        writeFile(journal.file(), "{ not json");
        auto loaded = journal.load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, hub::ErrorCode::Corrupt);
        QVERIFY(fs::exists(fs::path(dir.path().toStdString()) / "transfers.json.bad"));
        QVERIFY(journal.load().ok()); // starts empty afterwards
    }

    void localDir_metadataLikeHuggingfaceHub()
    {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        writeFile(root / "sub/file.txt", "hello");
        const std::string etag = hub::gitBlobSha1Hex("hello");
        QVERIFY(!localFileIsCurrent(root, "sub/file.txt", etag, 5));
        QVERIFY(writeLocalMetadata(root, "sub/file.txt", std::string(40, 'c'), etag).ok());
        auto meta = readLocalMetadata(root, "sub/file.txt");
        QVERIFY(meta);
        QCOMPARE(meta->commit, std::string(40, 'c'));
        QCOMPARE(meta->etag, etag);
        QVERIFY(localFileIsCurrent(root, "sub/file.txt", etag, 5));
        QVERIFY(!localFileIsCurrent(root, "sub/file.txt", std::string(40, 'd'), 5));
        QVERIFY(fs::exists(root / ".cache/huggingface/.gitignore"));
        QVERIFY(fs::exists(root / ".cache/huggingface/CACHEDIR.TAG"));
        const auto partial = localPartialPath(root, "sub/file.txt", etag);
        QCOMPARE(partial.parent_path(), root / ".cache/huggingface/download/sub");
        QVERIFY(partial.filename().string().find("." + etag + ".") != std::string::npos);
        QVERIFY(partial.filename().string().ends_with(".incomplete"));
    }

    void bandwidth_limiterStopsWhenBucketIsEmpty()
    {
        BandwidthLimiter unlimited;
        QVERIFY(unlimited.take(1 << 30));
        BandwidthLimiter b;
        const auto t0 = BandwidthLimiter::Clock::time_point{} + std::chrono::hours(1);
        b.setLimit(1000, t0);
        QVERIFY(!b.take(1)); // nothing earned yet
    }

    // The rate itself, on a simulated clock: 10 s at 100 kB/s let 1 MB through (within one
    // chunk), and a long idle time earns no more than one burst.
    void bandwidth_limiterHoldsItsRateOnASimulatedClock()
    {
        using namespace std::chrono_literals;
        BandwidthLimiter b;
        auto t = BandwidthLimiter::Clock::time_point{} + 1h;
        b.setLimit(100000, t);
        uint64_t passed = 0;
        for (int step = 0; step < 1000; ++step) { // 1000 x 10 ms
            t += 10ms;
            b.refill(t);
            while (b.take(1000))
                passed += 1000;
        }
        QVERIFY2(passed >= 999000 && passed <= 1001000, qPrintable(QString::number(passed)));
        // Idle for a minute: at most one burst (max(rate/10, 16 KiB)) plus one chunk passes at once.
        t += 60s;
        QVERIFY(b.refill(t));
        uint64_t burst = 0;
        while (b.take(1000))
            burst += 1000;
        QVERIFY2(burst >= 16000 && burst <= 16384 + 1000, qPrintable(QString::number(burst)));
    }

    // A link where every doubling pays: 1 -> 2 -> 4 -> 8 and no further than the most allowed.
    void connectionRamp_doublesWhileEachStepPays()
    {
        using namespace std::chrono_literals;
        ConnectionRamp ramp(100ms);
        auto t = ConnectionRamp::Clock::time_point{} + 1h;
        uint64_t bytes = 0;
        QCOMPARE(ramp.limit(t, 8, 0, 0), 1); // nothing fetched yet: no window started
        bytes = 1;
        QCOMPARE(ramp.limit(t, 8, bytes, bytes), 1); // the first byte starts the window
        const auto advance = [&](std::chrono::milliseconds dt, double mbPerSec) {
            t += dt;
            bytes += static_cast<uint64_t>(mbPerSec * 1e6 * std::chrono::duration<double>(dt).count());
            return ramp.limit(t, 8, bytes, bytes);
        };
        QCOMPARE(advance(50ms, 10), 1);  // window not over yet
        QCOMPARE(advance(50ms, 10), 2);  // first window: 10 MB/s on one connection -> try two
        QCOMPARE(advance(100ms, 19), 2); // a step is judged over two windows
        QCOMPARE(advance(100ms, 19), 4); // 19 MB/s > 1.25 x 10 -> try four
        QCOMPARE(advance(200ms, 35), 8);
        QVERIFY(!ramp.settled());
        QCOMPARE(advance(200ms, 60), 8);             // at the most allowed
        QCOMPARE(ramp.limit(t, 3, bytes, bytes), 3); // the user lowered the maximum
    }

    // A local server or a CPU-bound machine: two streams are no faster, so it goes back to one and
    // stays there; verified bytes count, not fetched ones.
    void connectionRamp_settlesWhenMoreConnectionsDoNotHelp()
    {
        using namespace std::chrono_literals;
        ConnectionRamp ramp(100ms);
        auto t = ConnectionRamp::Clock::time_point{} + 1h;
        QCOMPARE(ramp.limit(t, 8, 1, 1), 1);
        t += 100ms;
        QCOMPARE(ramp.limit(t, 8, 100'000'001, 100'000'001), 2); // 1 GB/s on one stream
        t += 200ms;
        // Two streams fetch 1.3 GB/s, but the hash only follows at 0.95 GB/s: slower -> back to one.
        QCOMPARE(ramp.limit(t, 8, 100'000'001 + 260'000'000, 100'000'001 + 190'000'000), 1);
        QVERIFY(ramp.settled());
        t += 10s;
        QCOMPARE(ramp.limit(t, 8, 20'000'000'000, 20'000'000'000), 1); // settled for good

        // A little faster with two (5%, within the jitter of a window): not worth a connection.
        ConnectionRamp flat(100ms);
        t += 1s;
        QCOMPARE(flat.limit(t, 8, 1, 1), 1);
        t += 100ms;
        QCOMPARE(flat.limit(t, 8, 10'000'001, 10'000'001), 2);
        t += 200ms;
        QCOMPARE(flat.limit(t, 8, 10'000'001 + 21'000'000, 10'000'001 + 21'000'000), 1);
        QVERIFY(flat.settled());

        // Two paid (doubling), four did not: settles at two.
        ConnectionRamp two(100ms);
        t += 1s;
        QCOMPARE(two.limit(t, 8, 1, 1), 1);
        t += 100ms;
        uint64_t b = 10'000'001;
        QCOMPARE(two.limit(t, 8, b, b), 2); // 100 MB/s
        t += 200ms;
        b += 40'000'000;
        QCOMPARE(two.limit(t, 8, b, b), 4); // 200 MB/s
        t += 200ms;
        b += 44'000'000;
        QCOMPARE(two.limit(t, 8, b, b), 2); // 220 MB/s: not 25% more
        QVERIFY(two.settled());
    }

    // After a resume the hash first reads the bytes fetched before: that burst is not speed.
    void connectionRamp_ignoresTheHashCatchingUpAfterResume()
    {
        using namespace std::chrono_literals;
        ConnectionRamp ramp(100ms);
        auto t = ConnectionRamp::Clock::time_point{} + 1h;
        QCOMPARE(ramp.limit(t, 8, 1, 0), 1);
        t += 100ms;
        // 1 MB fetched, but 500 MB hashed (the part kept from before): the rate is 10 MB/s.
        QCOMPARE(ramp.limit(t, 8, 1'000'001, 500'000'000), 2);
        t += 200ms;
        QCOMPARE(ramp.limit(t, 8, 1'000'001 + 4'000'000, 500'000'000 + 4'000'000), 4); // 20 MB/s > 12.5
    }

    // The follower hashes exactly the bytes below the frontier, in batches, and ends with the
    // digest of the whole file even when the last batch is smaller than a batch.
    void hashFollower_hashesWhatTheFrontierCovers()
    {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "blob.incomplete";
        std::string content(HashFollower::kBatch * 2 + 12345, '\0');
        for (size_t i = 0; i < content.size(); ++i)
            content[i] = static_cast<char>((i * 7919) >> 3);
        PartialFile pf;
        QVERIFY(pf.open(file, content.size()));
        std::atomic<int> wakes{0};
        HashFollower follower(pf.fd(), std::string(64, 'a'), content.size(), [&] { ++wakes; });
        const size_t step = 100'000;
        for (size_t off = 0; off < content.size(); off += step) {
            const size_t n = std::min(step, content.size() - off);
            QVERIFY(pf.writeAt(off, content.data() + off, n));
            follower.advance(off + n);
        }
        QTRY_VERIFY_WITH_TIMEOUT(follower.finished(), 10000);
        QCOMPARE(follower.hashed(), static_cast<uint64_t>(content.size()));
        QCOMPARE(follower.result().value(), hub::sha256Hex(content));
        QCOMPARE(wakes.load(), 1);
    }

    void contentHasher_usesTheEtagKind()
    {
        ContentHasher sha(std::string(64, 'a'), 5);
        QVERIFY(sha.verifiable());
        sha.update("hello", 5);
        QCOMPARE(sha.finalHex(), hub::sha256Hex("hello"));
        ContentHasher git(std::string(40, 'a'), 5);
        git.update("hello", 5);
        QCOMPARE(git.finalHex(), hub::gitBlobSha1Hex("hello"));
        ContentHasher other("xet-something", 5);
        QVERIFY(!other.verifiable());
    }

    void preflight_walksFoldersAndChecksLimits()
    {
        QTemporaryDir dir;
        const fs::path src = fs::path(dir.path().toStdString()) / "src";
        writeFile(src / "a.txt", "a");
        writeFile(src / ".git/config", "x");
        writeFile(src / ".cache/huggingface/upload/a.txt.metadata", "x");
        writeFile(src / "big.bin", std::string(2000, 'x'));
        hub::UploadRequest r;
        r.sources = {{src, "models"}};
        hub::PreflightOptions o;
        o.maxFileBytes = 1000;
        auto plan = hub::collectUploadFiles(r, o);
        QVERIFY(plan.ok());
        QCOMPARE(plan->files.size(), size_t{2});
        QCOMPARE(plan->files[0].pathInRepo, std::string("models/a.txt"));
        QVERIFY(plan->hasErrors()); // big.bin is over the limit
        QVERIFY(plan->errorSummary().find("big.bin") != std::string::npos);

        std::vector<hub::PlannedFile> files(5);
        o.maxFilesPerCommit = 2;
        QCOMPARE(hub::countCommits(files, o), 3);
    }
};

QTEST_GUILESS_MAIN(TestTransferUnits)
#include "test_transfer_units.moc"
