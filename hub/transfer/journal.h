#pragma once
// The persisted queue: every job with enough state to resume it after a crash or a reboot.

#include "hub/core/atomicfile.h"
#include "hub/core/expected.h"
#include "hub/transfer/jobmodel.h"

#include <filesystem>
#include <memory>
#include <vector>

namespace hub::transfer_internal {

/// Downloads with more files than this are journaled without their file list (re-listed on
/// resume), so the journal stays small whatever a server lists.
inline constexpr size_t kMaxJournaledFiles = 10000;

/// `<stateDir>/transfers.json`, replaced atomically (temp file, fsync, rename, fsync dir).
/// Threading: used by the worker thread only.
class Journal {
public:
    /// `sync` makes the written file durable (default fsync; tests inject a slow or full disk).
    explicit Journal(std::filesystem::path stateDir, FileSync sync = {});

    struct Loaded {
        JobId nextId = 1;
        std::vector<std::unique_ptr<Job>> jobs;
    };
    /// A missing file is an empty journal; an unreadable one is set aside as transfers.json.bad.
    Expected<Loaded> load() const;
    Status save(JobId nextId, const std::vector<std::unique_ptr<Job>> &jobs) const;
    std::filesystem::path file() const { return m_dir / "transfers.json"; }

private:
    std::filesystem::path m_dir;
    FileSync m_sync;
};

} // namespace hub::transfer_internal
