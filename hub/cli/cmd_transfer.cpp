// hubdesk-cli download | upload: the transfer engine from a terminal, resumable by running the
// same command again (the job's journal lives in a state folder derived from the command).

#include "hub/cache/location.h"
#include "hub/cli/args.h"
#include "hub/cli/command.h"
#include "hub/core/hash.h"
#include "hub/core/strings.h"
#include "hub/core/validate.h"
#include "hub/transfer/engine.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <iomanip>
#include <ostream>
#include <sstream>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace hub::cli {

namespace {

std::atomic<bool> g_interrupted{false};
extern "C" void onInterrupt(int)
{
    g_interrupted = true;
}

namespace fs = std::filesystem;

void addCommonOptions(Args &a)
{
    a.option("revision", "branch, tag or commit (default: main)", "REV")
        .option("type", "model, dataset or space (default: model)", "TYPE")
        .option("endpoint", "Hub URL (default: $HF_ENDPOINT or https://huggingface.co)", "URL")
        .option("token", "access token (default: $HF_TOKEN or the saved login)", "TOKEN")
        .option("cache-dir", "Hugging Face cache folder (default: $HF_HUB_CACHE or ~/.cache/huggingface/hub)", "DIR")
        .option("state-dir", "where unfinished transfers are remembered (default: next to the cache)", "DIR")
        .option("connections", "most connections per large file (default: 8)", "N")
        .flag("fixed-connections", "open all of them at once (default: add them only while they add speed)")
        .option("max-parallel", "files transferred at once (default: 8)", "N")
        .option("limit-rate", "bandwidth limit in bytes per second, e.g. 500K, 20M (default: none)", "RATE")
        .flag("quiet", "no progress line")
        .flag("help", "show this help");
}

bool parseRate(const std::string &text, uint64_t &out)
{
    if (text.empty())
        return false;
    uint64_t mult = 1;
    std::string num = text;
    const char last = static_cast<char>(std::toupper(static_cast<unsigned char>(num.back())));
    if (last == 'K' || last == 'M' || last == 'G') {
        mult = last == 'K' ? 1024 : last == 'M' ? 1024 * 1024 : 1024ull * 1024 * 1024;
        num.pop_back();
    }
    uint64_t v = 0;
    if (!parseUint64(num, v))
        return false;
    out = v * mult;
    return true;
}

bool parseCount(const Args &a, const std::string &name, int fallback, int &out, Io io)
{
    out = fallback;
    if (auto v = a.value(name)) {
        uint64_t n = 0;
        if (!parseUint64(*v, n) || n == 0 || n > 64) {
            io.err << "hubdesk-cli: --" << name << " needs a number between 1 and 64\n";
            return false;
        }
        out = static_cast<int>(n);
    }
    return true;
}

/// Holds an flock on the state folder so two identical commands never share one journal.
class StateDirLock {
public:
    explicit StateDirLock(const fs::path &dir)
    {
        std::error_code ec;
        fs::create_directories(dir, ec);
        m_fd = ::open((dir / ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (m_fd >= 0 && ::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~StateDirLock()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    StateDirLock(const StateDirLock &) = delete;
    StateDirLock &operator=(const StateDirLock &) = delete;
    bool held() const { return m_fd >= 0; }

private:
    int m_fd = -1;
};

std::string formatEta(int64_t secs)
{
    if (secs < 0)
        return "--:--";
    std::ostringstream o;
    if (secs >= 3600)
        o << secs / 3600 << ":" << std::setw(2) << std::setfill('0') << (secs % 3600) / 60 << ":" << std::setw(2)
          << secs % 60;
    else
        o << std::setw(2) << std::setfill('0') << secs / 60 << ":" << std::setw(2) << secs % 60;
    return o.str();
}

std::string progressLine(const JobSnapshot &s)
{
    std::ostringstream o;
    const double pct = s.bytesTotal ? 100.0 * static_cast<double>(s.bytesDone) / static_cast<double>(s.bytesTotal) : 0;
    o << std::fixed << std::setprecision(1) << pct << "% " << humanBytes(s.bytesDone) << "/" << humanBytes(s.bytesTotal)
      << "  " << humanBytes(static_cast<uint64_t>(s.bytesPerSecond)) << "/s  ETA " << formatEta(s.etaSeconds)
      << "  files " << s.filesDone << "/" << s.filesTotal;
    if (s.state == JobState::Retrying && s.error)
        o << "  (retrying: " << s.error->message << ")";
    else if (!s.phase.empty())
        o << "  " << s.phase;
    return o.str();
}

struct Common {
    RepoRef repo;
    std::string revision = "main";
    EngineOptions options;
    bool quiet = false;
};

int parseCommon(const Args &a, Common &c, Io io)
{
    const auto &pos = a.positionals();
    if (pos.empty()) {
        io.err << "hubdesk-cli: missing REPO (e.g. PellelNitram/xournalpp-htr-word-detector)\n";
        return 2;
    }
    auto id = RepoId::parse(pos.front());
    if (!id) {
        io.err << "hubdesk-cli: " << id.error().message << "\n";
        return 2;
    }
    c.repo.id = *id;
    if (auto t = a.value("type")) {
        auto type = parseRepoType(*t);
        if (!type) {
            io.err << "hubdesk-cli: --type must be model, dataset or space\n";
            return 2;
        }
        c.repo.type = *type;
    }
    c.revision = a.valueOr("revision", "main");
    c.options.clientConfig = ClientConfig::fromEnvironment();
    if (auto e = a.value("endpoint"))
        c.options.clientConfig.endpoint = ClientConfig::normalizeEndpoint(*e);
    if (auto t = a.value("token"))
        c.options.clientConfig.token = *t;
    c.options.cacheDir =
        cache::CacheLocation::hubCacheDir(cache::CacheLocation::processEnv(), a.valueOr("cache-dir", ""));
    if (!parseCount(a, "connections", 8, c.options.connectionsPerFile, io) ||
        !parseCount(a, "max-parallel", 8, c.options.maxParallelFiles, io))
        return 2;
    c.options.adaptiveConnections = !a.has("fixed-connections");
    if (auto r = a.value("limit-rate")) {
        if (!parseRate(*r, c.options.bandwidthLimitBytesPerSec)) {
            io.err << "hubdesk-cli: --limit-rate needs a rate like 500K or 20M\n";
            return 2;
        }
    }
    c.quiet = a.has("quiet");
    c.options.autoResume = false;
    return 0;
}

/// The journal folder of one command: the same command finds the same folder again.
fs::path stateDirFor(const Args &a, const Common &c, const std::string &key)
{
    fs::path base = a.has("state-dir") ? fs::path(*a.value("state-dir"))
                                       : c.options.cacheDir.parent_path() / "hubdesk" / "cli-transfers";
    return base / sha256Hex(key).substr(0, 16);
}

bool sameRequest(const JobSnapshot &s, const DownloadRequest &r)
{
    return s.download && s.download->repo == r.repo && s.download->revision == r.revision &&
           s.download->paths == r.paths && s.download->localDir == r.localDir;
}

bool sameRequest(const JobSnapshot &s, const UploadRequest &r)
{
    if (!s.upload || s.upload->repo != r.repo || s.upload->revision != r.revision ||
        s.upload->sources.size() != r.sources.size() || s.upload->message != r.message)
        return false;
    for (size_t i = 0; i < r.sources.size(); ++i) {
        if (s.upload->sources[i].localPath != r.sources[i].localPath ||
            s.upload->sources[i].pathInRepo != r.sources[i].pathInRepo)
            return false;
    }
    return true;
}

template <class Request> int runJob(Common &c, const fs::path &stateDir, Request request, Io io)
{
    StateDirLock lock(stateDir);
    fs::path tempState;
    if (!lock.held()) {
        // The same command is already running elsewhere: work without a resumable journal.
        tempState = fs::temp_directory_path() / ("hubdesk-cli-" + std::to_string(::getpid()));
        c.options.stateDir = tempState;
    } else {
        c.options.stateDir = stateDir;
    }
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    const bool tty = ::isatty(STDERR_FILENO) != 0;
    int rc = 1;
    {
        TransferEngine engine(c.options);
        std::optional<JobId> id;
        for (const auto &s : engine.jobs()) {
            if (sameRequest(s, request) && s.state != JobState::Done) {
                id = s.id;
                if (!c.quiet)
                    io.err << "Resuming the unfinished transfer (" << humanBytes(s.bytesDone) << " already done).\n";
                if (s.state == JobState::Paused)
                    engine.resume(s.id);
                else
                    engine.retry(s.id);
                break;
            }
        }
        if (!id) {
            auto submitted = engine.submit(std::move(request));
            if (!submitted) {
                io.err << "hubdesk-cli: " << submitted.error().message << "\n";
                return 1;
            }
            id = *submitted;
        }
        auto lastPrint = std::chrono::steady_clock::now() - std::chrono::seconds(10);
        std::optional<JobSnapshot> snap;
        // A resumed job may still read "paused" until the worker thread has applied resume():
        // only a pause seen after the job ran counts as the end.
        bool seenActive = false;
        for (;;) {
            snap = engine.waitForJob(*id, std::chrono::milliseconds(tty ? 200 : 1000));
            if (!snap)
                break;
            if (snap->state != JobState::Paused)
                seenActive = true;
            const bool finished =
                isFinalState(snap->state) || (snap->state == JobState::Paused && seenActive && !g_interrupted.load());
            const auto now = std::chrono::steady_clock::now();
            if (!c.quiet && (tty || now - lastPrint >= std::chrono::seconds(2) || finished)) {
                if (tty)
                    io.err << "\r\033[K" << progressLine(*snap) << std::flush;
                else
                    io.err << progressLine(*snap) << "\n";
                lastPrint = now;
            }
            if (finished || g_interrupted.load())
                break;
        }
        if (!c.quiet && tty)
            io.err << "\n";
        if (g_interrupted.load()) {
            engine.pause(*id);
            io.err << "Interrupted. Run the same command again to resume.\n";
            rc = 130;
        } else if (snap && snap->state == JobState::Done) {
            const auto &r = snap->result;
            if (snap->kind == JobKind::Download) {
                io.out << "Downloaded " << snap->filesTotal << " file(s), " << humanBytes(snap->bytesTotal) << " ("
                       << r.filesTransferred << " fetched, " << r.filesSkipped << " already present) at commit "
                       << r.commit << "\n"
                       << r.location.string() << "\n";
            } else {
                io.out << "Uploaded " << snap->filesTotal << " file(s), " << humanBytes(snap->bytesTotal) << " ("
                       << r.filesSkipped << " unchanged skipped) in " << r.commits.size() << " commit(s)\n";
                if (!r.commitUrl.empty())
                    io.out << r.commitUrl << "\n";
                if (!r.pullRequestUrl.empty())
                    io.out << "Pull request: " << r.pullRequestUrl << "\n";
            }
            io.out << "Transferred " << snap->bytesTransferred << " bytes over the network.\n";
            engine.remove(*id);
            rc = 0;
        } else if (snap && snap->error) {
            io.err << "hubdesk-cli: " << escapeControls(snap->error->message, true) << "\n";
            if (!snap->error->detail.empty())
                io.err << "  (" << escapeControls(snap->error->detail, true) << ")\n";
            io.err << "  [" << errorCodeName(snap->error->code) << "]\n";
            rc = 1;
        } else if (snap && snap->state == JobState::Paused) {
            io.err << "hubdesk-cli: the transfer was paused. Run the same command again to resume it.\n";
            rc = 1;
        } else if (snap && snap->state == JobState::Cancelled) {
            io.err << "hubdesk-cli: the transfer was cancelled.\n";
            rc = 1;
        }
        // Let the worker apply remove() before the journal is written for the last time.
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::error_code ec;
    if (!tempState.empty())
        fs::remove_all(tempState, ec);
    return rc;
}

int runDownload(const std::vector<std::string> &argv, Io io)
{
    Args a;
    addCommonOptions(a);
    a.option("local-dir", "write plain files into this folder instead of the cache", "DIR");
    if (!a.parse(argv)) {
        io.err << "hubdesk-cli download: " << a.error() << "\n";
        return 2;
    }
    if (a.has("help")) {
        io.out << "Usage: hubdesk-cli download REPO [FILES...] [options]\n\nDownloads files, folders or a whole "
                  "revision into the cache (or --local-dir). Run it again to resume.\n\n"
               << a.optionsHelp();
        return 0;
    }
    Common c;
    if (int rc = parseCommon(a, c, io))
        return rc;
    DownloadRequest r;
    r.repo = c.repo;
    r.revision = c.revision;
    r.paths.assign(a.positionals().begin() + 1, a.positionals().end());
    if (auto d = a.value("local-dir"))
        r.localDir = fs::absolute(*d);
    std::string key = "download\n" + std::string(repoTypeName(r.repo.type)) + "\n" + r.repo.id.str() + "\n" +
                      r.revision + "\n" + r.localDir.string();
    for (const auto &p : r.paths)
        key += "\n" + p;
    const fs::path state = stateDirFor(a, c, key);
    return runJob(c, state, std::move(r), io);
}

int runUpload(const std::vector<std::string> &argv, Io io)
{
    Args a;
    addCommonOptions(a);
    a.option("message", "commit title (required)", "TEXT")
        .option("description", "commit description", "TEXT")
        .option("path-in-repo", "where a single PATH goes in the repo (default: its name, or the root for a folder)",
                "PATH")
        .flag("pr", "open a pull request instead of committing to the branch");
    if (!a.parse(argv)) {
        io.err << "hubdesk-cli upload: " << a.error() << "\n";
        return 2;
    }
    if (a.has("help")) {
        io.out << "Usage: hubdesk-cli upload REPO PATHS... --message M [options]\n\nUploads files and folders (a "
                  "folder's content goes to the repo root). Run it again to resume; what the Hub already has is "
                  "not sent again.\n\n"
               << a.optionsHelp();
        return 0;
    }
    Common c;
    if (int rc = parseCommon(a, c, io))
        return rc;
    if (!a.has("message")) {
        io.err << "hubdesk-cli upload: --message is required\n";
        return 2;
    }
    if (a.positionals().size() < 2) {
        io.err << "hubdesk-cli upload: give at least one file or folder to upload\n";
        return 2;
    }
    UploadRequest r;
    r.repo = c.repo;
    r.revision = c.revision;
    r.message = *a.value("message");
    r.description = a.valueOr("description", "");
    r.createPr = a.has("pr");
    const auto inRepo = a.value("path-in-repo");
    if (inRepo && a.positionals().size() != 2) {
        io.err << "hubdesk-cli upload: --path-in-repo works with a single PATH\n";
        return 2;
    }
    for (size_t i = 1; i < a.positionals().size(); ++i) {
        const fs::path p = fs::absolute(a.positionals()[i]);
        std::error_code ec;
        std::string target = inRepo ? *inRepo : (fs::is_directory(p, ec) ? std::string() : p.filename().string());
        r.sources.push_back({p, target});
    }
    std::string key = "upload\n" + std::string(repoTypeName(r.repo.type)) + "\n" + r.repo.id.str() + "\n" + r.revision +
                      "\n" + r.message;
    for (const auto &s : r.sources) {
        // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on "\n" + string.
        key += '\n';
        key += s.localPath.string();
        key += '\t';
        key += s.pathInRepo;
    }
    const fs::path state = stateDirFor(a, c, key);
    return runJob(c, state, std::move(r), io);
}

} // namespace

void registerCommands_transfer(std::vector<Command> &out)
{
    out.push_back({"download", "download files, folders or a revision into the cache (resumable)", &runDownload});
    out.push_back({"upload", "upload files and folders to a repo in one or more commits (resumable)", &runUpload});
}

} // namespace hub::cli
