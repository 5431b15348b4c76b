// The engine's diagnostic log: every record redacted before anyone sees it, a bounded ring, one
// line per record, and the sink sees what the ring keeps.

#include "hub/core/error.h"
#include "hub/core/log.h"

#include <QTest>

#include <vector>

using namespace hub;

class TestLog final : public QObject {
    Q_OBJECT

private slots:
    void init() { clearLogRecords(); }
    void cleanup() { setLogSink({}); }

    void records_neverHoldATokenACredentialOrASignedQuery()
    {
        std::vector<LogRecord> seen;
        setLogSink([&seen](const LogRecord &r) { seen.push_back(r); });
        logMessage(LogLevel::Warning, "http",
                   "GET https://cas-bridge.xethub.hf.co/xet?X-Amz-Signature=abc123&Expires=9 with "
                   "Authorization: Bearer hf_AbCdEfGhIjKlMnOpQrStUvWx via http://alice:s3cret@proxy:3128");
        const auto kept = recentLogRecords();
        QCOMPARE(kept.size(), size_t(1));
        QCOMPARE(seen.size(), size_t(1));
        for (const std::string &text : {kept[0].text, seen[0].text, formatLogRecord(kept[0])}) {
            QVERIFY2(text.find("hf_AbCd") == std::string::npos, text.c_str());
            QVERIFY2(text.find("abc123") == std::string::npos, text.c_str());
            QVERIFY2(text.find("s3cret") == std::string::npos, text.c_str());
            QVERIFY2(text.find("https://cas-bridge.xethub.hf.co/xet") != std::string::npos, text.c_str());
        }
    }

    void logError_carriesCodeStatusSentenceAndDetail()
    {
        HubError e =
            HubError::make(ErrorCode::Unauthorized, "Sign in again.", "401 from /api/whoami-v2 token=hf_secretsecret");
        e.httpStatus = 401;
        logError("http", "GET https://huggingface.co/api/whoami-v2", e);
        const auto kept = recentLogRecords();
        QCOMPARE(kept.size(), size_t(1));
        QCOMPARE(kept[0].level, LogLevel::Warning);
        const std::string &t = kept[0].text;
        QVERIFY2(t.find("Unauthorized") != std::string::npos, t.c_str());
        QVERIFY2(t.find("HTTP 401") != std::string::npos, t.c_str());
        QVERIFY2(t.find("Sign in again.") != std::string::npos, t.c_str());
        QVERIFY2(t.find("/api/whoami-v2") != std::string::npos, t.c_str());
        QVERIFY2(t.find("hf_secret") == std::string::npos, t.c_str());
    }

    void ring_keepsTheMostRecentRecordsOnly()
    {
        for (size_t i = 0; i < logRingCapacity + 25; ++i)
            logMessage(LogLevel::Info, "test", "record " + std::to_string(i));
        const auto kept = recentLogRecords();
        QCOMPARE(kept.size(), logRingCapacity);
        QCOMPARE(kept.front().text, std::string("record 25"));
        QCOMPARE(kept.back().text, "record " + std::to_string(logRingCapacity + 24));
    }

    void records_areCutAndOneLineEach()
    {
        logMessage(LogLevel::Info, "test", std::string(3 * maxLogTextBytes, 'x'));
        logMessage(LogLevel::Error, "test", "first\nsecond line posing as a record");
        const auto kept = recentLogRecords();
        QVERIFY(kept[0].text.size() < maxLogTextBytes + 16);
        const std::string line = formatLogRecord(kept[1]);
        QVERIFY2(line.find('\n') == std::string::npos, line.c_str());
        QVERIFY2(line.find(" error test: first\\nsecond") != std::string::npos, line.c_str());
    }

    void recordOnly_isKeptButNotHandedToTheSink()
    {
        int calls = 0;
        setLogSink([&calls](const LogRecord &) { ++calls; });
        recordLogMessage(LogLevel::Warning, "hubdesk.ui", "shown as failed: hf_AbCdEfGhIjKl");
        QCOMPARE(calls, 0);
        const auto kept = recentLogRecords();
        QCOMPARE(kept.size(), size_t(1));
        QVERIFY(kept[0].text.find("hf_AbCd") == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestLog)
#include "test_log.moc"
