#pragma once

#include "ui/transfers/transferjobinfo.h"

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;

namespace hubui {

class TransferAdapter;

/// Tells the person when a long job ends: a desktop notification through QSystemTrayIcon when
/// the platform has one, otherwise the bannerRequested() signal for an in-app banner.
class TransferNotifier final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferNotifier)

public:
    /// `tray` may be null (no tray on this platform / in tests): then banners are used.
    TransferNotifier(TransferAdapter *adapter, QSystemTrayIcon *tray, QObject *parent = nullptr);

    /// Jobs that ran at least this long are announced (default 10 s). 0 = every job.
    void setMinimumDuration(int seconds) { m_minSeconds = seconds; }
    /// The sentence shown for a finished job ("model.onnx downloaded", "Upload failed: ...").
    static QString messageFor(const TransferJobInfo &job);

signals:
    void bannerRequested(const QString &text);

private:
    void onFinished(const TransferJobInfo &job);

    QPointer<QSystemTrayIcon> m_tray;
    int m_minSeconds = 10;
};

} // namespace hubui
