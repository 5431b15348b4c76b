#pragma once
// The engine's own view of a job: the public snapshot plus what is needed to resume it. Owned by
// the worker thread; persisted by the journal.

#include "hub/api/types.h"
#include "hub/transfer/job.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace hub::transfer_internal {

/// A byte range [begin, end) of a file fetched by one connection; `pos` is the next byte.
struct Segment {
    uint64_t begin = 0;
    uint64_t end = 0;
    uint64_t pos = 0;
    bool done() const { return pos >= end; }
};

struct ActiveDownload; // runtime state while a file is being fetched (downloadfile.h)
struct ActiveUpload;   // runtime state of one LFS object being sent (uploadfile.h)

/// One file of a download job.
struct DownloadFile {
    enum class Status { Pending, Done };
    std::string path; ///< inside the repo
    std::string etag; ///< sha256 (LFS) or git sha1
    uint64_t size = 0;
    Status status = Status::Pending;
    /// Partial data of an interrupted fetch and how far each range got (resume after restart).
    std::string partial;
    std::vector<Segment> segments;
    int hashFailures = 0;
    /// Times this file was fetched again because something (a cache clean-up) removed it while
    /// the job ran; bounded, then the job fails instead of reporting success with it missing.
    int restores = 0;
    bool noRanges = false; ///< the server ignored a Range request: one stream from 0
    std::string finalPath; ///< where the file is readable once done
    std::shared_ptr<ActiveDownload> active;
};

/// One file of an upload job (after planning).
struct UploadFile {
    std::string localPath;
    std::string pathInRepo;
    uint64_t size = 0;
    bool lfs = false;
    std::string sha256;
    bool needsUpload = false; ///< LFS object the server does not have yet
    bool uploaded = false;
    LfsBatchObject action; ///< where to send it (this session, or the multipart upload resumed)
    std::shared_ptr<ActiveUpload> active;
};

/// A multipart LFS upload under way: the instructions the Hub gave for it and the parts the
/// storage has confirmed. Persisted in the journal, so that after a crash or restart the same
/// upload is finished by sending only the parts it lacks (while its links have not expired).
struct MultipartProgress {
    std::string completeUrl; ///< the batch action's href
    std::string expiresAt;   ///< ISO time from the batch action ("" = not given)
    uint64_t chunkSize = 0;
    std::vector<std::string> partUrls;
    std::vector<std::string> partEtags; ///< per part; "" = not confirmed yet
};

struct Job {
    JobSnapshot snap;
    /// Download: the commit the revision resolved to. Upload: last commit made.
    std::string commit;
    bool planned = false;
    bool planning = false;         ///< a planner task is in flight
    bool finishing = false;        ///< upload: commit in flight
    bool pauseAfterCommit = false; ///< paused while the commit was in flight (see pauseJob)
    uint64_t generation = 0;       ///< bumped on pause/cancel so stale helper results are ignored
    std::vector<DownloadFile> files;
    std::vector<UploadFile> uploads;
    /// Upload: multipart uploads under way, by LFS oid (sha256).
    std::map<std::string, MultipartProgress> multipart;
    // progress bookkeeping (worker only)
    double speedSampleBytes = 0;
    bool dirty = true;
    bool progressDirty = false;
};

} // namespace hub::transfer_internal
