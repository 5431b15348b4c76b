// The one HTTP policy (hub/api/curlsetup.h) and the one retry policy (hub/api/retry.h), as units:
// which server-given URLs may be opened, header lines, proxy choice and display, retry waits.

#include "hub/api/curlsetup.h"
#include "hub/api/retry.h"

#include <QTest>

using namespace hub;
using namespace std::chrono_literals;

class TestApiPolicy final : public QObject {
    Q_OBJECT

private slots:
    void serverUrls_onlyHttpAndHttpsWithAHost()
    {
        QVERIFY(checkServerUrl("https://cdn.example/x?sig=1", "a download redirect").ok());
        QVERIFY(checkServerUrl("HTTP://127.0.0.1:8080/a", "a redirect").ok());
        const struct {
            const char *url;
            const char *subject;
        } refused[] = {{"file:///tmp/x", "file://"},
                       {"ftp://evil.example/x", "evil.example"},
                       {"dict://evil.example:2628/d", "evil.example"},
                       {"gopher://evil.example/_x", "evil.example"},
                       {"https:///nohost", "https://"},
                       {"javascript:alert(1)", "javascript:alert(1)"},
                       {"", ""}};
        for (const auto &r : refused) {
            auto st = checkServerUrl(r.url, "a download redirect");
            QVERIFY2(!st.ok(), r.url);
            QCOMPARE(st.error().code, ErrorCode::Refused);
            QCOMPARE(st.error().subject, std::string(r.subject));
            QVERIFY2(st.error().message.find("refused a download redirect") != std::string::npos,
                     st.error().message.c_str());
        }
        // The host is named; a signed query and a password are not shown.
        auto st = checkServerUrl("ftp://user:secret@evil.example/x?token=hf_abcdefgh", "an upload address");
        QVERIFY(st.error().message.find("evil.example") != std::string::npos);
        QVERIFY(st.error().describe().find("secret") == std::string::npos);
        QVERIFY(st.error().describe().find("hf_abcdefgh") == std::string::npos);
    }

    void headerLines_statusAndFields()
    {
        auto s = parseHeaderLine("HTTP/1.1 206 Partial Content\r\n");
        QCOMPARE(s.kind, HeaderLine::Kind::StatusLine);
        QCOMPARE(s.status, 206);
        QCOMPARE(parseHeaderLine("HTTP/2 302\r\n").status, 302);
        QCOMPARE(parseHeaderLine("HTTP/1.1 xyz\r\n").status, 0);
        auto f = parseHeaderLine("X-Linked-Size:   123 \r\n");
        QCOMPARE(f.kind, HeaderLine::Kind::Field);
        QCOMPARE(f.name, std::string("X-Linked-Size"));
        QCOMPARE(f.value, std::string("123"));
        QCOMPARE(parseHeaderLine("\r\n").kind, HeaderLine::Kind::Other);
        QCOMPARE(parseHeaderLine(": no name\r\n").kind, HeaderLine::Kind::Other);

        // A proxy's CONNECT answer, then the server's: only the server's headers remain.
        long status = 0;
        HttpHeaders h;
        for (const char *line : {"HTTP/1.1 200 Connection established\r\n", "Proxy-Agent: tiny\r\n", "\r\n",
                                 "HTTP/1.1 404 Not Found\r\n", "X-Error-Code: EntryNotFound\r\n"})
            takeHeaderLine(line, status, h);
        QCOMPARE(status, 404L);
        QVERIFY(!h.has("Proxy-Agent"));
        QCOMPARE(h.getOr("X-Error-Code"), std::string("EntryNotFound"));
    }

    void retry_statusesBackoffAndServerWaitCap()
    {
        for (int s : {408, 429, 500, 502, 503, 504})
            QVERIFY(isRetryableStatus(s));
        for (int s : {200, 301, 400, 401, 403, 404, 407, 409, 412, 416, 501})
            QVERIFY(!isRetryableStatus(s));
        QVERIFY(isRetryableError(HubError::make(ErrorCode::Network, "x")));
        QVERIFY(!isRetryableError(HubError::make(ErrorCode::Certificate, "x")));
        QVERIFY(!isRetryableError(HubError::make(ErrorCode::Proxy, "x")));
        QVERIFY(!isRetryableError(HubError::make(ErrorCode::Refused, "x")));

        RetryPolicy p; // 1, 2, 4, 8, 8 s
        QCOMPARE(backoffDelay(p, 0), 1000ms);
        QCOMPARE(backoffDelay(p, 1), 2000ms);
        QCOMPARE(backoffDelay(p, 3), 8000ms);
        QCOMPARE(backoffDelay(p, 4), 8000ms);
        QCOMPARE(backoffDelay(p, 60), 8000ms);
        QCOMPARE(retryDelay(p, 2, nullptr).value(), 4000ms);
        HttpHeaders h;
        h.add("Retry-After", "30");
        QCOMPARE(retryDelay(p, 0, &h).value(), 30000ms);
        h.set("Retry-After", "121");
        QVERIFY(!retryDelay(p, 0, &h).has_value()); // over the 120 s cap: reported, not slept
        HttpHeaders rl;
        rl.add("RateLimit", "\"api\";r=0;t=55");
        QCOMPARE(retryDelay(p, 0, &rl).value(), 56000ms);
    }

    void proxy_choiceNoProxyAndDisplay()
    {
        ClientConfig c;
        c.proxy = "http://alice:s3cret@proxy.corp:3128";
        c.httpProxy = "http://plain.corp:8080";
        c.noProxy = "localhost, .internal,10.0.0.1";
        QCOMPARE(proxyFor(c, "https://huggingface.co/api"), c.proxy);
        QCOMPARE(proxyFor(c, "http://mirror.example/x"), c.httpProxy);
        QCOMPARE(proxyFor(c, "https://hub.internal/x"), std::string());
        QCOMPARE(proxyFor(c, "https://a.b.internal/x"), std::string());
        QCOMPARE(proxyFor(c, "http://localhost:8080/x"), std::string());
        QCOMPARE(proxyFor(c, "http://10.0.0.1/x"), std::string());
        QCOMPARE(proxyFor(c, "https://notinternal/x"), c.proxy);
        c.noProxy = "*";
        QCOMPARE(proxyFor(c, "https://huggingface.co/api"), std::string());
        QCOMPARE(proxyDisplayName("http://alice:s3cret@proxy.corp:3128"), std::string("proxy.corp:3128"));
        QCOMPARE(proxyDisplayName("proxy.corp"), std::string("proxy.corp:1080"));
        QCOMPARE(proxyDisplayName("socks5h://[::1]:1080/"), std::string("[::1]:1080"));
    }

    void userAgent_isTruthful()
    {
        const std::string ua = ClientConfig::defaultUserAgent();
        QVERIFY2(ua.rfind("hubdesk/", 0) == 0, ua.c_str());
        QVERIFY2(ua.find("; libcurl/") != std::string::npos, ua.c_str());
    }
};

QTEST_GUILESS_MAIN(TestApiPolicy)
#include "test_api_policy.moc"
