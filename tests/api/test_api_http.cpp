// HTTP behaviour of the Hub client against a tiny in-test server on 127.0.0.1: retries and
// backoff, Retry-After/RateLimit, redirects (token kept on the same origin, dropped on another),
// stalled servers, body limits, malformed answers and error messages.

#include "hub/api/client.h"
#include "hub/api/http.h"
#include "hub/api/parse.h"
#include "sleeprecorder.h"
#include "testserver.h"

#include <QTest>

#include <atomic>
#include <condition_variable>

using namespace hub;
using hubtest::SleepRecorder;
using hubtest::TestServer;

namespace {

const char *kToken = "hf_testTokenThatMustNotLeak123";

ClientConfig configFor(const TestServer &server)
{
    ClientConfig c;
    c.endpoint = server.url();
    c.token = kToken;
    c.userAgent = "HubDesk/test";
    c.connectTimeout = std::chrono::milliseconds(5000);
    c.lowSpeedTime = std::chrono::seconds(10);
    return c;
}

RepoRef modelRef(const char *id)
{
    return RepoRef{RepoType::Model, RepoId::parse(id).value()};
}

const std::string kInfoBody = R"J({"_id":"x","id":"acme/tiny","sha":"ae329b6937f31305a0d6c6779f6cd4072cc4097e"})J";

} // namespace

class TestApiHttp final : public QObject {
    Q_OBJECT

private slots:
    void retries_serverErrorsWithBackoffThenSucceeds()
    {
        TestServer server;
        std::atomic<int> hits{0};
        server.http().Get("/api/models/acme/tiny", [&](const httplib::Request &, httplib::Response &res) {
            if (++hits <= 2) {
                res.status = 503;
                return;
            }
            res.set_content(kInfoBody, "application/json");
        });
        QVERIFY(server.start());
        HubClient client(configFor(server));
        SleepRecorder sleeps;
        client.http().setSleepFunction(sleeps.fn());
        auto info = client.repoInfo(modelRef("acme/tiny"));
        QVERIFY2(info.ok(), info.ok() ? "" : info.error().describe().c_str());
        QCOMPARE(info->sha, std::string("ae329b6937f31305a0d6c6779f6cd4072cc4097e"));
        QCOMPARE(hits.load(), 3);
        QCOMPARE(sleeps.total(), std::chrono::milliseconds(1000 + 2000)); // 1 s then 2 s
    }

    void retries_giveUpAfterMaxRetriesWithPlainMessage()
    {
        TestServer server;
        std::atomic<int> hits{0};
        server.http().Get("/api/models/acme/tiny", [&](const httplib::Request &, httplib::Response &res) {
            ++hits;
            res.status = 502;
            res.set_content("<html>bad gateway</html>", "text/html");
        });
        QVERIFY(server.start());
        ClientConfig cfg = configFor(server);
        cfg.retry.maxRetries = 3;
        HubClient client(cfg);
        SleepRecorder sleeps;
        client.http().setSleepFunction(sleeps.fn());
        auto info = client.repoInfo(modelRef("acme/tiny"));
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, ErrorCode::ServerError);
        QCOMPARE(info.error().httpStatus, 502);
        QCOMPARE(hits.load(), 4);
        QCOMPARE(sleeps.total(), std::chrono::milliseconds(1000 + 2000 + 4000));
        QVERIFY(info.error().message.find("try again") != std::string::npos);
    }

    void retries_honourRetryAfterAndRateLimitHeaders()
    {
        TestServer server;
        std::atomic<int> hits{0};
        server.http().Get("/api/models/acme/tiny", [&](const httplib::Request &, httplib::Response &res) {
            const int n = ++hits;
            if (n == 1) {
                res.status = 429;
                res.set_header("Retry-After", "3");
            } else if (n == 2) {
                res.status = 429;
                res.set_header("RateLimit", "\"api\";r=0;t=5");
                res.set_header("RateLimit-Policy", "\"fixed window\";\"api\";q=10;w=300");
                res.set_header("Retry-After", "99"); // RateLimit wins, like huggingface_hub
            } else {
                res.set_content(kInfoBody, "application/json");
            }
        });
        QVERIFY(server.start());
        HubClient client(configFor(server));
        SleepRecorder sleeps;
        client.http().setSleepFunction(sleeps.fn());
        QVERIFY(client.repoInfo(modelRef("acme/tiny")).ok());
        QCOMPARE(hits.load(), 3);
        QCOMPARE(sleeps.total(), std::chrono::milliseconds(3000 + 6000)); // Retry-After 3, then t+1
    }

    void retries_longServerWaitIsReportedNotSlept()
    {
        TestServer server;
        std::atomic<int> hits{0};
        server.http().Get("/api/models/acme/tiny", [&](const httplib::Request &, httplib::Response &res) {
            ++hits;
            res.status = 429;
            res.set_header("RateLimit", "\"api\";r=0;t=250");
        });
        QVERIFY(server.start());
        HubClient client(configFor(server));
        SleepRecorder sleeps;
        client.http().setSleepFunction(sleeps.fn());
        auto info = client.repoInfo(modelRef("acme/tiny"));
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, ErrorCode::RateLimited);
        QCOMPARE(info.error().retryAfterSeconds, 251);
        QVERIFY(info.error().message.find("251 seconds") != std::string::npos);
        QCOMPARE(hits.load(), 1);
        QVERIFY(sleeps.waits->empty());
    }

    void retries_neverRepeatACommitPost()
    {
        TestServer server;
        std::atomic<int> hits{0};
        server.http().Post("/api/models/acme/tiny/commit/main", [&](const httplib::Request &, httplib::Response &res) {
            ++hits;
            res.status = 503;
        });
        QVERIFY(server.start());
        HubClient client(configFor(server));
        SleepRecorder sleeps;
        client.http().setSleepFunction(sleeps.fn());
        CommitRequest req;
        req.summary = "Add file";
        req.operations.push_back(CommitOperation::addFile("a.txt", "hello"));
        auto r = client.commit(modelRef("acme/tiny"), req);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::ServerError);
        QCOMPARE(hits.load(), 1);
    }

    void retries_networkErrorsOnIdempotentCalls()
    {
        // a port where nobody listens: connection refused, retried, then a plain Network error
        TestServer probe;
        QVERIFY(probe.start());
        const std::string deadUrl = probe.url();
        probe.stop();
        ClientConfig cfg;
        cfg.endpoint = deadUrl;
        cfg.retry.maxRetries = 2;
        HubClient client(cfg);
        SleepRecorder sleeps;
        client.http().setSleepFunction(sleeps.fn());
        auto info = client.repoInfo(modelRef("acme/tiny"));
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, ErrorCode::Network);
        QCOMPARE(sleeps.total(), std::chrono::milliseconds(1000 + 2000));
        QVERIFY(info.error().message.find("check your network") != std::string::npos);
    }

    void redirects_relativeKeepsTokenCrossHostDropsIt()
    {
        TestServer hub;
        TestServer cdn;
        std::mutex mu;
        std::vector<std::string> hubAuth, cdnAuth;
        hub.http().Get("/acme/tiny/resolve/main/config.json", [&](const httplib::Request &req, httplib::Response &res) {
            std::lock_guard l(mu);
            hubAuth.push_back(req.get_header_value("Authorization"));
            res.status = 307;
            res.set_header("Location", "/api/resolve-cache/models/acme/tiny/abc/config.json?etag=x");
        });
        hub.http().Get("/api/resolve-cache/models/acme/tiny/abc/config.json",
                       [&](const httplib::Request &req, httplib::Response &res) {
                           std::lock_guard l(mu);
                           hubAuth.push_back(req.get_header_value("Authorization"));
                           res.set_content("{\"small\":true}", "application/json");
                       });
        hub.http().Get("/acme/tiny/resolve/main/model.bin", [&](const httplib::Request &req, httplib::Response &res) {
            std::lock_guard l(mu);
            hubAuth.push_back(req.get_header_value("Authorization"));
            res.status = 302;
            res.set_header("Location", cdn.url() + "/blobs/sha?Signature=secret123&Expires=1");
            res.set_header("X-Linked-Size", "11");
        });
        cdn.http().Get("/blobs/sha", [&](const httplib::Request &req, httplib::Response &res) {
            std::lock_guard l(mu);
            cdnAuth.push_back(req.get_header_value("Authorization"));
            res.set_content("lfs-content", "application/octet-stream");
        });
        QVERIFY(hub.start());
        QVERIFY(cdn.start());
        HubClient client(configFor(hub));

        auto small = client.fetchSmallFile(modelRef("acme/tiny"), "main", "config.json");
        QVERIFY2(small.ok(), small.ok() ? "" : small.error().describe().c_str());
        QCOMPARE(*small, std::string("{\"small\":true}"));
        auto lfs = client.fetchSmallFile(modelRef("acme/tiny"), "main", "model.bin");
        QVERIFY(lfs.ok());
        QCOMPARE(*lfs, std::string("lfs-content"));

        std::lock_guard l(mu);
        QCOMPARE(hubAuth.size(), size_t(3));
        for (const auto &a : hubAuth)
            QCOMPARE(a, std::string("Bearer ") + kToken); // same origin: token kept across the 307
        QCOMPARE(cdnAuth.size(), size_t(1));
        QCOMPARE(cdnAuth[0], std::string()); // another port = another origin: no token
    }

    void redirects_sameHostOtherNameDropsToken()
    {
        TestServer server;
        std::mutex mu;
        std::vector<std::string> auth;
        server.http().Get("/acme/tiny/resolve/main/w.bin", [&](const httplib::Request &req, httplib::Response &res) {
            std::lock_guard l(mu);
            auth.push_back(req.get_header_value("Authorization"));
            res.status = 302;
            res.set_header("Location", server.localhostUrl() + "/blob?sig=1");
        });
        server.http().Get("/blob", [&](const httplib::Request &req, httplib::Response &res) {
            std::lock_guard l(mu);
            auth.push_back(req.get_header_value("Authorization"));
            res.set_content("x", "application/octet-stream");
        });
        QVERIFY(server.start());
        HubClient client(configFor(server));
        QVERIFY(client.fetchSmallFile(modelRef("acme/tiny"), "main", "w.bin").ok());
        QCOMPARE(auth.size(), size_t(2));
        QVERIFY(!auth[0].empty());
        QVERIFY(auth[1].empty());
    }

    void redirects_loopIsAnErrorNotAHang()
    {
        TestServer server;
        server.http().Get("/loop", [&](const httplib::Request &, httplib::Response &res) {
            res.status = 302;
            res.set_header("Location", "/loop");
        });
        QVERIFY(server.start());
        HttpClient http(configFor(server));
        HttpRequest req;
        req.url = server.url() + "/loop";
        auto r = http.send(req);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::BadResponse);
    }

    void fileMetadata_readsRecordedResolveHeaders()
    {
        // the recorded real-Hub answers: a 307 into the resolve cache (regular file) and a 302 to
        // the CDN with X-Linked-* (LFS file)
        TestServer server;
        server.http().Get(
            "/wzshiming/gpt2/resolve/main/config.json", [&](const httplib::Request &, httplib::Response &res) {
                res.status = 307;
                res.set_header("Location",
                               "/api/resolve-cache/models/wzshiming/gpt2/ae329b6937f31305a0d6c6779f6cd4072cc4097e/"
                               "config.json?%2Fwzshiming%2Fgpt2%2Fresolve%2Fmain%2Fconfig.json=&etag=%"
                               "2210c66461e4c109db5a2196bff4bb59be30396ed8%22");
                res.set_header("X-Repo-Commit", "ae329b6937f31305a0d6c6779f6cd4072cc4097e");
                res.set_header("X-Linked-Etag", "\"10c66461e4c109db5a2196bff4bb59be30396ed8\"");
            });
        server.http().Get(
            "/api/resolve-cache/models/wzshiming/gpt2/ae329b6937f31305a0d6c6779f6cd4072cc4097e/config.json",
            [&](const httplib::Request &, httplib::Response &res) {
                res.set_header("ETag", "\"10c66461e4c109db5a2196bff4bb59be30396ed8\"");
                res.set_header("X-Repo-Commit", "ae329b6937f31305a0d6c6779f6cd4072cc4097e");
                res.set_content(std::string(665, 'c'), "text/plain");
            });
        server.http().Get(
            "/wzshiming/gpt2/resolve/main/64-8bits.tflite", [&](const httplib::Request &, httplib::Response &res) {
                res.status = 302;
                res.set_header(
                    "Location",
                    "https://us.aws.cdn.hf.co/xet-bridge-us/6ab2b9f6148b5cae56d6e842/f39b?Expires=1&Signature=s");
                res.set_header("X-Repo-Commit", "ae329b6937f31305a0d6c6779f6cd4072cc4097e");
                res.set_header("X-Linked-Etag", "\"c966da3b74697803352ca7c6f2f220e7090a557b619de9da0c6b34d89f7825c1\"");
                res.set_header("X-Linked-Size", "125162496");
                res.set_header("X-Xet-Hash", "f39b58dcd1ec07aaa95eb0c2f827a00dfac2404728b60d273ab3687f73311e03");
                res.set_content(std::string(998, 'r'), "text/plain"); // Content-Length of the redirect body
            });
        server.http().Get("/wzshiming/gpt2/resolve/main/does-not-exist.txt",
                          [&](const httplib::Request &, httplib::Response &res) {
                              res.status = 404;
                              res.set_header("X-Error-Code", "EntryNotFound");
                              res.set_header("X-Error-Message", "Entry not found");
                              res.set_header("X-Repo-Commit", "ae329b6937f31305a0d6c6779f6cd4072cc4097e");
                          });
        QVERIFY(server.start());
        HubClient client(configFor(server));
        const RepoRef gpt2 = modelRef("wzshiming/gpt2");

        auto cfg = client.fileMetadata(gpt2, "main", "config.json");
        QVERIFY2(cfg.ok(), cfg.ok() ? "" : cfg.error().describe().c_str());
        QCOMPARE(cfg->commit, std::string("ae329b6937f31305a0d6c6779f6cd4072cc4097e"));
        QCOMPARE(cfg->etag, std::string("10c66461e4c109db5a2196bff4bb59be30396ed8"));
        QCOMPARE(cfg->size, uint64_t(665));
        QVERIFY(!cfg->isLfs);
        QVERIFY(!cfg->locationIsCrossOrigin);
        QVERIFY(cfg->location.find("/api/resolve-cache/") != std::string::npos);

        auto lfs = client.fileMetadata(gpt2, "main", "64-8bits.tflite");
        QVERIFY(lfs.ok());
        QCOMPARE(lfs->size, uint64_t(125162496)); // X-Linked-Size, not the redirect's Content-Length
        QCOMPARE(lfs->etag, std::string("c966da3b74697803352ca7c6f2f220e7090a557b619de9da0c6b34d89f7825c1"));
        QVERIFY(lfs->isLfs);
        QVERIFY(lfs->locationIsCrossOrigin);
        QVERIFY(lfs->location.rfind("https://us.aws.cdn.hf.co/", 0) == 0);
        QCOMPARE(lfs->xetHash.substr(0, 8), std::string("f39b58dc"));

        auto missing = client.fileMetadata(gpt2, "main", "does-not-exist.txt");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::EntryNotFound);
        QVERIFY(missing.error().message.find("does-not-exist.txt") != std::string::npos);
    }

    void stalledServer_failsWithTimeout()
    {
        TestServer server;
        std::mutex mu;
        std::condition_variable cv;
        bool release = false;
        server.http().Get("/api/models/acme/tiny", [&](const httplib::Request &, httplib::Response &res) {
            res.set_chunked_content_provider("application/json", [&](size_t, httplib::DataSink &sink) {
                sink.write("{\"id\":", 6);
                std::unique_lock l(mu);
                cv.wait_for(l, std::chrono::seconds(20), [&] { return release; }); // stall
                sink.done();
                return true;
            });
        });
        QVERIFY(server.start());
        ClientConfig cfg = configFor(server);
        cfg.lowSpeedTime = std::chrono::seconds(1);
        cfg.retry.maxRetries = 0;
        HubClient client(cfg);
        auto info = client.repoInfo(modelRef("acme/tiny"));
        {
            std::lock_guard l(mu);
            release = true;
        }
        cv.notify_all();
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, ErrorCode::Timeout);
        QVERIFY(info.error().message.find("stalled") != std::string::npos);
    }

    void bodyLimit_stopsOversizedAnswers()
    {
        TestServer server;
        server.http().Get("/api/models/acme/tiny", [&](const httplib::Request &, httplib::Response &res) {
            res.set_content(std::string(3 << 20, ' ') + kInfoBody, "application/json");
        });
        QVERIFY(server.start());
        ClientConfig cfg = configFor(server);
        cfg.maxBodyBytes = 1 << 20;
        HubClient client(cfg);
        auto info = client.repoInfo(modelRef("acme/tiny"));
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, ErrorCode::TooLarge);
        auto small = client.fetchSmallFile(modelRef("acme/tiny"), "main", "x"); // 404 here, not a crash
        QVERIFY(!small.ok());
    }

    void malformedAnswers_areBadResponse()
    {
        TestServer server;
        server.http().Get("/api/models/acme/broken", [&](const httplib::Request &, httplib::Response &res) {
            res.set_content("{\"id\": \"acme/broken\", \"sha\": ", "application/json");
        });
        server.http().Get("/api/models/acme/wrongtype", [&](const httplib::Request &, httplib::Response &res) {
            res.set_content("{\"id\": 42, \"sha\": []}", "application/json");
        });
        server.http().Get("/api/models/acme/html", [&](const httplib::Request &, httplib::Response &res) {
            res.set_content("<html>captive portal</html>", "text/html");
        });
        QVERIFY(server.start());
        HubClient client(configFor(server));
        for (const char *id : {"acme/broken", "acme/wrongtype", "acme/html"}) {
            auto info = client.repoInfo(modelRef(id));
            QVERIFY(!info.ok());
            QCOMPARE(info.error().code, ErrorCode::BadResponse);
        }
    }

    void errors_speakPlainLanguageAndNeverLeakSecrets()
    {
        TestServer server;
        server.http().Get(
            R"(/api/(models|datasets)/acme/(\w+))", [&](const httplib::Request &req, httplib::Response &res) {
                const std::string name = req.matches[2];
                if (name == "gated") {
                    res.status = req.has_header("Authorization") ? 403 : 401;
                    res.set_header("X-Error-Code", "GatedRepo");
                    res.set_content("{\"error\":\"Access to model acme/gated is restricted.\"}", "application/json");
                } else if (name == "private") {
                    res.status = 404;
                    res.set_header("X-Error-Code", "RepoNotFound");
                    res.set_content("{\"error\":\"Repository not found\"}", "application/json");
                } else if (name == "anon") {
                    res.status = 401; // production answer for anonymous callers
                    res.set_header("X-Error-Message", "Invalid username or password.");
                } else if (name == "badtoken") {
                    res.status = 401;
                    res.set_header("X-Error-Message", "Invalid credentials in Authorization header");
                } else if (name == "leaky") {
                    res.status = 400;
                    res.set_content(std::string("{\"error\":\"bad token ") + kToken +
                                        " see https://cdn.example/x?Signature=abc\"}",
                                    "application/json");
                } else if (name == "disabled") {
                    res.status = 403;
                    res.set_header("X-Error-Message", "Access to this resource is disabled.");
                }
            });
        server.http().Get(R"(/api/models/acme/tiny/revision/(.+))",
                          [&](const httplib::Request &, httplib::Response &res) {
                              res.status = 404;
                              res.set_header("X-Error-Code", "RevisionNotFound");
                              res.set_header("X-Error-Message", "Invalid rev id: nope");
                          });
        QVERIFY(server.start());
        HubClient client(configFor(server));
        ClientConfig anonCfg = configFor(server);
        anonCfg.token.clear();
        HubClient anon(anonCfg);

        auto gated = client.repoInfo(modelRef("acme/gated"));
        QCOMPARE(gated.error().code, ErrorCode::GatedRepo);
        QCOMPARE(gated.error().httpStatus, 403);
        QVERIFY(gated.error().message.find("You need to accept this model's conditions on the Hub first, then sign in "
                                           "with that account") == 0);
        auto gatedAnon = anon.repoInfo(modelRef("acme/gated"));
        QCOMPARE(gatedAnon.error().code, ErrorCode::GatedRepo);
        QVERIFY(gatedAnon.error().message.find("sign in") != std::string::npos);

        const RepoRef privateDataset{RepoType::Dataset, RepoId::parse("acme/private").value()};
        auto priv = anon.repoInfo(privateDataset);
        QCOMPARE(priv.error().code, ErrorCode::RepoNotFound);
        QVERIFY(priv.error().message.find("does not exist or is private: sign in with an account that can see it") !=
                std::string::npos);
        QVERIFY(priv.error().message.find("dataset") != std::string::npos);

        QCOMPARE(anon.repoInfo(modelRef("acme/anon")).error().code, ErrorCode::RepoNotFound);
        QCOMPARE(client.repoInfo(modelRef("acme/badtoken")).error().code, ErrorCode::Unauthorized);
        QCOMPARE(client.repoInfo(modelRef("acme/disabled")).error().code, ErrorCode::Forbidden);
        auto rev = client.repoInfo(modelRef("acme/tiny"), "nope");
        QCOMPARE(rev.error().code, ErrorCode::RevisionNotFound);
        QVERIFY(rev.error().message.find("\"nope\"") != std::string::npos);

        auto leaky = client.repoInfo(modelRef("acme/leaky"));
        QCOMPARE(leaky.error().code, ErrorCode::BadRequest);
        const std::string all = leaky.error().message + leaky.error().detail;
        QVERIFY(all.find(kToken) == std::string::npos);
        QVERIFY(all.find("Signature=abc") == std::string::npos);
        QVERIFY(all.find("[redacted]") != std::string::npos);
    }

    void pager_followsLinkHeaderAcrossPages()
    {
        TestServer server;
        std::atomic<int> pages{0};
        server.http().Get(
            "/api/models/acme/tiny/commits/main", [&](const httplib::Request &req, httplib::Response &res) {
                ++pages;
                const int p = req.has_param("p") ? std::stoi(req.get_param_value("p")) : 0;
                std::string body = "[";
                for (int i = 0; i < 3; ++i) {
                    const int n = p * 3 + i;
                    if (n >= 7)
                        break;
                    char id[41];
                    std::snprintf(id, sizeof id, "%040d", n);
                    body += std::string(body.size() > 1 ? "," : "") + "{\"id\":\"" + id + "\",\"title\":\"c" +
                            std::to_string(n) +
                            "\",\"authors\":[{\"user\":\"alice\"}],\"date\":\"2026-01-01T00:00:00.000Z\"}";
                }
                body += "]";
                res.set_header("X-Total-Count", "7");
                if ((p + 1) * 3 < 7) // absolute on odd pages, relative on even ones: both must work
                    res.set_header("Link", "<" + (p % 2 ? server.url() : std::string()) +
                                               "/api/models/acme/tiny/commits/main?p=" + std::to_string(p + 1) +
                                               "&limit=3>; rel=\"next\"");
                res.set_content(body, "application/json");
            });
        QVERIFY(server.start());
        HubClient client(configFor(server));
        auto pager = client.listCommits(modelRef("acme/tiny"), "main", 3);
        auto first = pager.next();
        QVERIFY(first.ok());
        QCOMPARE(first->size(), size_t(3));
        QCOMPARE(pager.total().value_or(0), uint64_t(7));
        auto rest = pager.all();
        QVERIFY(rest.ok());
        QCOMPARE(rest->size(), size_t(4));
        QCOMPARE(rest->back().title, std::string("c6"));
        QVERIFY(!pager.hasMore());
        QCOMPARE(pages.load(), 3);

        auto limited = client.listCommits(modelRef("acme/tiny"), "main", 3, 5).all();
        QCOMPARE(limited->size(), size_t(5));
    }

    void linkHeader_parsing()
    {
        QCOMPARE(parseLinkNext("<https://h/api/models?cursor=abc>; rel=\"next\"", "https://h/api/models"),
                 std::string("https://h/api/models?cursor=abc"));
        QCOMPARE(parseLinkNext("</api/x?p=2>; rel=\"next\", </api/x?p=0>; rel=\"first\"", "http://h:1/api/x?p=1"),
                 std::string("http://h:1/api/x?p=2"));
        QCOMPARE(parseLinkNext("<https://h/a>; rel=\"prev\"", "https://h/"), std::string());
        QCOMPARE(parseLinkNext("garbage", "https://h/"), std::string());
        QCOMPARE(resolveUrl("http://h:1/a/b?q=1", "c?d"), std::string("http://h:1/a/c?d"));
        QCOMPARE(resolveUrl("http://h:1/a/b", "//other/x"), std::string("http:"
                                                                        "//other/x"));
        QCOMPARE(urlOrigin("HTTPS://Hub.Example/x"), std::string("https://hub.example:443"));
        QCOMPARE(urlOrigin("http://127.0.0.1:80/x"), urlOrigin("http://127.0.0.1/y"));
    }

    void cancelAndOffline_failBeforeTheNetwork()
    {
        TestServer server;
        std::atomic<int> hits{0};
        server.http().Get("/api/models/acme/tiny", [&](const httplib::Request &, httplib::Response &res) {
            ++hits;
            res.set_content(kInfoBody, "application/json");
        });
        QVERIFY(server.start());
        HubClient client(configFor(server));
        auto flag = std::make_shared<std::atomic<bool>>(true);
        client.setCancelFlag(flag);
        QCOMPARE(client.repoInfo(modelRef("acme/tiny")).error().code, ErrorCode::Cancelled);
        flag->store(false);
        QVERIFY(client.repoInfo(modelRef("acme/tiny")).ok());
        ClientConfig off = configFor(server);
        off.offline = true;
        HubClient offline(off);
        QCOMPARE(offline.repoInfo(modelRef("acme/tiny")).error().code, ErrorCode::Offline);
        QCOMPARE(hits.load(), 1);
    }

    void commit_sendsNdjsonOnce()
    {
        TestServer server;
        std::string seenBody, seenType, seenQuery;
        server.http().Post(
            R"(/api/models/acme/tiny/commit/(.+))", [&](const httplib::Request &req, httplib::Response &res) {
                seenBody = req.body;
                seenType = req.get_header_value("Content-Type");
                seenQuery = req.has_param("create_pr") ? req.get_param_value("create_pr") : "";
                res.set_content(
                    "{\"success\":true,\"commitOid\":\"403adf5c8b48aecc6b4e5d3bfc402587153a707a\",\"commitUrl\":\"" +
                        server.url() +
                        "/acme/tiny/commit/403adf5c8b48aecc6b4e5d3bfc402587153a707a\","
                        "\"pullRequestUrl\":\"" +
                        server.url() + "/acme/tiny/discussions/1\"}",
                    "application/json");
            });
        QVERIFY(server.start());
        HubClient client(configFor(server));
        CommitRequest req;
        req.revision = "refs/pr/1";
        req.summary = "Update";
        req.description = "Longer text";
        req.parentCommit = "ae329b6937f31305a0d6c6779f6cd4072cc4097e";
        req.createPr = true;
        req.operations = {CommitOperation::addFile("dir/a.txt", "hello"),
                          CommitOperation::addLfsFile("w.bin", std::string(64, 'a'), 1234),
                          CommitOperation::deleteFile("old.txt"), CommitOperation::deleteFolder("logs")};
        auto r = client.commit(modelRef("acme/tiny"), req);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
        QCOMPARE(r->pullRequestUrl, server.url() + "/acme/tiny/discussions/1");
        QCOMPARE(seenType, std::string("application/x-ndjson"));
        QCOMPARE(seenQuery, std::string("1"));
        QCOMPARE(seenBody,
                 std::string("{\"key\":\"header\",\"value\":{\"description\":\"Longer text\",\"parentCommit\":"
                             "\"ae329b6937f31305a0d6c6779f6cd4072cc4097e\",\"summary\":\"Update\"}}\n"
                             "{\"key\":\"file\",\"value\":{\"content\":\"aGVsbG8=\",\"encoding\":\"base64\",\"path\":"
                             "\"dir/a.txt\"}}\n"
                             "{\"key\":\"lfsFile\",\"value\":{\"algo\":\"sha256\",\"oid\":\"") +
                     std::string(64, 'a') +
                     "\",\"path\":\"w.bin\",\"size\":1234}}\n"
                     "{\"key\":\"deletedFile\",\"value\":{\"path\":\"old.txt\"}}\n"
                     "{\"key\":\"deletedFolder\",\"value\":{\"path\":\"logs/\"}}\n");
        // unsafe paths never leave the machine
        req.operations = {CommitOperation::addFile("../etc/passwd", "x")};
        QCOMPARE(client.commit(modelRef("acme/tiny"), req).error().code, ErrorCode::InvalidArgument);
    }

    void compare_fallsBackToTreeDiffWhenServerHasNoEndpoint()
    {
        TestServer server;
        server.http().Get(R"(/api/models/acme/tiny/tree/(\w+))",
                          [&](const httplib::Request &req, httplib::Response &res) {
                              QCOMPARE(req.get_param_value("recursive"), std::string("true"));
                              if (req.matches[1] == "v1")
                                  res.set_content("[{\"type\":\"file\",\"path\":\"a\",\"oid\":"
                                                  "\"1111111111111111111111111111111111111111\",\"size\":1},"
                                                  "{\"type\":\"file\",\"path\":\"b\",\"oid\":"
                                                  "\"2222222222222222222222222222222222222222\",\"size\":2},"
                                                  "{\"type\":\"directory\",\"path\":\"d\",\"oid\":"
                                                  "\"3333333333333333333333333333333333333333\",\"size\":0}]",
                                                  "application/json");
                              else
                                  res.set_content("[{\"type\":\"file\",\"path\":\"a\",\"oid\":"
                                                  "\"1111111111111111111111111111111111111111\",\"size\":1},"
                                                  "{\"type\":\"file\",\"path\":\"b\",\"oid\":"
                                                  "\"4444444444444444444444444444444444444444\",\"size\":3},"
                                                  "{\"type\":\"file\",\"path\":\"d/"
                                                  "c\",\"oid\":\"5555555555555555555555555555555555555555\",\"size\":4,"
                                                  "\"lfs\":{\"oid\":\"" +
                                                      std::string(64, 'f') + "\",\"size\":4,\"pointerSize\":130}}]",
                                                  "application/json");
                          });
        QVERIFY(server.start());
        HubClient client(configFor(server));
        auto diff = client.compare(modelRef("acme/tiny"), "v1", "v2");
        QVERIFY2(diff.ok(), diff.ok() ? "" : diff.error().describe().c_str());
        QVERIFY(!diff->fromServer);
        QCOMPARE(diff->changes.size(), size_t(2));
        QCOMPARE(diff->changes[0].path, std::string("b"));
        QCOMPARE(diff->changes[0].status, FileChange::Status::Modified);
        QCOMPARE(*diff->changes[0].newSize, uint64_t(3));
        QCOMPARE(diff->changes[1].path, std::string("d/c"));
        QCOMPARE(diff->changes[1].status, FileChange::Status::Added);
        QCOMPARE(diff->changes[1].newOid, std::string(64, 'f'));
    }

    void urls_encodeLikeHuggingfaceHub()
    {
        const RepoRef ds{RepoType::Dataset, RepoId::parse("acme/data").value()};
        HubClient client(ClientConfig{});
        QCOMPARE(client.resolveUrl(ds, "refs/pr/1", "dir/a b+c.txt"),
                 std::string("https://huggingface.co/datasets/acme/data/resolve/refs%2Fpr%2F1/dir/a%20b%2Bc.txt"));
        QCOMPARE(client.resolveUrl(modelRef("acme/tiny"), "main", "config.json"),
                 std::string("https://huggingface.co/acme/tiny/resolve/main/config.json"));
    }
};

QTEST_GUILESS_MAIN(TestApiHttp)
#include "test_api_http.moc"
