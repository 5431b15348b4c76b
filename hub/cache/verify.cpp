#include "hub/cache/verify.h"

#include "hub/core/hash.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <map>

namespace hub::cache {

namespace fs = std::filesystem;

namespace {
struct Job {
    std::string repoId;
    fs::path blob;
    std::string name;
    uint64_t size = 0;
    std::vector<std::string> files;
};

/// Hashes a file with the algorithm its name implies; "" when unreadable or cancelled.
std::string hashBlob(const Job &job, const VerifyOptions &opt, uint64_t &done, uint64_t total, bool &cancelled)
{
    const int fd = ::open(job.blob.c_str(), O_RDONLY | O_CLOEXEC);
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
} // namespace

VerifyReport CacheVerifier::verify(const CacheInfo &info, const VerifyOptions &options)
{
    VerifyReport report;
    std::map<std::string, Job> jobs; // by blob path
    for (const auto &repo : info.repos) {
        if (!options.repos.empty() &&
            std::find(options.repos.begin(), options.repos.end(), repo.repo) == options.repos.end())
            continue;
        for (const auto &rev : repo.revisions) {
            if (!options.commits.empty() &&
                std::find(options.commits.begin(), options.commits.end(), rev.commit) == options.commits.end())
                continue;
            for (const auto &f : rev.files) {
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
    return report;
}

} // namespace hub::cache
