#pragma once
// Small display helpers shared by the views (sizes, dates, commit ids).

#include <QString>

#include <cstdint>
#include <string>

namespace hubui {

/// "45.0 MB" (decimal units, like the Hub).
QString formatBytes(uint64_t bytes);
/// "+1.2 kB", "−300 B", "±0 B".
QString formatSizeDelta(int64_t delta);
/// "2026-09-22 17:25" in local time from a Hub ISO timestamp; the input when unparsable.
QString formatHubDate(const std::string &iso);
/// "3 days ago" style, for lists; the date when older than a month.
QString formatRelativeDate(const std::string &iso);
/// First 7 characters of a commit id.
QString shortCommit(const std::string &commit);
/// A HubError's message for people (never the detail: it may be technical).
inline QString qstr(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace hubui
