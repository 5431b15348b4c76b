#include "ui/transfers/transfernotifier.h"

#include "ui/transfers/transferadapter.h"

#include <QSystemTrayIcon>

namespace hubui {

TransferNotifier::TransferNotifier(TransferAdapter *adapter, QSystemTrayIcon *tray, QObject *parent)
    : QObject(parent), m_tray(tray)
{
    connect(adapter, &TransferAdapter::jobFinished, this, &TransferNotifier::onFinished);
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
    if (m_tray && QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages() &&
        m_tray->isVisible()) {
        const auto icon =
            job.state == TransferJobInfo::State::Failed ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information;
        m_tray->showMessage(tr("HubDesk"), text, icon);
    } else {
        emit bannerRequested(text);
    }
}

} // namespace hubui
