#include "hub/transfer/publisher.h"

#include "hub/core/uniquefd.h"
#include "hub/transfer/engineimpl.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <set>
#include <thread>
#include <unistd.h>

namespace hub::transfer_internal {

namespace fs = std::filesystem;

namespace {
void syncFolder(const fs::path &dir)
{
    UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd)
        ::fsync(fd.get());
}
} // namespace

/// Runs body(i) for every i < n, on the calling thread and up to 7 more (at least 16 items per
/// thread; a small batch stays on the caller). The file system work below is dominated by waits
/// (journal commits) and by per-inode work in the kernel, both of which overlap across threads.
template <class Body> void parallelFor(size_t n, Body body)
{
    std::atomic<size_t> next{0};
    const auto drain = [&] {
        for (size_t i = next++; i < n; i = next++)
            body(i);
    };
    const size_t helpers = std::min<size_t>(7, n / 16);
    std::vector<std::jthread> pool;
    pool.reserve(helpers);
    for (size_t t = 0; t < helpers; ++t)
        pool.emplace_back(drain);
    drain();
}

std::vector<Expected<std::string>> publishBatch(const cache::CacheWriter &writer, const std::vector<PublishItem> &items)
{
    const size_t n = items.size();
    std::vector<Expected<std::string>> out(n, Expected<std::string>(std::string()));
    std::vector<char> ok(n, 1); // not vector<bool>: threads write distinct elements
    const auto failed = [&](size_t i, HubError error) {
        out[i] = std::move(error);
        ok[i] = 0;
        ::unlink(items[i].partial.c_str());
    };
    // 1. Data: start the write-back of every file at once, then fdatasync them from several
    //    threads. The file system groups syncs that wait together into one journal commit, so a
    //    batch costs a few commits instead of one per file in turn, which on a disk busy with
    //    other writers is what made thousands of small files slow (each commit waits for them).
    for (const auto &item : items) {
        const int fd = item.active->file.fd();
        if (fd >= 0)
            ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
    }
    std::vector<Status> synced(n);
    parallelFor(n, [&](size_t i) { synced[i] = items[i].active->file.sync(); });
    for (size_t i = 0; i < n; ++i) {
        if (!synced[i])
            failed(i, synced[i].error());
        items[i].active->file.close();
    }
    // 2. blobs/<etag> (one folder per repo: renames there take its lock in turn anyway), then
    //    each blobs folder synced once.
    std::set<fs::path> folders;
    for (size_t i = 0; i < n; ++i) {
        if (!ok[i])
            continue;
        const fs::path blob = writer.blobPath(items[i].repo, items[i].etag);
        if (::rename(items[i].partial.c_str(), blob.c_str()) != 0) {
            failed(i, diskError(errno, "rename", blob));
            continue;
        }
        folders.insert(blob.parent_path());
    }
    for (const auto &dir : folders)
        syncFolder(dir);
    // 3. The snapshot links (spread over many folders: made from several threads), then each
    //    of their folders synced once.
    parallelFor(n, [&](size_t i) {
        if (!ok[i])
            return;
        const auto &item = items[i];
        auto linked =
            writer.linkBlob(item.repo, item.etag, item.commit, item.path, cache::CacheWriter::LinkSync::ByCaller);
        if (!linked) {
            out[i] = linked.error(); // the blob itself is published and durable
            ok[i] = 0;
            return;
        }
        out[i] = linked->string();
    });
    folders.clear();
    for (size_t i = 0; i < n; ++i)
        if (ok[i])
            folders.insert(fs::path(*out[i]).parent_path());
    const std::vector<fs::path> dirs(folders.begin(), folders.end());
    parallelFor(dirs.size(), [&](size_t i) { syncFolder(dirs[i]); });
    return out;
}

} // namespace hub::transfer_internal
