#include "ui/transfers/desktopintegration.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

#include <algorithm>
#include <cmath>

namespace hubui {

namespace {

constexpr auto kNotifyService = "org.freedesktop.Notifications";
constexpr auto kNotifyPath = "/org/freedesktop/Notifications";
constexpr auto kLauncherPath = "/io/github/hubdesk/HubDesk";
constexpr auto kLauncherInterface = "com.canonical.Unity.LauncherEntry";

} // namespace

DesktopIntegration::DesktopIntegration(QDBusConnection bus, QObject *parent) : QObject(parent), m_bus(std::move(bus)) {}

void DesktopIntegration::notify(const QString &summary, const QString &body, bool failed)
{
    if (!m_bus.isConnected()) {
        QMetaObject::invokeMethod(
            this, [this, summary, body, failed] { emit undelivered(summary, body, failed); }, Qt::QueuedConnection);
        return;
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(QString::fromLatin1(kNotifyService), QString::fromLatin1(kNotifyPath),
                                       QString::fromLatin1(kNotifyService), QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), QString::fromLatin1(kDesktopId));
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue<uchar>(failed ? 2 : 1)); // critical : normal
    hints.insert(QStringLiteral("category"),
                 failed ? QStringLiteral("transfer.error") : QStringLiteral("transfer.complete"));
    // Body text is markup for some servers: escape it so a file name never turns into a link.
    call << QStringLiteral("HubDesk") << 0u << QString::fromLatin1(kDesktopId) << summary << body.toHtmlEscaped()
         << QStringList() << hints << -1;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, summary, body, failed](QDBusPendingCallWatcher *w) {
                const QDBusPendingReply<uint> reply = *w;
                if (reply.isError())
                    emit undelivered(summary, body, failed);
                else
                    emit delivered(reply.value());
                w->deleteLater();
            });
}

void DesktopIntegration::setProgress(std::optional<double> fraction, int running)
{
    if (!m_bus.isConnected())
        return;
    const int percent = fraction ? static_cast<int>(std::floor(std::clamp(*fraction, 0.0, 1.0) * 100)) : -1;
    if (percent == m_lastPercent && running == m_lastCount)
        return;
    m_lastPercent = percent;
    m_lastCount = running;
    QDBusMessage update = QDBusMessage::createSignal(QString::fromLatin1(kLauncherPath),
                                                     QString::fromLatin1(kLauncherInterface), QStringLiteral("Update"));
    QVariantMap props;
    props.insert(QStringLiteral("progress"), fraction ? std::clamp(*fraction, 0.0, 1.0) : 0.0);
    props.insert(QStringLiteral("progress-visible"), fraction.has_value());
    props.insert(QStringLiteral("count"), static_cast<qint64>(running));
    props.insert(QStringLiteral("count-visible"), fraction.has_value() && running > 1);
    update << QStringLiteral("application://%1.desktop").arg(QString::fromLatin1(kDesktopId)) << props;
    m_bus.send(update);
}

} // namespace hubui
