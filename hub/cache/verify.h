#pragma once
// Re-hashing cached blobs: SHA-256 for 64-hex names, git blob SHA-1 for 40-hex names. Offline;
// the blob name is the expected hash. Copied snapshot files (no-symlink mode) have no name to
// check against and are counted as skipped.
//
// Stored files of the shared blob store (sharedstore.h) are checked once each, however many repos
// link to them, and never through a link. Their name is a Xet file hash: a Merkle hash over
// content-defined chunks (gearhash chunk boundaries, keyed BLAKE3 per chunk and per tree node),
// which only a full Xet client computes, so HubDesk does not recompute it. What it checks instead:
// the SHA-256 when a linking repo blob is named by one (LFS files, which every Xet file is, are
// named by their SHA-256), else the size the revision's trees/<commit>.json gives, else only that
// the file is present.

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

/// The outcome for one stored file of the shared blob store.
struct SharedBlobCheck {
    enum class Result { Sha256Matches, SizeMatches, Present, Mismatch, Unreadable };
    std::string xetHash;
    std::filesystem::path path;
    Result result = Result::Present;
    std::string message;            // "SHA-256 matches", "present, size matches", ...
    std::vector<std::string> files; // "<repo id> <short commit>/<path>" entries that use it
};

std::string_view sharedCheckResultName(SharedBlobCheck::Result result);

struct VerifyReport {
    uint64_t blobsChecked = 0;
    uint64_t bytesChecked = 0;
    uint64_t skipped = 0;                 // files whose blob name is no hash (copies, odd names)
    std::vector<BlobMismatch> mismatches; // stored files that fail are listed here too
    std::vector<SharedBlobCheck> shared;  // every stored file looked at, sorted by hash
    bool cancelled = false;

    bool ok() const { return mismatches.empty() && !cancelled; }
};

class CacheVerifier {
public:
    /// Hashes each distinct blob once. Runs on the calling thread; use a worker in the GUI. Without
    /// a repo or commit filter, every stored file of the shared store is checked, used or not.
    static VerifyReport verify(const CacheInfo &info, const VerifyOptions &options = {});
};

} // namespace hub::cache
