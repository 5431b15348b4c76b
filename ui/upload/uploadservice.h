#pragma once

#include "ui/core/asyncjob.h"

#include "hub/api/config.h"
#include "hub/transfer/job.h"
#include "hub/transfer/preflight.h"

#include <QObject>
#include <QStringList>

namespace hubui {

/// The network and disk side of the upload dialog, off the GUI thread: the pre-flight plan
/// (walk the dropped files, ask preupload, hash to find unchanged files), the branches of the
/// repo, and the current head of the target branch (to notice someone else's commit).
class UploadService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadService)

public:
    explicit UploadService(hub::ClientConfig client, QObject *parent = nullptr);
    ~UploadService() override;

    /// planReady / planFailed. A newer call cancels the previous one.
    void preflight(const hub::UploadRequest &request);
    /// branchesLoaded (branch names, default branch first).
    void loadBranches(const hub::RepoRef &repo);
    /// headChecked(branch, commit) / headCheckFailed.
    void checkHead(const hub::RepoRef &repo, const QString &branch);

signals:
    void planReady(const hub::UploadPlan &plan);
    void planFailed(const QString &message);
    void branchesLoaded(const QStringList &branches);
    void headChecked(const QString &branch, const QString &commit);
    void headCheckFailed(const QString &message);

private:
    hub::ClientConfig m_client;
    JobHandle m_preflight;
    JobHandle m_head;
};

} // namespace hubui

Q_DECLARE_METATYPE(hub::UploadPlan)
