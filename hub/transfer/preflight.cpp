#include "hub/transfer/preflight.h"

#include "hub/core/hash.h"
#include "hub/core/strings.h"
#include "hub/core/types.h"

#include <algorithm>
#include <fstream>
#include <map>

namespace hub {

namespace fs = std::filesystem;

std::string_view uploadFileStatusName(UploadFileStatus status)
{
    switch (status) {
    case UploadFileStatus::New: return "new";
    case UploadFileStatus::Changed: return "changed";
    case UploadFileStatus::Unchanged: return "unchanged";
    case UploadFileStatus::Ignored: return "ignored";
    }
    return "new";
}

bool UploadPlan::hasErrors() const
{
    return std::any_of(issues.begin(), issues.end(),
                       [](const PreflightIssue &i) { return i.severity == PreflightIssue::Severity::Error; });
}

std::string UploadPlan::errorSummary() const
{
    std::string out;
    int n = 0;
    for (const auto &i : issues) {
        if (i.severity != PreflightIssue::Severity::Error)
            continue;
        if (++n > 5) {
            out += " (and more)";
            break;
        }
        if (!out.empty())
            out += " ";
        out += i.path.empty() ? i.message : "\"" + i.path + "\": " + i.message;
    }
    return out;
}

namespace {

std::string joinRepoPath(const std::string &base, const std::string &rel)
{
    if (base.empty())
        return rel;
    std::string b = base;
    while (!b.empty() && b.back() == '/')
        b.pop_back();
    return b.empty() ? rel : b + "/" + rel;
}

bool skippedDir(const fs::path &rel)
{
    auto it = rel.begin();
    if (it == rel.end())
        return false;
    if (*it == ".git")
        return true;
    if (*it == ".cache") {
        ++it;
        return it != rel.end() && *it == "huggingface";
    }
    return false;
}

void checkName(UploadPlan &plan, const PlannedFile &f)
{
    using S = PreflightIssue::Severity;
    if (!isSafeRepoPath(f.pathInRepo)) {
        plan.issues.push_back(
            {S::Error, f.pathInRepo, "is not a valid file name on the Hub (no \"..\", empty or absolute parts)."});
        return;
    }
    for (const auto &part : split(f.pathInRepo, '/')) {
        if (part == ".git") {
            plan.issues.push_back({S::Error, f.pathInRepo, "files inside a .git folder cannot be uploaded."});
            return;
        }
    }
    if (f.pathInRepo.size() > 1000)
        plan.issues.push_back({S::Error, f.pathInRepo, "the path is too long for the Hub."});
}

std::string readSample(const fs::path &p)
{
    std::ifstream in(p, std::ios::binary);
    std::string s(512, '\0');
    in.read(s.data(), 512);
    s.resize(static_cast<size_t>(in.gcount()));
    return s;
}

} // namespace

int countCommits(const std::vector<PlannedFile> &files, const PreflightOptions &options)
{
    int commits = 0;
    int inCommit = 0;
    uint64_t inlineBytes = 0;
    for (const auto &f : files) {
        if (f.status == UploadFileStatus::Unchanged || f.status == UploadFileStatus::Ignored)
            continue;
        const uint64_t inl = f.lfs ? 0 : f.size;
        if (commits == 0 || inCommit >= options.maxFilesPerCommit ||
            (inCommit > 0 && inlineBytes + inl > options.maxInlineBytesPerCommit)) {
            ++commits;
            inCommit = 0;
            inlineBytes = 0;
        }
        ++inCommit;
        inlineBytes += inl;
    }
    return commits;
}

Expected<UploadPlan> collectUploadFiles(const UploadRequest &request, const PreflightOptions &options)
{
    using S = PreflightIssue::Severity;
    UploadPlan plan;
    std::map<std::string, PlannedFile> byRepoPath;
    for (const auto &src : request.sources) {
        std::error_code ec;
        const auto st = fs::status(src.localPath, ec);
        if (ec || !fs::exists(st))
            return HubError::make(ErrorCode::InvalidArgument,
                                  "\"" + src.localPath.string() + "\" does not exist on this computer.");
        if (fs::is_regular_file(st)) {
            PlannedFile f;
            f.localPath = src.localPath;
            f.pathInRepo = src.pathInRepo.empty() ? src.localPath.filename().string() : src.pathInRepo;
            f.size = fs::file_size(src.localPath, ec);
            byRepoPath[f.pathInRepo] = f;
            continue;
        }
        if (!fs::is_directory(st))
            continue;
        fs::recursive_directory_iterator it(src.localPath, fs::directory_options::skip_permission_denied, ec), end;
        for (; it != end; it.increment(ec)) {
            if (ec)
                break;
            const fs::path rel = fs::relative(it->path(), src.localPath, ec);
            if (it->is_directory(ec)) {
                if (skippedDir(rel))
                    it.disable_recursion_pending();
                continue;
            }
            if (!it->is_regular_file(ec))
                continue;
            PlannedFile f;
            f.localPath = it->path();
            f.pathInRepo = joinRepoPath(src.pathInRepo, rel.generic_string());
            f.size = it->file_size(ec);
            byRepoPath[f.pathInRepo] = f;
        }
    }
    std::map<std::string, size_t> perFolder;
    for (auto &[path, f] : byRepoPath) {
        checkName(plan, f);
        if (f.size > options.maxFileBytes)
            plan.issues.push_back({S::Error, path,
                                   "is larger than " + humanBytes(options.maxFileBytes) +
                                       ", the largest file the Hub accepts. Split it into smaller files."});
        else if (f.size > options.warnFileBytes)
            plan.issues.push_back({S::Warning, path,
                                   "is very large (" + humanBytes(f.size) + "); files under " +
                                       humanBytes(options.warnFileBytes) + " are easier to download and resume."});
        const auto slash = path.rfind('/');
        ++perFolder[slash == std::string::npos ? std::string() : path.substr(0, slash)];
        plan.files.push_back(std::move(f));
    }
    for (const auto &[folder, n] : perFolder) {
        if (n > options.maxEntriesPerFolder)
            plan.issues.push_back({S::Warning, folder.empty() ? "/" : folder,
                                   "holds " + std::to_string(n) + " files; the Hub recommends fewer than " +
                                       std::to_string(options.maxEntriesPerFolder) + " per folder."});
    }
    if (plan.files.size() > options.maxFilesPerRepo)
        plan.issues.push_back({S::Warning, "",
                               std::to_string(plan.files.size()) +
                                   " files is more than the Hub recommends for one repository (" +
                                   std::to_string(options.maxFilesPerRepo) + ")."});
    if (plan.files.empty())
        plan.issues.push_back({S::Error, "", "There is nothing to upload: the folders are empty."});
    return plan;
}

Expected<UploadPlan> preflightUpload(HubClient &client, const UploadRequest &request, const PreflightOptions &options)
{
    using S = PreflightIssue::Severity;
    auto collected = collectUploadFiles(request, options);
    if (!collected)
        return collected.error();
    UploadPlan plan = std::move(*collected);
    if (plan.hasErrors())
        return plan;

    const size_t chunk = 256;
    for (size_t start = 0; start < plan.files.size(); start += chunk) {
        std::vector<PreuploadRequestFile> batch;
        const size_t stop = std::min(plan.files.size(), start + chunk);
        for (size_t i = start; i < stop; ++i)
            batch.push_back({plan.files[i].pathInRepo, plan.files[i].size, readSample(plan.files[i].localPath)});
        auto answer = client.preupload(request.repo, request.revision, batch, request.createPr);
        if (!answer)
            return answer.error();
        if (plan.remoteHead.empty())
            plan.remoteHead = answer->commitOid;
        for (size_t i = start; i < stop; ++i) {
            auto &f = plan.files[i];
            auto it = std::find_if(answer->files.begin(), answer->files.end(),
                                   [&](const PreuploadFile &p) { return p.path == f.pathInRepo; });
            if (it == answer->files.end())
                continue;
            // Empty files always go inline, like huggingface_hub.
            f.lfs = it->uploadMode == UploadMode::Lfs && f.size > 0;
            f.remoteOid = it->oid;
            if (it->shouldIgnore)
                f.status = UploadFileStatus::Ignored;
            else if (!it->oid.empty())
                f.status = UploadFileStatus::Changed;
        }
    }

    for (auto &f : plan.files) {
        if (f.status == UploadFileStatus::Ignored)
            continue;
        if (!f.lfs && f.size > options.maxRegularFileBytes)
            plan.issues.push_back({S::Error, f.pathInRepo,
                                   "is over " + humanBytes(options.maxRegularFileBytes) +
                                       " but the repository does not store it with LFS; add a pattern for it to "
                                       ".gitattributes."});
        if (f.lfs) {
            auto sha = sha256File(f.localPath);
            if (!sha)
                return sha.error();
            f.sha256 = *sha;
        }
        if (!f.lfs && options.hashFiles) {
            auto oid = gitBlobSha1File(f.localPath);
            if (!oid)
                return oid.error();
            f.gitOid = *oid;
        }
        if (f.status == UploadFileStatus::Changed) {
            const std::string &local = f.lfs ? f.sha256 : f.gitOid;
            if (!local.empty() && local == f.remoteOid)
                f.status = UploadFileStatus::Unchanged;
        }
    }
    for (const auto &f : plan.files) {
        if (f.status == UploadFileStatus::New || f.status == UploadFileStatus::Changed) {
            ++plan.filesToSend;
            plan.bytesToSend += f.size;
            if (f.lfs)
                ++plan.lfsFiles;
        }
    }
    plan.commitCount = countCommits(plan.files, options);
    return plan;
}

} // namespace hub
