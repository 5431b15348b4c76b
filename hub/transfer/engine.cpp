#include "hub/transfer/engine.h"

#include "hub/api/curlsetup.h"
#include "hub/core/log.h"
#include "hub/core/redact.h"
#include "hub/transfer/engineimpl.h"

#include <algorithm>
#include <cstring>
#include <limits>
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
    job->snap.state = JobState::Queued;
    JobId id = 0;
    {
        // The id, the published snapshot (job(id) sees it at once) and the command that hands the
        // job to the worker go in under one lock, so ids follow submission order.
        std::lock_guard lock(impl.mutex);
        id = impl.nextId++;
        job->snap.id = id;
        impl.published.push_back(job->snap);
        impl.pendingAdds.insert(id);
        impl.commands.emplace_back([&impl, job = std::move(job)]() mutable { impl.addJob(std::move(job)); });
    }
    impl.wake();
    return id;
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
    std::vector<HubError> pending;
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->sink = sink;
        if (sink)
            pending.swap(m_impl->pendingProblems);
    }
    if (!pending.empty()) {
        // On the worker thread, like every event.
        m_impl->post([sink, pending] {
            for (const auto &p : pending)
                sink->engineProblem(p);
        });
    }
}

void TransferEngine::setToken(std::string token)
{
    m_impl->post([impl = m_impl.get(), token = std::move(token)] {
        impl->options.clientConfig.token = token;
        // Hub calls run on the planner thread, in order: the calls queued after this one use
        // the new token, the one in flight finishes with the old.
        impl->planner->post([impl, config = impl->options.clientConfig] {
            impl->plannerClient = std::make_unique<HubClient>(config);
            impl->plannerClient->setCancelFlag(impl->plannerCancel);
        });
    });
}

uint64_t TransferEngine::workerWakeups() const
{
    return m_impl->wakeups.load();
}

// ------------------------------------------------------------------------------------------
// Worker

TransferEngine::Impl::Impl(EngineOptions opts)
    : options(std::move(opts)), cacheWriter(options.cacheDir), journal(options.stateDir, options.journalSync)
{
    hub::curlGlobalInit(); // a safety net: programs call hub::initProcess() at start
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

void TransferEngine::Impl::post(Command command)
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
    if (!loaded) {
        // Set aside as transfers.json.bad: the user must hear that the list starts empty.
        logError("transfer", "loading the transfer journal", loaded.error());
        reportProblem(loaded.error());
        return;
    }
    JobId next = loaded->nextId;
    for (auto &job : loaded->jobs) {
        auto &s = job->snap;
        if (!isFinalState(s.state) && s.state != JobState::Paused)
            s.state = options.autoResume ? JobState::Queued : JobState::Paused;
        if (s.kind == JobKind::Upload)
            job->planned = false;
        next = std::max(next, s.id + 1);
        jobs.push_back(std::move(job));
    }
    std::lock_guard lock(mutex);
    nextId = next;
    for (const auto &j : jobs)
        published.push_back(j->snap);
}

void TransferEngine::Impl::addJob(std::unique_ptr<Job> job)
{
    Job &ref = *job;
    jobs.push_back(std::move(job));
    markChanged(ref);
    m_journalUrgent = true; // written at the end of this loop iteration, on this thread
    std::shared_ptr<EventSink> s;
    {
        std::lock_guard lock(mutex);
        s = sink;
        pendingAdds.erase(ref.snap.id);
    }
    if (s)
        s->jobAdded(ref.snap);
    lastEmitted[ref.snap.id] = ref.snap;
}

void TransferEngine::Impl::reportProblem(HubError problem)
{
    std::shared_ptr<EventSink> s;
    {
        std::lock_guard lock(mutex);
        s = sink;
        if (!s)
            pendingProblems.push_back(problem);
    }
    if (s)
        s->engineProblem(problem);
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
    logError("transfer", "job " + std::to_string(job.snap.id) + " (" + job.snap.repo.id.str() + ")", error);
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
        std::deque<Command> batch;
        bool stop = false;
        {
            std::lock_guard lock(mutex);
            stop = stopping;
            batch.swap(commands);
        }
        // Commands queued before the stop still run: a job submitted just before the engine is
        // destroyed is journaled below, not lost.
        for (auto &cmd : batch)
            cmd();
        if (stop)
            break;
        tick();
        schedule();
        int running = 0;
        curl_multi_perform(multi, &running);
        processCurlMessages();
        schedule();
        flushPublishing();
        emitEvents(false);
        saveJournal(false);
        idleCv.notify_all();
        // libcurl shortens the wait to its own timers (connect, low-speed) and returns early on
        // socket activity or curl_multi_wakeup (post(), the hashers).
        const auto budget = sleepBudget(Clock::now());
        curl_multi_poll(multi, nullptr, 0, static_cast<int>(budget.count()), nullptr);
        ++wakeups;
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
        // Jobs submitted but not yet taken over by this thread keep their snapshot.
        std::vector<JobSnapshot> next;
        next.reserve(jobs.size() + pendingAdds.size());
        for (const auto &j : jobs)
            next.push_back(j->snap);
        for (auto &p : published) {
            if (pendingAdds.count(p.id) != 0)
                next.push_back(std::move(p));
        }
        published.swap(next);
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
    JobId next = 1;
    {
        std::lock_guard lock(mutex);
        next = nextId;
    }
    const Status saved = journal.save(next, jobs);
    lastJournalSave = now;
    m_journalUrgent = false;
    m_journalDirty = !saved.ok(); // a failed save is tried again a second later
    if (saved.ok()) {
        m_journalFailing = false;
        return;
    }
    if (m_journalFailing)
        return; // reported once per failing streak, not every second
    m_journalFailing = true;
    logError("transfer", "saving the transfer journal", saved.error());
    HubError problem = saved.error();
    problem.message =
        std::string(problem.code == ErrorCode::DiskFull ? "The list of transfers cannot be saved: the disk is full. "
                                                        : "The list of transfers cannot be saved. ") +
        "Transfers go on, but would not resume after a restart until it can be saved again. " +
        (problem.code == ErrorCode::DiskFull ? "Free some space on the disk that holds "
                                             : "Check that you can write to ") +
        options.stateDir.string() + ".";
    reportProblem(std::move(problem));
}

std::chrono::milliseconds TransferEngine::Impl::sleepBudget(Clock::time_point now) const
{
    using std::chrono::milliseconds;
    Clock::time_point next = Clock::time_point::max();
    const auto at = [&](Clock::time_point t) { next = std::min(next, t); };
    // Retry and lock deadlines are on the engine's clock (options.clock in tests), the rest on
    // the steady clock: convert the former to a wait from `now`.
    const Clock::time_point engineNow = this->now();
    const auto atEngine = [&](Clock::time_point t) { at(t <= engineNow ? now : now + (t - engineNow)); };
    if (!pausedConns.empty())
        at(now + milliseconds(20)); // the bandwidth bucket refills
    if (m_journalDirty)
        at(lastJournalSave + std::chrono::seconds(1));
    if (!publishQueue.empty() && publishBatchesInFlight == 0)
        at(publishQueuedSince + kBatchWait); // a small batch waits this long for company
    bool active = false;
    for (const auto &j : jobs) {
        if (j->progressDirty)
            at(lastProgressEmit + milliseconds(200));
        if (j->snap.state != JobState::Running && j->snap.state != JobState::Retrying)
            continue;
        active = true;
        for (const auto &f : j->files) {
            if (!f.active)
                continue;
            const ActiveDownload &a = *f.active;
            if (a.phase == ActiveDownload::Phase::WaitLock)
                atEngine(a.nextTry);
            for (size_t k = 0; k < a.retryAt.size() && k < a.conns.size(); ++k) {
                if (!a.conns[k] && a.retryAt[k] > engineNow)
                    atEngine(a.retryAt[k]);
            }
        }
        for (const auto &u : j->uploads) {
            if (!u.active)
                continue;
            const ActiveUpload &a = *u.active;
            for (size_t k = 0; k < a.retryAt.size() && k < a.conns.size(); ++k) {
                if (!a.conns[k] && a.retryAt[k] > engineNow)
                    atEngine(a.retryAt[k]);
            }
            if (!a.completion && !a.completed && a.completionRetryAt > engineNow)
                atEngine(a.completionRetryAt);
        }
    }
    // While something runs, the speed figures are sampled twice a second; that also bounds how
    // late a deadline not listed above can be noticed.
    if (active)
        at(lastSpeedSample + milliseconds(500));
    if (options.clock && active)
        at(now + milliseconds(20)); // a test's clock jumps without waking us: look often
    if (next == Clock::time_point::max())
        return milliseconds(std::numeric_limits<int>::max()); // idle: until woken
    if (next <= now)
        return milliseconds(0);
    const auto wait = std::chrono::ceil<milliseconds>(next - now);
    return std::min(wait, milliseconds(std::numeric_limits<int>::max()));
}

} // namespace hub
