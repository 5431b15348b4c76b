// Downloads: planning (helper thread) and the ranged, verified fetch of each file (worker).

#include "hub/api/retry.h"
#include "hub/api/urls.h"
#include "hub/core/redact.h"
#include "hub/core/strings.h"
#include "hub/core/validate.h"
#include "hub/transfer/engineimpl.h"
#include "hub/transfer/localdir.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <unistd.h>

namespace hub {

using namespace transfer_internal;
namespace fs = std::filesystem;

namespace {

struct DownloadPlan {
    std::string commit;
    std::vector<DownloadFile> files;
    fs::path location;
};

HubError notFound(const DownloadRequest &req, const std::string &path)
{
    HubError e = HubError::make(ErrorCode::EntryNotFound, "\"" + path + "\" does not exist in " + req.repo.id.str() +
                                                              " at revision \"" + req.revision +
                                                              "\". Check the file name and the revision.");
    e.httpStatus = 404;
    return e;
}

/// A download that cannot fit is refused before the first byte, with both figures: never
/// discovered at 95 % (and never trusted to a server-given size for allocating anything).
Status checkFreeSpace(const cache::CacheWriter &writer, const DownloadRequest &req, const DownloadPlan &plan)
{
    uint64_t needed = 0;
    for (const auto &f : plan.files) {
        if (f.status == DownloadFile::Status::Done)
            continue;
        uint64_t have = 0;
        if (req.localDir.empty()) {
            std::error_code ec;
            const auto partial = fs::file_size(writer.partialPath(req.repo, f.etag), ec);
            if (!ec)
                have = std::min<uint64_t>(partial, f.size);
        }
        needed += f.size - have;
    }
    if (needed == 0)
        return {};
    fs::path where = plan.location;
    std::error_code ec;
    while (!where.empty() && !fs::exists(where, ec))
        where = where.parent_path();
    const auto space = fs::space(where.empty() ? fs::path(".") : where, ec);
    if (ec)
        return {}; // unknown: the write itself reports a full disk
    if (needed > space.available)
        return HubError::make(ErrorCode::DiskFull,
                              "This download needs " + humanBytes(needed) + " but only " + humanBytes(space.available) +
                                  " is free on the disk of " + where.string() +
                                  ". Free some space (Local cache can remove old revisions) or download to another "
                                  "folder.",
                              where.string());
    return {};
}

Expected<DownloadPlan> computePlan(HubClient &client, const cache::CacheWriter &writer, const DownloadRequest &req)
{
    DownloadPlan plan;
    auto info = client.repoInfo(req.repo, req.revision);
    if (!info)
        return info.error();
    plan.commit = info->sha;
    if (!isCommitId(plan.commit))
        return HubError::make(ErrorCode::BadResponse, "The Hub did not say which commit this revision is.");

    std::vector<TreeEntry> entries;
    if (req.paths.empty()) {
        TreeQuery q;
        q.revision = plan.commit;
        q.recursive = true;
        auto t = client.tree(req.repo, q);
        if (!t)
            return t.error();
        entries = std::move(*t);
    } else {
        auto found = client.pathsInfo(req.repo, plan.commit, req.paths);
        if (!found)
            return found.error();
        for (const auto &p : req.paths) {
            auto it = std::find_if(found->begin(), found->end(), [&](const TreeEntry &e) { return e.path == p; });
            if (it == found->end()) {
                if (req.localDir.empty())
                    (void)writer.markNoExist(req.repo, req.revision, plan.commit, p);
                return notFound(req, p);
            }
            if (it->isDirectory()) {
                TreeQuery q;
                q.revision = plan.commit;
                q.path = p;
                q.recursive = true;
                auto t = client.tree(req.repo, q);
                if (!t)
                    return t.error();
                entries.insert(entries.end(), t->begin(), t->end());
            } else {
                entries.push_back(*it);
            }
        }
    }

    std::set<std::string> seen;
    if (req.localDir.empty()) {
        if (auto st = writer.writeRef(req.repo, req.revision, plan.commit); !st)
            return st.error();
        plan.location = writer.repoDir(req.repo) / "snapshots" / plan.commit;
        std::error_code ec;
        fs::create_directories(plan.location, ec);
    } else {
        plan.location = req.localDir;
    }
    for (const auto &e : entries) {
        if (e.isDirectory() || !seen.insert(e.path).second)
            continue;
        // parseTree already refused unsafe names, ids and sizes (hub/core/validate.h); checked
        // again because nothing may reach the disk on a single check.
        if (!isSafeServerPath(e.path) || !isContentId(e.contentId()))
            return HubError::make(ErrorCode::BadResponse,
                                  "The Hub listed a file with an unsafe name or id; nothing was written.",
                                  escapeControls(e.path));
        DownloadFile f;
        f.path = e.path;
        f.etag = e.contentId();
        f.size = e.lfs ? e.lfs->size : e.size;
        if (req.localDir.empty()) {
            // A snapshot folder (or a folder in it) that is a link would put pointers outside the cache.
            if (auto ok = checkNoLinkOnTheWay(writer.repoDir(req.repo), "snapshots/" + plan.commit + "/" + f.path); !ok)
                return ok.error();
            f.finalPath = writer.pointerPath(req.repo, plan.commit, f.path).string();
            auto ptr = writer.findPointer(req.repo, plan.commit, f.path);
            if (ptr && *ptr) {
                f.status = DownloadFile::Status::Done;
            } else if (writer.hasBlob(req.repo, f.etag)) {
                if (auto linked = writer.linkBlob(req.repo, f.etag, plan.commit, f.path); linked)
                    f.status = DownloadFile::Status::Done;
            }
        } else {
            f.finalPath = (req.localDir / f.path).string();
            for (const std::string &rel : {f.path, ".cache/huggingface/download/" + f.path + ".metadata"})
                if (auto ok = checkNoLinkOnTheWay(req.localDir, rel); !ok)
                    return ok.error();
            if (localFileIsCurrent(req.localDir, f.path, f.etag, f.size))
                f.status = DownloadFile::Status::Done;
        }
        plan.files.push_back(std::move(f));
    }
    if (auto room = checkFreeSpace(writer, req, plan); !room)
        return room.error();
    return plan;
}

/// Extends untouched segment `s` over the untouched segments after it (they become empty), so one
/// request fetches what several would. Segments stay in file order, which frontierOf relies on.
void coalesceRest(DownloadFile &f, size_t s)
{
    auto &g = f.segments[s];
    if (g.pos != g.begin)
        return;
    for (size_t k = s + 1; k < f.segments.size(); ++k) {
        auto &n = f.segments[k];
        if (n.pos != n.begin || n.begin != g.end)
            break;
        g.end = n.end;
        n.begin = n.pos = n.end;
    }
}

uint64_t frontierOf(const DownloadFile &f)
{
    for (const auto &g : f.segments) {
        if (!g.done())
            return g.pos;
    }
    return f.size;
}

} // namespace

std::string TransferEngine::Impl::resolveUrl(const Job &job, const std::string &path) const
{
    return resolveFileUrl(options.clientConfig.endpoint, job.snap.repo, job.commit, path);
}

void TransferEngine::Impl::planDownload(Job &job)
{
    job.snap.phase = "Listing files";
    markChanged(job);
    const DownloadRequest req = *job.snap.download;
    planOffThread(
        job, [this, req] { return computePlan(*plannerClient, cacheWriter, req); },
        [this](Job &j, auto &plan) {
            j.commit = plan.commit;
            j.files = std::move(plan.files);
            j.planned = true;
            j.snap.result.commit = j.commit;
            j.snap.result.location = plan.location;
            for (const auto &f : j.files) {
                if (f.status == DownloadFile::Status::Done)
                    ++j.snap.result.filesSkipped;
            }
            j.snap.phase = "Downloading";
            updateJobTotals(j);
            markChanged(j);
        });
}

void TransferEngine::Impl::scheduleDownload(Job &job, int &activeFiles)
{
    bool allDone = true;
    for (size_t i = 0; i < job.files.size(); ++i) {
        if (job.snap.state != JobState::Running && job.snap.state != JobState::Retrying)
            return;
        auto &f = job.files[i];
        if (f.status == DownloadFile::Status::Done)
            continue;
        allDone = false;
        if (f.active) {
            driveFile(job, i);
        } else if (activeFiles < options.maxParallelFiles &&
                   publishQueue.size() + publishItemsInFlight < kMaxPublishing) {
            ++activeFiles;
            startFile(job, i);
        }
    }
    if (allDone && job.snap.state != JobState::Done) {
        if (!confirmPublished(job))
            return;
        job.snap.result.files.clear();
        for (const auto &f : job.files)
            job.snap.result.files.emplace_back(f.finalPath);
        if (job.files.size() == 1 && job.snap.download && !job.snap.download->paths.empty() &&
            job.snap.download->paths.front() == job.files.front().path)
            job.snap.result.location = job.files.front().finalPath;
        job.snap.phase.clear();
        job.snap.error.reset();
        updateJobTotals(job);
        setState(job, JobState::Done);
    }
}

bool TransferEngine::Impl::confirmPublished(Job &job)
{
    // A delete of the same repo (hubdesk-cli cache rm, the cache page's delete or prune) may run
    // while the files are being fetched. Rather than taking the cache's locks for the whole job,
    // the download checks its result at the end and publishes again what went missing: never
    // "Downloaded 4 files" with one pointer and no ref left.
    const DownloadRequest &req = *job.snap.download;
    size_t missing = 0;
    bool tooOften = false;
    for (auto &f : job.files) {
        std::error_code ec;
        if (fs::exists(fs::path(f.finalPath), ec)) // follows the pointer: the blob must be there too
            continue;
        f.status = DownloadFile::Status::Pending;
        f.active.reset();
        f.partial.clear();
        f.segments.clear();
        ++missing;
        if (++f.restores > 2)
            tooOften = true;
    }
    if (req.localDir.empty() && !isCommitId(req.revision)) {
        std::error_code ec;
        if (!fs::exists(cacheWriter.repoDir(req.repo) / "refs" / req.revision, ec))
            if (auto st = cacheWriter.writeRef(req.repo, req.revision, job.commit); !st) {
                fail(job, st.error());
                return false;
            }
    }
    if (missing == 0)
        return true;
    if (tooOften) {
        fail(job, HubError::make(ErrorCode::Conflict,
                                 std::to_string(missing) +
                                     " of the downloaded files were removed again while the "
                                     "download ran (a cache clean-up?). Run the download again when the clean-up is "
                                     "done."));
        return false;
    }
    job.snap.phase = "restoring " + std::to_string(missing) + " file(s) removed during the download";
    updateJobTotals(job);
    markChanged(job);
    return false;
}

void TransferEngine::Impl::startFile(Job &job, size_t index)
{
    auto &f = job.files[index];
    f.active = std::make_shared<ActiveDownload>();
    driveFile(job, index);
}

void TransferEngine::Impl::driveFile(Job &job, size_t index)
{
    auto &f = job.files[index];
    auto active = f.active;
    ActiveDownload &a = *active;
    const DownloadRequest &req = *job.snap.download;
    const bool cacheMode = req.localDir.empty();
    const auto now = this->now();

    if (a.phase == ActiveDownload::Phase::WaitLock) {
        if (now < a.nextTry)
            return;
        // Small cache files need no lock (see EngineOptions::lockFilesFrom).
        if (!cacheMode || f.size >= options.lockFilesFrom) {
            Expected<std::optional<cache::BlobLock>> lock =
                cacheMode ? cacheWriter.tryLockBlob(job.snap.repo, f.etag)
                          : cache::BlobLock::tryAcquire(localLockPath(req.localDir, f.path));
            if (!lock) {
                fail(job, lock.error());
                return;
            }
            if (!*lock) {
                a.nextTry = now + std::chrono::milliseconds(100);
                if (job.snap.phase != "Waiting for another download of the same file") {
                    job.snap.phase = "Waiting for another download of the same file";
                    markChanged(job);
                }
                return;
            }
            a.lock = std::move(**lock);
        }
        if (job.snap.phase != "Downloading") {
            job.snap.phase = "Downloading";
            markChanged(job);
        }
        // Someone (another process, another revision) may have finished it while we waited.
        if (cacheMode && cacheWriter.hasBlob(job.snap.repo, f.etag)) {
            auto linked = cacheWriter.linkBlob(job.snap.repo, f.etag, job.commit, f.path);
            if (!linked) {
                fail(job, linked.error());
                return;
            }
            fileFinished(job, index, linked->string(), false);
            return;
        }
        if (!cacheMode && localFileIsCurrent(req.localDir, f.path, f.etag, f.size)) {
            fileFinished(job, index, (req.localDir / f.path).string(), false);
            return;
        }
        std::error_code ec;
        if (!f.partial.empty() && !fs::exists(f.partial, ec)) {
            f.partial.clear();
            f.segments.clear();
        }
        if (f.partial.empty()) {
            f.segments.clear();
            if (cacheMode) {
                const fs::path blob = cacheWriter.blobPath(job.snap.repo, f.etag);
                fs::create_directories(blob.parent_path(), ec);
                f.partial = blob.string() + "." + randomHex8() + ".incomplete";
            } else {
                const fs::path p = localPartialPath(req.localDir, f.path, f.etag);
                fs::create_directories(p.parent_path(), ec);
                f.partial = p.string();
            }
        }
        const bool useRanges =
            !f.noRanges && f.size >= options.multiConnectionThreshold && options.connectionsPerFile > 1;
        if (f.segments.empty()) {
            // Ranged files are cut into chunks fetched in order by up to connectionsPerFile
            // connections, so the contiguous prefix (and the hash following it) advances at the
            // full speed instead of waiting for the first of a few big segments.
            uint64_t chunk = f.size ? f.size : 1;
            if (useRanges) {
                const uint64_t perConn = f.size / static_cast<uint64_t>(options.connectionsPerFile);
                chunk = std::max<uint64_t>(options.multiConnectionThreshold / 4,
                                           std::min<uint64_t>(uint64_t{16} << 20, perConn));
            }
            for (uint64_t b = 0; b < f.size || (f.size == 0 && f.segments.empty()); b += chunk) {
                const uint64_t e = std::min(f.size, b + chunk);
                f.segments.push_back({b, e, b});
                if (f.size == 0)
                    break;
            }
            updateJobTotals(job);
        }
        if (auto st = a.file.open(f.partial, f.size >= options.multiConnectionThreshold ? f.size : 0); !st) {
            std::error_code rmEc;
            fs::remove(f.partial, rmEc);
            f.partial.clear();
            f.segments.clear();
            fail(job, st.error());
            return;
        }
        const uint64_t frontier = frontierOf(f);
        if (f.segments.size() == 1 && frontier == 0 && f.size < options.multiConnectionThreshold) {
            a.inlineHasher.emplace(f.etag, f.size);
        } else {
            a.follower = std::make_unique<HashFollower>(a.file.fd(), f.etag, f.size, [this] { wake(); });
            a.follower->advance(frontier);
        }
        a.conns.assign(f.segments.size(), nullptr);
        a.reresolves.assign(f.segments.size(), 0);
        a.redirects.assign(f.segments.size(), 0);
        a.retryAt.assign(f.segments.size(), Clock::time_point{});
        a.failures.assign(f.segments.size(), 0);
        a.rangesOk = f.segments.size() == 1;
        if (options.adaptiveConnections && f.segments.size() > 1)
            a.ramp.emplace(options.rampWindow);
        a.phase = ActiveDownload::Phase::Fetching;
    }

    if (a.phase == ActiveDownload::Phase::Fetching) {
        const bool allDone =
            std::all_of(f.segments.begin(), f.segments.end(), [](const Segment &g) { return g.done(); });
        if (allDone) {
            bool connsLeft = std::any_of(a.conns.begin(), a.conns.end(), [](Conn *c) { return c != nullptr; });
            if (connsLeft)
                return;
            a.phase = ActiveDownload::Phase::Hashing;
            if (a.follower)
                a.follower->advance(f.size);
        } else {
            int running =
                static_cast<int>(std::count_if(a.conns.begin(), a.conns.end(), [](Conn *c) { return c != nullptr; }));
            int limit = options.connectionsPerFile;
            if (a.ramp && a.rangesOk)
                limit = a.ramp->limit(now, limit, a.fetched, a.follower ? a.follower->hashed() : a.fetched);
            for (size_t s = 0; s < f.segments.size() && running < limit; ++s) {
                if (f.segments[s].done() || a.conns[s] || a.retryAt[s] > now)
                    continue;
                // Until one answer showed that ranges work, only one connection probes.
                if (!a.rangesOk && running > 0)
                    break;
                // Settled on one connection: fetch the rest as one request instead of chunks.
                if (limit == 1 && running == 0 && a.ramp && a.ramp->settled())
                    coalesceRest(f, s);
                startSegment(job, index, s);
                ++running;
            }
            return;
        }
    }

    if (a.phase == ActiveDownload::Phase::Hashing) {
        if (a.follower && !a.follower->finished())
            return;
        verifyAndPublish(job, index);
    }
}

void TransferEngine::Impl::startSegment(Job &job, size_t index, size_t s, bool viaResolve)
{
    auto &f = job.files[index];
    ActiveDownload &a = *f.active;
    Segment &g = f.segments[s];
    const bool direct = !viaResolve && !a.directUrl.empty();
    CurlRequest request;
    request.url = direct ? a.directUrl : resolveUrl(job, f.path);
    request.withToken = direct ? a.directWithToken : true;
    const bool ranged = g.pos > 0 || g.end < f.size;
    if (ranged)
        request.headers.push_back("Range: bytes=" + std::to_string(g.pos) + "-" + std::to_string(g.end - 1));
    request.headers.emplace_back("Accept-Encoding: identity");
    // directUrl passed checkServerUrl when the redirect was taken; check again before a handle exists.
    if (auto allowed = checkServerUrl(request.url, "a download address"); !allowed) {
        fail(job, allowed.error());
        return;
    }
    Conn *c = newConn(Conn::Kind::Segment, job, index, s);
    c->ranged = ranged;
    if (auto prepared = prepareConn(c, std::move(request)); !prepared) {
        removeConn(c);
        fail(job, prepared.error());
        return;
    }
    a.conns[s] = c;
    addConn(c);
}

size_t TransferEngine::Impl::onSegmentData(Conn &conn, const char *data, size_t n)
{
    Job &job = *conn.job;
    auto &f = job.files[conn.fileIndex];
    ActiveDownload &a = *f.active;
    Segment &g = f.segments[conn.partIndex];
    if (conn.status < 200 || conn.status >= 300) {
        if (conn.body.size() < 65536)
            conn.body.append(data, std::min<size_t>(n, 65536 - conn.body.size()));
        return n;
    }
    if (conn.status == 200 && conn.ranged) {
        conn.abort = Conn::Abort::RangeIgnored;
        return 0;
    }
    if (conn.status == 206 && !a.rangesOk) {
        a.rangesOk = true;
        wake();
    }
    if (!bandwidth.take(n)) {
        conn.paused = true;
        pausedConns.push_back(&conn);
        return CURL_WRITEFUNC_PAUSE;
    }
    const size_t w = static_cast<size_t>(std::min<uint64_t>(n, g.end - g.pos));
    if (w > 0) {
        if (auto st = a.file.writeAt(g.pos, data, w); !st) {
            conn.diskErrorValue = st.error();
            conn.abort = Conn::Abort::DiskError;
            return 0;
        }
        if (a.inlineHasher && g.pos == a.inlineHashed) {
            a.inlineHasher->update(data, w);
            a.inlineHashed += w;
        }
        g.pos += w;
        a.fetched += w;
        conn.bytesThisAttempt += w;
        if (conn.bytesThisAttempt >= progressBytes())
            a.failures[conn.partIndex] = 0;
        a.reresolves[conn.partIndex] = 0;
        a.redirects[conn.partIndex] = 0;
        addProgress(job, w);
        m_journalDirty = true;
        if (a.follower)
            a.follower->advance(frontierOf(f));
    }
    if (w < n) {
        conn.abort = Conn::Abort::SegmentComplete;
        return 0;
    }
    return n;
}

void TransferEngine::Impl::onSegmentDone(Conn &conn, CURLcode code)
{
    Job &job = *conn.job;
    const size_t index = conn.fileIndex;
    const size_t s = conn.partIndex;
    auto &f = job.files[index];
    ActiveDownload &a = *f.active;
    const long status = conn.status;
    const auto abort = conn.abort;
    const HttpHeaders headers = conn.headers;
    const std::string url = conn.url;
    const bool withToken = conn.withToken;
    const uint64_t moved = conn.bytesThisAttempt;
    std::optional<HubError> diskErr = conn.diskErrorValue;
    std::optional<HubError> httpErr;
    if (status >= 400 || status == 407)
        httpErr = httpError(conn, job, f.path);
    // Any storage URL this segment was sent to: the file's current one, or one that another
    // segment has replaced since (a URL bound to another segment's range).
    const bool fromDirectUrl = url != resolveUrl(job, f.path) && !sameOriginAsEndpoint(url);
    const HubError transportErr = code == CURLE_OK ? HubError{} : connFailure(conn, code);
    a.conns[s] = nullptr;
    removeConn(&conn);

    if (abort == Conn::Abort::DiskError) {
        // Nothing of a file that hit a full disk is kept: the cache must scan clean.
        a.file.close();
        std::error_code ec;
        fs::remove(f.partial, ec);
        f.partial.clear();
        f.segments.clear();
        fail(job, diskErr.value_or(HubError::make(ErrorCode::Io, "Writing the file failed.")));
        return;
    }
    if (abort == Conn::Abort::RangeIgnored) {
        // The server does not serve ranges: start over with one stream from the first byte.
        resetFile(job, index, false);
        job.files[index].noRanges = true;
        return;
    }
    if (code == CURLE_OK && status >= 300 && status < 400) {
        const auto location = headers.get("Location");
        if (!location || ++a.redirects[s] > 10) {
            fail(job, HubError::make(ErrorCode::BadResponse,
                                     "The Hub sent the download somewhere HubDesk cannot follow.", stripUrlQuery(url)));
            return;
        }
        const std::string next = hub::resolveUrl(url, *location);
        if (auto allowed = checkServerUrl(next, "a download redirect"); !allowed) {
            fail(job, allowed.error());
            return;
        }
        a.directUrl = next;
        a.directWithToken = withToken && sameOriginAsEndpoint(a.directUrl);
        startSegment(job, index, s);
        return;
    }
    if (code == CURLE_OK && fromDirectUrl && (status == 400 || status == 403 || status == 410)) {
        // Signed storage URLs expire (about an hour) and may be bound to the range that produced
        // them: resolve the file again for this segment's range. Verified bytes stay where they
        // are; only this segment's request is made again.
        if (++a.reresolves[s] <= options.maxReresolves) {
            if (a.directUrl == url)
                a.directUrl.clear();
            startSegment(job, index, s, true);
            return;
        }
        HubError e = *httpErr;
        e.message = "The storage server kept refusing fresh download links for \"" + f.path + "\" (" +
                    std::to_string(a.reresolves[s]) + " in a row): " + e.message;
        fail(job, e);
        return;
    }
    if ((code == CURLE_OK || abort == Conn::Abort::SegmentComplete) && status >= 200 && status < 300) {
        if (f.segments[s].done())
            return; // driveFile notices
        segmentFailed(
            job, index, s,
            HubError::make(ErrorCode::Network, "The connection ended before the whole file arrived; resuming.", f.path),
            nullptr, moved);
        return;
    }
    if (code == CURLE_OK && httpErr) {
        if (httpErr->code != ErrorCode::Proxy && isRetryableStatus(static_cast<int>(status)))
            segmentFailed(job, index, s, *httpErr, &headers, moved);
        else
            fail(job, *httpErr);
        return;
    }
    if (code == CURLE_OK && status == 0) {
        segmentFailed(job, index, s,
                      HubError::make(ErrorCode::BadResponse, "The server's answer could not be read; trying again.",
                                     stripUrlQuery(url)),
                      nullptr, moved);
        return;
    }
    if (!isRetryableError(transportErr)) {
        fail(job, transportErr); // a certificate or proxy problem: trying again cannot fix it
        return;
    }
    segmentFailed(job, index, s, transportErr, nullptr, moved);
}

void TransferEngine::Impl::segmentFailed(Job &job, size_t index, size_t s, HubError error, const HttpHeaders *headers,
                                         uint64_t moved)
{
    ActiveDownload &a = *job.files[index].active;
    if (moved >= progressBytes())
        a.failures[s] = 0;
    const int failures = ++a.failures[s];
    const auto delay = retryDelayFor(failures, headers);
    if (!delay) {
        fail(job, error); // the server asks for a longer wait than we sleep through; it says how long
        return;
    }
    if (failures > maxRetries()) {
        error.message = "The transfer failed " + std::to_string(failures) + " times in a row. " + error.message;
        if (error.code == ErrorCode::Network || error.code == ErrorCode::Timeout)
            error.message += " Check the network connection and retry.";
        fail(job, error);
        return;
    }
    a.retryAt[s] = now() + *delay;
    job.snap.error = error;
    if (job.snap.state != JobState::Retrying) {
        job.snap.state = JobState::Retrying;
    }
    markChanged(job);
}

void TransferEngine::Impl::resetFile(Job &job, size_t index, bool keepData)
{
    auto &f = job.files[index];
    if (f.active) {
        for (auto *c : f.active->conns) {
            if (c)
                removeConn(c);
        }
        f.active.reset();
    }
    if (!keepData) {
        std::error_code ec;
        if (!f.partial.empty())
            fs::remove(f.partial, ec);
        f.partial.clear();
        f.segments.clear();
    }
    updateJobTotals(job);
    markChanged(job);
}

void TransferEngine::Impl::verifyAndPublish(Job &job, size_t index)
{
    auto &f = job.files[index];
    auto active = f.active;
    ActiveDownload &a = *active;
    Expected<std::string> digest =
        a.inlineHasher ? Expected<std::string>(a.inlineHasher->finalHex()) : a.follower->result();
    if (!digest) {
        resetFile(job, index, false);
        fail(job, digest.error());
        return;
    }
    // computePlan admits only hash content ids, so every published byte is verified; a content
    // id that is not a hash (a corrupt journal) never publishes unchecked bytes.
    if (!isContentId(f.etag)) {
        const std::string path = f.path;
        resetFile(job, index, false);
        fail(job, HubError::make(ErrorCode::Corrupt, "\"" + escapeControls(path) +
                                                         "\" has no checksum to verify it against, so it was "
                                                         "not kept. Download it again."));
        return;
    }
    if (*digest != f.etag) {
        ++f.hashFailures;
        const std::string path = f.path;
        resetFile(job, index, false);
        HubError err =
            HubError::make(ErrorCode::Corrupt,
                           "The data received for \"" + path + "\" did not match its checksum" +
                               (job.files[index].hashFailures >= 2
                                    ? " twice. It was discarded; retry later or report the file to its owner."
                                    : "; downloading it again."),
                           "expected " + job.files[index].etag + ", got " + *digest);
        if (job.files[index].hashFailures >= 2)
            fail(job, err);
        else {
            job.snap.error = err;
            markChanged(job);
        }
        return;
    }
    a.phase = ActiveDownload::Phase::Publishing;
    a.counted = false; // no network any more: the next file may start
    const DownloadRequest &req = *job.snap.download;
    if (req.localDir.empty() && f.size < options.multiConnectionThreshold) {
        // Small files are published in batches: one round of syncs for many files.
        if (publishQueue.empty())
            publishQueuedSince = Clock::now();
        publishQueue.push_back(
            PublishItem{active, req.repo, f.partial, f.etag, f.path, job.commit, job.snap.id, job.generation, index});
        return;
    }
    const std::string partial = f.partial;
    const std::string etag = f.etag;
    const std::string path = f.path;
    const std::string commit = job.commit;
    const JobId id = job.snap.id;
    const uint64_t gen = job.generation;
    auto &finisher = finishers[nextFinisher++ % finishers.size()];
    finisher->post([this, active, req, partial, etag, path, commit, id, gen, index] {
        Expected<std::string> outcome = [&]() -> Expected<std::string> {
            if (auto st = active->file.sync(); !st)
                return st.error();
            active->file.close();
            std::error_code ec;
            if (req.localDir.empty()) {
                const fs::path blob = cacheWriter.blobPath(req.repo, etag);
                if (::rename(partial.c_str(), blob.c_str()) != 0)
                    return transfer_internal::diskError(errno, "rename", blob);
                if (UniqueFd dir(::open(blob.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)); dir)
                    ::fsync(dir.get());
                auto linked = cacheWriter.linkBlob(req.repo, etag, commit, path);
                if (!linked)
                    return linked.error();
                return linked->string();
            }
            const fs::path dest = req.localDir / path;
            fs::create_directories(dest.parent_path(), ec);
            if (::rename(partial.c_str(), dest.c_str()) != 0)
                return transfer_internal::diskError(errno, "rename", dest);
            if (auto st = writeLocalMetadata(req.localDir, path, commit, etag); !st)
                return st.error();
            return dest.string();
        }();
        post([this, active, id, gen, index, outcome = std::move(outcome)]() mutable {
            onPublished(id, gen, index, active, std::move(outcome));
        });
    });
}

void TransferEngine::Impl::flushPublishing()
{
    // One batch at a time, of at least kMinBatch files unless the network is idle or the oldest
    // waited kBatchWait: every batch costs a few journal commits, whatever its size.
    const auto now = Clock::now();
    if (publishQueue.empty() || publishBatchesInFlight > 0)
        return;
    if (publishQueue.size() < kMinBatch && !conns.empty() && now - publishQueuedSince < kBatchWait)
        return;
    {
        std::vector<PublishItem> batch;
        while (!publishQueue.empty() && batch.size() < kMaxPublishing) {
            PublishItem item = std::move(publishQueue.front());
            publishQueue.pop_front();
            // A job paused or cancelled meanwhile: not published (its partial is resumed or gone).
            if (const Job *j = find(item.job); j && j->generation == item.generation)
                batch.push_back(std::move(item));
        }
        if (batch.empty())
            return;
        publishQueuedSince = now; // what is left (nothing, normally) starts a new wait
        ++publishBatchesInFlight;
        publishItemsInFlight += batch.size();
        auto &finisher = finishers[nextFinisher++ % finishers.size()];
        finisher->post([this, batch = std::move(batch)]() mutable {
            auto outcomes = publishBatch(cacheWriter, batch);
            post([this, batch = std::move(batch), outcomes = std::move(outcomes)]() mutable {
                --publishBatchesInFlight;
                publishItemsInFlight -= batch.size();
                for (size_t i = 0; i < batch.size(); ++i)
                    onPublished(batch[i].job, batch[i].generation, batch[i].fileIndex, batch[i].active,
                                std::move(outcomes[i]));
            });
        });
    }
}

void TransferEngine::Impl::onPublished(JobId id, uint64_t gen, size_t index,
                                       const std::shared_ptr<ActiveDownload> &active, Expected<std::string> outcome)
{
    active->lock.reset();
    Job *j = find(id);
    if (!j || j->generation != gen || index >= j->files.size() || j->files[index].active != active)
        return;
    if (!outcome) {
        const DownloadRequest &req = *j->snap.download;
        std::error_code ec;
        const fs::path repoDir = cacheWriter.repoDir(req.repo);
        // Removed under us: the partial (or the folder it was to be published into) is gone.
        const std::string &partial = j->files[index].partial;
        const bool removed = req.localDir.empty() &&
                             ((!partial.empty() && !fs::exists(partial, ec)) || !fs::exists(repoDir / "blobs", ec) ||
                              !fs::exists(repoDir / "snapshots" / j->commit, ec));
        if (removed && j->files[index].restores < 2) {
            // The repo was deleted from the cache while this file was fetched (its partial went
            // with it): fetch the file again instead of blaming the disk.
            ++j->files[index].restores;
            resetFile(*j, index, false);
            j->files[index].status = DownloadFile::Status::Pending;
            j->snap.phase = "restoring files removed during the download";
            markChanged(*j);
            return;
        }
        HubError e = outcome.error();
        if (removed)
            e = HubError::make(ErrorCode::Conflict,
                               "The repository was removed from the cache again and again while it was being "
                               "downloaded (a cache clean-up?). Run the download again when the clean-up is done.",
                               e.describe());
        fail(*j, e);
        return;
    }
    fileFinished(*j, index, *outcome, true);
}

void TransferEngine::Impl::fileFinished(Job &job, size_t index, std::string finalPath, bool transferred)
{
    auto &f = job.files[index];
    f.status = DownloadFile::Status::Done;
    f.finalPath = std::move(finalPath);
    f.partial.clear();
    f.segments.clear();
    f.active.reset();
    if (transferred)
        ++job.snap.result.filesTransferred;
    else
        ++job.snap.result.filesSkipped;
    updateJobTotals(job);
    markChanged(job);
}

} // namespace hub
