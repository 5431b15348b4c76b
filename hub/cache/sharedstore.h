#pragma once
// The cache-wide shared blob store of newer huggingface_hub (/work/shared/reference/hub-cache.md
// §1.13; Python's utils/_shared_blobs.py): a Xet file is kept once per cache at
//   <root>/blobs/<first 2 hex>/<xet hash>        the payload, a regular read-only file
//   <root>/blobs/<first 2 hex>/<xet hash>.refs   manifest: "<repo folder>/blobs/<etag>" per line
//   <root>/blobs/<first 2 hex>/<xet hash>.lock   flock'ed while a client links, publishes or sweeps
// and each repo's blobs/<etag> is a relative link to the payload. The folder counts as a store only
// when blobs/.huggingface-shared-blobs holds exactly "1\n".
//
// A manifest line is a hint, never trusted: it counts only while that path is still a link whose
// own text leads (lexically, never by resolving it) to the payload. HubDesk never follows a link to
// decide anything here: a store entry that is a link, a prefix folder that is a link, or a repo
// blob link that leaves the cache root is not part of the store.

#include "hub/cache/layout.h"
#include "hub/core/expected.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hub::cache {

/// A repo blob `<repo folder>/blobs/<etag>` that is a link to a stored file.
struct SharedBlobUser {
    std::string repoId;         ///< "model/owner/name"; the folder name for folders the scan does not list
    std::string folderName;     ///< "models--owner--name"
    std::string etag;           ///< the link's name in the repo's blobs/
    bool usedBySnapshot = true; ///< a snapshot file of the repo reaches it (false: an orphan link)
    bool inManifest = false;    ///< the stored file's .refs lists it

    /// "models--owner--name/blobs/<etag>", the manifest's spelling.
    std::string manifestLine() const { return layout::repoBlobRelPath(folderName, etag); }
};

/// One stored file.
struct SharedBlob {
    std::string xetHash;
    std::filesystem::path path; ///< <root>/blobs/<2 hex>/<xet hash>
    uint64_t size = 0;
    int64_t lastAccessed = 0;
    int64_t lastModified = 0;
    std::vector<SharedBlobUser> users;           ///< links found in the cache (and manifest-only ones that check out)
    bool hasManifest = false;                    ///< <hash>.refs exists and could be read
    std::vector<std::string> manifestLines;      ///< as written
    std::vector<std::string> staleManifestLines; ///< lines that no longer lead here
    /// No repo links to it and its manifest names nobody who still does. A stored file without a
    /// readable manifest is never called unreferenced (huggingface_hub's own rule: missing metadata
    /// is never grounds for deletion).
    bool unreferenced = false;

    std::string manifestPath() const { return path.string() + ".refs"; }
};

/// The whole store; `present` is false when there is no store (or no marker).
struct SharedBlobStore {
    /// Something in the store folder that is not a stored file and is left alone.
    struct Note {
        std::filesystem::path path;
        std::string message;
        bool isLink = false; ///< a link where a stored file belongs (never followed)
    };

    std::filesystem::path path; ///< <root>/blobs
    bool present = false;
    std::vector<SharedBlob> files; ///< sorted by hash
    uint64_t totalBytes = 0;       ///< every stored file once
    uint64_t unreferencedBytes = 0;
    size_t unreferencedCount = 0;
    std::vector<Note> notes;

    const SharedBlob *find(std::string_view xetHash) const;
};

inline constexpr std::string_view kSharedStoreMarker = ".huggingface-shared-blobs";

/// True when <root>/blobs is a real folder whose marker is a regular file holding exactly "1\n".
bool isSharedStore(const std::filesystem::path &root);

/// The hash of the stored file that a repo blob link leads to, judged from the link's text alone:
/// `target` as read from <root>/<folder>/blobs/<name>, relative to that folder or absolute. Nullopt
/// when it does not lead to <root>/blobs/<2 hex>/<64 hex> (for example out of the cache root).
std::optional<std::string> sharedHashOfLink(const std::filesystem::path &root, std::string_view folder,
                                            std::string_view target);

/// Lists the payloads and reads their manifests (no users yet). Never follows a link.
SharedBlobStore listSharedStore(const std::filesystem::path &root);

/// Adds the links the scan found, then checks every manifest line the scan did not confirm
/// (e.g. kernels-- folders, which the scan does not list) against the file system, and sets the
/// unreferenced flags and totals. `links` are (xet hash, user) pairs in any order.
void attachSharedUsers(SharedBlobStore &store, const std::filesystem::path &root,
                       std::vector<std::pair<std::string, SharedBlobUser>> links);

/// "<folder>/blobs/<etag>" from a manifest line, or nullopt when the line is not one (absolute,
/// "..", wrong shape). The older spelling relative to the manifest ("../../<folder>/blobs/<etag>")
/// is read as the same reference.
std::optional<std::string> normaliseManifestLine(std::string_view line);

/// True when <root>/<relLine> is a link whose text leads to the stored file `xetHash`.
bool referenceLeadsTo(const std::filesystem::path &root, std::string_view relLine, std::string_view xetHash);

/// What refreshing or sweeping one stored file found.
struct SharedSweep {
    std::vector<std::string> references; ///< valid references left (manifest spelling, sorted)
    bool manifestRewritten = false;
    bool removed = false; ///< payload and manifest deleted
    uint64_t bytesFreed = 0;
    std::string keptBecause; ///< why the payload stayed when removal was asked
};

/// Under the stored file's lock: drops manifest lines that no longer lead here, adds `candidates`
/// that do (links the scan saw), and rewrites the manifest atomically (temp file, fsync, rename)
/// when that changes it. With `removeIfUnused`, deletes the payload and its manifest when no
/// reference is left and the manifest could be read. Never follows a link.
Expected<SharedSweep> refreshSharedBlob(const std::filesystem::path &root, std::string_view xetHash,
                                        const std::vector<std::string> &candidates, bool removeIfUnused);

} // namespace hub::cache
