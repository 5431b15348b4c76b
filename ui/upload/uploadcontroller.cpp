#include "ui/upload/uploadcontroller.h"

#include "ui/transfers/transferadapter.h"
#include "ui/upload/uploaddialog.h"
#include "ui/upload/uploadservice.h"

#include <QFileInfo>

namespace hubui {

UploadController::UploadController(TransferAdapter *adapter, ConfigSource config, ActingAs actingAs, QObject *parent)
    : QObject(parent), m_adapter(adapter), m_config(std::move(config)), m_actingAs(std::move(actingAs))
{
    connect(m_adapter, &TransferAdapter::jobFinished, this, &UploadController::onFinished);
}

std::vector<hub::UploadSource> UploadController::sourcesFor(const QStringList &localPaths)
{
    std::vector<hub::UploadSource> sources;
    for (const QString &path : localPaths) {
        const QFileInfo info(path);
        QString name = info.fileName();
        if (name.isEmpty()) // "dir/" -> "dir"
            name = QFileInfo(info.absolutePath()).fileName();
        sources.push_back({info.absoluteFilePath().toStdString(), name.toStdString()});
    }
    return sources;
}

UploadDialog *UploadController::startUpload(const hub::RepoRef &repo, const QStringList &localPaths,
                                            QWidget *dialogParent, const QString &branch)
{
    auto *service = new UploadService(m_config(), this);
    auto *dialog = new UploadDialog(service, repo, sourcesFor(localPaths), m_actingAs(), branch, dialogParent);
    service->setParent(dialog); // lives as long as the dialog
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        hub::UploadRequest request = dialog->request();
        auto id = m_adapter->submit(request);
        if (!id) {
            emit uploadFailed(
                QString::fromStdString(std::string(hub::repoTypeName(request.repo.type)) + "/" + request.repo.id.str()),
                QString::fromStdString(id.error().message));
            return;
        }
        m_jobs.insert(*id, std::move(request));
        emit uploadSubmitted(*id);
    });
    dialog->open();
    return dialog;
}

void UploadController::onFinished(const TransferJobInfo &job)
{
    const auto it = m_jobs.constFind(job.id);
    if (it == m_jobs.constEnd() || job.kind != TransferJobInfo::Kind::Upload)
        return;
    const hub::UploadRequest request = it.value();
    if (job.state == TransferJobInfo::State::Completed) {
        m_jobs.remove(job.id);
        UploadOutcome out;
        out.repoKey = job.repo;
        out.branch = QString::fromStdString(request.revision);
        out.commit = job.commit;
        out.url = job.resultUrl;
        out.pullRequest = job.pullRequest;
        for (const auto &s : request.sources)
            out.files << QString::fromStdString(s.pathInRepo);
        if (!job.files.isEmpty())
            out.files = job.files;
        emit uploadFinished(out);
    } else if (job.state == TransferJobInfo::State::Failed) {
        if (job.errorCode == QStringLiteral("PreconditionFailed") && !request.createPr) {
            emit branchMovedDuringUpload(
                job.id, tr("Someone else committed to %1 while your upload ran, so nothing was overwritten. Open a "
                           "pull request with your files instead?")
                            .arg(QString::fromStdString(request.revision)));
        } else {
            m_jobs.remove(job.id);
            emit uploadFailed(job.repo, job.error);
        }
    }
}

bool UploadController::retryAsPullRequest(quint64 jobId)
{
    const auto it = m_jobs.constFind(jobId);
    if (it == m_jobs.constEnd())
        return false;
    hub::UploadRequest request = it.value();
    m_jobs.remove(jobId);
    request.createPr = true;
    request.parentCommit.clear();
    auto id = m_adapter->submit(request);
    if (!id)
        return false;
    m_adapter->remove(jobId);
    m_jobs.insert(*id, std::move(request));
    emit uploadSubmitted(*id);
    return true;
}

} // namespace hubui
