// A Hub that lies. Every test here serves one hostile answer from a test server on 127.0.0.1 and
// checks that HubDesk refuses it with a clear message, in bounded time, and that nothing was
// written, read or sent outside what the user asked for (issue "A Hub that lies").

#include "hub/api/client.h"
#include "hub/core/hash.h"
#include "hub/transfer/engine.h"

#include "api/testserver.h"

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

const std::string kCommit = "0123456789abcdef0123456789abcdef01234567";
const std::string kBlob = "d02801a18c74e2875b33127a993615a36eb7448b";

std::string readAll(const fs::path &p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeAll(const fs::path &p, const std::string &content)
{
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
}

/// Every regular file under `root`, relative, sorted.
std::vector<std::string> filesUnder(const fs::path &root)
{
    std::vector<std::string> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator(); ++it)
        if (it->is_regular_file() || it->is_symlink())
            out.push_back(fs::relative(it->path(), root).generic_string());
    std::sort(out.begin(), out.end());
    return out;
}

/// The routes a download and an upload call, each answering what the test sets.
class HostileHub {
public:
    HostileHub()
    {
        auto &h = m_server.http();
        h.Get(R"(/api/models/evil/repo/revision/([^/]+))", [this](const httplib::Request &, httplib::Response &r) {
            count("revision");
            r.set_content(json{{"id", "evil/repo"}, {"sha", kCommit}, {"private", false}}.dump(), "application/json");
        });
        h.Get(R"(/api/models/evil/repo/tree/(.*))", [this](const httplib::Request &, httplib::Response &r) {
            count("tree");
            std::lock_guard lock(m_mutex);
            if (!link.empty())
                r.set_header("Link", "<" + link + ">; rel=\"next\"");
            r.set_content(listing, "application/json");
        });
        h.Get(R"(/evil/repo/resolve/([^/]+)/(.+))", [this](const httplib::Request &q, httplib::Response &r) {
            count("resolve");
            const std::string path = q.matches[2];
            if (path == "slow.bin") {
                // A few bytes, then nothing: the minimum-progress rule must give up.
                r.set_content_provider(slowSize, "application/octet-stream",
                                       [this](size_t offset, size_t, httplib::DataSink &sink) {
                                           if (offset == 0)
                                               sink.write("0123456789", 10);
                                           for (int i = 0; i < 100 && !m_stopping; ++i)
                                               std::this_thread::sleep_for(std::chrono::milliseconds(50));
                                           return false;
                                       });
                return;
            }
            std::lock_guard lock(m_mutex);
            if (!redirect.empty()) {
                r.status = 302;
                r.set_header("Location", redirect);
                return;
            }
            auto it = files.find(path);
            if (it == files.end()) {
                r.status = 404;
                return;
            }
            r.set_header("X-Repo-Commit", kCommit);
            r.set_content(it->second, "application/octet-stream");
        });
        h.Post(R"(/api/models/evil/repo/preupload/([^/]+))", [this](const httplib::Request &q, httplib::Response &r) {
            count("preupload");
            json answer = json::array();
            const json asked = json::parse(q.body);
            for (const auto &f : asked["files"])
                answer.push_back({{"path", f["path"]}, {"uploadMode", "lfs"}, {"shouldIgnore", false}});
            r.set_content(json{{"files", answer}}.dump(), "application/json");
        });
        h.Post(R"(/evil/repo\.git/info/lfs/objects/batch)", [this](const httplib::Request &q, httplib::Response &r) {
            count("batch");
            json objects = json::array();
            const json asked = json::parse(q.body);
            for (const auto &o : asked["objects"])
                objects.push_back(
                    {{"oid", o["oid"]}, {"size", o["size"]}, {"actions", {{"upload", {{"href", uploadHref}}}}}});
            r.set_content(json{{"transfer", "basic"}, {"objects", objects}}.dump(), "application/vnd.git-lfs+json");
        });
        h.Post(R"(/api/models/evil/repo/commit/(.*))", [this](const httplib::Request &, httplib::Response &r) {
            count("commit");
            r.status = 500;
        });
        h.Get(R"(/api/models/evil/repo/commits/(.*))", [this](const httplib::Request &, httplib::Response &r) {
            count("commits");
            r.set_content(json::array({{{"id", kCommit},
                                        {"title", "fix\x1b]0;pwned\x07\x1b[2J\rforged line"},
                                        {"message", ""},
                                        {"date", "2026-11-30T10:00:00.000Z"},
                                        {"authors", json::array({{{"user", "ev\x1b[31mil"}}})}}})
                              .dump(),
                          "application/json");
        });
        h.set_error_handler([this](const httplib::Request &q, httplib::Response &) { count("other " + q.path); });
        if (!m_server.start())
            qFatal("hostile hub: cannot bind");
    }
    ~HostileHub()
    {
        m_stopping = true;
        m_server.stop();
    }

    std::string url() const { return m_server.url(); }
    std::string localhostUrl() const { return m_server.localhostUrl(); }
    int requests(const std::string &route)
    {
        std::lock_guard lock(m_mutex);
        return m_counts[route];
    }
    std::map<std::string, int> allRequests()
    {
        std::lock_guard lock(m_mutex);
        return m_counts;
    }

    /// One file entry of a listing, with fields overridden by `extra`.
    static json file(const std::string &path, const std::string &content, json extra = json::object())
    {
        json e = {{"type", "file"}, {"path", path}, {"oid", hub::gitBlobSha1Hex(content)}, {"size", content.size()}};
        e.update(extra);
        return e;
    }
    void setListing(const json &entries, const std::map<std::string, std::string> &content = {})
    {
        std::lock_guard lock(m_mutex);
        listing = entries.dump();
        files = content;
    }

    std::string link;
    std::string redirect; ///< resolve answers 302 to this
    std::string uploadHref;
    size_t slowSize = 100000;

private:
    void count(const std::string &route)
    {
        std::lock_guard lock(m_mutex);
        ++m_counts[route];
    }

    hubtest::TestServer m_server;
    std::mutex m_mutex;
    std::map<std::string, int> m_counts;
    std::string listing = "[]";
    std::map<std::string, std::string> files;
    std::atomic<bool> m_stopping{false};
};

hub::RepoRef evilRepo()
{
    return hub::RepoRef{hub::RepoType::Model, hub::RepoId::parse("evil/repo").value()};
}

hub::ClientConfig config(const std::string &endpoint)
{
    hub::ClientConfig c;
    c.endpoint = endpoint;
    c.token = "hf_secretsecretsecret";
    c.retry.maxRetries = 2;
    c.retry.initialDelay = std::chrono::milliseconds(20);
    c.retry.maxDelay = std::chrono::milliseconds(50);
    return c;
}

hub::EngineOptions engineOptions(const std::string &endpoint, const QTemporaryDir &dir)
{
    hub::EngineOptions o;
    o.stateDir = fs::path(dir.path().toStdString()) / "state";
    o.cacheDir = fs::path(dir.path().toStdString()) / "cache";
    o.clientConfig = config(endpoint);
    o.stallTimeout = std::chrono::seconds(1);
    return o;
}

hub::JobSnapshot runToEnd(hub::TransferEngine &engine, hub::JobId id)
{
    // Generous: the test fails on a wrong outcome, never on speed.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    for (;;) {
        auto s = engine.waitForJob(id, std::chrono::milliseconds(200));
        if (s && hub::isFinalState(s->state))
            return *s;
        if (std::chrono::steady_clock::now() > deadline) {
            qWarning("job did not end");
            return s.value_or(hub::JobSnapshot{});
        }
    }
}

bool hasRawControl(const std::string &s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; });
}

} // namespace

class TestHostileHub : public QObject {
    Q_OBJECT

    /// Downloads the hostile listing (into `localDir`, or the cache when empty) and returns the end state.
    hub::JobSnapshot download(HostileHub &hub, const QTemporaryDir &dir, const fs::path &localDir = {})
    {
        hub::TransferEngine engine(engineOptions(hub.url(), dir));
        auto id = engine.submit(hub::DownloadRequest{evilRepo(), "main", {}, localDir});
        if (!id)
            qFatal("submit: %s", id.error().describe().c_str());
        return runToEnd(engine, *id);
    }

private slots:
    void gitConfigInListing_neverTouchesTheWorkTree()
    {
        HostileHub hub;
        hub.setListing(json::array({HostileHub::file("ok.txt", "fine"),
                                    HostileHub::file(".git/config", "[core]\n\tfsmonitor = touch /tmp/pwned\n")}),
                       {{"ok.txt", "fine"}, {".git/config", "[core]\n\tfsmonitor = touch /tmp/pwned\n"}});
        QTemporaryDir dir;
        const fs::path work = fs::path(dir.path().toStdString()) / "work";
        writeAll(work / ".git" / "config", "[core]\n\tbare = false\n");
        const auto s = download(hub, dir, work);
        QCOMPARE(s.state, hub::JobState::Failed);
        QVERIFY(s.error);
        QCOMPARE(s.error->code, hub::ErrorCode::BadResponse);
        QVERIFY2(s.error->message.find(".git/config") != std::string::npos, s.error->message.c_str());
        QCOMPARE(readAll(work / ".git" / "config"), std::string("[core]\n\tbare = false\n"));
        QCOMPARE(filesUnder(work), std::vector<std::string>{".git/config"}); // nothing else written either
        QCOMPARE(hub.requests("resolve"), 0);
    }

    void dotDotInContentId_writesNothingOutsideTheCache()
    {
        HostileHub hub;
        hub.setListing(
            json::array({HostileHub::file(
                "w.bin", "x", {{"lfs", {{"oid", "../../../../../pwned" + std::string(44, 'a')}, {"size", 1}}}})}),
            {{"w.bin", "x"}});
        QTemporaryDir dir;
        const auto s = download(hub, dir);
        QCOMPARE(s.state, hub::JobState::Failed);
        QCOMPARE(s.error->code, hub::ErrorCode::BadResponse);
        for (const auto &f : filesUnder(dir.path().toStdString()))
            QVERIFY2(f.find("pwned") == std::string::npos, f.c_str());
        QCOMPARE(hub.requests("resolve"), 0);
    }

    void impossibleSize_isRefusedBeforeAnyAllocation()
    {
        HostileHub hub;
        hub.setListing(json::array({HostileHub::file("huge.bin", "x", {{"size", uint64_t{1} << 63}})}),
                       {{"huge.bin", "x"}});
        QTemporaryDir dir;
        const auto s = download(hub, dir);
        QCOMPARE(s.state, hub::JobState::Failed);
        QCOMPARE(s.error->code, hub::ErrorCode::BadResponse);
        QVERIFY2(s.error->message.find("huge.bin") != std::string::npos, s.error->message.c_str());
        QCOMPARE(hub.requests("resolve"), 0);
    }

    void sizeLargerThanTheDisk_isRefusedUpFront()
    {
        HostileHub hub;
        hub.setListing(json::array({HostileHub::file("big.bin", "x", {{"size", uint64_t{1} << 50}})}),
                       {{"big.bin", "x"}});
        QTemporaryDir dir;
        const auto s = download(hub, dir);
        QCOMPARE(s.state, hub::JobState::Failed);
        QVERIFY2(s.error->code == hub::ErrorCode::DiskFull, s.error->describe().c_str());
        QVERIFY2(s.error->message.find("free") != std::string::npos, s.error->message.c_str());
        QCOMPARE(hub.requests("resolve"), 0);
    }

    void controlCharactersInNames_areShownEscaped()
    {
        HostileHub hub;
        const std::string name = "readme\x1b]0;pwned\x07\x1b[2J.txt";
        hub.setListing(json::array({HostileHub::file(name, "x")}), {{name, "x"}});
        QTemporaryDir dir;
        const auto s = download(hub, dir);
        QCOMPARE(s.state, hub::JobState::Failed);
        QVERIFY(!hasRawControl(s.error->message));
        QVERIFY2(s.error->message.find("\\x1b]0;pwned") != std::string::npos, s.error->message.c_str());
        QCOMPARE(hub.requests("resolve"), 0);
    }

    void symlinkedFolderInLocalDir_isNotWrittenThrough()
    {
        HostileHub hub;
        hub.setListing(json::array({HostileHub::file("sub/x.txt", "data")}), {{"sub/x.txt", "data"}});
        QTemporaryDir dir;
        const fs::path work = fs::path(dir.path().toStdString()) / "work";
        const fs::path outside = fs::path(dir.path().toStdString()) / "outside";
        fs::create_directories(work);
        fs::create_directories(outside);
        fs::create_directory_symlink(outside, work / "sub");
        const auto s = download(hub, dir, work);
        QCOMPARE(s.state, hub::JobState::Failed);
        QCOMPARE(s.error->code, hub::ErrorCode::Refused);
        QVERIFY(filesUnder(outside).empty());
    }

    void symlinkedSnapshotFolder_isNotWrittenThrough()
    {
        HostileHub hub;
        hub.setListing(json::array({HostileHub::file("x.txt", "data")}), {{"x.txt", "data"}});
        QTemporaryDir dir;
        const fs::path cache = fs::path(dir.path().toStdString()) / "cache";
        const fs::path outside = fs::path(dir.path().toStdString()) / "outside";
        fs::create_directories(cache / "models--evil--repo" / "snapshots");
        fs::create_directories(outside);
        fs::create_directory_symlink(outside, cache / "models--evil--repo" / "snapshots" / kCommit);
        const auto s = download(hub, dir);
        QCOMPARE(s.state, hub::JobState::Failed);
        QCOMPARE(s.error->code, hub::ErrorCode::Refused);
        QVERIFY(filesUnder(outside).empty());
    }

    void honestListing_stillDownloads()
    {
        // The control case: the same server with honest answers works, so the refusals above are
        // about the hostile values and nothing else.
        HostileHub hub;
        hub.setListing(
            json::array({HostileHub::file("ok.txt", "fine"), HostileHub::file(".gitattributes", "*.bin lfs\n")}),
            {{"ok.txt", "fine"}, {".gitattributes", "*.bin lfs\n"}});
        QTemporaryDir dir;
        const fs::path work = fs::path(dir.path().toStdString()) / "work";
        const auto s = download(hub, dir, work);
        QVERIFY2(s.state == hub::JobState::Done, s.error ? s.error->describe().c_str() : "");
        QCOMPARE(readAll(work / "ok.txt"), std::string("fine"));
    }

    void downloadRedirectToOtherSchemes_isRefused()
    {
        for (const std::string target :
             {"file:///etc/passwd", "ftp://127.0.0.1/x", "dict://127.0.0.1:2628/d:x", "gopher://127.0.0.1/x"}) {
            HostileHub hub;
            hub.setListing(json::array({HostileHub::file("a.txt", "a")}), {{"a.txt", "a"}});
            hub.redirect = target;
            QTemporaryDir dir;
            const auto s = download(hub, dir);
            QCOMPARE(s.state, hub::JobState::Failed);
            QVERIFY2(s.error->code == hub::ErrorCode::Refused, (target + ": " + s.error->describe()).c_str());
            QVERIFY2(s.error->message.find("127.0.0.1") != std::string::npos || target[0] == 'f',
                     s.error->message.c_str());
            for (const auto &f : filesUnder(dir.path().toStdString()))
                QVERIFY2(f.find("passwd") == std::string::npos, f.c_str());
            QCOMPARE(hub.requests("resolve"), 1); // refused at once, never retried
        }
    }

    void selfReferencingPageLink_stops()
    {
        HostileHub hub;
        hub.setListing(json::array({HostileHub::file("a.txt", "a")}), {{"a.txt", "a"}});
        hub.link = hub.url() + "/api/models/evil/repo/tree/" + kCommit + "?recursive=true&expand=false";
        hub::HubClient client(config(hub.url()));
        hub::TreeQuery q;
        q.revision = kCommit;
        q.recursive = true;
        auto pager = client.listTree(evilRepo(), q);
        auto all = pager.all();
        QVERIFY(!all.ok());
        QCOMPARE(all.error().code, hub::ErrorCode::BadResponse);
        QVERIFY(hub.requests("tree") <= 2);
    }

    void pageLinkToAnotherServer_isRefused()
    {
        HostileHub hub;
        hub.setListing(json::array({HostileHub::file("a.txt", "a")}), {{"a.txt", "a"}});
        hub.link = hub.localhostUrl() + "/api/models/evil/repo/tree/next";
        hub::HubClient client(config(hub.url()));
        hub::TreeQuery q;
        q.revision = kCommit;
        auto all = client.listTree(evilRepo(), q).all();
        QVERIFY(!all.ok());
        QVERIFY2(all.error().code == hub::ErrorCode::Refused, all.error().describe().c_str());
        QCOMPARE(hub.requests("tree"), 1);
    }

    void bodyThatStallsAfterAFewBytes_failsAfterBoundedRetries()
    {
        HostileHub hub;
        std::string content(hub.slowSize, 'z');
        hub.setListing(json::array({HostileHub::file("slow.bin", content)}));
        QTemporaryDir dir;
        const auto s = download(hub, dir);
        QCOMPARE(s.state, hub::JobState::Failed);
        QVERIFY(s.error);
        QCOMPARE(s.error->code, hub::ErrorCode::Timeout);
        // maxRetries = 2: the first attempt and two retries, then a clear failure.
        QCOMPARE(hub.requests("resolve"), 3);
        QVERIFY2(s.error->message.find("3 times") != std::string::npos, s.error->message.c_str());
    }

    void fileHrefInUploadAnswer_writesNoLocalFile()
    {
        HostileHub hub;
        QTemporaryDir dir;
        const fs::path victim = fs::path(dir.path().toStdString()) / "victim.txt";
        writeAll(victim, "precious");
        hub.uploadHref = "file://" + victim.string();
        const fs::path src = fs::path(dir.path().toStdString()) / "src" / "w.bin";
        writeAll(src, std::string(4096, 'u'));
        hub::TransferEngine engine(engineOptions(hub.url(), dir));
        hub::UploadRequest req;
        req.repo = evilRepo();
        req.sources = {{src, "w.bin"}};
        req.message = "hostile";
        auto id = engine.submit(req);
        QVERIFY(id.ok());
        const auto s = runToEnd(engine, *id);
        QCOMPARE(s.state, hub::JobState::Failed);
        std::string seen;
        for (const auto &[route, n] : hub.allRequests())
            seen += route + "=" + std::to_string(n) + " ";
        QVERIFY2(s.error->code == hub::ErrorCode::Refused, (s.error->describe() + " / " + seen).c_str());
        QCOMPARE(readAll(victim), std::string("precious"));
        QCOMPARE(hub.requests("commit"), 0);
    }

    void cliShowsServerTextEscaped()
    {
        // Escape sequences in a commit title or a user name must not reach the terminal: they
        // would retitle the window, clear the screen or forge lines.
        HostileHub hub;
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("HF_TOKEN"));
        env.insert(QStringLiteral("HF_HUB_DISABLE_IMPLICIT_TOKEN"), QStringLiteral("1"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(HUBDESK_CLI_PATH), {QStringLiteral("log"), QStringLiteral("evil/repo"),
                                                     QStringLiteral("--endpoint"), QString::fromStdString(hub.url())});
        QVERIFY(cli.waitForFinished(60000));
        const std::string out = cli.readAllStandardOutput().toStdString();
        const std::string err = cli.readAllStandardError().toStdString();
        QVERIFY2(cli.exitCode() == 0, err.c_str());
        QVERIFY2(!hasRawControl(out), out.c_str());
        QVERIFY2(out.find("\\x1b]0;pwned\\x07") != std::string::npos, out.c_str());
        QVERIFY2(out.find("\\rforged line") != std::string::npos, out.c_str());
        QCOMPARE(hub.requests("commits"), 1);
    }

    void tricklingApiAnswer_endsAtTheCallDeadline()
    {
        hubtest::TestServer server;
        std::atomic<bool> stop{false};
        std::atomic<int> sent{0};
        server.http().Get(R"(/api/models/evil/repo/tree/(.*))", [&](const httplib::Request &, httplib::Response &r) {
            r.set_chunked_content_provider("application/json", [&](size_t, httplib::DataSink &sink) {
                for (int i = 0; i < 4 && !stop; ++i)
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                if (stop || sent > 2000)
                    return false;
                ++sent;
                return sink.write(sent == 1 ? "[" : " ", 1);
            });
        });
        QVERIFY(server.start());
        auto c = config(server.url());
        c.requestTimeout = std::chrono::milliseconds(1500);
        c.retry.maxRetries = 0;
        hub::HubClient client(c);
        hub::TreeQuery q;
        q.revision = kCommit;
        auto r = client.tree(evilRepo(), q);
        stop = true;
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, hub::ErrorCode::Timeout);
        QVERIFY(sent < 2000); // the call ended long before the server would have
        server.stop();
    }
};

QTEST_GUILESS_MAIN(TestHostileHub)
#include "test_hostile_hub.moc"
