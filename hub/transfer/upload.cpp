// Uploads: pre-flight and LFS batch (helper thread), PUT of LFS objects (worker), commits (helper).

#include "hub/api/curlsetup.h"
#include "hub/api/retry.h"
#include "hub/core/redact.h"
#include "hub/core/strings.h"
#include "hub/core/timeutil.h"
#include "hub/transfer/engineimpl.h"
#include "hub/transfer/preflight.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <utility>

namespace hub {

using namespace transfer_internal;
namespace fs = std::filesystem;

namespace {

struct UploadPlanResult {
    std::vector<UploadFile> files;
    std::string remoteHead;
    uint64_t skipped = 0;
};

PreflightOptions preflightOptions(const EngineOptions &o)
{
    PreflightOptions p;
    p.maxFilesPerCommit = o.maxFilesPerCommit;
    p.maxInlineBytesPerCommit = o.maxInlineBytesPerCommit;
    return p;
}

Expected<UploadPlanResult> computeUploadPlan(HubClient &client, const UploadRequest &req, const EngineOptions &o)
{
    auto plan = preflightUpload(client, req, preflightOptions(o));
    if (!plan)
        return plan.error();
    if (plan->hasErrors())
        return HubError::make(ErrorCode::InvalidArgument, "The Hub would refuse this upload: " + plan->errorSummary());
    UploadPlanResult out;
    out.remoteHead = plan->remoteHead;
    std::vector<LfsBatchRequestObject> objects;
    for (const auto &f : plan->files) {
        if (f.status == UploadFileStatus::Unchanged || f.status == UploadFileStatus::Ignored) {
            ++out.skipped;
            continue;
        }
        UploadFile u;
        u.localPath = f.localPath.string();
        u.pathInRepo = f.pathInRepo;
        u.size = f.size;
        u.lfs = f.lfs;
        u.sha256 = f.sha256;
        if (u.lfs && std::none_of(objects.begin(), objects.end(), [&](const auto &ob) { return ob.oid == u.sha256; }))
            objects.push_back({u.sha256, u.size});
        out.files.push_back(std::move(u));
    }
    const std::string ref = req.createPr ? std::string() : req.revision;
    for (size_t start = 0; start < objects.size(); start += 256) {
        std::vector<LfsBatchRequestObject> chunk(
            objects.begin() + static_cast<std::ptrdiff_t>(start),
            objects.begin() + static_cast<std::ptrdiff_t>(std::min(objects.size(), start + 256)));
        auto batch = client.lfsBatch(req.repo, chunk, ref);
        if (!batch)
            return batch.error();
        for (const auto &ob : batch->objects) {
            if (ob.errorCode != 0)
                return HubError::make(ErrorCode::BadRequest, "The Hub refused a file: " + ob.errorMessage,
                                      "LFS object " + ob.oid);
            for (auto &u : out.files) {
                if (u.lfs && u.sha256 == ob.oid) {
                    u.needsUpload = ob.upload.has_value();
                    u.action = ob;
                }
            }
        }
        // We offer only "basic" and "multipart". A Hub that still answers "xet" (a repo that
        // takes uploads only through Xet) gets nothing: no byte is sent to its Xet endpoints.
        if (batch->transfer == "xet") {
            const auto needing = std::count_if(batch->objects.begin(), batch->objects.end(),
                                               [](const auto &ob) { return ob.upload.has_value(); });
            if (needing > 0) {
                std::string first;
                for (const auto &u : out.files)
                    if (first.empty() && u.lfs && u.needsUpload)
                        first = u.pathInRepo;
                HubError e = HubError::make(
                    ErrorCode::NotSupported,
                    "The Hub accepts \"" + first + "\"" +
                        (needing > 1 ? " and " + std::to_string(needing - 1) + " more large file(s)" : std::string()) +
                        " only through its Xet protocol, which HubDesk does not speak yet. Nothing was uploaded "
                        "and nothing was committed. Upload these files with the hf tools (hf upload) instead.",
                    "LFS batch answered \"transfer\": \"xet\"");
                e.subject = first;
                return e;
            }
        }
    }
    // An object listed twice (same content under two names) is sent once.
    for (size_t i = 0; i < out.files.size(); ++i) {
        for (size_t k = 0; k < i; ++k) {
            if (out.files[i].lfs && out.files[k].lfs && out.files[k].sha256 == out.files[i].sha256)
                out.files[i].needsUpload = false;
        }
    }
    return out;
}

std::string readWholeFile(const std::string &path, bool &ok)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    ok = static_cast<bool>(in) || in.eof();
    return ss.str();
}

struct CommitOutcome {
    std::vector<std::string> commits;
    std::string commitUrl;
    std::string pullRequestUrl;
};

Expected<CommitOutcome> runCommits(HubClient &client, const UploadRequest &req, const std::vector<UploadFile> &files,
                                   const EngineOptions &o)
{
    // Groups of files under the per-commit limits.
    std::vector<std::vector<const UploadFile *>> groups;
    uint64_t inlineBytes = 0;
    for (const auto &f : files) {
        const uint64_t inl = f.lfs ? 0 : f.size;
        if (groups.empty() || static_cast<int>(groups.back().size()) >= o.maxFilesPerCommit ||
            (!groups.back().empty() && inlineBytes + inl > o.maxInlineBytesPerCommit)) {
            groups.emplace_back();
            inlineBytes = 0;
        }
        groups.back().push_back(&f);
        inlineBytes += inl;
    }
    CommitOutcome out;
    std::string revision = req.revision;
    std::string parent = req.parentCommit;
    const size_t n = groups.size();
    for (size_t k = 0; k < n; ++k) {
        CommitRequest cr;
        cr.revision = revision;
        cr.summary = req.message + (n > 1 ? " (part " + std::to_string(k + 1) + " of " + std::to_string(n) + ")" : "");
        cr.description = req.description;
        cr.parentCommit = parent;
        cr.createPr = req.createPr && k == 0;
        for (const auto *f : groups[k]) {
            if (f->lfs) {
                cr.operations.push_back(CommitOperation::addLfsFile(f->pathInRepo, f->sha256, f->size));
            } else {
                bool ok = false;
                std::string content = readWholeFile(f->localPath, ok);
                if (!ok)
                    return HubError::make(ErrorCode::Io, "\"" + f->localPath + "\" could not be read.");
                cr.operations.push_back(CommitOperation::addFile(f->pathInRepo, std::move(content)));
            }
        }
        auto res = client.commit(req.repo, cr);
        if (!res) {
            HubError e = res.error();
            if (k > 0)
                e.message += " (" + std::to_string(k) + " of " + std::to_string(n) +
                             " commits were made; retrying sends only the rest)";
            return e;
        }
        out.commits.push_back(res->commitOid);
        out.commitUrl = res->commitUrl;
        if (cr.createPr) {
            out.pullRequestUrl = res->pullRequestUrl;
            const auto slash = res->pullRequestUrl.rfind('/');
            if (slash != std::string::npos)
                revision = "refs/pr/" + res->pullRequestUrl.substr(slash + 1);
        }
        parent = res->commitOid;
    }
    return out;
}

/// A saved multipart upload's links are good for more than ten more minutes. (Its layout fits the
/// file: it was made for the same oid, i.e. the same bytes.)
bool linksStillValid(const transfer_internal::MultipartProgress &m)
{
    if (m.expiresAt.empty())
        return true;
    const auto expires = parseIsoUtc(m.expiresAt);
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    return expires && *expires > now + 600;
}

/// Bytes of part `p` of an upload (the whole file for a basic one).
uint64_t partLength(const UploadFile &u, size_t p)
{
    if (!u.action.isMultipart())
        return u.size;
    const uint64_t offset = p * u.action.chunkSize;
    return std::min<uint64_t>(u.action.chunkSize, u.size - offset);
}

} // namespace

void TransferEngine::Impl::resumeMultipartUploads(Job &job)
{
    for (auto &u : job.uploads) {
        auto it = job.multipart.find(u.sha256);
        if (it == job.multipart.end())
            continue;
        if (!u.lfs || !u.needsUpload || !linksStillValid(it->second)) {
            job.multipart.erase(it); // stored meanwhile, or the links are too old: start over
            continue;
        }
        // Finish the upload begun before instead of the new one the batch call just opened.
        const auto &m = it->second;
        u.action.upload = LfsAction{m.completeUrl, {}, m.expiresAt};
        u.action.chunkSize = m.chunkSize;
        u.action.partUrls = m.partUrls;
    }
    // Entries of files no longer part of the upload.
    std::erase_if(job.multipart, [&](const auto &entry) {
        return std::none_of(job.uploads.begin(), job.uploads.end(),
                            [&](const UploadFile &u) { return u.sha256 == entry.first; });
    });
    m_journalDirty = true;
}

void TransferEngine::Impl::planUpload(Job &job)
{
    job.snap.phase = "Checking files";
    markChanged(job);
    const UploadRequest req = *job.snap.upload;
    const EngineOptions o = options;
    planOffThread(
        job, [this, req, o] { return computeUploadPlan(*plannerClient, req, o); },
        [this](Job &j, auto &plan) {
            j.uploads = std::move(plan.files);
            resumeMultipartUploads(j);
            j.planned = true;
            j.snap.result.filesSkipped = plan.skipped;
            j.snap.filesTotal = j.uploads.size();
            j.snap.filesDone = 0;
            uint64_t total = 0;
            for (const auto &u : j.uploads)
                total += u.size;
            j.snap.bytesTotal = total;
            j.snap.bytesDone = 0;
            for (const auto &u : j.uploads) {
                if (u.lfs && !u.needsUpload) {
                    j.snap.bytesDone += u.size; // the server already has it
                    ++j.snap.filesDone;
                }
            }
            j.snap.phase = "Uploading";
            markChanged(j);
        });
}

void TransferEngine::Impl::scheduleUpload(Job &job, int &activeFiles)
{
    if (job.finishing)
        return;
    bool allUploaded = true;
    for (size_t i = 0; i < job.uploads.size(); ++i) {
        if (job.snap.state != JobState::Running && job.snap.state != JobState::Retrying)
            return;
        auto &u = job.uploads[i];
        if (!u.lfs || !u.needsUpload || u.uploaded)
            continue;
        allUploaded = false;
        if (u.active)
            driveUploadObject(job, i);
        else if (activeFiles < options.maxParallelFiles) {
            ++activeFiles;
            startUploadObject(job, i);
        }
    }
    if (allUploaded)
        commitUpload(job);
}

void TransferEngine::Impl::startUploadObject(Job &job, size_t index)
{
    auto &u = job.uploads[index];
    auto a = std::make_shared<ActiveUpload>();
    a->fd.reset(::open(u.localPath.c_str(), O_RDONLY | O_CLOEXEC));
    if (!a->fd) {
        fail(job, HubError::make(ErrorCode::Io, "\"" + u.localPath + "\" could not be read.", std::strerror(errno)));
        return;
    }
    const size_t parts = u.action.isMultipart() ? u.action.partUrls.size() : 1;
    if (u.action.isMultipart()) {
        const uint64_t cs = u.action.chunkSize;
        if (cs == 0 || (u.size + cs - 1) / cs != parts) {
            fail(job, HubError::make(ErrorCode::BadResponse, "The Hub's upload instructions do not fit the file size.",
                                     u.pathInRepo));
            return;
        }
    }
    a->conns.assign(parts, nullptr);
    a->partEtags.assign(parts, {});
    a->partDone.assign(parts, false);
    a->retryAt.assign(parts, Clock::time_point{});
    a->failures.assign(parts, 0);
    if (u.action.isMultipart()) {
        // Parts the storage confirmed earlier (before a pause, or a restart) are not sent again.
        auto &m = job.multipart[u.sha256];
        if (m.partUrls != u.action.partUrls || m.partEtags.size() != parts) {
            m = MultipartProgress{u.action.upload->href, u.action.upload->expiresAt, u.action.chunkSize,
                                  u.action.partUrls, std::vector<std::string>(parts)};
            m_journalDirty = true;
        }
        for (size_t p = 0; p < parts; ++p) {
            if (m.partEtags[p].empty())
                continue;
            a->partEtags[p] = m.partEtags[p];
            a->partDone[p] = true;
            job.snap.bytesDone += partLength(u, p);
            markChanged(job);
        }
    }
    u.active = a;
    driveUploadObject(job, index);
}

void TransferEngine::Impl::driveUploadObject(Job &job, size_t index)
{
    auto &u = job.uploads[index];
    ActiveUpload &a = *u.active;
    const auto now = this->now();
    const size_t parts = a.conns.size();
    int running = 0;
    for (auto *c : a.conns)
        running += c ? 1 : 0;
    bool allDone = true;
    for (size_t p = 0; p < parts; ++p) {
        if (a.partDone[p])
            continue;
        allDone = false;
        if (a.conns[p] || a.retryAt[p] > now || running >= options.connectionsPerFile)
            continue;
        const bool multipart = u.action.isMultipart();
        CurlRequest request;
        request.url = multipart ? u.action.partUrls[p] : u.action.upload->href;
        request.method = HttpMethod::Put;
        request.withToken = false; // upload URLs are pre-signed: never send the token along
        request.read = &Impl::readCallback;
        request.uploadSize = partLength(u, p);
        if (auto allowed = checkServerUrl(request.url, "an upload address"); !allowed) {
            fail(job, allowed.error());
            return;
        }
        Conn *c = newConn(multipart ? Conn::Kind::PutPart : Conn::Kind::PutObject, job, index, p);
        c->fd = a.fd.get();
        c->offset = multipart ? p * u.action.chunkSize : 0;
        c->length = request.uploadSize;
        c->sent = 0;
        if (auto prepared = prepareConn(c, std::move(request)); !prepared) {
            removeConn(c);
            fail(job, prepared.error());
            return;
        }
        a.conns[p] = c;
        addConn(c);
        ++running;
    }
    if (!allDone || a.completion)
        return;
    if (!u.action.isMultipart()) {
        a.completed = true;
    } else if (!a.completed && a.completionRetryAt <= now) {
        nlohmann::json body;
        body["oid"] = u.sha256;
        body["parts"] = nlohmann::json::array();
        for (size_t p = 0; p < parts; ++p)
            body["parts"].push_back({{"partNumber", p + 1}, {"etag", a.partEtags[p]}});
        if (auto allowed = checkServerUrl(u.action.upload->href, "an upload completion address"); !allowed) {
            fail(job, allowed.error());
            return;
        }
        Conn *c = newConn(Conn::Kind::CompleteMultipart, job, index, 0);
        c->postBody = body.dump();
        CurlRequest request;
        request.url = u.action.upload->href;
        request.method = HttpMethod::Post;
        request.body = &c->postBody;
        request.headers = {"Accept: application/vnd.git-lfs+json", "Content-Type: application/vnd.git-lfs+json"};
        if (auto prepared = prepareConn(c, std::move(request)); !prepared) {
            removeConn(c);
            fail(job, prepared.error());
            return;
        }
        a.completion = c;
        addConn(c);
    }
    if (a.completed) {
        u.uploaded = true;
        u.active.reset();
        ++job.snap.filesDone;
        markChanged(job);
    }
}

void TransferEngine::Impl::onUploadDone(Conn &conn, CURLcode code)
{
    Job &job = *conn.job;
    auto &u = job.uploads[conn.fileIndex];
    ActiveUpload &a = *u.active;
    const long status = conn.status;
    const size_t p = conn.partIndex;
    const size_t fileIndex = conn.fileIndex; // conn is freed by removeConn() below
    const uint64_t sent = conn.sent;
    const auto kind = conn.kind;
    const HttpHeaders headers = conn.headers;
    const std::string url = conn.url;
    std::optional<HubError> httpErr;
    if (status >= 400)
        httpErr = httpError(conn, job, u.pathInRepo);
    else if (code != CURLE_OK)
        httpErr = connFailure(conn, code);
    if (kind == Conn::Kind::CompleteMultipart)
        a.completion = nullptr;
    else
        a.conns[p] = nullptr;
    removeConn(&conn);

    if (code == CURLE_OK && status >= 200 && status < 300) {
        if (kind == Conn::Kind::PutPart) {
            auto etag = headers.get("ETag");
            if (!etag) {
                fail(job, HubError::make(ErrorCode::BadResponse,
                                         "The storage server did not confirm a part of the upload.", u.pathInRepo));
                return;
            }
            a.partEtags[p] = *etag;
            a.partDone[p] = true;
            if (auto it = job.multipart.find(u.sha256); it != job.multipart.end() && p < it->second.partEtags.size()) {
                it->second.partEtags[p] = *etag;
                m_journalDirty = true;
            }
        } else if (kind == Conn::Kind::PutObject) {
            a.partDone[p] = true;
        } else {
            a.completed = true;
            job.multipart.erase(u.sha256);
            m_journalDirty = true;
        }
        driveUploadObject(job, fileIndex);
        return;
    }
    // This attempt's bytes will be sent again.
    if (kind != Conn::Kind::CompleteMultipart)
        job.snap.bytesDone -= std::min(job.snap.bytesDone, sent);
    HubError err = httpErr ? *httpErr
                           : HubError::make(ErrorCode::BadResponse, "The storage server's answer could not be read.",
                                            stripUrlQuery(url));
    const bool transient = code != CURLE_OK
                               ? isRetryableError(err)
                               : err.code != ErrorCode::Proxy && isRetryableStatus(static_cast<int>(status));
    if (!transient) {
        if (u.action.isMultipart()) {
            // The storage refused the upload as a whole (links expired, parts gone): the next
            // attempt starts this file over with fresh instructions.
            job.multipart.erase(u.sha256);
            job.planned = false;
            err.message += " Retrying sends the file again.";
        }
        fail(job, err);
        return;
    }
    int &failures = kind == Conn::Kind::CompleteMultipart ? a.completionFailures : a.failures[p];
    if (sent >= progressBytes() && kind != Conn::Kind::CompleteMultipart)
        failures = 0;
    const auto delay = retryDelayFor(failures + 1, &headers);
    if (!delay) {
        fail(job, err); // the server asks for a longer wait than we sleep through; it says how long
        return;
    }
    if (++failures > maxRetries()) {
        err.message = "The upload failed " + std::to_string(failures) + " times in a row. " + err.message;
        fail(job, err);
        return;
    }
    const auto when = now() + *delay;
    if (kind == Conn::Kind::CompleteMultipart)
        a.completionRetryAt = when;
    else
        a.retryAt[p] = when;
    job.snap.error = err;
    job.snap.state = JobState::Retrying;
    markChanged(job);
}

void TransferEngine::Impl::commitUpload(Job &job)
{
    job.finishing = true;
    job.snap.phase = "Committing";
    markChanged(job);
    const UploadRequest req = *job.snap.upload;
    const std::vector<UploadFile> files = [&] {
        std::vector<UploadFile> v;
        for (const auto &u : job.uploads) {
            UploadFile c = u;
            c.active.reset();
            v.push_back(std::move(c));
        }
        return v;
    }();
    const uint64_t gen = job.generation;
    const JobId id = job.snap.id;
    const EngineOptions o = options;
    planner->post([this, req, files, gen, id, o] {
        Expected<CommitOutcome> outcome =
            files.empty() ? Expected<CommitOutcome>(CommitOutcome{}) : runCommits(*plannerClient, req, files, o);
        post([this, gen, id, outcome = std::move(outcome)] {
            Job *j = find(id);
            if (!j || j->generation != gen)
                return;
            j->finishing = false;
            const bool pauseWanted = std::exchange(j->pauseAfterCommit, false);
            if (!outcome) {
                j->planned = false; // a retry plans again and sends only what is missing
                if (pauseWanted) {
                    pauseJob(*j);
                    return;
                }
                fail(*j, outcome.error());
                return;
            }
            auto &r = j->snap.result;
            r.commits = outcome->commits;
            if (!outcome->commits.empty())
                r.commit = outcome->commits.back();
            r.commitUrl = outcome->commitUrl;
            r.pullRequestUrl = outcome->pullRequestUrl;
            r.filesTransferred = j->uploads.size();
            for (const auto &u : j->uploads) {
                if (!u.lfs)
                    j->snap.bytesTransferred += u.size; // sent inline with the commit
            }
            j->commit = r.commit;
            j->snap.bytesDone = j->snap.bytesTotal;
            j->snap.filesDone = j->snap.filesTotal;
            j->snap.phase.clear();
            j->snap.error.reset();
            setState(*j, JobState::Done);
        });
    });
}

} // namespace hub
