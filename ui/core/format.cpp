#include "ui/core/format.h"

#include "hub/core/strings.h"
#include "hub/core/timeutil.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdlib>

namespace hubui {

QString formatBytes(uint64_t bytes)
{
    return QString::fromStdString(hub::humanBytes(bytes));
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
    const auto tr = [](const char *text, int n) {
        return QCoreApplication::translate("hubui::format", text, nullptr, n);
    };
    if (secs < 60)
        return tr("just now", 0);
    if (secs < 3600)
        return tr("%n minute(s) ago", static_cast<int>(secs / 60));
    if (secs < 86400)
        return tr("%n hour(s) ago", static_cast<int>(secs / 3600));
    if (secs < 30 * 86400)
        return tr("%n day(s) ago", static_cast<int>(secs / 86400));
    return dt.toString(QStringLiteral("yyyy-MM-dd"));
}

QString shortCommit(const std::string &commit)
{
    return QString::fromStdString(commit.substr(0, 7));
}

} // namespace hubui
