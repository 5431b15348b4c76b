#pragma once
// The background worker the GUI and the CLI hand every download and upload to.

#include "hub/api/config.h"
#include "hub/core/expected.h"
#include "hub/transfer/eventsink.h"
#include "hub/transfer/job.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hub {

struct EngineOptions {
    /// Where the journal (queue and per-job progress) lives. Required; created if missing.
    std::filesystem::path stateDir;
    /// Root of the Hugging Face cache (the "hub" folder). Required for cache downloads.
    std::filesystem::path cacheDir;
    ClientConfig clientConfig;
    /// Files transferred at the same time (all jobs together).
    int maxParallelFiles = 8;
    /// Connections for one large file served with ranges (the most; see adaptiveConnections).
    int connectionsPerFile = 8;
    /// A large file starts on one connection and doubles them (up to connectionsPerFile) only
    /// while each step makes the file arrive at least 25% faster, measured over rampWindow. On a
    /// link where one stream is already as fast as it gets (a fast LAN, a local server), extra
    /// streams only cost CPU on both ends; on a long fat link they add speed and are kept.
    /// false = always open connectionsPerFile at once.
    bool adaptiveConnections = true;
    std::chrono::milliseconds rampWindow{250};
    /// 0 = unlimited. Applies to all traffic of the engine, both directions.
    uint64_t bandwidthLimitBytesPerSec = 0;
    /// Jobs found unfinished in the journal are resumed (true) or restored paused (false).
    bool autoResume = true;
    /// Files at least this big are fetched over several ranged connections.
    uint64_t multiConnectionThreshold = uint64_t{16} << 20;
    /// Cache downloads of files at least this big take the blob's lock file
    /// (.locks/<repo>/<etag>.lock, as huggingface_hub does) so two processes never fetch the same
    /// big blob twice. Smaller files skip it: since huggingface_hub 1.18 the lock is only an
    /// optimisation (per-process partial files and atomic renames make concurrent downloads
    /// correct), and for thousands of small files the extra file per blob is a third of the
    /// inodes the download creates. The worst case is one small file fetched by both processes.
    uint64_t lockFilesFrom = uint64_t{1} << 20;
    /// The minimum-progress rule: a connection slower than minBytesPerSecond for stallTimeout is
    /// dropped and retried (when no bandwidth limit is set). An attempt counts as progress, and
    /// resets the failure count, only when it moved at least minBytesPerSecond * stallTimeout
    /// bytes, so a server that sends a few bytes and stalls fails after clientConfig.retry's
    /// maxRetries attempts. Retries and their backoff follow clientConfig.retry (RetryPolicy).
    std::chrono::seconds stallTimeout{30};
    uint64_t minBytesPerSecond = 1024;
    /// How often a file re-resolves its expired signed URL (403/400/410 from the storage host)
    /// in a row without getting a byte, before it fails.
    int maxReresolves = 3;
    /// Test hook: the clock every retry deadline and the bandwidth limiter are measured with
    /// (default std::chrono::steady_clock::now). Like HttpClient::setSleepFunction, it lets a
    /// test assert the waits without timing anything.
    std::function<std::chrono::steady_clock::time_point()> clock;
    /// An upload is split into several commits above this many files ("part k of n").
    int maxFilesPerCommit = 1000;
    /// ... or above this many bytes of regular (inline, base64) file content.
    uint64_t maxInlineBytesPerCommit = uint64_t{64} << 20;
    /// How the journal makes its file durable (0 or an errno); empty = fsync. Tests inject a
    /// slow or full disk here.
    std::function<int(int fd)> journalSync;
};

/// Runs downloads and uploads on its own worker thread (one libcurl multi handle for all bytes,
/// plus one helper thread for Hub API calls and hashing) and never blocks its caller.
///
/// Threading: every public member function is thread-safe and returns without waiting for the
/// worker, the network or the disk (commands are queued to the worker), except waitForJob() and
/// the destructor. Events are delivered on the worker thread through the EventSink. The worker
/// sleeps until its next deadline (a retry, a progress tick) or a command: an idle engine does
/// not wake up at all. The destructor stops the worker (in-flight jobs are persisted as
/// resumable, not cancelled) and joins it, which can take as long as a journal write: a GUI
/// destroys its engine at exit, and changes the token with setToken() instead.
///
/// Process-wide set-up (libcurl's global init, SIGXFSZ ignored) is hub::initProcess()'s job,
/// called once from main() before any thread starts.
class TransferEngine {
public:
    explicit TransferEngine(EngineOptions options);
    ~TransferEngine();
    TransferEngine(const TransferEngine &) = delete;
    TransferEngine &operator=(const TransferEngine &) = delete;

    /// Checks the request and queues the job; returns its id at once (job(id) finds it right
    /// away). The worker writes it to the journal; a journal that cannot be written is reported
    /// through EventSink::engineProblem, not by failing the submit.
    Expected<JobId> submit(DownloadRequest request);
    Expected<JobId> submit(UploadRequest request);

    void pause(JobId id);
    void resume(JobId id);
    /// Stops the job and removes its partial data.
    void cancel(JobId id);
    /// Starts a failed or cancelled job again (what is already complete is kept).
    void retry(JobId id);
    /// Forgets a finished job (a running one is cancelled first).
    void remove(JobId id);

    void setMaxParallelFiles(int n);
    void setConnectionsPerFile(int n);
    void setBandwidthLimit(uint64_t bytesPerSec);
    /// Uses `token` (empty = anonymous) for every Hub request from now on: jobs keep running,
    /// a request already under way finishes with the token it started with.
    void setToken(std::string token);

    /// Current state of every job, in submission order.
    std::vector<JobSnapshot> jobs() const;
    std::optional<JobSnapshot> job(JobId id) const;

    /// Blocks until the job reaches Done, Failed, Cancelled or Paused, or the timeout passes.
    /// For CLIs and tests; a GUI listens to the EventSink instead.
    std::optional<JobSnapshot> waitForJob(JobId id, std::chrono::milliseconds timeout);

    void setEventSink(std::shared_ptr<EventSink> sink);

    /// How many times the worker thread has woken up (diagnostics and tests: an idle engine
    /// must not count up).
    uint64_t workerWakeups() const;

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace hub
