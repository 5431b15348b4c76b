#include "ui/transfers/transfernotifier.h"

#include "ui/transfers/desktopintegration.h"
#include "ui/transfers/transferadapter.h"
#include "ui/transfers/transfermodel.h"

#include <QApplication>
#include <QSystemTrayIcon>

#include <optional>

namespace hubui {

TransferNotifier::TransferNotifier(TransferAdapter *adapter, QSystemTrayIcon *tray, QObject *parent)
    : QObject(parent), m_adapter(adapter), m_tray(tray),
      m_inForeground([] { return QApplication::activeWindow() != nullptr; })
{
    connect(adapter, &TransferAdapter::jobFinished, this, &TransferNotifier::onFinished);
    connect(adapter, &TransferAdapter::jobUpdated, this, &TransferNotifier::updateProgress);
    connect(adapter, &TransferAdapter::jobFinished, this, &TransferNotifier::updateProgress);
}

void TransferNotifier::setDesktop(DesktopIntegration *desktop)
{
    if (m_desktop)
        disconnect(m_desktop, nullptr, this, nullptr);
    m_desktop = desktop;
    if (desktop)
        connect(desktop, &DesktopIntegration::undelivered, this,
                [this](const QString &, const QString &body, bool failed) { fallback(body, failed); });
    updateProgress();
}

void TransferNotifier::updateProgress()
{
    if (!m_desktop)
        return;
    // One bar for everything that moves: bytes done of bytes known, over the active jobs.
    qint64 done = 0, total = 0;
    int active = 0;
    const TransferModel *model = m_adapter->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const TransferJobInfo &job = model->jobAt(row);
        if (!job.isActive())
            continue;
        ++active;
        if (job.bytesTotal > 0) {
            done += job.bytesDone;
            total += job.bytesTotal;
        }
    }
    std::optional<double> fraction;
    if (active > 0)
        fraction = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 0.0;
    m_desktop->setProgress(fraction, active);
}

void TransferNotifier::fallback(const QString &text, bool failed)
{
    if (m_tray && QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages() &&
        m_tray->isVisible()) {
        m_tray->showMessage(tr("HubDesk"), text, failed ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
        return;
    }
    emit bannerRequested(text);
    emit attentionRequested();
}

QString TransferNotifier::messageFor(const TransferJobInfo &job)
{
    const bool upload = job.kind == TransferJobInfo::Kind::Upload;
    switch (job.state) {
    case TransferJobInfo::State::Completed:
        if (upload && job.pullRequest)
            return tr("%1: pull request opened on %2").arg(job.title, job.repo);
        return upload ? tr("%1: uploaded to %2").arg(job.title, job.repo)
                      : tr("%1: downloaded from %2").arg(job.title, job.repo);
    case TransferJobInfo::State::Failed: return tr("%1 failed: %2").arg(job.title, job.error);
    case TransferJobInfo::State::Cancelled: return tr("%1 was cancelled").arg(job.title);
    default: return {};
    }
}

void TransferNotifier::onFinished(const TransferJobInfo &job)
{
    if (job.state == TransferJobInfo::State::Cancelled)
        return; // the person did that themselves
    const qint64 seconds =
        job.startedAt.isValid() && job.finishedAt.isValid() ? job.startedAt.secsTo(job.finishedAt) : 0;
    if (seconds < m_minSeconds)
        return;
    const QString text = messageFor(job);
    const bool failed = job.state == TransferJobInfo::State::Failed;
    if (m_inForeground && m_inForeground()) {
        emit bannerRequested(text); // the person is looking at HubDesk
        return;
    }
    if (m_desktop) {
        m_desktop->notify(failed ? tr("Transfer failed") : tr("Transfer finished"), text, failed);
        emit bannerRequested(text); // also in the window, for when they come back
        return;
    }
    fallback(text, failed);
}

} // namespace hubui
