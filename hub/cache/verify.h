#pragma once
// Re-hashing cached blobs: SHA-256 for 64-hex names, git blob SHA-1 for 40-hex names. Offline;
// the blob name is the expected hash. Copied snapshot files (no-symlink mode) have no name to
// check against and are counted as skipped.

#include "hub/cache/scan.h"
#include "hub/core/expected.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace hub::cache {

struct VerifyOptions {
    std::vector<RepoRef> repos;       // empty = all repos in the scan
    std::vector<std::string> commits; // empty = all revisions of those repos
    /// Called after each blob (from the calling thread): bytes hashed so far / total.
    std::function<void(uint64_t doneBytes, uint64_t totalBytes, const std::filesystem::path &blob)> progress;
    const std::atomic<bool> *cancel = nullptr;
};

struct BlobMismatch {
    std::string repoId;
    std::filesystem::path blobPath;
    std::string expected;           // the blob's name
    std::string actual;             // the hash of its content ("" when it could not be read)
    std::vector<std::string> files; // "<short commit>/<path>" entries that use it
    std::string message;
};

struct VerifyReport {
    uint64_t blobsChecked = 0;
    uint64_t bytesChecked = 0;
    uint64_t skipped = 0; // files whose blob name is no hash (copies, odd names)
    std::vector<BlobMismatch> mismatches;
    bool cancelled = false;

    bool ok() const { return mismatches.empty() && !cancelled; }
};

class CacheVerifier {
public:
    /// Hashes each distinct blob once. Runs on the calling thread; use a worker in the GUI.
    static VerifyReport verify(const CacheInfo &info, const VerifyOptions &options = {});
};

} // namespace hub::cache
