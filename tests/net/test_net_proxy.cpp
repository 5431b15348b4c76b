// Proxies, through real proxies the test starts on 127.0.0.1: the test's own CONNECT proxy
// (testproxy.h: it records what it can read) and Debian's tinyproxy with Basic authentication.
// HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY and the proxy of the config; downloads and
// uploads through them; a proxy that wants a password, one that refuses, one that is not there.
// HTTPS always goes through CONNECT, so a proxy never reads the token; a proxy password never
// appears in an error or in the engine's files.

#include "net/testproxy.h"
#include "net_fixture.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace nettest;
using hub::ErrorCode;
using hub::JobState;
namespace demo = hub::sandbox::demo;

namespace {

constexpr const char *kProxyUser = "hubdesk";
constexpr const char *kProxyPassword = "pr0xy-s3cret";

std::string allFilesUnder(const fs::path &dir)
{
    std::string all;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator(); ++it) {
        if (it->is_regular_file())
            all += transfertest::readFile(it->path());
    }
    return all;
}

int freePort()
{
    const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(s, reinterpret_cast<sockaddr *>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(s, reinterpret_cast<sockaddr *>(&a), &len);
    ::close(s);
    return ntohs(a.sin_port);
}

} // namespace

class TestNetProxy final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ca = std::make_unique<TestCa>(fs::path(m_dir.path().toStdString()) / "pki", "company");
        m_tls = startTlsSandbox(m_ca->issue("hub"));
        m_plain = transfertest::startSandbox();
    }

    void https_goesThroughConnectAndTheProxyNeverReadsTheToken()
    {
        TestProxy proxy;
        hub::ClientConfig c = tlsConfig(*m_tls, m_ca->caFile(), demo::kDemoOwnerToken);
        c.proxy = proxy.url(); // what Settings → Network → Proxy sets
        hub::HubClient client(c);
        auto who = client.whoami();
        QVERIFY2(who.ok(), who ? "" : who.error().describe().c_str());
        QVERIFY(proxy.tunnels() >= 1);
        for (const auto &line : proxy.requestLines())
            QVERIFY2(line.starts_with("CONNECT 127.0.0.1:" + std::to_string(m_tls->port()) + " "), line.c_str());
        QVERIFY(!contains(proxy.seen(), demo::kDemoOwnerToken));
        QVERIFY(!contains(proxy.seen(), "Authorization"));
        QVERIFY(!contains(proxy.seen(), "/api/whoami"));
    }

    void engine_downloadAndUploadThroughHttpsProxyFromTheEnvironment()
    {
        TestProxy proxy;
        ScopedEnv env({{"HTTPS_PROXY", proxy.url()},
                       {"https_proxy", ""},
                       {"ALL_PROXY", ""},
                       {"NO_PROXY", ""},
                       {"no_proxy", ""},
                       {"CURL_CA_BUNDLE", m_ca->caFile().string()}});
        hub::ClientConfig fromEnv = hub::ClientConfig::fromEnvironment();
        QCOMPARE(fromEnv.proxy, proxy.url());
        QTemporaryDir dir;
        hub::EngineOptions o = transfertest::engineOptions(*m_tls, dir, demo::kDemoOwnerToken);
        o.clientConfig.proxy = fromEnv.proxy;
        o.clientConfig.caBundle = fromEnv.caBundle;
        hub::TransferEngine engine(o);
        const auto r = transfertest::repo(demo::kWordDetector);
        const auto d = transfertest::waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {}, {}}).value());
        QVERIFY2(d.state == JobState::Done, d.error ? d.error->describe().c_str() : "");
        hub::HubClient client(o.clientConfig);
        QString why;
        QVERIFY2(transfertest::snapshotMatchesHub(client, r, d, &why), qPrintable(why));

        const hub::RepoRef target{hub::RepoType::Model, hub::RepoId::parse("PellelNitram/proxy-upload").value()};
        QVERIFY(client.createRepo(target).ok());
        const fs::path src = fs::path(dir.path().toStdString()) / "src";
        transfertest::writeFile(src / "weights.bin", pseudoRandom(600 * 1024, 3)); // LFS, multipart
        transfertest::writeFile(src / "notes.txt", "through the proxy\n");
        hub::UploadRequest up;
        up.repo = target;
        up.sources = {{src, ""}};
        up.message = "Upload through a proxy";
        const auto u = transfertest::waitDone(engine, engine.submit(up).value());
        QVERIFY2(u.state == JobState::Done, u.error ? u.error->describe().c_str() : "");
        QCOMPARE(m_tls->branchHead("model", target.id.str(), "main").value(), u.result.commit);

        // API, storage redirects (blob host "localhost") and uploads: all tunnels.
        bool sawBlobHost = false;
        for (const auto &line : proxy.requestLines()) {
            QVERIFY2(line.starts_with("CONNECT "), line.c_str());
            sawBlobHost = sawBlobHost || line.starts_with("CONNECT localhost:");
        }
        QVERIFY(sawBlobHost);
        QVERIFY(!contains(proxy.seen(), demo::kDemoOwnerToken));
        QVERIFY(!contains(proxy.seen(), "weights.bin"));
    }

    void plainHttp_httpProxyAllProxyAndNoProxy()
    {
        const auto r = transfertest::repo(demo::kWordDetector);
        {
            // HTTP_PROXY for http:// addresses: an anonymous request in absolute form...
            TestProxy proxy;
            ScopedEnv env({{"HTTP_PROXY", proxy.url()},
                           {"http_proxy", ""},
                           {"ALL_PROXY", ""},
                           {"NO_PROXY", ""},
                           {"no_proxy", ""}});
            hub::ClientConfig c = hub::ClientConfig::fromEnvironment();
            QCOMPARE(c.httpProxy, proxy.url());
            c.endpoint = m_plain->baseUrl();
            c.token.clear();
            QVERIFY(hub::HubClient(c).repoInfo(r).ok());
            QVERIFY(!proxy.requestLines().empty());
            QVERIFY2(proxy.requestLines().front().starts_with("GET " + m_plain->baseUrl() + "/api/models/"),
                     proxy.requestLines().front().c_str());
            // ... but a request carrying the token is tunnelled: the proxy gets no Authorization.
            c.token = demo::kDemoOwnerToken;
            QVERIFY(hub::HubClient(c).whoami().ok());
            QVERIFY2(proxy.requestLines().back().starts_with("CONNECT 127.0.0.1:"),
                     proxy.requestLines().back().c_str());
            for (const auto &line : proxy.requestLines())
                QVERIFY(!contains(line, demo::kDemoOwnerToken));
        }
        {
            // ALL_PROXY serves both schemes.
            TestProxy proxy;
            ScopedEnv env({{"ALL_PROXY", proxy.url()},
                           {"HTTP_PROXY", ""},
                           {"http_proxy", ""},
                           {"HTTPS_PROXY", ""},
                           {"https_proxy", ""},
                           {"NO_PROXY", ""},
                           {"no_proxy", ""}});
            hub::ClientConfig c = hub::ClientConfig::fromEnvironment();
            QCOMPARE(c.proxy, proxy.url());
            QCOMPARE(c.httpProxy, proxy.url());
            c.endpoint = m_tls->baseUrl();
            c.caBundle = m_ca->caFile().string();
            c.token.clear();
            QVERIFY(hub::HubClient(c).repoInfo(r).ok());
            QCOMPARE(proxy.tunnels(), 1);
        }
        {
            // NO_PROXY: the listed hosts bypass a proxy that would refuse everything.
            TestProxy refusing({{}, {}, 403});
            ScopedEnv env({{"HTTPS_PROXY", refusing.url()},
                           {"HTTP_PROXY", refusing.url()},
                           {"NO_PROXY", "localhost,127.0.0.1"},
                           {"no_proxy", ""}});
            hub::ClientConfig c = hub::ClientConfig::fromEnvironment();
            QCOMPARE(c.noProxy, std::string("localhost,127.0.0.1"));
            c.endpoint = m_tls->baseUrl();
            c.caBundle = m_ca->caFile().string();
            c.token.clear();
            hub::HubClient client(c);
            QVERIFY(client.repoInfo(r).ok());
            auto small = client.fetchSmallFile(r, "main", "config.json");
            QVERIFY2(small.ok(), small ? "" : small.error().describe().c_str());
            QCOMPARE(refusing.connections(), 0);
        }
    }

    void proxyWithPassword_worksAndThePasswordNeverShows()
    {
        TestProxy proxy({kProxyUser, kProxyPassword, 0});
        const auto r = transfertest::repo(demo::kWordDetector);
        hub::ClientConfig c = tlsConfig(*m_tls, m_ca->caFile(), demo::kDemoOwnerToken);
        c.proxy = proxy.url(true);
        QVERIFY(hub::HubClient(c).whoami().ok());

        // Without the password: one 407, a sentence naming the proxy and what to do.
        TestProxy strict({kProxyUser, kProxyPassword, 0});
        c.proxy = strict.url();
        auto refused = hub::HubClient(c).repoInfo(r);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Proxy);
        QCOMPARE(refused.error().subject, strict.hostPort());
        QVERIFY2(contains(refused.error().message, strict.hostPort()), refused.error().message.c_str());
        QVERIFY2(contains(refused.error().message, "user name and password"), refused.error().message.c_str());
        // The example of what to write survives redaction (it has no scheme, so it is no URL).
        QVERIFY2(contains(refused.error().message, "user:password@" + strict.hostPort()),
                 refused.error().message.c_str());
        QCOMPARE(strict.connections(), 1);

        // A wrong password: the same, and neither password appears anywhere.
        TestProxy wrong({kProxyUser, "another-password", 0});
        c.proxy = "http://" + std::string(kProxyUser) + ":" + kProxyPassword + "@" + wrong.hostPort();
        QTemporaryDir dir;
        hub::EngineOptions o = transfertest::engineOptions(*m_tls, dir, demo::kDemoOwnerToken);
        o.clientConfig = c;
        hub::TransferEngine engine(o);
        const auto d = transfertest::waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {}, {}}).value());
        QCOMPARE(d.state, JobState::Failed);
        QVERIFY(d.error);
        QCOMPARE(d.error->code, ErrorCode::Proxy);
        QVERIFY2(contains(d.error->message, wrong.hostPort()), d.error->message.c_str());
        QVERIFY(!contains(d.error->describe(), kProxyPassword));
        QVERIFY(!contains(d.error->describe(), demo::kDemoOwnerToken));
        QCOMPARE(wrong.connections(), 1);
        // The engine's journal (its only files) never holds the proxy password either.
        QVERIFY(!contains(allFilesUnder(o.stateDir), kProxyPassword));
    }

    void refusingProxy_failsOnceNamingIt()
    {
        TestProxy refusing({{}, {}, 403});
        hub::ClientConfig c = tlsConfig(*m_tls, m_ca->caFile(), demo::kDemoOwnerToken);
        c.proxy = "http://someone:" + std::string(kProxyPassword) + "@" + refusing.hostPort();
        auto info = hub::HubClient(c).repoInfo(transfertest::repo(demo::kWordDetector));
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, ErrorCode::Proxy);
        QCOMPARE(info.error().httpStatus, 403);
        QVERIFY2(
            contains(info.error().message, "The proxy " + refusing.hostPort() + " refused to connect to 127.0.0.1"),
            info.error().message.c_str());
        QVERIFY(!contains(info.error().describe(), kProxyPassword));
        QCOMPARE(refusing.connections(), 1);

        // An upload through it stops before sending anything.
        QTemporaryDir dir;
        hub::EngineOptions o = transfertest::engineOptions(*m_tls, dir, demo::kDemoOwnerToken);
        o.clientConfig = c;
        hub::TransferEngine engine(o);
        const fs::path src = fs::path(dir.path().toStdString()) / "src";
        transfertest::writeFile(src / "a.txt", "a\n");
        hub::UploadRequest up;
        up.repo = transfertest::repo(demo::kWordDetector);
        up.sources = {{src, ""}};
        up.message = "never sent";
        const auto u = transfertest::waitDone(engine, engine.submit(up).value());
        QCOMPARE(u.state, JobState::Failed);
        QCOMPARE(u.error->code, ErrorCode::Proxy);
        QVERIFY(!contains(u.error->describe(), kProxyPassword));
    }

    void absentProxy_saysItCannotBeReached()
    {
        const int port = freePort();
        hub::ClientConfig c = tlsConfig(*m_tls, m_ca->caFile());
        c.proxy = "http://user:" + std::string(kProxyPassword) + "@127.0.0.1:" + std::to_string(port);
        auto info = hub::HubClient(c).repoInfo(transfertest::repo(demo::kWordDetector));
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, ErrorCode::Proxy);
        QVERIFY2(contains(info.error().message, "127.0.0.1:" + std::to_string(port)), info.error().message.c_str());
        QVERIFY(!contains(info.error().describe(), kProxyPassword));
    }

    void tinyproxy_withBasicAuthCarriesDownloadAndUpload()
    {
        const QString program = QStandardPaths::findExecutable(QStringLiteral("tinyproxy"), {"/usr/bin", "/usr/sbin"});
        QVERIFY2(!program.isEmpty(), "tinyproxy is missing: run packaging/install-deps.sh --test");
        const QDir root(m_dir.filePath(QStringLiteral("tinyproxy")));
        QDir().mkpath(root.path());
        const int port = freePort();
        const QString log = root.filePath(QStringLiteral("tinyproxy.log"));
        const std::string conf = "Port " + std::to_string(port) +
                                 "\nListen 127.0.0.1\nTimeout 60\nMaxClients 20\nAllow 127.0.0.1\n"
                                 "BasicAuth " +
                                 kProxyUser + " " + kProxyPassword + "\nLogFile \"" + log.toStdString() +
                                 "\"\nLogLevel Info\nDisableViaHeader Yes\n";
        const fs::path confFile = root.filePath(QStringLiteral("tinyproxy.conf")).toStdString();
        transfertest::writeFile(confFile, conf);
        QProcess tiny;
        tiny.start(program, {QStringLiteral("-d"), QStringLiteral("-c"), QString::fromStdString(confFile.string())});
        QVERIFY(tiny.waitForStarted());
        // Wait (bounded) until it listens.
        bool up = false;
        for (int i = 0; i < 100 && !up; ++i) {
            const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            sockaddr_in a{};
            a.sin_family = AF_INET;
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            a.sin_port = htons(static_cast<uint16_t>(port));
            up = ::connect(s, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
            ::close(s);
            if (!up)
                QTest::qWait(50);
        }
        QVERIFY2(up, tiny.readAllStandardError().constData());

        const std::string proxy =
            "http://" + std::string(kProxyUser) + ":" + kProxyPassword + "@127.0.0.1:" + std::to_string(port);
        QTemporaryDir dir;
        hub::EngineOptions o = tlsEngineOptions(*m_tls, dir, m_ca->caFile(), demo::kDemoOwnerToken);
        o.clientConfig.proxy = proxy;
        hub::TransferEngine engine(o);
        const auto r = transfertest::repo(demo::kWordDetector);
        const auto d = transfertest::waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {}, {}}).value());
        QVERIFY2(d.state == JobState::Done, d.error ? d.error->describe().c_str() : "");
        const hub::RepoRef target{hub::RepoType::Model, hub::RepoId::parse("PellelNitram/tinyproxy-upload").value()};
        hub::HubClient client(o.clientConfig);
        QVERIFY(client.createRepo(target).ok());
        const fs::path src = fs::path(dir.path().toStdString()) / "src";
        transfertest::writeFile(src / "weights.bin", pseudoRandom(400 * 1024, 11));
        hub::UploadRequest upReq;
        upReq.repo = target;
        upReq.sources = {{src, ""}};
        upReq.message = "via tinyproxy";
        const auto u = transfertest::waitDone(engine, engine.submit(upReq).value());
        QVERIFY2(u.state == JobState::Done, u.error ? u.error->describe().c_str() : "");

        // tinyproxy logged tunnels only, and nothing of the token.
        const std::string logged = transfertest::readFile(log.toStdString());
        QVERIFY2(contains(logged, "CONNECT"), logged.c_str());
        QVERIFY(!contains(logged, demo::kDemoOwnerToken));

        // Without the password tinyproxy answers 407: a Proxy error naming it.
        hub::ClientConfig anonymous = o.clientConfig;
        anonymous.proxy = "http://127.0.0.1:" + std::to_string(port);
        auto refused = hub::HubClient(anonymous).repoInfo(r);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Proxy);
        QVERIFY2(contains(refused.error().message, "127.0.0.1:" + std::to_string(port)),
                 refused.error().message.c_str());
        tiny.terminate();
        QVERIFY(tiny.waitForFinished(10000));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestCa> m_ca;
    std::unique_ptr<hub::sandbox::Server> m_tls;
    std::unique_ptr<hub::sandbox::Server> m_plain;
};

QTEST_GUILESS_MAIN(TestNetProxy)
#include "test_net_proxy.moc"
