#include "hub/transfer/engine.h"

#include "hub/api/curlsetup.h"
#include "hub/core/redact.h"
#include "hub/transfer/engineimpl.h"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <future>
#include <unistd.h>

namespace hub {

using namespace transfer_internal;

std::string_view jobStateName(JobState state)
{
    switch (state) {
    case JobState::Queued: return "queued";
    case JobState::Running: return "running";
    case JobState::Paused: return "paused";
    case JobState::Retrying: return "retrying";
    case JobState::Done: return "done";
    case JobState::Failed: return "failed";
    case JobState::Cancelled: return "cancelled";
    }
    return "queued";
}

std::string_view jobKindName(JobKind kind)
{
    return kind == JobKind::Upload ? "upload" : "download";
}

bool isFinalState(JobState state)
{
    return state == JobState::Done || state == JobState::Failed || state == JobState::Cancelled;
}

namespace {
std::string titleFor(const JobSnapshot &s)
{
    if (s.download) {
        const auto &p = s.download->paths;
        if (p.empty())
            return s.repo.id.str() + " (all files)";
        if (p.size() == 1)
            return p.front();
        return std::to_string(p.size()) + " items from " + s.repo.id.str();
    }
    if (s.upload) {
        const auto &src = s.upload->sources;
        if (src.size() == 1)
            return src.front().localPath.filename().string() + " to " + s.repo.id.str();
        return std::to_string(src.size()) + " items to " + s.repo.id.str();
    }
    return s.repo.id.str();
}
} // namespace

// ------------------------------------------------------------------------------------------
// Public API: everything is forwarded to the worker thread.

TransferEngine::TransferEngine(EngineOptions options) : m_impl(std::make_unique<Impl>(std::move(options))) {}

TransferEngine::~TransferEngine() = default;

namespace {
template <class Request> Expected<JobId> submitJob(TransferEngine::Impl &impl, Request request, JobKind kind)
{
    if (request.repo.id.empty())
        return HubError::make(ErrorCode::InvalidArgument, "Choose a repository first.");
    if (request.revision.empty())
        request.revision = "main";
    auto job = std::make_unique<Job>();
    job->snap.kind = kind;
    job->snap.repo = request.repo;
    job->snap.revision = request.revision;
    if constexpr (std::is_same_v<Request, DownloadRequest>) {
        for (auto &p : request.paths) {
            while (!p.empty() && p.back() == '/')
                p.pop_back();
            if (!isSafeRepoPath(p))
                return HubError::make(ErrorCode::InvalidArgument,
                                      "\"" + p + "\" is not a valid path inside a repository.");
        }
        job->snap.download = std::move(request);
    } else {
        if (request.sources.empty())
            return HubError::make(ErrorCode::InvalidArgument, "Choose at least one file or folder to upload.");
        for (const auto &s : request.sources) {
            std::error_code ec;
            if (!std::filesystem::exists(s.localPath, ec))
                return HubError::make(ErrorCode::InvalidArgument,
                                      "\"" + s.localPath.string() + "\" does not exist on this computer.");
        }
        if (request.message.empty())
            request.message = "Upload with HubDesk";
        job->snap.upload = std::move(request);
    }
    job->snap.title = titleFor(job->snap);
    auto promise = std::make_shared<std::promise<JobId>>();
    auto future = promise->get_future();
    auto *raw = job.release();
    impl.post([&impl, raw, promise] { promise->set_value(impl.addJob(std::unique_ptr<Job>(raw))); });
    if (future.wait_for(std::chrono::seconds(30)) != std::future_status::ready)
        return HubError::make(ErrorCode::Internal, "The transfer engine did not answer.");
    return future.get();
}
} // namespace

Expected<JobId> TransferEngine::submit(DownloadRequest request)
{
    return submitJob(*m_impl, std::move(request), JobKind::Download);
}

Expected<JobId> TransferEngine::submit(UploadRequest request)
{
    return submitJob(*m_impl, std::move(request), JobKind::Upload);
}

void TransferEngine::pause(JobId id)
{
    m_impl->post([impl = m_impl.get(), id] {
        if (auto *j = impl->find(id))
            impl->pauseJob(*j);
    });
}

namespace {
/// Lets a caller that resumes or retries see the job queued right away (read-your-writes).
void publishQueued(TransferEngine::Impl &impl, JobId id, std::initializer_list<JobState> from)
{
    std::lock_guard lock(impl.mutex);
    for (auto &s : impl.published) {
        if (s.id == id && std::find(from.begin(), from.end(), s.state) != from.end())
            s.state = JobState::Queued;
    }
}
} // namespace

void TransferEngine::resume(JobId id)
{
    publishQueued(*m_impl, id, {JobState::Paused});
    m_impl->post([impl = m_impl.get(), id] {
        if (auto *j = impl->find(id); j && j->snap.state == JobState::Paused)
            impl->setState(*j, JobState::Queued);
    });
}

void TransferEngine::cancel(JobId id)
{
    m_impl->post([impl = m_impl.get(), id] {
        if (auto *j = impl->find(id))
            impl->cancelJob(*j);
    });
}

void TransferEngine::retry(JobId id)
{
    publishQueued(*m_impl, id, {JobState::Failed, JobState::Cancelled});
    m_impl->post([impl = m_impl.get(), id] {
        auto *j = impl->find(id);
        if (!j || (j->snap.state != JobState::Failed && j->snap.state != JobState::Cancelled))
            return;
        j->snap.error.reset();
        for (auto &f : j->files)
            f.hashFailures = 0;
        if (j->snap.kind == JobKind::Upload)
            j->planned = false;
        impl->setState(*j, JobState::Queued);
    });
}

void TransferEngine::remove(JobId id)
{
    m_impl->post([impl = m_impl.get(), id] {
        auto *j = impl->find(id);
        if (!j)
            return;
        if (!isFinalState(j->snap.state))
            impl->cancelJob(*j);
        auto &v = impl->jobs;
        v.erase(std::remove_if(v.begin(), v.end(), [&](const auto &p) { return p->snap.id == id; }), v.end());
        impl->lastEmitted.erase(id);
        impl->m_journalDirty = true;
        std::shared_ptr<EventSink> sink;
        {
            std::lock_guard lock(impl->mutex);
            sink = impl->sink;
        }
        if (sink)
            sink->jobRemoved(id);
    });
}

void TransferEngine::setMaxParallelFiles(int n)
{
    m_impl->post([impl = m_impl.get(), n] { impl->options.maxParallelFiles = std::max(1, n); });
}

void TransferEngine::setConnectionsPerFile(int n)
{
    m_impl->post([impl = m_impl.get(), n] { impl->options.connectionsPerFile = std::max(1, n); });
}

void TransferEngine::setBandwidthLimit(uint64_t bytesPerSec)
{
    m_impl->post([impl = m_impl.get(), bytesPerSec] {
        impl->options.bandwidthLimitBytesPerSec = bytesPerSec;
        impl->bandwidth.setLimit(bytesPerSec, impl->now());
    });
}

std::vector<JobSnapshot> TransferEngine::jobs() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->published;
}

std::optional<JobSnapshot> TransferEngine::job(JobId id) const
{
    std::lock_guard lock(m_impl->mutex);
    for (const auto &s : m_impl->published) {
        if (s.id == id)
            return s;
    }
    return std::nullopt;
}

std::optional<JobSnapshot> TransferEngine::waitForJob(JobId id, std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_impl->mutex);
    std::optional<JobSnapshot> found;
    m_impl->idleCv.wait_for(lock, timeout, [&] {
        for (const auto &s : m_impl->published) {
            if (s.id == id && (isFinalState(s.state) || s.state == JobState::Paused)) {
                found = s;
                return true;
            }
        }
        return false;
    });
    if (found)
        return found;
    for (const auto &s : m_impl->published) {
        if (s.id == id)
            return s;
    }
    return std::nullopt;
}

void TransferEngine::setEventSink(std::shared_ptr<EventSink> sink)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->sink = std::move(sink);
}

// ------------------------------------------------------------------------------------------
// Worker

TransferEngine::Impl::Impl(EngineOptions opts)
    : options(std::move(opts)), cacheWriter(options.cacheDir), journal(options.stateDir)
{
    hub::curlGlobalInit();
    // A write past RLIMIT_FSIZE must fail with EFBIG (reported as a full disk), not kill us.
    ::signal(SIGXFSZ, SIG_IGN);
    options.maxParallelFiles = std::max(1, options.maxParallelFiles);
    options.connectionsPerFile = std::max(1, options.connectionsPerFile);
    bandwidth.setLimit(options.bandwidthLimitBytesPerSec, now());
    multi = curl_multi_init();
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, 0L);
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, 64L);
    planner = std::make_unique<TaskRunner>();
    for (int i = 0; i < 4; ++i)
        finishers.push_back(std::make_unique<TaskRunner>());
    plannerClient = std::make_unique<HubClient>(options.clientConfig);
    plannerClient->setCancelFlag(plannerCancel);
    loadJournal();
    worker = std::thread([this] { run(); });
}

TransferEngine::Impl::~Impl()
{
    {
        std::lock_guard lock(mutex);
        stopping = true;
    }
    wake();
    worker.join();
    // A Hub call in flight on the planner thread ends now (the job stays resumable).
    plannerCancel->store(true);
    // Helper threads may still post results; they are dropped with the runners.
    planner.reset();
    finishers.clear();
    for (auto &[c, owned] : conns) {
        curl_multi_remove_handle(multi, c->easy);
        curl_easy_cleanup(c->easy);
        curl_slist_free_all(c->headerList);
    }
    conns.clear();
    curl_multi_cleanup(multi);
}

void TransferEngine::Impl::post(std::function<void()> command)
{
    {
        std::lock_guard lock(mutex);
        commands.push_back(std::move(command));
    }
    wake();
}

void TransferEngine::Impl::wake()
{
    curl_multi_wakeup(multi);
}

void TransferEngine::Impl::loadJournal()
{
    std::error_code ec;
    std::filesystem::create_directories(options.stateDir, ec);
    auto loaded = journal.load();
    if (!loaded)
        return;
    nextId = loaded->nextId;
    for (auto &job : loaded->jobs) {
        auto &s = job->snap;
        if (!isFinalState(s.state) && s.state != JobState::Paused)
            s.state = options.autoResume ? JobState::Queued : JobState::Paused;
        if (s.kind == JobKind::Upload)
            job->planned = false;
        nextId = std::max(nextId, s.id + 1);
        jobs.push_back(std::move(job));
    }
    std::lock_guard lock(mutex);
    for (const auto &j : jobs)
        published.push_back(j->snap);
}

JobId TransferEngine::Impl::addJob(std::unique_ptr<Job> job)
{
    job->snap.id = nextId++;
    job->snap.state = JobState::Queued;
    Job &ref = *job;
    jobs.push_back(std::move(job));
    m_journalDirty = true;
    saveJournal(true);
    std::shared_ptr<EventSink> s;
    {
        std::lock_guard lock(mutex);
        s = sink;
        published.push_back(ref.snap);
    }
    if (s)
        s->jobAdded(ref.snap);
    lastEmitted[ref.snap.id] = ref.snap;
    return ref.snap.id;
}

TransferEngine::Impl::Job *TransferEngine::Impl::find(JobId id)
{
    for (auto &j : jobs) {
        if (j->snap.id == id)
            return j.get();
    }
    return nullptr;
}

void TransferEngine::Impl::setState(Job &job, JobState state)
{
    if (job.snap.state == state)
        return;
    job.snap.state = state;
    m_journalUrgent = true;
    if (state == JobState::Running)
        job.snap.error.reset();
    if (isFinalState(state) || state == JobState::Paused) {
        job.snap.bytesPerSecond = 0;
        job.snap.etaSeconds = -1;
    }
    markChanged(job);
}

void TransferEngine::Impl::fail(Job &job, HubError error)
{
    stopActivity(job, false);
    job.snap.error = std::move(error);
    job.snap.phase.clear();
    job.snap.state = JobState::Queued; // force a change notification below
    setState(job, JobState::Failed);
}

void TransferEngine::Impl::pauseJob(Job &job)
{
    if (isFinalState(job.snap.state) || job.snap.state == JobState::Paused)
        return;
    if (job.finishing) {
        // The commit request is on its way and cannot be called back: pausing now would leave the
        // job not knowing whether the commit was made (and resuming would commit again). The job
        // ends as the commit does: done, or paused if the commit failed.
        job.pauseAfterCommit = true;
        return;
    }
    stopActivity(job, false);
    setState(job, JobState::Paused);
}

void TransferEngine::Impl::cancelJob(Job &job)
{
    if (job.snap.state == JobState::Done || job.snap.state == JobState::Cancelled)
        return;
    if (job.finishing)
        job.planned = false; // the commit may still land: a retry asks the Hub what it has
    stopActivity(job, true);
    job.snap.phase.clear();
    setState(job, JobState::Cancelled);
}

void TransferEngine::Impl::stopActivity(Job &job, bool discardPartials)
{
    ++job.generation;
    job.planning = false;
    job.finishing = false;
    job.pauseAfterCommit = false;
    for (auto &f : job.files) {
        if (f.active) {
            for (auto *c : f.active->conns) {
                if (c)
                    removeConn(c);
            }
            f.active.reset(); // closes the file, stops the hasher, releases the lock
        }
        if (discardPartials && f.status != transfer_internal::DownloadFile::Status::Done) {
            if (!f.partial.empty()) {
                std::error_code ec;
                std::filesystem::remove(f.partial, ec);
                f.partial.clear();
            }
            f.segments.clear();
        }
    }
    if (discardPartials)
        job.multipart.clear(); // cancelled: the parts sent so far are abandoned
    for (auto &u : job.uploads) {
        if (u.active) {
            for (auto *c : u.active->conns) {
                if (!c)
                    continue;
                // A part that was cut off is sent again from its start.
                job.snap.bytesDone -= std::min(job.snap.bytesDone, c->sent);
                removeConn(c);
            }
            if (u.active->completion)
                removeConn(u.active->completion);
            u.active.reset();
        }
    }
    updateJobTotals(job);
    markChanged(job);
}

void TransferEngine::Impl::updateJobTotals(Job &job)
{
    if (job.snap.kind != JobKind::Download || !job.planned)
        return;
    uint64_t done = 0, total = 0, filesDone = 0;
    for (const auto &f : job.files) {
        total += f.size;
        if (f.status == transfer_internal::DownloadFile::Status::Done) {
            done += f.size;
            ++filesDone;
        } else {
            for (const auto &g : f.segments)
                done += g.pos - g.begin;
        }
    }
    job.snap.bytesDone = done;
    job.snap.bytesTotal = total;
    job.snap.filesDone = filesDone;
    job.snap.filesTotal = job.files.size();
}

void TransferEngine::Impl::addProgress(Job &job, uint64_t bytes)
{
    job.snap.bytesDone += bytes;
    job.snap.bytesTransferred += bytes;
    job.progressDirty = true;
    if (job.snap.state == JobState::Retrying) {
        job.snap.error.reset();
        setState(job, JobState::Running);
    }
}

void TransferEngine::Impl::run()
{
    lastSpeedSample = Clock::now();
    for (;;) {
        std::deque<std::function<void()>> batch;
        {
            std::lock_guard lock(mutex);
            if (stopping)
                break;
            batch.swap(commands);
        }
        for (auto &cmd : batch)
            cmd();
        tick();
        schedule();
        int running = 0;
        curl_multi_perform(multi, &running);
        processCurlMessages();
        schedule();
        emitEvents(false);
        saveJournal(false);
        idleCv.notify_all();
        const int timeoutMs = (bandwidth.limited() && !pausedConns.empty()) ? 20 : 100;
        curl_multi_poll(multi, nullptr, 0, timeoutMs, nullptr);
    }
    for (auto &j : jobs)
        stopActivity(*j, false);
    m_journalDirty = true;
    saveJournal(true);
    emitEvents(true);
    idleCv.notify_all();
}

void TransferEngine::Impl::tick()
{
    if (!pausedConns.empty() && bandwidth.refill(now())) {
        std::vector<Conn *> resume;
        resume.swap(pausedConns);
        for (auto *c : resume) {
            if (conns.count(c) == 0 || !c->paused)
                continue;
            c->paused = false;
            curl_easy_pause(c->easy, CURLPAUSE_CONT);
        }
    }
    const auto now = Clock::now();
    const double dt = std::chrono::duration<double>(now - lastSpeedSample).count();
    if (dt >= 0.5) {
        lastSpeedSample = now;
        for (auto &j : jobs) {
            auto &s = j->snap;
            const uint64_t prev = lastSampleBytes[s.id];
            const uint64_t cur = s.bytesTransferred;
            lastSampleBytes[s.id] = cur;
            if (s.state != JobState::Running && s.state != JobState::Retrying)
                continue;
            const double inst = static_cast<double>(cur - prev) / dt;
            s.bytesPerSecond = s.bytesPerSecond <= 0 ? inst : 0.6 * s.bytesPerSecond + 0.4 * inst;
            if (s.bytesPerSecond > 1 && s.bytesTotal > s.bytesDone)
                s.etaSeconds = static_cast<int64_t>(static_cast<double>(s.bytesTotal - s.bytesDone) / s.bytesPerSecond);
            else
                s.etaSeconds = -1;
            j->progressDirty = true;
        }
    }
}

void TransferEngine::Impl::schedule()
{
    int activeFiles = 0;
    for (auto &j : jobs) {
        for (auto &f : j->files) {
            if (f.active && f.active->counted)
                ++activeFiles;
        }
        for (auto &u : j->uploads) {
            if (u.active)
                ++activeFiles;
        }
    }
    for (auto &jp : jobs) {
        Job &job = *jp;
        auto st = job.snap.state;
        if (st == JobState::Queued)
            setState(job, JobState::Running);
        st = job.snap.state;
        if (st != JobState::Running && st != JobState::Retrying)
            continue;
        if (!job.planned) {
            if (!job.planning) {
                job.planning = true;
                if (job.snap.kind == JobKind::Download)
                    planDownload(job);
                else
                    planUpload(job);
            }
            continue;
        }
        if (job.snap.kind == JobKind::Download)
            scheduleDownload(job, activeFiles);
        else
            scheduleUpload(job, activeFiles);
    }
}

void TransferEngine::Impl::processCurlMessages()
{
    int left = 0;
    while (CURLMsg *msg = curl_multi_info_read(multi, &left)) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        Conn *conn = nullptr;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &conn);
        if (conn && conns.count(conn))
            finishConn(conn, msg->data.result);
    }
}

void TransferEngine::Impl::finishConn(Conn *conn, CURLcode code)
{
    if (conn->kind == Conn::Kind::Segment)
        onSegmentDone(*conn, code);
    else
        onUploadDone(*conn, code);
}

void TransferEngine::Impl::emitEvents(bool force)
{
    const auto now = Clock::now();
    const bool progressDue = force || now - lastProgressEmit >= std::chrono::milliseconds(200);
    std::vector<JobSnapshot> changed;
    bool anything = false;
    for (auto &j : jobs) {
        if (j->dirty || (j->progressDirty && progressDue)) {
            changed.push_back(j->snap);
            j->dirty = false;
            j->progressDirty = false;
            anything = true;
        }
    }
    if (progressDue)
        lastProgressEmit = now;
    if (!anything)
        return;
    std::shared_ptr<EventSink> s;
    {
        std::lock_guard lock(mutex);
        s = sink;
        published.clear();
        for (const auto &j : jobs)
            published.push_back(j->snap);
    }
    if (s) {
        for (const auto &snap : changed)
            s->jobChanged(snap);
    }
}

void TransferEngine::Impl::saveJournal(bool force)
{
    const auto now = Clock::now();
    if (!m_journalDirty && !force)
        return;
    // State changes are written at once; progress (positions only grow) at most once a second.
    if (!force && !m_journalUrgent && now - lastJournalSave < std::chrono::seconds(1))
        return;
    (void)journal.save(nextId, jobs);
    lastJournalSave = now;
    m_journalDirty = false;
    m_journalUrgent = false;
}

} // namespace hub
