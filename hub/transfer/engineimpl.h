#pragma once
// Internals of TransferEngine shared by engine.cpp, download.cpp and upload.cpp. Everything here
// is owned by the worker thread unless a comment says otherwise.

#include "hub/api/client.h"
#include "hub/api/curlsetup.h"
#include "hub/api/http.h"
#include "hub/cache/writer.h"
#include "hub/core/uniquefd.h"
#include "hub/transfer/bandwidth.h"
#include "hub/transfer/command.h"
#include "hub/transfer/connramp.h"
#include "hub/transfer/engine.h"
#include "hub/transfer/jobmodel.h"
#include "hub/transfer/journal.h"
#include "hub/transfer/partialfile.h"
#include "hub/transfer/publisher.h"
#include "hub/transfer/taskrunner.h"

#include <curl/curl.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace hub::transfer_internal {

using Clock = std::chrono::steady_clock;

/// One libcurl easy handle in the multi, with what its callbacks need.
struct Conn {
    enum class Kind { Segment, PutObject, PutPart, CompleteMultipart };
    enum class Abort { None, DiskError, SegmentComplete, RangeIgnored, Stopped };

    Kind kind = Kind::Segment;
    TransferEngine::Impl *impl = nullptr;
    Job *job = nullptr;
    size_t fileIndex = 0;
    size_t partIndex = 0; ///< segment index or multipart part index
    CURL *easy = nullptr;
    curl_slist *headerList = nullptr;
    std::string url;
    bool withToken = false;
    bool ranged = false; ///< a Range header was sent

    long status = 0;
    HttpHeaders headers;
    std::string body; ///< error bodies and small answers (capped)
    bool paused = false;
    Abort abort = Abort::None;
    std::optional<HubError> diskErrorValue;
    uint64_t bytesThisAttempt = 0;

    // Upload sources.
    int fd = -1; ///< borrowed from ActiveUpload::fd
    uint64_t offset = 0;
    uint64_t length = 0;
    uint64_t sent = 0;
    std::string postBody;
    char errorBuffer[CURL_ERROR_SIZE] = {};
};

/// Runtime state of a file being downloaded.
struct ActiveDownload {
    enum class Phase { WaitLock, Fetching, Hashing, Publishing };
    Phase phase = Phase::WaitLock;
    Clock::time_point nextTry{};
    std::optional<cache::BlobLock> lock;
    PartialFile file;
    std::unique_ptr<HashFollower> follower;
    std::optional<ContentHasher> inlineHasher;
    uint64_t inlineHashed = 0;
    std::string directUrl; ///< after the resolve redirect
    bool directWithToken = false;
    bool rangesOk = false;
    std::vector<int> redirects;  ///< per segment: redirect hops since its last byte
    std::vector<Conn *> conns;   ///< per segment
    std::vector<int> reresolves; ///< per segment: fresh signed URLs fetched without progress since
    std::vector<Clock::time_point> retryAt;
    std::vector<int> failures;          ///< attempts without progress, per segment
    bool counted = true;                ///< counts towards maxParallelFiles
    std::optional<ConnectionRamp> ramp; ///< when EngineOptions::adaptiveConnections
    uint64_t fetched = 0;               ///< bytes written by this attempt at the file (all connections)
};

/// Runtime state of one LFS object being sent.
struct ActiveUpload {
    UniqueFd fd;               ///< the local file (Conn::fd borrows it)
    std::vector<Conn *> conns; ///< per part (one for basic)
    std::vector<std::string> partEtags;
    std::vector<bool> partDone;
    std::vector<Clock::time_point> retryAt;
    std::vector<int> failures;
    Conn *completion = nullptr;
    int completionFailures = 0;
    Clock::time_point completionRetryAt{};
    bool completed = false;
};

} // namespace hub::transfer_internal

namespace hub {

struct TransferEngine::Impl {
    using Conn = transfer_internal::Conn;
    using Job = transfer_internal::Job;
    using Clock = transfer_internal::Clock;
    using Command = transfer_internal::Command;

    explicit Impl(EngineOptions opts);
    ~Impl();

    // ---- called from any thread
    void post(Command command);
    void wake();

    /// Worker thread: runs `work` (returning an Expected plan) on the planner thread, then
    /// `apply(job, plan)` back on the worker thread, unless the job was removed or restarted
    /// meanwhile. A failed plan fails the job. Shared by download and upload planning.
    template <class Work, class Apply> void planOffThread(Job &job, Work work, Apply apply)
    {
        const uint64_t gen = job.generation;
        const JobId id = job.snap.id;
        planner->post([this, gen, id, work, apply] {
            auto result = work();
            post([this, gen, id, apply, result = std::move(result)]() mutable {
                Job *j = find(id);
                if (!j || j->generation != gen)
                    return;
                j->planning = false;
                if (!result) {
                    fail(*j, result.error());
                    return;
                }
                apply(*j, *result);
            });
        });
    }

    // ---- worker thread
    void run();
    void loadJournal();
    void schedule();
    void processCurlMessages();
    void finishConn(Conn *conn, CURLcode code);
    void tick();
    void emitEvents(bool force);
    void saveJournal(bool force);
    /// How long the worker may sleep: until the earliest retry, lock poll, progress tick or
    /// journal write that is due; "forever" (until a command or libcurl wakes it) when idle.
    std::chrono::milliseconds sleepBudget(Clock::time_point now) const;
    /// Tells the sink (or the first sink set later) about a problem that is not about one job.
    void reportProblem(HubError problem);

    Job *find(JobId id);
    /// Worker: takes over a job submit() built (its id already allocated and published).
    void addJob(std::unique_ptr<Job> job);
    void setState(Job &job, JobState state);
    void fail(Job &job, HubError error);
    void pauseJob(Job &job);
    void cancelJob(Job &job);
    void stopActivity(Job &job, bool discardPartials);
    void markChanged(Job &job)
    {
        job.dirty = true;
        m_journalDirty = true;
    }
    void addProgress(Job &job, uint64_t bytes);
    void updateJobTotals(Job &job);
    JobSnapshot snapshot(const Job &job) const { return job.snap; }

    // connections
    Conn *newConn(Conn::Kind kind, Job &job, size_t fileIndex, size_t partIndex);
    void addConn(Conn *conn);
    void removeConn(Conn *conn);
    /// Sets the connection up for `request` through the one HTTP policy (hub/api/curlsetup.h),
    /// with the engine's callbacks and its minimum-progress rule. Refuses a non-http(s) URL.
    Expected<void> prepareConn(Conn *conn, CurlRequest request);
    bool sameOriginAsEndpoint(const std::string &url) const;
    HubError httpError(const Conn &conn, const Job &job, const std::string &path) const;
    /// A transfer that failed below HTTP (TLS, proxy, network, stall), in plain words.
    HubError connFailure(const Conn &conn, CURLcode code) const;
    /// The wait before the next attempt after `failures` failed ones (1 = the first failure), from
    /// the client's RetryPolicy; nullopt when the server asks for a longer wait than we sleep.
    std::optional<std::chrono::milliseconds> retryDelayFor(int failures, const HttpHeaders *headers) const;
    int maxRetries() const;
    /// Bytes an attempt must move to count as progress (EngineOptions::minBytesPerSecond).
    uint64_t progressBytes() const;
    /// EngineOptions::clock, or the steady clock: every retry deadline is measured with it.
    Clock::time_point now() const;
    static size_t headerCallback(char *data, size_t size, size_t count, void *user);
    static size_t writeCallback(char *data, size_t size, size_t count, void *user);
    static size_t readCallback(char *data, size_t size, size_t count, void *user);

    // downloads (download.cpp)
    void planDownload(Job &job);
    void scheduleDownload(Job &job, int &activeFiles);
    /// Before a download reports success: every published file (and the cache ref) still there.
    bool confirmPublished(Job &job);
    void startFile(Job &job, size_t index);
    void driveFile(Job &job, size_t index);
    /// viaResolve: ask the Hub's resolve URL for a fresh storage URL instead of the file's current one.
    void startSegment(Job &job, size_t index, size_t seg, bool viaResolve = false);
    size_t onSegmentData(Conn &conn, const char *data, size_t size);
    void onSegmentDone(Conn &conn, CURLcode code);
    void segmentFailed(Job &job, size_t index, size_t seg, HubError error, const HttpHeaders *headers, uint64_t moved);
    void verifyAndPublish(Job &job, size_t index);
    /// Hands the verified small files queued so far to a finisher as one batch (publishBatch)
    /// when no batch is being synced: a slow disk makes batches bigger, not the queue longer.
    void flushPublishing();
    /// Worker: the outcome of publishing file `index` of job `id` (ignored if the job restarted).
    void onPublished(JobId id, uint64_t gen, size_t index,
                     const std::shared_ptr<transfer_internal::ActiveDownload> &active, Expected<std::string> outcome);
    void resetFile(Job &job, size_t index, bool keepData);
    void fileFinished(Job &job, size_t index, std::string finalPath, bool transferred);
    std::string resolveUrl(const Job &job, const std::string &path) const;

    // uploads (upload.cpp)
    void planUpload(Job &job);
    /// After planning: uploads that were under way before a restart continue with their saved
    /// instructions and confirmed parts (Job::multipart); stale entries are dropped.
    void resumeMultipartUploads(Job &job);
    void scheduleUpload(Job &job, int &activeFiles);
    void startUploadObject(Job &job, size_t index);
    void driveUploadObject(Job &job, size_t index);
    void onUploadDone(Conn &conn, CURLcode code);
    void commitUpload(Job &job);

    EngineOptions options;
    cache::CacheWriter cacheWriter;
    transfer_internal::Journal journal;
    transfer_internal::BandwidthLimiter bandwidth;

    // command queue (any thread -> worker)
    std::mutex mutex;
    std::condition_variable idleCv; ///< notified after each loop iteration (waitForJob)
    std::deque<Command> commands;
    bool stopping = false;
    std::shared_ptr<EventSink> sink;
    JobId nextId = 1;            ///< allocated by submit() under `mutex`
    std::set<JobId> pendingAdds; ///< submitted, not yet taken over by the worker (under `mutex`)
    /// Problems found before a sink was set (journal unreadable), delivered to the first sink.
    std::vector<HubError> pendingProblems;
    std::atomic<uint64_t> wakeups{0};

    // published snapshots for jobs()/job() (guarded by `mutex`)
    std::vector<JobSnapshot> published;

    // worker-only state
    CURLM *multi = nullptr;
    std::vector<std::unique_ptr<Job>> jobs;
    std::unordered_map<Conn *, std::unique_ptr<Conn>> conns;
    std::vector<Conn *> pausedConns;
    bool m_journalDirty = false;
    bool m_journalUrgent = false;
    bool m_journalFailing = false; ///< the last save failed (reported once per failing streak)
    Clock::time_point lastJournalSave{};
    Clock::time_point lastProgressEmit{};
    Clock::time_point lastSpeedSample{};
    std::map<JobId, uint64_t> lastSampleBytes;
    std::map<JobId, JobSnapshot> lastEmitted;

    std::unique_ptr<transfer_internal::TaskRunner> planner; ///< Hub API calls, hashing uploads
    /// fsync + rename + link, on several threads so the syncs of many small files overlap.
    std::vector<std::unique_ptr<transfer_internal::TaskRunner>> finishers;
    size_t nextFinisher = 0;
    std::deque<transfer_internal::PublishItem> publishQueue; ///< verified small files, not yet in a batch
    int publishBatchesInFlight = 0;
    size_t publishItemsInFlight = 0;
    /// Files queued or being published hold two descriptors each (partial, lock): new files
    /// wait while this many are, so a slow disk cannot run the process out of descriptors.
    static constexpr size_t kMaxPublishing = 256;
    static constexpr size_t kMinBatch = 64;
    static constexpr std::chrono::milliseconds kBatchWait{20};
    Clock::time_point publishQueuedSince{};
    std::unique_ptr<HubClient> plannerClient; ///< used on the planner thread only
    std::shared_ptr<std::atomic<bool>> plannerCancel = std::make_shared<std::atomic<bool>>(false);
    std::thread worker;
};

} // namespace hub
