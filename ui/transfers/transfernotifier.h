#pragma once

#include "ui/transfers/transferjobinfo.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QSystemTrayIcon;

namespace hubui {

class DesktopIntegration;
class TransferAdapter;

/// Tells the person when a long job ends. While HubDesk's window is in front, an in-app banner
/// (bannerRequested()) is enough; in the background, a desktop notification (freedesktop, over
/// DesktopIntegration), else the tray's balloon, else the banner plus attentionRequested() (the
/// task-bar entry flashes). It also keeps the launcher entry's progress bar up to date.
class TransferNotifier final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferNotifier)

public:
    /// `tray` may be null (no tray on this platform / in tests): then banners are used.
    TransferNotifier(TransferAdapter *adapter, QSystemTrayIcon *tray, QObject *parent = nullptr);

    /// Sends background notifications and launcher progress through `desktop` (may be null).
    void setDesktop(DesktopIntegration *desktop);
    /// Whether the app's window is in front (default: the application has an active window).
    void setForegroundCheck(std::function<bool()> inForeground) { m_inForeground = std::move(inForeground); }

    /// Jobs that ran at least this long are announced (default 10 s). 0 = every job.
    void setMinimumDuration(int seconds) { m_minSeconds = seconds; }
    /// The sentence shown for a finished job ("model.onnx downloaded", "Upload failed: ...").
    static QString messageFor(const TransferJobInfo &job);

signals:
    void bannerRequested(const QString &text);
    /// Nothing outside the window could show a notification: ask for the task bar's attention.
    void attentionRequested();

private:
    void onFinished(const TransferJobInfo &job);
    void fallback(const QString &text, bool failed);
    void updateProgress();

    TransferAdapter *m_adapter;
    QPointer<QSystemTrayIcon> m_tray;
    QPointer<DesktopIntegration> m_desktop;
    std::function<bool()> m_inForeground;
    int m_minSeconds = 10;
};

} // namespace hubui
