#pragma once

#include "ui/transfers/transferjobinfo.h"

#include "hub/api/config.h"
#include "hub/transfer/job.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace hubui {

class TransferAdapter;
class UploadDialog;

/// What a finished upload produced, for the link at the end and the History tab.
struct UploadOutcome {
    QString repoKey;
    QString branch;
    QString commit;
    QUrl url; ///< the new commit, or the pull request
    bool pullRequest = false;
    QStringList files;
};

/// The drag-and-drop upload flow: dropped paths → UploadDialog (plan, branch, message, acting
/// account) → a background job on the transfer engine → uploadFinished with the commit or
/// pull request. If the branch moved while the job ran (412), it offers a pull request.
class UploadController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadController)

public:
    using ConfigSource = std::function<hub::ClientConfig()>;
    using ActingAs = std::function<QString()>;

    /// `adapter` is not owned. `config` gives the current connection (with token); `actingAs`
    /// describes the signed-in account ("" = nobody).
    UploadController(TransferAdapter *adapter, ConfigSource config, ActingAs actingAs, QObject *parent = nullptr);

    /// Opens the upload dialog for files/folders dropped on `repo`. `dialogParent` may be null.
    UploadDialog *startUpload(const hub::RepoRef &repo, const QStringList &localPaths, QWidget *dialogParent,
                              const QString &branch = QStringLiteral("main"));
    /// Turns dropped paths into upload sources (a folder keeps its name as the repo folder).
    static std::vector<hub::UploadSource> sourcesFor(const QStringList &localPaths);

signals:
    void uploadSubmitted(quint64 jobId);
    void uploadFinished(const hubui::UploadOutcome &outcome);
    void uploadFailed(const QString &repoKey, const QString &message);
    /// The branch moved during the upload; `retryAsPr()` opens a pull request instead.
    void branchMovedDuringUpload(quint64 jobId, const QString &message);

public slots:
    /// Re-submits a job that failed because the branch moved, as a pull request.
    bool retryAsPullRequest(quint64 jobId);

private:
    void onFinished(const TransferJobInfo &job);

    TransferAdapter *m_adapter;
    ConfigSource m_config;
    ActingAs m_actingAs;
    QHash<quint64, hub::UploadRequest> m_jobs;
};

} // namespace hubui

Q_DECLARE_METATYPE(hubui::UploadOutcome)
