#pragma once
// Publishing verified small downloads into the cache in batches: one round of syncs for many
// files instead of three fsyncs per file, with the same guarantee for each of them.

#include "hub/cache/writer.h"
#include "hub/core/expected.h"
#include "hub/core/types.h"
#include "hub/transfer/job.h"

#include <memory>
#include <string>
#include <vector>

namespace hub::transfer_internal {

struct ActiveDownload;

/// One verified file whose partial blob is ready to become blobs/<etag> and its snapshot link.
struct PublishItem {
    std::shared_ptr<ActiveDownload> active; ///< holds the open partial file and the blob's lock
    RepoRef repo;
    std::string partial; ///< blobs/<etag>.<rand>.incomplete
    std::string etag;
    std::string path; ///< inside the repo
    std::string commit;
    JobId job = 0;
    uint64_t generation = 0;
    size_t fileIndex = 0; ///< in Job::files (stable while the generation is)
};

/// Publishes `items` (helper thread). For each file, in this order: its data is on disk, then it
/// is renamed to blobs/<etag> and that folder is synced, then the snapshot link is made and its
/// folder synced, so a link never points at a blob a crash could lose, exactly as one file at a
/// time does. The batch makes the syncs cheap: the data of every file is written back first and
/// then fdatasync'ed, so the first fdatasync commits the file system's journal for all of them
/// and the others find nothing left to do; each folder is synced once. Returns, per item, the
/// link's path or what failed; the partial file of a failed item is removed.
std::vector<Expected<std::string>> publishBatch(const cache::CacheWriter &writer,
                                                const std::vector<PublishItem> &items);

} // namespace hub::transfer_internal
