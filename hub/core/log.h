#pragma once
// The engine's diagnostic log: what it tried and why it failed, in an engineer's words, for the
// "Save a diagnostic log" a person can send when something went wrong.
//
// Every record is redacted (hub/core/redact.h) before it is stored or handed on, so no token,
// Bearer/Basic credential, proxy password or signed-URL query can reach a log, whoever logs it.
// The last records are kept in a bounded ring in memory (nothing is written to disk unless the
// person saves the log); a sink set by the program (the GUI forwards to Qt's logging categories,
// the CLI may print to stderr) sees each record as it is made. Thread-safe; the sink is called on
// the logging thread, outside the ring's lock, and must not log itself.

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hub {

struct HubError;

enum class LogLevel { Debug, Info, Warning, Error };

struct LogRecord {
    std::chrono::system_clock::time_point time;
    LogLevel level = LogLevel::Info;
    std::string category; ///< "http", "transfer", "cache", "ui", ...
    std::string text;     ///< redacted
};

using LogSink = std::function<void(const LogRecord &)>;

/// The ring keeps this many records (older ones are dropped), each cut to maxLogTextBytes.
inline constexpr size_t logRingCapacity = 4000;
inline constexpr size_t maxLogTextBytes = 4096;

/// Redacts `text`, keeps it in the ring and hands it to the sink.
void logMessage(LogLevel level, std::string_view category, std::string_view text);
/// `what` failed with `error`: one record with the error's code, sentence, detail and status.
void logError(std::string_view category, std::string_view what, const HubError &error);
/// Keeps a record that was already delivered elsewhere (the GUI's own Qt messages) in the ring
/// only: redacted, never handed to the sink.
void recordLogMessage(LogLevel level, std::string_view category, std::string_view text);

/// Replaces the process-wide sink (an empty function: none). Returns the previous one.
LogSink setLogSink(LogSink sink);

/// The records in the ring, oldest first.
std::vector<LogRecord> recentLogRecords();
/// Empties the ring (tests).
void clearLogRecords();

/// "2026-12-03T18:30:01.123Z warning http: GET https://host/path failed: ..." (one line; newlines
/// in the text become "\n" so a record can never pose as another).
std::string formatLogRecord(const LogRecord &record);
std::string_view logLevelName(LogLevel level);

} // namespace hub
