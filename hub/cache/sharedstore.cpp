#include "hub/cache/sharedstore.h"

#include "hub/cache/blob_lock.h"
#include "hub/cache/detail/fsutil.h"
#include "hub/cache/layout.h"
#include "hub/core/types.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <map>
#include <set>

namespace hub::cache {

namespace fs = std::filesystem;

const SharedBlob *SharedBlobStore::find(std::string_view xetHash) const
{
    auto it = std::lower_bound(files.begin(), files.end(), xetHash,
                               [](const SharedBlob &b, std::string_view h) { return b.xetHash < h; });
    return it != files.end() && it->xetHash == xetHash ? &*it : nullptr;
}

namespace {

constexpr std::string_view kMarkerContent = "1\n";

bool isPrefixName(std::string_view n)
{
    auto lowerHex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
    return n.size() == 2 && lowerHex(n[0]) && lowerHex(n[1]);
}

} // namespace

bool isSharedStore(const fs::path &root)
{
    const fs::path store = CacheLayout(root).sharedStoreDir();
    if (!detail::isRealDir(store))
        return false;
    const fs::path marker = store / std::string(kSharedStoreMarker);
    struct stat st {};
    if (::lstat(marker.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size != 2)
        return false;
    std::string content;
    return detail::readSmallFile(marker, content, 16) && content == kMarkerContent;
}

std::optional<std::string> sharedHashOfLink(const fs::path &root, std::string_view folder, std::string_view target)
{
    if (target.empty() || folder.empty() || folder.find('/') != std::string_view::npos)
        return std::nullopt;
    const fs::path t{std::string(target)};
    const CacheLayout cache(root);
    const fs::path p = (t.is_absolute() ? t : cache.repo(folder).blobsDir() / t).lexically_normal();
    const fs::path rel = p.lexically_relative(cache.sharedStoreDir().lexically_normal());
    std::vector<std::string> parts;
    for (const auto &c : rel)
        parts.push_back(c.string());
    if (parts.size() != 2 || !isSha256(parts[1]) || parts[0] != parts[1].substr(0, 2))
        return std::nullopt;
    return parts[1];
}

std::optional<std::string> normaliseManifestLine(std::string_view line)
{
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    if (line.substr(0, 6) == "../../")
        line.remove_prefix(6);
    if (line.empty() || line.front() == '/' || line.find('\0') != std::string_view::npos)
        return std::nullopt;
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (size_t i = 0; i <= line.size(); ++i)
        if (i == line.size() || line[i] == '/') {
            parts.push_back(line.substr(start, i - start));
            start = i + 1;
        }
    if (parts.size() != 3 || parts[1] != layout::kBlobsDir || parts[2].empty() || parts[2] == "." || parts[2] == "..")
        return std::nullopt;
    const std::string_view folder = parts[0];
    const bool repoFolder = CacheLayout::parseRepoFolderName(folder).has_value() || folder.substr(0, 9) == "kernels--";
    if (!repoFolder || folder.find("..") != std::string_view::npos)
        return std::nullopt;
    return std::string(line);
}

bool referenceLeadsTo(const fs::path &root, std::string_view relLine, std::string_view xetHash)
{
    const auto slash = relLine.find('/');
    if (slash == std::string_view::npos)
        return false;
    const fs::path link = root / std::string(relLine);
    struct stat st {};
    if (::lstat(link.c_str(), &st) != 0 || !S_ISLNK(st.st_mode))
        return false;
    char buf[PATH_MAX];
    const ssize_t len = ::readlink(link.c_str(), buf, sizeof buf - 1);
    if (len <= 0)
        return false;
    const auto hash = sharedHashOfLink(root, relLine.substr(0, slash), std::string_view(buf, static_cast<size_t>(len)));
    return hash && *hash == xetHash;
}

namespace {

/// Reads an entry of the folder open as `dfd` without following a link; false when it is absent,
/// not a regular file or unreadable.
bool readRegularAt(int dfd, const char *name, std::string &out, size_t limit = 16u << 20)
{
    const int fd = ::openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return false;
    }
    out.clear();
    char buf[8192];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            ::close(fd);
            return false;
        }
        if (n == 0)
            break;
        out.append(buf, static_cast<size_t>(n));
        if (out.size() > limit)
            break;
    }
    ::close(fd);
    return true;
}

std::vector<std::string> splitLines(const std::string &text)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string::npos)
            nl = text.size();
        if (nl > start)
            out.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

std::vector<std::pair<std::string, unsigned char>> listDir(int dfd)
{
    std::vector<std::pair<std::string, unsigned char>> out;
    DIR *d = ::fdopendir(dfd);
    if (!d) {
        ::close(dfd);
        return out;
    }
    while (const dirent *e = ::readdir(d)) {
        const std::string_view n(e->d_name);
        if (n == "." || n == "..")
            continue;
        unsigned char type = e->d_type;
        struct stat st {};
        if (type == DT_UNKNOWN && ::fstatat(::dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
            type = S_ISDIR(st.st_mode)   ? DT_DIR
                   : S_ISLNK(st.st_mode) ? DT_LNK
                   : S_ISREG(st.st_mode) ? DT_REG
                                         : DT_UNKNOWN;
        out.emplace_back(std::string(n), type);
    }
    ::closedir(d);
    std::sort(out.begin(), out.end());
    return out;
}

bool isTempOf(std::string_view name, std::string_view base)
{
    // "<base>.<8 hex>.tmp", the temp names of Python's and HubDesk's atomic writes.
    return name.size() == base.size() + 13 && name.substr(0, base.size()) == base && name[base.size()] == '.' &&
           isHex(name.substr(base.size() + 1, 8)) && name.substr(base.size() + 9) == ".tmp";
}

void scanPrefix(int storeFd, const std::string &prefix, SharedBlobStore &store)
{
    const int fd = ::openat(storeFd, prefix.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        store.notes.push_back(
            {store.path / prefix, "blobs/" + prefix + " cannot be read; its stored files are not counted", false});
        return;
    }
    const int keep = ::dup(fd);
    const auto entries = listDir(fd);
    const fs::path dir = store.path / prefix;
    for (const auto &[name, type] : entries) {
        const std::string where = "blobs/" + prefix + "/" + name;
        if (isSha256(name) && name.substr(0, 2) == prefix) {
            struct stat st {};
            if (::fstatat(keep, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
                continue;
            if (!S_ISREG(st.st_mode)) {
                const bool link = S_ISLNK(st.st_mode);
                store.notes.push_back({dir / name,
                                       where + (link ? " is a link, not a stored file; HubDesk does not follow it and "
                                                       "leaves it alone"
                                                     : " is not a regular file; left alone"),
                                       link});
                continue;
            }
            SharedBlob b;
            b.xetHash = name;
            b.path = dir / name;
            b.size = static_cast<uint64_t>(st.st_size);
            b.lastAccessed = st.st_atime;
            b.lastModified = st.st_mtime;
            std::string text;
            const std::string manifest = name + ".refs";
            if (readRegularAt(keep, manifest.c_str(), text)) {
                b.hasManifest = true;
                b.manifestLines = splitLines(text);
            }
            store.files.push_back(std::move(b));
            continue;
        }
        const std::string_view n(name);
        if (n.size() > 64 && isSha256(n.substr(0, 64))) {
            const std::string_view rest = n.substr(64);
            if (rest == ".refs" || rest == ".lock" || rest == ".lock.soft" || isTempOf(n, n.substr(0, 69)))
                continue; // manifests are read with their payload; locks and temp files belong to the clients
        }
        if (detail::isIgnoredName(n))
            continue;
        store.notes.push_back(
            {dir / name, where + " is not part of the shared store layout; left alone", type == DT_LNK});
    }
    ::close(keep);
}

} // namespace

SharedBlobStore listSharedStore(const fs::path &root)
{
    SharedBlobStore store;
    store.path = CacheLayout(root).sharedStoreDir();
    if (!isSharedStore(root))
        return store;
    store.present = true;
    const int fd = ::open(store.path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        store.notes.push_back({store.path, "the shared blob store cannot be read", false});
        return store;
    }
    const int keep = ::dup(fd);
    const std::string marker(kSharedStoreMarker);
    for (const auto &[name, type] : listDir(fd)) {
        if (name == marker || isTempOf(name, marker) || detail::isIgnoredName(name))
            continue;
        if (isPrefixName(name) && type == DT_DIR) {
            scanPrefix(keep, name, store);
            continue;
        }
        store.notes.push_back({store.path / name,
                               "blobs/" + name +
                                   (type == DT_LNK ? " is a link; HubDesk does not follow it and leaves it alone"
                                                   : " is not part of the shared store layout; left alone"),
                               type == DT_LNK});
    }
    ::close(keep);
    std::sort(store.files.begin(), store.files.end(),
              [](const SharedBlob &a, const SharedBlob &b) { return a.xetHash < b.xetHash; });
    for (const auto &f : store.files)
        store.totalBytes += f.size;
    return store;
}

void attachSharedUsers(SharedBlobStore &store, const fs::path &root,
                       std::vector<std::pair<std::string, SharedBlobUser>> links)
{
    for (auto &[hash, user] : links) {
        auto it = std::lower_bound(store.files.begin(), store.files.end(), hash,
                                   [](const SharedBlob &b, const std::string &h) { return b.xetHash < h; });
        if (it != store.files.end() && it->xetHash == hash)
            it->users.push_back(std::move(user));
    }
    store.unreferencedBytes = 0;
    store.unreferencedCount = 0;
    for (auto &f : store.files) {
        std::set<std::string> listed;
        for (const auto &line : f.manifestLines)
            if (auto n = normaliseManifestLine(line))
                listed.insert(*n);
        std::set<std::string> seen;
        for (auto &u : f.users) {
            u.inManifest = listed.count(u.manifestLine()) > 0;
            seen.insert(u.manifestLine());
        }
        // Lines the scan did not confirm: a folder it does not list (kernels--), or a stale line.
        for (const auto &line : f.manifestLines) {
            const auto n = normaliseManifestLine(line);
            if (n && seen.count(*n))
                continue;
            if (n && referenceLeadsTo(root, *n, f.xetHash)) {
                seen.insert(*n);
                SharedBlobUser u;
                u.folderName = n->substr(0, n->find('/'));
                u.etag = n->substr(n->rfind('/') + 1);
                const auto ref = CacheLayout::parseRepoFolderName(u.folderName);
                u.repoId = ref ? std::string(repoTypeName(ref->type)) + "/" + ref->id.str() : u.folderName;
                u.usedBySnapshot = false;
                u.inManifest = true;
                f.users.push_back(std::move(u));
            } else {
                f.staleManifestLines.push_back(line);
            }
        }
        std::sort(f.users.begin(), f.users.end(),
                  [](const SharedBlobUser &a, const SharedBlobUser &b) { return a.manifestLine() < b.manifestLine(); });
        f.unreferenced = f.users.empty() && f.hasManifest;
        if (f.unreferenced) {
            ++store.unreferencedCount;
            store.unreferencedBytes += f.size;
        }
    }
}

Expected<SharedSweep> refreshSharedBlob(const fs::path &root, std::string_view xetHash,
                                        const std::vector<std::string> &candidates, bool removeIfUnused)
{
    const std::string hash(xetHash);
    if (!isSha256(hash))
        return HubError::make(ErrorCode::InvalidArgument, hash + " is not the name of a stored Xet file.");
    if (!isSharedStore(root))
        return HubError::make(ErrorCode::EntryNotFound,
                              "The shared blob store in " + root.string() +
                                  " is gone or no longer marked as one; nothing in it was changed.");
    const fs::path prefix = CacheLayout(root).sharedPrefixDir(hash);
    if (!detail::isRealDir(prefix))
        return HubError::make(ErrorCode::EntryNotFound, "The stored file " + hash + " is already gone.");
    // The clients hold this lock while they link, publish or sweep the same hash.
    auto lock = BlobLock::acquire(prefix / (hash + ".lock"), LockWait{std::chrono::seconds(30), nullptr});
    if (!lock)
        return lock.error();

    SharedSweep out;
    const fs::path payload = CacheLayout(root).sharedBlobPath(hash);
    const fs::path manifest = prefix / (hash + ".refs");
    struct stat mst {};
    const bool manifestExists = ::lstat(manifest.c_str(), &mst) == 0;
    std::string text;
    const bool hasManifest = manifestExists && S_ISREG(mst.st_mode) && detail::readSmallFile(manifest, text, 16u << 20);
    if (manifestExists && !hasManifest)
        return HubError::make(ErrorCode::Io,
                              "The manifest " + manifest.string() +
                                  " cannot be read, so HubDesk cannot tell which repos use this stored file. It was "
                                  "left as it is.");
    std::set<std::string> refs;
    for (const auto &line : splitLines(text))
        if (auto n = normaliseManifestLine(line); n && referenceLeadsTo(root, *n, hash))
            refs.insert(*n);
    for (const auto &c : candidates)
        if (auto n = normaliseManifestLine(c); n && referenceLeadsTo(root, *n, hash))
            refs.insert(*n);
    out.references.assign(refs.begin(), refs.end());

    struct stat pst {};
    const bool payloadIsFile = ::lstat(payload.c_str(), &pst) == 0 && S_ISREG(pst.st_mode);
    if (removeIfUnused) {
        if (!hasManifest)
            out.keptBecause = "it has no manifest, so HubDesk cannot tell which repos use it";
        else if (!refs.empty())
            out.keptBecause = "still used by " + *refs.begin() +
                              (refs.size() > 1 ? " and " + std::to_string(refs.size() - 1) + " more" : "");
        else if (!payloadIsFile)
            out.keptBecause = "it is not a regular file";
        if (out.keptBecause.empty()) {
            if (auto st = detail::unlinkPath(payload); !st)
                return st.error();
            out.removed = true;
            out.bytesFreed = static_cast<uint64_t>(pst.st_size);
            (void)detail::unlinkPath(manifest);
            detail::syncDir(prefix);
            return out;
        }
    }
    if (!hasManifest)
        return out; // never write one from what a scan saw: it may not know every user
    std::string content;
    for (const auto &r : out.references)
        content += r + "\n";
    if (content == text)
        return out;
    if (auto st = detail::writeFileAtomic(manifest, content); !st)
        return st.error();
    (void)::chmod(manifest.c_str(), mst.st_mode & 07777); // Python makes it 0666 so every user can append
    out.manifestRewritten = true;
    return out;
}

} // namespace hub::cache
