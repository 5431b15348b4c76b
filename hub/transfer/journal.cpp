#include "hub/transfer/journal.h"

#include "hub/core/atomicfile.h"

#include "hub/transfer/partialfile.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace hub::transfer_internal {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

ErrorCode parseErrorCode(const std::string &name)
{
    for (int c = 0; c <= static_cast<int>(ErrorCode::Internal); ++c) {
        if (errorCodeName(static_cast<ErrorCode>(c)) == name)
            return static_cast<ErrorCode>(c);
    }
    return ErrorCode::Internal;
}

JobState parseState(const std::string &name)
{
    for (auto s : {JobState::Queued, JobState::Running, JobState::Paused, JobState::Retrying, JobState::Done,
                   JobState::Failed, JobState::Cancelled}) {
        if (jobStateName(s) == name)
            return s;
    }
    return JobState::Queued;
}

json repoJson(const RepoRef &r)
{
    return {{"type", std::string(repoTypeName(r.type))}, {"id", r.id.str()}};
}

RepoRef repoFrom(const json &j)
{
    RepoRef r;
    r.type = parseRepoType(j.value("type", "model")).value_or(RepoType::Model);
    if (auto id = RepoId::parse(j.value("id", "")); id)
        r.id = *id;
    return r;
}

json toJson(const Job &job)
{
    const JobSnapshot &s = job.snap;
    json j;
    j["id"] = s.id;
    j["kind"] = std::string(jobKindName(s.kind));
    j["state"] = std::string(jobStateName(s.state));
    j["repo"] = repoJson(s.repo);
    j["revision"] = s.revision;
    j["title"] = s.title;
    j["bytesDone"] = s.bytesDone;
    j["bytesTotal"] = s.bytesTotal;
    j["filesTotal"] = s.filesTotal;
    j["filesDone"] = s.filesDone;
    j["commit"] = job.commit;
    // A huge download (a 400,000-file dataset) is journaled by its request only: resuming it
    // lists the files again (what is already in the cache is found there), instead of rewriting
    // hundreds of megabytes of file list at every save.
    const bool fileListOmitted = job.files.size() > kMaxJournaledFiles;
    j["planned"] = job.planned && !fileListOmitted;
    if (s.error) {
        j["error"] = {{"code", std::string(errorCodeName(s.error->code))},
                      {"message", s.error->message},
                      {"detail", s.error->detail},
                      {"httpStatus", s.error->httpStatus}};
    }
    json res;
    res["commit"] = s.result.commit;
    res["commits"] = s.result.commits;
    res["pullRequestUrl"] = s.result.pullRequestUrl;
    res["commitUrl"] = s.result.commitUrl;
    res["location"] = s.result.location.string();
    res["filesTransferred"] = s.result.filesTransferred;
    res["filesSkipped"] = s.result.filesSkipped;
    j["result"] = res;
    if (s.download) {
        j["download"] = {{"paths", s.download->paths}, {"localDir", s.download->localDir.string()}};
        json files = json::array();
        static const std::vector<DownloadFile> none;
        for (const auto &f : fileListOmitted ? none : job.files) {
            json segs = json::array();
            for (const auto &g : f.segments)
                segs.push_back({g.begin, g.end, g.pos});
            files.push_back({{"path", f.path},
                             {"etag", f.etag},
                             {"size", f.size},
                             {"done", f.status == DownloadFile::Status::Done},
                             {"partial", f.partial},
                             {"segments", segs},
                             {"hashFailures", f.hashFailures},
                             {"finalPath", f.finalPath}});
        }
        j["files"] = files;
    }
    if (s.upload) {
        json sources = json::array();
        for (const auto &src : s.upload->sources)
            sources.push_back({{"local", src.localPath.string()}, {"inRepo", src.pathInRepo}});
        j["upload"] = {{"sources", sources},
                       {"message", s.upload->message},
                       {"description", s.upload->description},
                       {"createPr", s.upload->createPr},
                       {"parentCommit", s.upload->parentCommit}};
        json multipart = json::array();
        for (const auto &[oid, m] : job.multipart) {
            multipart.push_back({{"oid", oid},
                                 {"complete", m.completeUrl},
                                 {"expiresAt", m.expiresAt},
                                 {"chunkSize", m.chunkSize},
                                 {"parts", m.partUrls},
                                 {"etags", m.partEtags}});
        }
        if (!multipart.empty())
            j["multipart"] = multipart;
    }
    return j;
}

std::unique_ptr<Job> fromJson(const json &j)
{
    auto job = std::make_unique<Job>();
    JobSnapshot &s = job->snap;
    s.id = j.at("id").get<JobId>();
    s.kind = j.value("kind", "download") == "upload" ? JobKind::Upload : JobKind::Download;
    s.state = parseState(j.value("state", "queued"));
    s.repo = repoFrom(j.at("repo"));
    s.revision = j.value("revision", "main");
    s.title = j.value("title", "");
    s.bytesDone = j.value("bytesDone", uint64_t{0});
    s.bytesTotal = j.value("bytesTotal", uint64_t{0});
    s.filesTotal = j.value("filesTotal", uint64_t{0});
    s.filesDone = j.value("filesDone", uint64_t{0});
    job->commit = j.value("commit", "");
    job->planned = j.value("planned", false);
    if (j.contains("error")) {
        const auto &e = j["error"];
        HubError err =
            HubError::make(parseErrorCode(e.value("code", "Internal")), e.value("message", ""), e.value("detail", ""));
        err.httpStatus = e.value("httpStatus", 0);
        s.error = err;
    }
    if (j.contains("result")) {
        const auto &r = j["result"];
        s.result.commit = r.value("commit", "");
        s.result.commits = r.value("commits", std::vector<std::string>{});
        s.result.pullRequestUrl = r.value("pullRequestUrl", "");
        s.result.commitUrl = r.value("commitUrl", "");
        s.result.location = r.value("location", "");
        s.result.filesTransferred = r.value("filesTransferred", uint64_t{0});
        s.result.filesSkipped = r.value("filesSkipped", uint64_t{0});
    }
    if (j.contains("download")) {
        DownloadRequest d;
        d.repo = s.repo;
        d.revision = s.revision;
        d.paths = j["download"].value("paths", std::vector<std::string>{});
        d.localDir = j["download"].value("localDir", "");
        s.download = d;
        for (const auto &f : j.value("files", json::array())) {
            DownloadFile df;
            df.path = f.value("path", "");
            df.etag = f.value("etag", "");
            df.size = f.value("size", uint64_t{0});
            df.status = f.value("done", false) ? DownloadFile::Status::Done : DownloadFile::Status::Pending;
            df.partial = f.value("partial", "");
            df.hashFailures = f.value("hashFailures", 0);
            df.finalPath = f.value("finalPath", "");
            for (const auto &g : f.value("segments", json::array())) {
                if (g.is_array() && g.size() == 3)
                    df.segments.push_back({g[0].get<uint64_t>(), g[1].get<uint64_t>(), g[2].get<uint64_t>()});
            }
            job->files.push_back(std::move(df));
        }
    }
    if (j.contains("upload")) {
        const auto &u = j["upload"];
        UploadRequest r;
        r.repo = s.repo;
        r.revision = s.revision;
        for (const auto &src : u.value("sources", json::array()))
            r.sources.push_back({src.value("local", ""), src.value("inRepo", "")});
        r.message = u.value("message", "");
        r.description = u.value("description", "");
        r.createPr = u.value("createPr", false);
        r.parentCommit = u.value("parentCommit", "");
        s.upload = r;
        for (const auto &m : j.value("multipart", json::array())) {
            MultipartProgress p;
            p.completeUrl = m.value("complete", "");
            p.expiresAt = m.value("expiresAt", "");
            p.chunkSize = m.value("chunkSize", uint64_t{0});
            p.partUrls = m.value("parts", std::vector<std::string>{});
            p.partEtags = m.value("etags", std::vector<std::string>{});
            if (!p.completeUrl.empty() && p.chunkSize > 0 && !p.partUrls.empty() &&
                p.partEtags.size() == p.partUrls.size())
                job->multipart[m.value("oid", "")] = std::move(p);
        }
    }
    return job;
}

} // namespace

Journal::Journal(fs::path stateDir, FileSync sync) : m_dir(std::move(stateDir)), m_sync(std::move(sync)) {}

Expected<Journal::Loaded> Journal::load() const
{
    Loaded out;
    std::ifstream in(file(), std::ios::binary);
    if (!in)
        return out;
    std::stringstream ss;
    ss << in.rdbuf();
    try {
        const json j = json::parse(ss.str());
        out.nextId = j.value("nextId", JobId{1});
        for (const auto &jj : j.value("jobs", json::array()))
            out.jobs.push_back(fromJson(jj));
    } catch (const std::exception &e) {
        std::error_code ec;
        fs::rename(file(), m_dir / "transfers.json.bad", ec);
        return HubError::make(ErrorCode::Corrupt,
                              "The list of transfers could not be read; it was set aside and the list starts empty.",
                              e.what());
    }
    return out;
}

Status Journal::save(JobId nextId, const std::vector<std::unique_ptr<Job>> &jobs) const
{
    json j;
    j["version"] = 1;
    j["nextId"] = nextId;
    j["jobs"] = json::array();
    for (const auto &job : jobs)
        j["jobs"].push_back(toJson(*job));
    const std::string text = j.dump(1);

    std::error_code ec;
    fs::create_directories(m_dir, ec);
    if (const int err = writeFileAtomically(file(), text, 0600, m_sync); err != 0)
        return diskError(err, "write", file());
    return {};
}

} // namespace hub::transfer_internal
