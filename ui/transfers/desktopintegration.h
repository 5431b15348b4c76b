#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>

#include <optional>

namespace hubui {

/// What the desktop shows of HubDesk outside its window, over the session D-Bus:
/// - notifications (org.freedesktop.Notifications, the freedesktop spec every Linux desktop
///   implements, tray or not);
/// - the progress bar and count on the launcher / task-bar entry (com.canonical.Unity.
///   LauncherEntry, read by KDE Plasma, Dash to Dock / Dash to Panel, Plank and others).
/// Every call is asynchronous: nothing waits for the desktop on the GUI thread.
class DesktopIntegration final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopIntegration)

public:
    /// The desktop file (without ".desktop") that names the app to the desktop.
    static constexpr const char *kDesktopId = "io.github.hubdesk.HubDesk";

    explicit DesktopIntegration(QDBusConnection bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);

    /// Shows a notification; `failed` makes it urgent (stays until dismissed on most desktops).
    /// When no notification service answers (no session bus, none running), undelivered() says
    /// so later, so the caller can show it another way.
    void notify(const QString &summary, const QString &body, bool failed);
    /// Puts `fraction` (0..1) on the launcher entry with `running` as its count; nullopt hides both.
    /// Repeats of the same whole percent are not sent again.
    void setProgress(std::optional<double> fraction, int running);

signals:
    void undelivered(const QString &summary, const QString &body, bool failed);
    /// The notification service took it (for tests and diagnostics).
    void delivered(uint id);

private:
    QDBusConnection m_bus;
    int m_lastPercent = -2; ///< -1: hidden; -2: nothing sent yet
    int m_lastCount = -1;
};

} // namespace hubui
