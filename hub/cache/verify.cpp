#include "hub/cache/verify.h"

#include "hub/cache/detail/fsutil.h"
#include "hub/cache/layout.h"
#include "hub/core/hash.h"
#include "hub/core/strings.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <map>
#include <set>

namespace hub::cache {

namespace fs = std::filesystem;

std::string_view sharedCheckResultName(SharedBlobCheck::Result result)
{
    switch (result) {
    case SharedBlobCheck::Result::Sha256Matches: return "sha256-matches";
    case SharedBlobCheck::Result::SizeMatches: return "size-matches";
    case SharedBlobCheck::Result::Present: return "present";
    case SharedBlobCheck::Result::Mismatch: return "mismatch";
    case SharedBlobCheck::Result::Unreadable: return "unreadable";
    }
    return "unknown";
}

namespace {
struct Job {
    std::string repoId;
    fs::path blob;
    std::string name;
    uint64_t size = 0;
    std::vector<std::string> files;
    bool noFollow = false; // stored files: never opened through a link
};

/// A stored file and what the repos linking to it expect of it.
struct StoreJob {
    const SharedBlob *blob = nullptr;
    std::set<std::string> sha256s;         // names of linking repo blobs that are SHA-256
    std::map<uint64_t, std::string> sizes; // expected size -> where it comes from
    std::vector<std::string> files;
    std::string repoId; // the first linking repo, for BlobMismatch::repoId
};

/// Hashes a file with the algorithm its name implies; "" when unreadable or cancelled.
std::string hashBlob(const Job &job, const VerifyOptions &opt, uint64_t &done, uint64_t total, bool &cancelled)
{
    const int fd = ::open(job.blob.c_str(), O_RDONLY | O_CLOEXEC | (job.noFollow ? O_NOFOLLOW : 0));
    if (fd < 0)
        return {};
    Hasher sha256(HashAlgo::Sha256);
    GitBlobHasher sha1(job.size);
    const bool useSha256 = isSha256(job.name);
    std::array<char, 1 << 17> buf{};
    uint64_t read = 0;
    for (;;) {
        if (opt.cancel && opt.cancel->load()) {
            cancelled = true;
            ::close(fd);
            return {};
        }
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            ::close(fd);
            return {};
        }
        if (n == 0)
            break;
        if (useSha256)
            sha256.update(buf.data(), static_cast<size_t>(n));
        else
            sha1.update(buf.data(), static_cast<size_t>(n));
        read += static_cast<uint64_t>(n);
        done += static_cast<uint64_t>(n);
        if (opt.progress && read % (64u << 20) < buf.size())
            opt.progress(done, total, job.blob);
    }
    ::close(fd);
    if (!useSha256 && read != job.size)
        return "size changed while reading";
    return useSha256 ? sha256.finalHex() : sha1.finalHex();
}

/// path -> expected size of the files of trees/<commit>.json that name `xet_hash` (empty when
/// there is no usable listing).
std::map<std::string, std::pair<std::string, uint64_t>> listedXetFiles(const RepoEntry &repo, const RevisionEntry &rev)
{
    std::map<std::string, std::pair<std::string, uint64_t>> out;
    if (!rev.hasTreeListing)
        return out;
    std::string text;
    if (!detail::readSmallFile(RepoLayout(repo.path).treeListingPath(rev.commit), text, 64u << 20))
        return out;
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("files") || !json["files"].is_object())
        return out;
    for (const auto &[path, f] : json["files"].items()) {
        if (!f.is_object() || !f.contains("xet_hash") || !f["xet_hash"].is_string())
            continue;
        const auto &size = f.contains("lfs_size") ? f["lfs_size"] : f.value("size", nlohmann::json());
        if (size.is_number_unsigned())
            out[path] = {f["xet_hash"].get<std::string>(), size.get<uint64_t>()};
    }
    return out;
}

SharedBlobCheck checkStored(const StoreJob &sj, const VerifyOptions &opt, uint64_t &done, uint64_t total,
                            bool &cancelled, VerifyReport &report)
{
    const SharedBlob &b = *sj.blob;
    SharedBlobCheck c;
    c.xetHash = b.xetHash;
    c.path = b.path;
    c.files = sj.files;
    auto mismatch = [&](std::string expected, std::string actual, std::string message) {
        c.result = SharedBlobCheck::Result::Mismatch;
        c.message = message;
        BlobMismatch m;
        m.repoId = sj.repoId.empty() ? "shared blob store" : sj.repoId;
        m.blobPath = b.path;
        m.expected = std::move(expected);
        m.actual = std::move(actual);
        m.files = sj.files;
        m.message = std::move(message);
        report.mismatches.push_back(std::move(m));
    };
    struct stat st {};
    if (::lstat(b.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        c.result = SharedBlobCheck::Result::Unreadable;
        c.message = "the stored file is gone or is no longer a regular file";
        mismatch(b.xetHash, {}, "stored file " + b.xetHash.substr(0, 12) + " of the shared blob store: " + c.message);
        return c;
    }
    const auto size = static_cast<uint64_t>(st.st_size);
    for (const auto &[expected, where] : sj.sizes)
        if (expected != size) {
            mismatch(std::to_string(expected) + " bytes", std::to_string(size) + " bytes",
                     "stored file " + b.xetHash.substr(0, 12) + " of the shared blob store has " +
                         std::to_string(size) + " bytes, but " + where + " says " + std::to_string(expected) +
                         " (damaged or cut short); delete the repos that use it and download them again");
            return c;
        }
    if (!sj.sha256s.empty()) {
        Job j;
        j.blob = b.path;
        j.name = *sj.sha256s.begin();
        j.size = size;
        j.noFollow = true;
        const std::string actual = hashBlob(j, opt, done, total, cancelled);
        if (cancelled)
            return c;
        ++report.blobsChecked;
        report.bytesChecked += size;
        if (actual.empty()) {
            c.result = SharedBlobCheck::Result::Unreadable;
            c.message = "cannot be read";
            mismatch(j.name, {}, "stored file " + b.xetHash.substr(0, 12) + " of the shared blob store cannot be read");
            return c;
        }
        for (const auto &expected : sj.sha256s)
            if (expected != actual) {
                mismatch(expected, actual,
                         "stored file " + b.xetHash.substr(0, 12) +
                             " of the shared blob store does not match its SHA-256 (damaged or modified); delete the "
                             "repos that use it and download them again");
                return c;
            }
        c.result = SharedBlobCheck::Result::Sha256Matches;
        c.message = "SHA-256 matches";
        return c;
    }
    done += size;
    if (!sj.sizes.empty()) {
        c.result = SharedBlobCheck::Result::SizeMatches;
        c.message = "present, size matches (its Xet hash cannot be recomputed offline)";
    } else {
        c.result = SharedBlobCheck::Result::Present;
        c.message = sj.files.empty() ? "present; no repo uses it, so there is nothing to compare it with"
                                     : "present; no SHA-256 name or file listing to compare it with";
    }
    return c;
}
} // namespace

VerifyReport CacheVerifier::verify(const CacheInfo &info, const VerifyOptions &options)
{
    VerifyReport report;
    std::map<std::string, Job> jobs;           // by blob path
    std::map<std::string, StoreJob> storeJobs; // by xet hash
    const bool everything = options.repos.empty() && options.commits.empty();
    if (everything)
        for (const auto &sb : info.sharedStore.files)
            storeJobs[sb.xetHash].blob = &sb;
    for (const auto &repo : info.repos) {
        if (!options.repos.empty() &&
            std::find(options.repos.begin(), options.repos.end(), repo.repo) == options.repos.end())
            continue;
        std::map<std::string, std::string> links; // etag -> xet hash
        for (const auto &l : repo.sharedLinks)
            links[l.etag] = l.xetHash;
        for (const auto &rev : repo.revisions) {
            if (!options.commits.empty() &&
                std::find(options.commits.begin(), options.commits.end(), rev.commit) == options.commits.end())
                continue;
            std::map<std::string, std::pair<std::string, uint64_t>> listed;
            bool listedRead = false;
            for (const auto &f : rev.files) {
                const auto link = f.blobName.empty() ? links.end() : links.find(f.blobName);
                const SharedBlob *sb = link == links.end() ? nullptr : info.sharedStore.find(link->second);
                if (sb) {
                    StoreJob &sj = storeJobs[sb->xetHash];
                    sj.blob = sb;
                    if (sj.repoId.empty())
                        sj.repoId = repo.cacheId();
                    if (isSha256(f.blobName))
                        sj.sha256s.insert(f.blobName);
                    sj.files.push_back(repo.cacheId() + " " + rev.commit.substr(0, 8) + "/" + f.path);
                    if (!listedRead) {
                        listed = listedXetFiles(repo, rev);
                        listedRead = true;
                    }
                    if (auto it = listed.find(f.path); it != listed.end() && it->second.first == sb->xetHash)
                        sj.sizes.emplace(it->second.second, "trees/" + rev.commit.substr(0, 8) + ".json of " +
                                                                repo.cacheId() + " (" + f.path + ")");
                    continue;
                }
                if (f.blobName.empty() || !(isSha256(f.blobName) || isCommitId(f.blobName))) {
                    ++report.skipped;
                    continue;
                }
                Job &j = jobs[f.blobPath.string()];
                j.repoId = repo.cacheId();
                j.blob = f.blobPath;
                j.name = f.blobName;
                j.size = f.size;
                j.files.push_back(rev.commit.substr(0, 8) + "/" + f.path);
            }
        }
    }
    uint64_t total = 0;
    for (const auto &[_, j] : jobs)
        total += j.size;
    for (const auto &[_, sj] : storeJobs)
        total += sj.blob->size;
    uint64_t done = 0;
    for (const auto &[_, j] : jobs) {
        bool cancelled = false;
        const std::string actual = hashBlob(j, options, done, total, cancelled);
        if (cancelled) {
            report.cancelled = true;
            break;
        }
        ++report.blobsChecked;
        report.bytesChecked += j.size;
        if (actual != j.name) {
            BlobMismatch m;
            m.repoId = j.repoId;
            m.blobPath = j.blob;
            m.expected = j.name;
            m.actual = actual.size() == j.name.size() ? actual : std::string();
            m.files = j.files;
            m.message = actual.empty() ? "cannot be read"
                                       : "content does not match its name (damaged or modified); delete the revision "
                                         "and download it again";
            report.mismatches.push_back(std::move(m));
        }
        if (options.progress)
            options.progress(done, total, j.blob);
    }
    for (const auto &[_, sj] : storeJobs) {
        if (report.cancelled)
            break;
        bool cancelled = false;
        SharedBlobCheck c = checkStored(sj, options, done, total, cancelled, report);
        if (cancelled) {
            report.cancelled = true;
            break;
        }
        report.shared.push_back(std::move(c));
        if (options.progress)
            options.progress(done, total, sj.blob->path);
    }
    return report;
}

} // namespace hub::cache
