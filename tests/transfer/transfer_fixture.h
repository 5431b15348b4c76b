#pragma once
// Shared helpers of the transfer tests: a sandbox Hub with the demo world, engine options on
// temporary folders, and checks of what ended up in the cache.

#include "hub/api/client.h"
#include "hub/core/hash.h"
#include "hub/sandbox/demo.h"
#include "hub/sandbox/server.h"
#include "hub/transfer/engine.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace transfertest {

namespace fs = std::filesystem;

inline hub::RepoRef repo(const char *id, hub::RepoType type = hub::RepoType::Model)
{
    return hub::RepoRef{type, hub::RepoId::parse(id).value()};
}

inline std::unique_ptr<hub::sandbox::Server> startSandbox(hub::sandbox::ServerOptions o = {})
{
    o.demo = true;
    if (o.demoLfsScale == 1)
        o.demoLfsScale = 64; // model.onnx ~700 KB: several ranged segments, still fast
    auto s = hub::sandbox::Server::start(o);
    if (!s)
        qFatal("sandbox: %s", s.error().describe().c_str());
    return std::move(*s);
}

inline hub::ClientConfig clientConfig(const hub::sandbox::Server &server, const std::string &token = {})
{
    hub::ClientConfig c;
    c.endpoint = server.baseUrl();
    c.token = token;
    c.userAgent = "HubDesk-tests";
    c.retry.initialDelay = std::chrono::milliseconds(50);
    c.retry.maxDelay = std::chrono::milliseconds(200);
    return c;
}

/// Options tuned for tests: small thresholds so every code path runs on small files.
inline hub::EngineOptions engineOptions(const hub::sandbox::Server &server, const QTemporaryDir &dir,
                                        const std::string &token = {})
{
    hub::EngineOptions o;
    o.stateDir = fs::path(dir.path().toStdString()) / "state";
    o.cacheDir = fs::path(dir.path().toStdString()) / "cache";
    o.clientConfig = clientConfig(server, token);
    o.multiConnectionThreshold = 64 * 1024;
    o.connectionsPerFile = 4;
    // Test files finish within one ramp window; open all connections so the ranged,
    // multi-connection paths are what the tests exercise (the ramp has its own tests).
    o.adaptiveConnections = false;
    o.stallTimeout = std::chrono::seconds(2);
    return o;
}

inline std::string readFile(const fs::path &p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void writeFile(const fs::path &p, const std::string &content)
{
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
}

/// Runs a job to its end (or fails the test after `seconds`).
inline hub::JobSnapshot waitDone(hub::TransferEngine &engine, hub::JobId id, int seconds = 60)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    for (;;) {
        auto s = engine.waitForJob(id, std::chrono::milliseconds(500));
        if (s && (hub::isFinalState(s->state) || s->state == hub::JobState::Paused))
            return *s;
        if (std::chrono::steady_clock::now() > deadline) {
            qWarning("job %llu did not finish in time (state %s, phase \"%s\", %llu/%llu bytes, files %llu/%llu)",
                     static_cast<unsigned long long>(id), s ? std::string(hub::jobStateName(s->state)).c_str() : "?",
                     s ? s->phase.c_str() : "", s ? static_cast<unsigned long long>(s->bytesDone) : 0ull,
                     s ? static_cast<unsigned long long>(s->bytesTotal) : 0ull,
                     s ? static_cast<unsigned long long>(s->filesDone) : 0ull,
                     s ? static_cast<unsigned long long>(s->filesTotal) : 0ull);
            return s.value_or(hub::JobSnapshot{});
        }
    }
}

/// Files of `dir` whose name ends with `suffix`, recursively.
inline int countFiles(const fs::path &dir, const std::string &suffix)
{
    int n = 0;
    std::error_code ec;
    if (!fs::exists(dir, ec))
        return 0;
    for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator(); ++it) {
        const auto name = it->path().filename().string();
        if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            ++n;
    }
    return n;
}

/// Checks every snapshot pointer of a finished download against the Hub's tree listing: each
/// file exists, and its SHA-256 (LFS) or git blob SHA-1 equals the etag.
inline bool snapshotMatchesHub(hub::HubClient &client, const hub::RepoRef &r, const hub::JobSnapshot &s,
                               QString *why = nullptr)
{
    hub::TreeQuery q;
    q.revision = s.result.commit;
    q.recursive = true;
    auto tree = client.tree(r, q);
    if (!tree) {
        if (why)
            *why = QString::fromStdString(tree.error().describe());
        return false;
    }
    int checked = 0;
    for (const auto &e : *tree) {
        if (e.isDirectory())
            continue;
        fs::path p;
        for (const auto &f : s.result.files) {
            const std::string fs_ = f.generic_string();
            if (fs_.size() > e.path.size() && fs_.compare(fs_.size() - e.path.size(), e.path.size(), e.path) == 0 &&
                fs_[fs_.size() - e.path.size() - 1] == '/')
                p = f;
        }
        if (p.empty() || !fs::exists(p))
            continue;
        const std::string content = readFile(p);
        const std::string got = e.lfs ? hub::sha256Hex(content) : hub::gitBlobSha1Hex(content);
        if (got != e.contentId()) {
            if (why)
                *why = QString::fromStdString("content of " + e.path + " does not match");
            return false;
        }
        ++checked;
    }
    if (checked == 0 && why)
        *why = QStringLiteral("no file checked");
    return checked > 0;
}

} // namespace transfertest
