#include "ui/core/format.h"

#include "hub/core/strings.h"
#include "hub/core/timeutil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cstdint>

#include <cstdlib>

namespace hubui {

QString formatBytes(uint64_t bytes)
{
    // The one size format of the GUI: the user's locale ("45.0 MB", "45,0 MB"), SI units like
    // the Hub's web pages and huggingface_hub. The CLI keeps hub::humanBytes (C locale).
    return QLocale().formattedDataSize(static_cast<qint64>(std::min<uint64_t>(bytes, INT64_MAX)), 1,
                                       QLocale::DataSizeSIFormat);
}

QString formatSizeDelta(int64_t delta)
{
    if (delta == 0)
        return QStringLiteral("±0 B");
    const auto magnitude = static_cast<uint64_t>(std::llabs(delta));
    return (delta > 0 ? QStringLiteral("+") : QStringLiteral("−")) + formatBytes(magnitude);
}

static QDateTime parseHub(const std::string &iso)
{
    const auto secs = hub::parseIsoUtc(iso);
    if (!secs)
        return {};
    return QDateTime::fromSecsSinceEpoch(*secs, Qt::UTC).toLocalTime();
}

QString formatHubDate(const std::string &iso)
{
    const QDateTime dt = parseHub(iso);
    return dt.isValid() ? dt.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString::fromStdString(iso);
}

QString formatRelativeDate(const std::string &iso)
{
    const QDateTime dt = parseHub(iso);
    if (!dt.isValid())
        return QString::fromStdString(iso);
    const qint64 secs = dt.secsTo(QDateTime::currentDateTime());
    // The counts are plain variables: lupdate skips a translate() whose count is an expression
    // with a division, and the string would then miss its plural forms.
    const int minutes = static_cast<int>(secs / 60);
    const int hours = static_cast<int>(secs / 3600);
    const int days = static_cast<int>(secs / 86400);
    if (secs < 60)
        return QCoreApplication::translate("hubui::format", "just now");
    if (secs < 3600)
        return QCoreApplication::translate("hubui::format", "%n minute(s) ago", nullptr, minutes);
    if (secs < 86400)
        return QCoreApplication::translate("hubui::format", "%n hour(s) ago", nullptr, hours);
    if (days < 30)
        return QCoreApplication::translate("hubui::format", "%n day(s) ago", nullptr, days);
    return dt.toString(QStringLiteral("yyyy-MM-dd"));
}

QString shortCommit(const std::string &commit)
{
    return QString::fromStdString(commit.substr(0, 7));
}

} // namespace hubui
