#include "hub/core/log.h"

#include "hub/core/error.h"
#include "hub/core/redact.h"
#include "hub/core/timeutil.h"

#include <deque>
#include <mutex>

namespace hub {
namespace {

struct LogState {
    std::mutex mutex;
    std::deque<LogRecord> ring;
    LogSink sink;
};

LogState &state()
{
    static LogState s; // never destroyed before a static logging at exit: function-local
    return s;
}

LogRecord makeRecord(LogLevel level, std::string_view category, std::string_view text)
{
    LogRecord r;
    r.time = std::chrono::system_clock::now();
    r.level = level;
    r.category = std::string(category.substr(0, 64));
    // Cut before redacting would risk leaving half a token that the pattern no longer matches;
    // redact first, then cut.
    r.text = redactSecrets(text);
    if (r.text.size() > maxLogTextBytes) {
        r.text.resize(maxLogTextBytes);
        r.text += " [cut]";
    }
    return r;
}

void keep(LogState &s, const LogRecord &r)
{
    s.ring.push_back(r);
    while (s.ring.size() > logRingCapacity)
        s.ring.pop_front();
}

} // namespace

void logMessage(LogLevel level, std::string_view category, std::string_view text)
{
    const LogRecord r = makeRecord(level, category, text);
    LogSink sink;
    {
        auto &s = state();
        std::lock_guard lock(s.mutex);
        keep(s, r);
        sink = s.sink;
    }
    if (sink)
        sink(r);
}

void recordLogMessage(LogLevel level, std::string_view category, std::string_view text)
{
    const LogRecord r = makeRecord(level, category, text);
    auto &s = state();
    std::lock_guard lock(s.mutex);
    keep(s, r);
}

void logError(std::string_view category, std::string_view what, const HubError &error)
{
    std::string text(what);
    text += " failed: ";
    text += errorCodeName(error.code);
    if (error.httpStatus)
        text += " (HTTP " + std::to_string(error.httpStatus) + ")";
    text += ": " + error.describe();
    if (error.retryAfterSeconds >= 0)
        text += " retry after " + std::to_string(error.retryAfterSeconds) + " s";
    const LogLevel level = error.code == ErrorCode::Cancelled ? LogLevel::Info : LogLevel::Warning;
    logMessage(level, category, text);
}

LogSink setLogSink(LogSink sink)
{
    auto &s = state();
    std::lock_guard lock(s.mutex);
    std::swap(s.sink, sink);
    return sink;
}

std::vector<LogRecord> recentLogRecords()
{
    auto &s = state();
    std::lock_guard lock(s.mutex);
    return {s.ring.begin(), s.ring.end()};
}

void clearLogRecords()
{
    auto &s = state();
    std::lock_guard lock(s.mutex);
    s.ring.clear();
}

std::string_view logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug: return "debug";
    case LogLevel::Info: return "info";
    case LogLevel::Warning: return "warning";
    case LogLevel::Error: return "error";
    }
    return "info";
}

std::string formatLogRecord(const LogRecord &record)
{
    using namespace std::chrono;
    const auto ms = duration_cast<milliseconds>(record.time.time_since_epoch()).count();
    std::string out = formatIsoUtc(ms / 1000, static_cast<int>(ms % 1000));
    out += ' ';
    out += logLevelName(record.level);
    out += ' ';
    out += record.category;
    out += ": ";
    for (const char c : record.text) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else
            out += c;
    }
    return out;
}

} // namespace hub
