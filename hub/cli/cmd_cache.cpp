// hubdesk-cli cache scan|rm|prune|verify|path: the hub cache from a terminal.

#include "hub/cache/clean.h"
#include "hub/cache/layout.h"
#include "hub/cache/location.h"
#include "hub/cache/resolve.h"
#include "hub/cache/scan.h"
#include "hub/cache/verify.h"
#include "hub/cache/xetcache.h"
#include "hub/cli/args.h"
#include "hub/cli/command.h"
#include "hub/core/strings.h"
#include "hub/core/validate.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <set>
#include <type_traits>

namespace hub::cli {

namespace {

namespace fs = std::filesystem;
using namespace hub::cache;
using nlohmann::json;

int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// Python's _format_size: decimal units, one decimal ("970.7M", "398.0").
std::string formatSize(uint64_t bytes)
{
    double v = static_cast<double>(bytes);
    for (const char *unit : {"", "K", "M", "G", "T", "P", "E", "Z"}) {
        if (std::fabs(v) < 1000.0) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.1f%s", v, unit);
            return buf;
        }
        v /= 1000.0;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1fY", v);
    return buf;
}

/// Python's format_timesince.
std::string timeSince(int64_t ts)
{
    const double delta = static_cast<double>(nowSeconds() - ts);
    if (delta < 20)
        return "a few seconds ago";
    struct Unit {
        const char *name;
        double seconds;
        double max;
    };
    static const Unit units[] = {{"second", 1, 60},       {"minute", 60, 60},  {"hour", 3600, 24},
                                 {"day", 86400, 6},       {"week", 604800, 6}, {"month", 2592000, 11},
                                 {"year", 31536000, 1e18}};
    for (const auto &u : units) {
        const double n = std::round(delta / u.seconds);
        if (n <= u.max)
            return std::to_string(static_cast<long long>(n)) + " " + u.name + (n > 1 ? "s" : "") + " ago";
    }
    return "long ago";
}

bool parseSize(const std::string &text, uint64_t &out)
{
    std::string t = toLower(trim(text));
    uint64_t mult = 1;
    for (const auto &[suffix, m] : std::vector<std::pair<std::string, uint64_t>>{{"kb", 1000ull},
                                                                                 {"mb", 1000000ull},
                                                                                 {"gb", 1000000000ull},
                                                                                 {"tb", 1000000000000ull},
                                                                                 {"k", 1000ull},
                                                                                 {"m", 1000000ull},
                                                                                 {"g", 1000000000ull},
                                                                                 {"t", 1000000000000ull},
                                                                                 {"b", 1ull}}) {
        if (endsWith(t, suffix)) {
            t = t.substr(0, t.size() - suffix.size());
            mult = m;
            break;
        }
    }
    double v = 0;
    try {
        size_t used = 0;
        v = std::stod(t, &used);
        if (used != t.size() || v < 0)
            return false;
    } catch (...) {
        return false;
    }
    out = static_cast<uint64_t>(v * static_cast<double>(mult));
    return true;
}

fs::path cacheRoot(const Args &args)
{
    return CacheLocation::hubCacheDir(CacheLocation::processEnv(), fs::path(args.valueOr("cache-dir", "")));
}

int fail(Io io, const std::string &message)
{
    io.err << "hubdesk-cli cache: " << escapeControls(message, true) << "\n";
    return 1;
}

Expected<CacheInfo> scanOrFail(const Args &args, bool withFiles = true, unsigned threads = 0)
{
    ScanOptions opt;
    opt.withFiles = withFiles;
    opt.threads = threads;
    return CacheScanner::scan(cacheRoot(args), opt);
}

/// Streams JSON in the layout of nlohmann::json::dump(1) (one-space indent, keys given in sorted
/// order by the caller) without building a document: a --json scan of 100,000 files would otherwise
/// spend more time building and freeing the tree than scanning. Strings are escaped like dump();
/// invalid UTF-8 (possible in file names) becomes U+FFFD instead of throwing.
class JsonStream {
public:
    explicit JsonStream(std::ostream &out) : m_out(out) { m_buf.reserve(kFlushAt + 4096); }
    ~JsonStream() { flush(); }
    JsonStream(const JsonStream &) = delete;
    JsonStream &operator=(const JsonStream &) = delete;

    JsonStream &beginObject() { return open('{'); }
    JsonStream &endObject() { return close('}'); }
    JsonStream &beginArray() { return open('['); }
    JsonStream &endArray() { return close(']'); }
    JsonStream &key(std::string_view k)
    {
        element();
        string(k);
        m_buf += ": ";
        m_afterKey = true;
        return *this;
    }
    JsonStream &value(std::string_view v)
    {
        element();
        string(v);
        return done();
    }
    JsonStream &value(const char *v) { return value(std::string_view(v)); }
    JsonStream &value(const std::string &v) { return value(std::string_view(v)); }
    JsonStream &value(bool v)
    {
        element();
        m_buf += v ? "true" : "false";
        return done();
    }
    template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
    JsonStream &value(T v)
    {
        element();
        char tmp[24];
        const auto res = std::to_chars(tmp, tmp + sizeof tmp, v);
        m_buf.append(tmp, res.ptr);
        return done();
    }
    JsonStream &field(std::string_view k, const std::vector<std::string> &strings)
    {
        key(k).beginArray();
        for (const auto &v : strings)
            value(v);
        return endArray();
    }
    template <class T> JsonStream &field(std::string_view k, const T &v) { return key(k).value(v); }
    void flush()
    {
        m_out.write(m_buf.data(), static_cast<std::streamsize>(m_buf.size()));
        m_buf.clear();
    }

private:
    static constexpr size_t kFlushAt = 1 << 16;
    JsonStream &open(char c)
    {
        element();
        m_buf += c;
        m_first.push_back(true);
        return *this;
    }
    JsonStream &close(char c)
    {
        const bool empty = m_first.back();
        m_first.pop_back();
        if (!empty) {
            m_buf += '\n';
            m_buf.append(m_first.size(), ' ');
        }
        m_buf += c;
        return done();
    }
    /// Separator and indent before a value or key (not before a value that follows its key).
    void element()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (m_first.empty())
            return;
        if (!m_first.back())
            m_buf += ',';
        m_first.back() = false;
        m_buf += '\n';
        m_buf.append(m_first.size(), ' ');
    }
    JsonStream &done()
    {
        if (m_buf.size() >= kFlushAt)
            flush();
        return *this;
    }
    void string(std::string_view s)
    {
        static const char hex[] = "0123456789abcdef";
        m_buf += '"';
        for (size_t i = 0; i < s.size();) {
            // Runs of plain ASCII are appended in one go.
            size_t plain = i;
            while (plain < s.size()) {
                const auto p = static_cast<unsigned char>(s[plain]);
                if (p < 0x20 || p >= 0x80 || p == '"' || p == '\\')
                    break;
                ++plain;
            }
            if (plain > i) {
                m_buf.append(s.data() + i, plain - i);
                i = plain;
                continue;
            }
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x80) {
                const size_t n = utf8Length(s, i);
                if (n == 0) {
                    m_buf += "\xef\xbf\xbd"; // U+FFFD
                    ++i;
                } else {
                    m_buf.append(s.substr(i, n));
                    i += n;
                }
                continue;
            }
            switch (c) {
            case '"': m_buf += "\\\""; break;
            case '\\': m_buf += "\\\\"; break;
            case '\b': m_buf += "\\b"; break;
            case '\f': m_buf += "\\f"; break;
            case '\n': m_buf += "\\n"; break;
            case '\r': m_buf += "\\r"; break;
            case '\t': m_buf += "\\t"; break;
            default:
                if (c < 0x20) {
                    m_buf += "\\u00";
                    m_buf += hex[c >> 4];
                    m_buf += hex[c & 15];
                } else {
                    m_buf += static_cast<char>(c);
                }
            }
            ++i;
        }
        m_buf += '"';
    }
    /// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is invalid.
    static size_t utf8Length(std::string_view s, size_t i)
    {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t n = 0;
        uint32_t cp = 0;
        if (c >= 0xc2 && c <= 0xdf) {
            n = 2;
            cp = c & 0x1fu;
        } else if (c >= 0xe0 && c <= 0xef) {
            n = 3;
            cp = c & 0x0fu;
        } else if (c >= 0xf0 && c <= 0xf4) {
            n = 4;
            cp = c & 0x07u;
        } else {
            return 0;
        }
        if (i + n > s.size())
            return 0;
        for (size_t k = 1; k < n; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xc0) != 0x80)
                return 0;
            cp = (cp << 6) | (cc & 0x3fu);
        }
        if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
            return 0;
        return n;
    }

    std::ostream &m_out;
    std::string m_buf;
    std::vector<bool> m_first; // per open container: nothing written in it yet
    bool m_afterKey = false;
};

void writeProblem(JsonStream &js, const CacheProblem &p)
{
    js.beginObject()
        .field("kind", problemKindName(p.kind))
        .field("message", p.message)
        .field("path", p.path.native())
        .endObject();
}

/// One repo, keys in nlohmann's (sorted) order so the output is the same as the former dump(1).
void writeRepo(JsonStream &js, const RepoEntry &r, bool withFiles)
{
    js.beginObject()
        .field("damaged", r.damaged())
        .field("id", r.cacheId())
        .field("last_accessed", r.lastAccessed)
        .field("last_modified", r.lastModified)
        .field("nb_files", r.fileCount);
    js.key("no_exist").beginArray();
    for (const auto &m : r.noExist)
        js.beginObject().field("commit", m.commit).field("path", m.path).endObject();
    js.endArray().field("orphan_bytes", r.orphanBytes);
    js.key("partials").beginArray();
    for (const auto &p : r.partials)
        js.beginObject()
            .field("etag", p.etag)
            .field("locked", p.locked)
            .field("path", p.path.native())
            .field("size", p.size)
            .endObject();
    js.endArray();
    js.key("problems").beginArray();
    for (const auto &p : r.problems)
        writeProblem(js, p);
    js.endArray();
    js.key("refs").beginObject();
    for (const auto &[name, commit] : r.refs)
        js.field(name, commit);
    js.endObject()
        .field("repo_id", r.repo.id.str())
        .field("repo_path", r.path.native())
        .field("repo_type", repoTypeName(r.repo.type));
    js.key("revisions").beginArray();
    for (const auto &rev : r.revisions) {
        js.beginObject().field("commit", rev.commit).field("exclusive_bytes", rev.exclusiveBytes);
        if (withFiles) {
            js.key("files").beginArray();
            for (const auto &f : rev.files)
                js.beginObject()
                    .field("blob_name", f.blobName)
                    .field("blob_path", f.blobPath.native())
                    .field("file_path", f.filePath.native())
                    .field("is_link", f.isLink)
                    .field("path", f.path)
                    .field("size", f.size)
                    .endObject();
            js.endArray();
        }
        js.field("last_accessed", rev.lastAccessed).field("last_modified", rev.lastModified);
        if (!rev.missingFiles.empty())
            js.field("missing_files", rev.missingFiles);
        js.field("nb_files", rev.fileCount)
            .field("refs", rev.refs)
            .field("shared_bytes", rev.sharedBytes)
            .field("size_on_disk", rev.sizeOnDisk)
            .field("snapshot_path", rev.snapshotPath.native())
            .endObject();
    }
    js.endArray().field("shared_store_bytes", r.sharedStoreBytes).field("size_on_disk", r.sizeOnDisk).endObject();
}

/// The shared blob store as one item, with its stored files and their users (also with
/// --no-files: one entry per stored file, not per snapshot file). Keys in sorted order.
void writeSharedStore(JsonStream &js, const SharedBlobStore &store)
{
    js.key("shared_store")
        .beginObject()
        .field("exists", store.present)
        .field("nb_files", store.files.size())
        .field("path", store.path.native())
        .field("size_on_disk", store.totalBytes);
    js.key("stored_files").beginArray();
    for (const auto &f : store.files) {
        js.beginObject()
            .field("has_manifest", f.hasManifest)
            .field("path", f.path.native())
            .field("size", f.size)
            .field("stale_manifest_lines", f.staleManifestLines)
            .field("unreferenced", f.unreferenced);
        js.key("users").beginArray();
        for (const auto &u : f.users)
            js.beginObject()
                .field("etag", u.etag)
                .field("in_manifest", u.inManifest)
                .field("repo", u.repoId)
                .field("used_by_snapshot", u.usedBySnapshot)
                .endObject();
        js.endArray().field("xet_hash", f.xetHash).endObject();
    }
    js.endArray()
        .field("unreferenced_bytes", store.unreferencedBytes)
        .field("unreferenced_files", store.unreferencedCount)
        .endObject();
}

/// Bytes on disk of these repos, each stored file of the shared store counted once.
uint64_t distinctBytes(const CacheInfo &info, const std::vector<const RepoEntry *> &repos)
{
    uint64_t total = 0;
    std::set<std::string> stored;
    for (const auto *r : repos) {
        total += r->sizeOnDisk - r->sharedStoreBytes;
        for (const auto &l : r->sharedLinks)
            if (l.usedBySnapshot && stored.insert(l.xetHash).second)
                if (const auto *f = info.sharedStore.find(l.xetHash))
                    total += f->size;
    }
    return total;
}

void printTable(std::ostream &out, const std::vector<std::vector<std::string>> &rawRows, size_t rightAligned)
{
    if (rawRows.empty())
        return;
    // Folder and file names are shown, never obeyed: control characters become visible escapes.
    std::vector<std::vector<std::string>> rows;
    for (const auto &r : rawRows) {
        auto &row = rows.emplace_back();
        for (const auto &cell : r)
            row.push_back(escapeControls(cell));
    }
    std::vector<size_t> widths(rows[0].size(), 0);
    for (const auto &r : rows)
        for (size_t i = 0; i < r.size(); ++i)
            widths[i] = std::max(widths[i], r[i].size());
    auto line = [&](const std::vector<std::string> &r) {
        std::string s;
        for (size_t i = 0; i < r.size(); ++i) {
            std::string cell = r[i];
            const std::string pad(widths[i] - cell.size(), ' ');
            cell = (i == rightAligned) ? pad + cell : cell + pad;
            s += (i ? " " : "") + cell;
        }
        while (!s.empty() && s.back() == ' ')
            s.pop_back();
        out << s << "\n";
    };
    line(rows[0]);
    std::vector<std::string> dashes;
    for (size_t w : widths)
        dashes.emplace_back(w, '-');
    line(dashes);
    for (size_t i = 1; i < rows.size(); ++i)
        line(rows[i]);
}

void printSharedStore(std::ostream &out, const SharedBlobStore &store, bool perFile)
{
    if (!store.present)
        return;
    out << "Shared blob store (Xet files kept once for all repos): " << escapeControls(store.path.string()) << ", "
        << store.files.size() << " stored file(s), " << formatSize(store.totalBytes) << "; " << store.unreferencedCount
        << " used by no repo (" << formatSize(store.unreferencedBytes) << ").";
    if (store.unreferencedCount)
        out << " Remove those with 'hubdesk-cli cache prune --shared-unreferenced'.";
    if (!perFile && !store.files.empty())
        out << " Re-run with --shared to see which repos use each.";
    out << "\n";
    if (!perFile || store.files.empty())
        return;
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"STORED FILE", "SIZE", "USED BY"});
    for (const auto &f : store.files) {
        std::string users;
        for (const auto &u : f.users)
            users += (users.empty() ? "" : ", ") + u.repoId;
        if (f.unreferenced)
            users = "(no repo)";
        else if (users.empty())
            users = "(no repo link found; no manifest, kept)";
        rows.push_back({f.xetHash.substr(0, 16), formatSize(f.size), users});
    }
    out << "\n";
    printTable(out, rows, 1);
}

std::string joinRefs(const std::vector<std::string> &refs)
{
    std::string s;
    for (const auto &r : refs)
        s += (s.empty() ? "" : ", ") + r;
    return s;
}

int runScan(const std::vector<std::string> &argv, Io io)
{
    Args args;
    args.option("cache-dir", "cache folder (default: HF_HUB_CACHE rules)", "DIR")
        .flag("json", "machine-readable output with every file")
        .flag("no-files", "with --json: leave out the per-file lists (much faster on big caches)")
        .option("threads", "repo folders scanned at once (default: up to 32, which hides disk latency)", "N")
        .option("sort", "size|age|name (default name)", "KEY")
        .option("min-size", "only repos at least this big (e.g. 10MB)", "SIZE")
        .option("older-than", "only repos not accessed for DAYS days", "DAYS")
        .flag("revisions", "one row per revision")
        .flag("shared", "one row per stored file of the shared blob store, with the repos using it")
        .flag("show-warnings", "print every problem found")
        .flag("help", "show this help");
    if (!args.parse(argv))
        return fail(io, args.error());
    if (args.has("help")) {
        io.out << "Usage: hubdesk-cli cache scan [OPTIONS]\n\n" << args.optionsHelp();
        return 0;
    }
    uint64_t minSize = 0;
    if (auto v = args.value("min-size"); v && !parseSize(*v, minSize))
        return fail(io, "--min-size needs a size like 500MB or 2G.");
    uint64_t olderDays = 0;
    const bool olderFilter = args.has("older-than");
    if (auto v = args.value("older-than"); v && !parseUint64(*v, olderDays))
        return fail(io, "--older-than needs a number of days.");
    const std::string sort = args.valueOr("sort", "name");
    if (sort != "size" && sort != "age" && sort != "name")
        return fail(io, "--sort must be size, age or name.");
    uint64_t threads = 0;
    if (auto v = args.value("threads"); v && (!parseUint64(*v, threads) || threads < 1 || threads > 64))
        return fail(io, "--threads needs a number from 1 to 64.");

    // Only --json lists files; the tables need sizes and counts, which are computed either way.
    const bool withFiles = args.has("json") && !args.has("no-files");
    auto info = scanOrFail(args, withFiles, static_cast<unsigned>(threads));
    if (!info)
        return fail(io, info.error().message);
    const int64_t now = nowSeconds();
    std::vector<const RepoEntry *> repos;
    for (const auto &r : info->repos) {
        if (r.sizeOnDisk < minSize)
            continue;
        if (olderFilter && now - r.lastAccessed <= static_cast<int64_t>(olderDays) * 86400)
            continue;
        repos.push_back(&r);
    }
    std::stable_sort(repos.begin(), repos.end(), [&](const RepoEntry *a, const RepoEntry *b) {
        if (sort == "size")
            return a->sizeOnDisk > b->sizeOnDisk;
        if (sort == "age")
            return a->lastAccessed < b->lastAccessed;
        return a->cacheId() < b->cacheId();
    });

    if (args.has("json")) {
        JsonStream js(io.out);
        js.beginObject()
            .field("cache_dir", info->root.native())
            .field("partial_bytes", info->partialBytes)
            .key("repos")
            .beginArray();
        for (const auto *r : repos)
            writeRepo(js, *r, withFiles);
        js.endArray();
        writeSharedStore(js, info->sharedStore);
        js.field("size_on_disk", info->totalSizeOnDisk).key("warnings").beginArray();
        for (const auto &w : info->warnings)
            writeProblem(js, w);
        js.endArray();
        const XetCacheInfo xet = inspectXetCache(CacheLocation::xetCacheDir());
        js.key("xet_cache")
            .beginObject()
            .field("exists", xet.exists)
            .field("path", xet.dir.native())
            .field("size_on_disk", xet.bytes)
            .endObject();
        js.endObject();
        js.flush();
        io.out << "\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows;
    size_t revCount = 0;
    // Every stored file of the shared store once; with no filter, unused ones too (the scan total).
    const uint64_t total = (minSize == 0 && !olderFilter) ? info->totalSizeOnDisk : distinctBytes(*info, repos);
    uint64_t inStore = 0;
    for (const auto *r : repos)
        inStore += r->sharedStoreBytes;
    if (args.has("revisions")) {
        rows.push_back({"ID", "REVISION", "SIZE", "EXCLUSIVE", "LAST_MODIFIED", "REFS"});
        for (const auto *r : repos) {
            for (const auto &rev : r->revisions) {
                ++revCount;
                rows.push_back({r->cacheId(), rev.commit, formatSize(rev.sizeOnDisk), formatSize(rev.exclusiveBytes),
                                timeSince(rev.lastModified), rev.refs.empty() ? "(detached)" : joinRefs(rev.refs)});
            }
        }
    } else {
        rows.push_back({"ID", "SIZE", "LAST_ACCESSED", "LAST_MODIFIED", "REFS"});
        for (const auto *r : repos) {
            revCount += r->revisions.size();
            std::vector<std::string> refNames;
            for (const auto &[name, _] : r->refs)
                refNames.push_back(name);
            std::string refs = joinRefs(refNames);
            if (r->damaged())
                refs += refs.empty() ? "(damaged)" : " (damaged)";
            rows.push_back({r->cacheId(), formatSize(r->sizeOnDisk), timeSince(r->lastAccessed),
                            timeSince(r->lastModified), refs});
        }
    }
    printTable(io.out, rows, args.has("revisions") ? 2 : 1);
    io.out << "\nFound " << repos.size() << " repo(s) for a total of " << revCount << " revision(s) and "
           << formatSize(total) << " on disk";
    if (inStore)
        io.out << " (repo sizes include files in the shared blob store; the total counts each stored file once)";
    io.out << ".\n";
    printSharedStore(io.out, info->sharedStore, args.has("shared"));
    std::vector<const CacheProblem *> damaging;
    for (const auto &w : info->warnings)
        if (w.damaging() || args.has("show-warnings"))
            damaging.push_back(&w);
    if (!damaging.empty()) {
        if (args.has("show-warnings")) {
            for (const auto *w : damaging)
                io.out << "  " << problemKindName(w->kind) << ": " << w->message << " (" << w->path.string() << ")\n";
        } else {
            io.out << "Found " << damaging.size()
                   << " cache problem(s). Re-run with --show-warnings to display them.\n";
        }
    }
    if (!info->partials.empty())
        io.out << "Found " << info->partials.size() << " incomplete download(s) totalling "
               << formatSize(info->partialBytes) << ". Remove them with 'hubdesk-cli cache prune --partials'.\n";
    const XetCacheInfo xet = inspectXetCache(CacheLocation::xetCacheDir());
    if (xet.exists)
        io.out << "Xet cache (the Xet client's chunk and shard caches and logs): " << escapeControls(xet.dir.string())
               << ", " << formatSize(xet.bytes)
               << ". Empty it with 'hubdesk-cli cache prune --xet'; the Xet client rebuilds it.\n";
    return 0;
}

/// "model/owner/name", "dataset/owner/name", "owner/name" (type guessed from the cache).
Expected<RepoRef> parseRepoTarget(const CacheInfo &info, const std::string &text)
{
    const auto slash = text.find('/');
    if (slash != std::string::npos) {
        if (auto type = parseRepoType(text.substr(0, slash))) {
            auto id = RepoId::parse(text.substr(slash + 1));
            if (!id)
                return id.error();
            return RepoRef{*type, *id};
        }
    }
    auto id = RepoId::parse(text);
    if (!id)
        return id.error();
    std::vector<RepoRef> matches;
    for (const auto &r : info.repos)
        if (r.repo.id == *id)
            matches.push_back(r.repo);
    if (matches.size() == 1)
        return matches.front();
    if (matches.empty())
        return RepoRef{RepoType::Model, *id};
    return HubError::make(ErrorCode::InvalidArgument,
                          text + " exists as several repo types; write model/" + text + " or dataset/" + text + ".");
}

void printPlan(std::ostream &out, const DeletePlan &plan, bool dryRun)
{
    out << (dryRun ? "Would delete" : "About to delete") << " " << plan.repoCount() << " repo(s)"
        << (plan.sharedBlobCount() ? ", " : " and ") << plan.revisionCount() << " revision(s)";
    if (plan.sharedBlobCount())
        out << " and " << plan.sharedBlobCount() << " stored file(s) of the shared blob store";
    out << ", freeing " << formatSize(plan.bytesFreed());
    if (plan.partialBytesFreed())
        out << " plus " << formatSize(plan.partialBytesFreed()) << " of partial downloads";
    out << ".\n";
    for (const auto &line : plan.describe())
        out << "  " << line << "\n";
}

int executePlan(Io io, const DeletePlan &plan, bool dryRun)
{
    printPlan(io.out, plan, dryRun);
    if (dryRun || plan.empty())
        return 0;
    const DeleteReport report = plan.execute();
    for (const auto &s : report.skipped)
        io.out << "  skipped " << s << "\n";
    for (const auto &e : report.errors)
        io.err << "  error: " << e.describe() << "\n";
    io.out << "Done: removed " << report.removed << " item(s), freed " << formatSize(report.bytesFreed) << ".\n";
    return report.errors.empty() ? 0 : 1;
}

int runRm(const std::vector<std::string> &argv, Io io)
{
    Args args;
    args.option("cache-dir", "cache folder", "DIR")
        .flag("shared-unreferenced", "also delete stored files of the shared blob store that no repo uses afterwards")
        .flag("dry-run", "print the plan, delete nothing")
        .flag("yes", "accepted for compatibility with 'hf cache rm -y'; hubdesk-cli never prompts")
        .flag("help", "show this help");
    if (!args.parse(argv))
        return fail(io, args.error());
    if (args.has("help") || args.positionals().empty()) {
        (args.has("help") ? io.out : io.err)
            << "Usage: hubdesk-cli cache rm TARGET... [--dry-run]\n"
               "TARGET is a repo (model/owner/name, dataset/owner/name or owner/name), a 40-character commit,\n"
               "or a file REPO:path@revision.\n\n"
            << args.optionsHelp();
        return args.has("help") ? 0 : 2;
    }
    auto info = scanOrFail(args);
    if (!info)
        return fail(io, info.error().message);
    DeleteSelection sel;
    sel.sharedUnreferenced = args.has("shared-unreferenced");
    CacheResolver resolver(info->root);
    for (const auto &t : args.positionals()) {
        if (isCommitId(t)) {
            sel.revisions.push_back(t);
            continue;
        }
        if (const auto colon = t.find(':'); colon != std::string::npos) {
            auto repo = parseRepoTarget(*info, t.substr(0, colon));
            if (!repo)
                return fail(io, repo.error().message);
            std::string rest = t.substr(colon + 1);
            std::string rev = "main";
            if (const auto at = rest.rfind('@'); at != std::string::npos) {
                rev = rest.substr(at + 1);
                rest = rest.substr(0, at);
            }
            auto commit = resolver.resolveCommit(*repo, rev);
            if (!commit)
                return fail(io, commit.error().message);
            sel.files.push_back(FileSelection{*repo, *commit, rest});
            continue;
        }
        auto repo = parseRepoTarget(*info, t);
        if (!repo)
            return fail(io, repo.error().message);
        sel.repos.push_back(*repo);
    }
    auto plan = DeletePlan::forSelection(*info, sel);
    if (!plan)
        return fail(io, plan.error().message);
    return executePlan(io, *plan, args.has("dry-run"));
}

int runPrune(const std::vector<std::string> &argv, Io io)
{
    Args args;
    args.option("cache-dir", "cache folder", "DIR")
        .flag("unreferenced", "revisions no ref (branch, tag, PR) points to")
        .option("older-than", "revisions not used for DAYS days", "DAYS")
        .flag("partials", "partial downloads no running download holds")
        .flag("empty-folders", "empty snapshot/repo folders and stale lock folders")
        .flag("xet", "empty the Xet client's cache ($HF_XET_CACHE or $HF_HOME/xet) as a whole")
        .flag("shared-unreferenced", "stored files of the shared blob store that no repo uses (afterwards)")
        .option("pin", "comma-separated commit ids that are never pruned", "COMMITS")
        .flag("dry-run", "print the plan, delete nothing")
        .flag("yes", "accepted for compatibility; hubdesk-cli never prompts")
        .flag("help", "show this help");
    if (!args.parse(argv))
        return fail(io, args.error());
    if (args.has("help")) {
        io.out << "Usage: hubdesk-cli cache prune [--unreferenced] [--older-than DAYS] [--partials] [--xet]\n"
                  "                            [--shared-unreferenced] [--dry-run]\n"
                  "Without a rule, --unreferenced --partials is used (like 'hf cache prune').\n\n"
               << args.optionsHelp();
        return 0;
    }
    PruneOptions opt;
    opt.unreferenced = args.has("unreferenced");
    opt.partials = args.has("partials");
    opt.emptyFolders = args.has("empty-folders");
    opt.sharedUnreferenced = args.has("shared-unreferenced");
    if (auto v = args.value("older-than")) {
        uint64_t days = 0;
        if (!parseUint64(*v, days) || days > 100000)
            return fail(io, "--older-than needs a number of days.");
        opt.olderThanDays = static_cast<int>(days);
    }
    const bool xetOnly = args.has("xet") && !opt.unreferenced && !opt.partials && !opt.emptyFolders &&
                         !opt.sharedUnreferenced && opt.olderThanDays < 0;
    if (args.has("xet")) {
        const XetCacheInfo xet = inspectXetCache(CacheLocation::xetCacheDir());
        const std::string where = escapeControls(xet.dir.string());
        if (!xet.exists) {
            io.out << "No Xet cache at " << where << ".\n";
        } else if (args.has("dry-run")) {
            io.out << "Would empty the Xet cache " << where << " (" << formatSize(xet.bytes) << ").\n";
        } else {
            if (xet.recentStaging)
                io.out << "Note: the Xet cache holds an upload staged within the last hour; a Xet upload that is still "
                          "running will start over.\n";
            auto freed = emptyXetCache(xet.dir);
            if (!freed)
                return fail(io, freed.error().message);
            io.out << "Emptied the Xet cache " << where << ": freed " << formatSize(*freed) << ".\n";
        }
        if (xetOnly)
            return 0;
    }
    if (!opt.unreferenced && !opt.partials && !opt.emptyFolders && !opt.sharedUnreferenced && opt.olderThanDays < 0)
        opt.unreferenced = opt.partials = true;
    if (auto v = args.value("pin"))
        for (const auto &c : split(*v, ','))
            if (!c.empty())
                opt.pinned.insert(std::string(trim(c)));
    auto info = scanOrFail(args);
    if (!info)
        return fail(io, info.error().message);
    return executePlan(io, DeletePlan::forPrune(*info, opt), args.has("dry-run"));
}

int runVerify(const std::vector<std::string> &argv, Io io)
{
    Args args;
    args.option("cache-dir", "cache folder", "DIR")
        .option("revision", "only this revision (ref name or commit)", "REV")
        .flag("json", "machine-readable output")
        .flag("help", "show this help");
    if (!args.parse(argv))
        return fail(io, args.error());
    if (args.has("help")) {
        io.out << "Usage: hubdesk-cli cache verify [REPO...] [--revision R]\n"
                  "Re-hashes cached files offline and reports any whose content does not match.\n\n"
               << args.optionsHelp();
        return 0;
    }
    auto info = scanOrFail(args);
    if (!info)
        return fail(io, info.error().message);
    VerifyOptions opt;
    CacheResolver resolver(info->root);
    for (const auto &t : args.positionals()) {
        auto repo = parseRepoTarget(*info, t);
        if (!repo)
            return fail(io, repo.error().message);
        if (!info->findRepo(*repo))
            return fail(io, t + " is not in the cache.");
        opt.repos.push_back(*repo);
        if (auto rev = args.value("revision")) {
            auto commit = resolver.resolveCommit(*repo, *rev);
            if (!commit)
                return fail(io, commit.error().message);
            opt.commits.push_back(*commit);
        }
    }
    const VerifyReport report = CacheVerifier::verify(*info, opt);
    if (args.has("json")) {
        json mm = json::array();
        for (const auto &m : report.mismatches)
            mm.push_back(json{{"repo", m.repoId},
                              {"blob_path", m.blobPath.string()},
                              {"expected", m.expected},
                              {"actual", m.actual},
                              {"files", m.files},
                              {"message", m.message}});
        json shared = json::array();
        for (const auto &c : report.shared)
            shared.push_back(json{{"xet_hash", c.xetHash},
                                  {"path", c.path.string()},
                                  {"result", sharedCheckResultName(c.result)},
                                  {"message", c.message},
                                  {"files", c.files}});
        io.out << json{{"blobs_checked", report.blobsChecked},
                       {"bytes_checked", report.bytesChecked},
                       {"skipped", report.skipped},
                       {"mismatches", mm},
                       {"shared_store", shared}}
                      .dump(1)
               << "\n";
    } else {
        for (const auto &m : report.mismatches) {
            io.out << "MISMATCH " << m.repoId << " " << m.blobPath.string() << ": " << m.message << "\n";
            for (const auto &f : m.files)
                io.out << "  used by " << f << "\n";
        }
        io.out << "Checked " << report.blobsChecked << " file(s), " << formatSize(report.bytesChecked) << "; "
               << report.mismatches.size() << " mismatch(es)";
        if (report.skipped)
            io.out << ", " << report.skipped << " copied file(s) without a checksum name skipped";
        io.out << ".\n";
        if (!report.shared.empty()) {
            size_t bySha = 0, bySize = 0, present = 0;
            for (const auto &c : report.shared) {
                bySha += c.result == SharedBlobCheck::Result::Sha256Matches;
                bySize += c.result == SharedBlobCheck::Result::SizeMatches;
                present += c.result == SharedBlobCheck::Result::Present;
            }
            io.out << "Shared blob store: " << report.shared.size() << " stored file(s) checked once each: " << bySha
                   << " SHA-256 match(es), " << bySize << " with the listed size, " << present
                   << " present with nothing to compare against (a Xet hash cannot be recomputed offline).\n";
        }
    }
    return report.ok() ? 0 : 1;
}

int runPath(const std::vector<std::string> &argv, Io io)
{
    Args args;
    args.option("cache-dir", "cache folder", "DIR")
        .option("revision", "branch, tag, refs/pr/N or commit (default main)", "REV")
        .option("repo-type", "model, dataset or space (default model)", "TYPE")
        .flag("help", "show this help");
    if (!args.parse(argv))
        return fail(io, args.error());
    if (args.has("help") || args.positionals().size() != 2) {
        (args.has("help") ? io.out : io.err) << "Usage: hubdesk-cli cache path REPO FILE [--revision R]\n\n"
                                             << args.optionsHelp();
        return args.has("help") ? 0 : 2;
    }
    std::string repoText = args.positionals()[0];
    if (auto t = args.value("repo-type")) {
        auto type = parseRepoType(*t);
        if (!type)
            return fail(io, "--repo-type must be model, dataset or space.");
        repoText = std::string(repoTypeName(*type)) + "/" + repoText;
    }
    const fs::path root = cacheRoot(args);
    CacheInfo none;
    RepoRef repo;
    {
        // Guess the type from the folders present without a full scan.
        const auto slash = repoText.find('/');
        auto type = slash == std::string::npos ? std::nullopt : parseRepoType(repoText.substr(0, slash));
        auto id = RepoId::parse(type ? repoText.substr(slash + 1) : repoText);
        if (!id)
            return fail(io, id.error().message);
        repo = RepoRef{type.value_or(RepoType::Model), *id};
        if (!type)
            for (RepoType t : {RepoType::Model, RepoType::Dataset, RepoType::Space})
                if (fs::is_directory(cache::CacheLayout(root).repoDir(RepoRef{t, *id}))) {
                    repo.type = t;
                    break;
                }
    }
    CacheResolver resolver(root);
    auto found = resolver.lookup(repo, args.positionals()[1], args.valueOr("revision", "main"));
    if (!found)
        return fail(io, found.error().message);
    switch (found->state) {
    case CachedLookup::State::Cached: io.out << found->localPath.string() << "\n"; return 0;
    case CachedLookup::State::KnownMissing:
        return fail(io, args.positionals()[1] + " does not exist in " + repo.id.str() + " at " + found->commit +
                            " (the Hub said so earlier).");
    case CachedLookup::State::NotCached: break;
    }
    return fail(io, args.positionals()[1] + " of " + repo.id.str() + " at " + args.valueOr("revision", "main") +
                        " is not in the cache " + root.string() + ".");
}

int runCache(const std::vector<std::string> &args, Io io)
{
    static const std::vector<std::pair<std::string, CommandFn>> subs = {{"scan", runScan},     {"ls", runScan},
                                                                        {"rm", runRm},         {"prune", runPrune},
                                                                        {"verify", runVerify}, {"path", runPath}};
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        (args.empty() ? io.err : io.out)
            << "Usage: hubdesk-cli cache SUBCOMMAND [OPTIONS]\n\n"
               "  scan     list cached repos and sizes (like 'hf cache ls'); --json, --revisions, --sort\n"
               "  rm       delete repos, revisions or single files (--dry-run prints the plan)\n"
               "  prune    delete unreferenced/old revisions and abandoned partial downloads\n"
               "  verify   re-hash cached files and report damaged ones\n"
               "  path     print the local path of a cached file (offline)\n\n"
               "All take --cache-dir DIR (default: HF_HUB_CACHE, HF_HOME/hub or ~/.cache/huggingface/hub).\n";
        return args.empty() ? 2 : 0;
    }
    for (const auto &[name, fn] : subs)
        if (args[0] == name)
            return fn(std::vector<std::string>(args.begin() + 1, args.end()), io);
    return fail(io, "unknown subcommand '" + args[0] + "'. Run 'hubdesk-cli cache --help'.");
}

} // namespace

void registerCommands_cache(std::vector<Command> &out)
{
    out.push_back(Command{"cache", "scan, clean, verify the local Hugging Face cache", runCache});
}

} // namespace hub::cli
