#include "hub/transfer/publisher.h"

#include "hub/core/uniquefd.h"
#include "hub/transfer/engineimpl.h"

#include <cerrno>
#include <fcntl.h>
#include <set>
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

std::vector<Expected<std::string>> publishBatch(const cache::CacheWriter &writer, const std::vector<PublishItem> &items)
{
    std::vector<Expected<std::string>> out(items.size(), Expected<std::string>(std::string()));
    std::vector<bool> ok(items.size(), true);
    const auto failed = [&](size_t i, HubError error) {
        out[i] = std::move(error);
        ok[i] = false;
        ::unlink(items[i].partial.c_str());
    };
    // 1. Data: write every file back and wait for it, then fdatasync each.
    for (const auto &item : items) {
        const int fd = item.active->file.fd();
        if (fd >= 0)
            ::sync_file_range(fd, 0, 0,
                              SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
    }
    for (size_t i = 0; i < items.size(); ++i) {
        if (auto st = items[i].active->file.sync(); !st)
            failed(i, st.error());
        items[i].active->file.close();
    }
    // 2. blobs/<etag>, then each blobs folder synced once.
    std::set<fs::path> folders;
    for (size_t i = 0; i < items.size(); ++i) {
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
    // 3. The snapshot links, then each of their folders synced once.
    folders.clear();
    for (size_t i = 0; i < items.size(); ++i) {
        if (!ok[i])
            continue;
        const auto &item = items[i];
        auto linked =
            writer.linkBlob(item.repo, item.etag, item.commit, item.path, cache::CacheWriter::LinkSync::ByCaller);
        if (!linked) {
            out[i] = linked.error(); // the blob itself is published and durable
            ok[i] = false;
            continue;
        }
        folders.insert(linked->parent_path());
        out[i] = linked->string();
    }
    for (const auto &dir : folders)
        syncFolder(dir);
    return out;
}

} // namespace hub::transfer_internal
