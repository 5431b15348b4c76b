#pragma once
// Upload pre-flight: what an upload would do and what the Hub would refuse, before any byte moves.
// The GUI's drag-and-drop dialog shows this plan; the engine runs the same check first.

#include "hub/api/client.h"
#include "hub/core/expected.h"
#include "hub/transfer/job.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace hub {

struct PreflightOptions {
    /// The Hub refuses regular (non-LFS) files above this size.
    uint64_t maxRegularFileBytes = uint64_t{10} << 20;
    /// The Hub refuses any file above this size.
    uint64_t maxFileBytes = uint64_t{50} * 1000 * 1000 * 1000;
    /// Files above this size work but are discouraged (hard to download, to resume).
    uint64_t warnFileBytes = uint64_t{20} * 1000 * 1000 * 1000;
    /// The Hub recommends fewer entries than this per folder ...
    size_t maxEntriesPerFolder = 10000;
    /// ... and fewer files than this per repository.
    size_t maxFilesPerRepo = 100000;
    /// Hash every file to tell unchanged files from changed ones (needed for an exact plan).
    bool hashFiles = true;
    int maxFilesPerCommit = 1000;
    uint64_t maxInlineBytesPerCommit = uint64_t{64} << 20;
};

enum class UploadFileStatus { New, Changed, Unchanged, Ignored };
std::string_view uploadFileStatusName(UploadFileStatus status);

/// One local file and what happens to it.
struct PlannedFile {
    std::filesystem::path localPath;
    std::string pathInRepo;
    uint64_t size = 0;
    bool lfs = false;
    UploadFileStatus status = UploadFileStatus::New;
    std::string sha256; ///< set for LFS files
    std::string gitOid; ///< git blob SHA-1, set for regular files when hashed
    std::string remoteOid;
};

struct PreflightIssue {
    enum class Severity { Warning, Error };
    Severity severity = Severity::Warning;
    std::string path; ///< empty for issues about the whole upload
    std::string message;
};

struct UploadPlan {
    std::vector<PlannedFile> files;
    std::vector<PreflightIssue> issues;
    std::string remoteHead;   ///< commit of the target revision when planned
    uint64_t bytesToSend = 0; ///< new or changed files
    size_t filesToSend = 0;
    size_t lfsFiles = 0; ///< of those, through LFS
    int commitCount = 0; ///< commits the upload will be split into
    bool hasErrors() const;
    /// All errors as one plain-language message (empty when none).
    std::string errorSummary() const;
};

/// Walks the request's sources (folders recursively; `.git/` and `.cache/huggingface/` skipped,
/// like huggingface_hub) and checks names, sizes and folder sizes. No network.
Expected<UploadPlan> collectUploadFiles(const UploadRequest &request, const PreflightOptions &options = {});

/// The full plan: collectUploadFiles, then preupload (LFS or regular, ignored, remote oid), then
/// hashing to mark unchanged files. Blocking; call it from a helper thread.
Expected<UploadPlan> preflightUpload(HubClient &client, const UploadRequest &request,
                                     const PreflightOptions &options = {});

/// How many commits `files` (the ones to send) need under the per-commit limits.
int countCommits(const std::vector<PlannedFile> &files, const PreflightOptions &options);

} // namespace hub
