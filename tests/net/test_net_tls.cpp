// HTTPS end to end: the sandbox serves TLS with a certificate from a throw-away CA made at test
// time; the Hub client and the transfer engine (a download and an upload) trust it through
// ClientConfig::caBundle or SSL_CERT_FILE / CURL_CA_BUNDLE / REQUESTS_CA_BUNDLE. An untrusted,
// expired or wrongly named certificate fails once, with ErrorCode::Certificate and a sentence that
// names the host and says what to do; nothing can switch verification off.

#include "net_fixture.h"

#include <QProcess>
#include <QTest>

using namespace nettest;
using hub::ErrorCode;
using hub::JobState;
namespace demo = hub::sandbox::demo;

class TestNetTls final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const fs::path pki = fs::path(m_dir.path().toStdString()) / "pki";
        m_company = std::make_unique<TestCa>(pki, "company");
        m_stranger = std::make_unique<TestCa>(pki, "stranger");
        m_good = m_company->issue("good");
        m_server = startTlsSandbox(m_good);
    }

    void client_trustsTheCaBundleFromTheConfig()
    {
        hub::HubClient client(tlsConfig(*m_server, m_company->caFile(), demo::kDemoOwnerToken));
        QVERIFY(m_server->baseUrl().starts_with("https://127.0.0.1:"));
        auto info = client.repoInfo(transfertest::repo(demo::kWordDetector));
        QVERIFY2(info.ok(), info ? "" : info.error().describe().c_str());
        auto who = client.whoami();
        QVERIFY2(who.ok(), who ? "" : who.error().describe().c_str());
        QCOMPARE(who->name, std::string(demo::kDemoOwnerUser));
    }

    void client_trustsEachCaBundleVariableOfTheEnvironment()
    {
        for (const char *var : {"SSL_CERT_FILE", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE"}) {
            ScopedEnv clean({{"SSL_CERT_FILE", ""}, {"CURL_CA_BUNDLE", ""}, {"REQUESTS_CA_BUNDLE", ""}});
            ScopedEnv set({{var, m_company->caFile().string()}});
            hub::ClientConfig c = hub::ClientConfig::fromEnvironment();
            QCOMPARE(c.caBundle, m_company->caFile().string());
            c.endpoint = m_server->baseUrl();
            c.token.clear();
            hub::HubClient client(c);
            auto info = client.repoInfo(transfertest::repo(demo::kWordDetector));
            QVERIFY2(info.ok(), (std::string(var) + ": " + (info ? "" : info.error().describe())).c_str());
        }
    }

    void engine_downloadsAndUploadsOverHttps()
    {
        QTemporaryDir dir;
        hub::EngineOptions o = tlsEngineOptions(*m_server, dir, m_company->caFile(), demo::kDemoOwnerToken);
        hub::TransferEngine engine(o);
        const auto r = transfertest::repo(demo::kWordDetector);
        const auto d = transfertest::waitDone(engine, engine.submit(hub::DownloadRequest{r, "main", {}, {}}).value());
        QVERIFY2(d.state == JobState::Done, d.error ? d.error->describe().c_str() : "");
        hub::HubClient client(o.clientConfig);
        QString why;
        QVERIFY2(transfertest::snapshotMatchesHub(client, r, d, &why), qPrintable(why));
        QVERIFY(!m_server->blobHostSawAuthorization());

        // An upload: an LFS file big enough for multipart, and a small text file.
        const hub::RepoRef target{hub::RepoType::Model, hub::RepoId::parse("PellelNitram/tls-upload").value()};
        QVERIFY(client.createRepo(target).ok());
        const fs::path src = fs::path(dir.path().toStdString()) / "src";
        transfertest::writeFile(src / "weights.bin", pseudoRandom(600 * 1024, 7));
        transfertest::writeFile(src / "README.md", "# Over TLS\n");
        hub::UploadRequest up;
        up.repo = target;
        up.sources = {{src, ""}};
        up.message = "Upload over HTTPS";
        const auto u = transfertest::waitDone(engine, engine.submit(up).value());
        QVERIFY2(u.state == JobState::Done, u.error ? u.error->describe().c_str() : "");
        QCOMPARE(m_server->branchHead("model", target.id.str(), "main").value(), u.result.commit);
        auto back = client.fetchSmallFile(target, "main", "README.md");
        QVERIFY(back.ok());
        QCOMPARE(*back, std::string("# Over TLS\n"));
    }

    void certificate_untrustedCaFailsOnceAndSaysWhatToDo()
    {
        auto server = startTlsSandbox(m_stranger->issue("untrusted"));
        // With the company CA configured, and with nothing but the system store.
        for (const fs::path &bundle : {m_company->caFile(), fs::path()}) {
            const uint64_t before = server->tlsHandshakes();
            hub::HubClient client(tlsConfig(*server, bundle, demo::kDemoOwnerToken));
            auto info = client.repoInfo(transfertest::repo(demo::kWordDetector));
            QVERIFY(!info.ok());
            const hub::HubError &e = info.error();
            QCOMPARE(e.code, ErrorCode::Certificate);
            QCOMPARE(e.subject, std::string("127.0.0.1"));
            QVERIFY2(contains(e.message, "127.0.0.1"), e.message.c_str());
            QVERIFY2(contains(e.message, "not from an authority this computer trusts"), e.message.c_str());
            QVERIFY2(contains(e.message, "install its certificate"), e.message.c_str());
            QVERIFY2(contains(e.message, "Settings"), e.message.c_str());
            QVERIFY2(contains(e.message, "CA bundle"), e.message.c_str());
            QVERIFY(!contains(e.describe(), demo::kDemoOwnerToken));
            // One attempt, no retry loop (the policy retries network errors 5 times).
            QCOMPARE(server->tlsHandshakes() - before, uint64_t{1});
            QCOMPARE(server->requestCount(), uint64_t{0});
        }
    }

    void certificate_expiredFailsOnceAndSaysSo()
    {
        auto server = startTlsSandbox(m_company->issue("expired", kSans, -30L * 86400, -86400));
        hub::HubClient client(tlsConfig(*server, m_company->caFile()));
        auto info = client.repoInfo(transfertest::repo(demo::kWordDetector));
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, ErrorCode::Certificate);
        QVERIFY2(contains(info.error().message, "127.0.0.1"), info.error().message.c_str());
        QVERIFY2(contains(info.error().message, "expired"), info.error().message.c_str());
        QVERIFY2(contains(info.error().message, "date and time"), info.error().message.c_str());
        QCOMPARE(server->tlsHandshakes(), uint64_t{1});
        QCOMPARE(server->requestCount(), uint64_t{0});
    }

    void certificate_otherHostNameFailsOnceAndSaysSo()
    {
        auto server = startTlsSandbox(m_company->issue("otherhost", "DNS:hub.example.org"));
        hub::HubClient client(tlsConfig(*server, m_company->caFile()));
        auto info = client.repoInfo(transfertest::repo(demo::kWordDetector));
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, ErrorCode::Certificate);
        QVERIFY2(contains(info.error().message, "127.0.0.1"), info.error().message.c_str());
        QVERIFY2(contains(info.error().message, "made for another host name"), info.error().message.c_str());
        QCOMPARE(server->tlsHandshakes(), uint64_t{1});
        QCOMPARE(server->requestCount(), uint64_t{0});
    }

    void engine_certificateFailureEndsTheJobAtOnce()
    {
        auto server = startTlsSandbox(m_stranger->issue("untrusted-engine"));
        QTemporaryDir dir;
        hub::TransferEngine engine(tlsEngineOptions(*server, dir, m_company->caFile()));
        const auto d = transfertest::waitDone(
            engine,
            engine.submit(hub::DownloadRequest{transfertest::repo(demo::kWordDetector), "main", {}, {}}).value());
        QCOMPARE(d.state, JobState::Failed);
        QVERIFY(d.error);
        QCOMPARE(d.error->code, ErrorCode::Certificate);
        QVERIFY2(contains(d.error->message, "127.0.0.1"), d.error->message.c_str());
        QCOMPARE(server->tlsHandshakes(), uint64_t{1});
    }

    void verification_cannotBeSwitchedOff()
    {
        auto server = startTlsSandbox(m_stranger->issue("untrusted-env"));
        // requests treats an empty CURL_CA_BUNDLE / REQUESTS_CA_BUNDLE as "do not verify"; we do not.
        {
            ScopedEnv env({{"CURL_CA_BUNDLE", ""},
                           {"REQUESTS_CA_BUNDLE", ""},
                           {"SSL_CERT_FILE", ""},
                           {"HF_HUB_DISABLE_SSL_VERIFICATION", "1"},
                           {"PYTHONHTTPSVERIFY", "0"},
                           {"NODE_TLS_REJECT_UNAUTHORIZED", "0"}});
            hub::ClientConfig c = hub::ClientConfig::fromEnvironment();
            QVERIFY(c.caBundle.empty());
            c.endpoint = server->baseUrl();
            hub::HubClient client(c);
            auto info = client.repoInfo(transfertest::repo(demo::kWordDetector));
            QVERIFY(!info.ok());
            QCOMPARE(info.error().code, ErrorCode::Certificate);
        }
        // A CA bundle that cannot be read is an error naming the file, never "no verification".
        const std::string missing = (fs::path(m_dir.path().toStdString()) / "no-such-bundle.pem").string();
        hub::HubClient client(tlsConfig(*m_server, missing));
        auto info = client.repoInfo(transfertest::repo(demo::kWordDetector));
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, ErrorCode::Certificate);
        QVERIFY2(contains(info.error().message, missing), info.error().message.c_str());
    }

    void sandboxProgram_servesHttpsWithTlsCertAndKey()
    {
        QProcess p;
        p.setProgram(QStringLiteral(HUBDESK_SANDBOX_PATH));
        p.setArguments({QStringLiteral("--demo"), QStringLiteral("--demo-lfs-scale"), QStringLiteral("64"),
                        QStringLiteral("--tls-cert"), QString::fromStdString(m_good.cert.string()),
                        QStringLiteral("--tls-key"), QString::fromStdString(m_good.key.string())});
        p.start();
        QVERIFY(p.waitForStarted());
        QByteArray line;
        while (!line.contains('\n') && p.waitForReadyRead(30000))
            line += p.readAllStandardOutput();
        const std::string base = QString::fromUtf8(line).trimmed().toStdString();
        QVERIFY2(base.starts_with("https://127.0.0.1:"), base.c_str());
        hub::ClientConfig c;
        c.endpoint = base;
        c.caBundle = m_company->caFile().string();
        hub::HubClient client(c);
        auto info = client.repoInfo(transfertest::repo(demo::kWordDetector));
        QVERIFY2(info.ok(), info ? "" : info.error().describe().c_str());
        p.terminate();
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);

        // Only one of the two is a usage error.
        QProcess half;
        half.start(QStringLiteral(HUBDESK_SANDBOX_PATH),
                   {QStringLiteral("--tls-cert"), QString::fromStdString(m_good.cert.string())});
        QVERIFY(half.waitForFinished(10000));
        QCOMPARE(half.exitCode(), 2);
        QVERIFY(half.readAllStandardError().contains("--tls-key"));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestCa> m_company;
    std::unique_ptr<TestCa> m_stranger;
    TestCa::ServerFiles m_good;
    std::unique_ptr<hub::sandbox::Server> m_server;
};

QTEST_GUILESS_MAIN(TestNetTls)
#include "test_net_tls.moc"
