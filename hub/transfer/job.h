#pragma once
// Values describing transfer jobs: what the caller asks for (requests) and what the engine
// reports back (snapshots). Plain copyable structs, safe to pass between threads.

#include "hub/core/error.h"
#include "hub/core/types.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hub {

using JobId = uint64_t;

enum class JobKind { Download, Upload };

/// Life of a job. Queued -> Running <-> Retrying -> Done | Failed | Cancelled; Paused from any
/// non-final state, back to Queued on resume. Failed and Cancelled jobs can be retried.
enum class JobState { Queued, Running, Paused, Retrying, Done, Failed, Cancelled };

std::string_view jobStateName(JobState state);
std::string_view jobKindName(JobKind kind);
bool isFinalState(JobState state);

/// Download files, folders or a whole revision, into the cache or into a plain folder.
struct DownloadRequest {
    RepoRef repo;
    std::string revision = "main";
    /// Files ("config.json") and folders ("data/" or "data") inside the repo; empty = everything.
    std::vector<std::string> paths;
    /// Empty: the Hugging Face cache (EngineOptions::cacheDir). Otherwise the files are written as
    /// plain files under this folder, with huggingface_hub's `.cache/huggingface/` metadata.
    std::filesystem::path localDir;
};

/// One local file or folder to upload, and where it goes in the repo ("" = the repo root for a
/// folder, the file name for a file).
struct UploadSource {
    std::filesystem::path localPath;
    std::string pathInRepo;
};

struct UploadRequest {
    RepoRef repo;
    /// Target branch (or "refs/pr/N" to add to an open pull request).
    std::string revision = "main";
    std::vector<UploadSource> sources;
    std::string message;
    std::string description;
    /// Open a pull request against `revision` instead of committing to it.
    bool createPr = false;
    /// Expected head of the branch (40 hex); empty = whatever the head is when we commit.
    std::string parentCommit;
};

/// What a finished job produced.
struct JobResult {
    std::string commit;                       ///< resolved (download) or created (upload) commit
    std::vector<std::string> commits;         ///< every commit created by a split upload
    std::string pullRequestUrl;               ///< upload with createPr
    std::string commitUrl;                    ///< upload
    std::filesystem::path location;           ///< download: snapshot folder or local dir
    std::vector<std::filesystem::path> files; ///< download: one path per requested file
    uint64_t filesTransferred = 0;            ///< files whose bytes actually moved
    uint64_t filesSkipped = 0;                ///< already present (cache) or on the server
};

/// A consistent copy of a job's state, taken on the worker thread.
struct JobSnapshot {
    JobId id = 0;
    JobKind kind = JobKind::Download;
    RepoRef repo;
    std::string revision;
    /// Short description for lists ("3 files", "model.onnx").
    std::string title;
    JobState state = JobState::Queued;
    /// Files known so far (after planning) and how many are complete.
    uint64_t filesTotal = 0;
    uint64_t filesDone = 0;
    uint64_t bytesDone = 0;
    uint64_t bytesTotal = 0; ///< 0 while unknown
    /// Bytes that moved over the network in this session (excludes resumed data), for speed.
    uint64_t bytesTransferred = 0;
    double bytesPerSecond = 0;     ///< smoothed
    int64_t etaSeconds = -1;       ///< -1 when unknown
    std::string phase;             ///< "Listing files", "Hashing", "Uploading", "Committing"...
    std::optional<HubError> error; ///< set for Failed, and for Retrying (the error being retried)
    JobResult result;
    std::optional<DownloadRequest> download;
    std::optional<UploadRequest> upload;
};

} // namespace hub
