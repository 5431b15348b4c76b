#include "ui/upload/uploadservice.h"

#include "hub/api/client.h"

namespace hubui {

UploadService::UploadService(hub::ClientConfig client, QObject *parent) : QObject(parent), m_client(std::move(client))
{
}

UploadService::~UploadService()
{
    m_preflight.cancel();
    m_head.cancel();
}

void UploadService::preflight(const hub::UploadRequest &request)
{
    m_preflight.cancel();
    m_preflight = runJob(
        this,
        [config = m_client, request](const std::shared_ptr<std::atomic<bool>> &cancel) {
            hub::HubClient client(config);
            client.setCancelFlag(cancel);
            return hub::preflightUpload(client, request);
        },
        [this](hub::Expected<hub::UploadPlan> plan) {
            if (plan)
                emit planReady(*plan);
            else
                emit planFailed(QString::fromStdString(plan.error().message));
        });
}

void UploadService::loadBranches(const hub::RepoRef &repo)
{
    runJob(
        this,
        [config = m_client, repo](const std::shared_ptr<std::atomic<bool>> &cancel) {
            hub::HubClient client(config);
            client.setCancelFlag(cancel);
            QStringList names;
            if (auto refs = client.refs(repo)) {
                for (const hub::GitRef &b : refs->branches)
                    names << QString::fromStdString(b.name);
            }
            names.removeAll(QStringLiteral("main"));
            names.prepend(QStringLiteral("main"));
            return names;
        },
        [this](QStringList names) { emit branchesLoaded(names); });
}

void UploadService::checkHead(const hub::RepoRef &repo, const QString &branch)
{
    m_head.cancel();
    m_head = runJob(
        this,
        [config = m_client, repo,
         name = branch.toStdString()](const std::shared_ptr<std::atomic<bool>> &cancel) -> std::pair<QString, QString> {
            hub::HubClient client(config);
            client.setCancelFlag(cancel);
            // A pull request's revision (refs/pr/N) is listed apart from the branches.
            const bool pullRequest = name.rfind("refs/pr/", 0) == 0;
            auto refs = client.refs(repo, pullRequest);
            if (!refs)
                return {QString(), QString::fromStdString(refs.error().message)};
            for (const hub::GitRef &b : pullRequest ? refs->pullRequests : refs->branches) {
                if (b.name == name || b.ref == name)
                    return {QString::fromStdString(b.targetCommit), QString()};
            }
            if (pullRequest)
                return {QString(),
                        QString::fromStdString("The Hub has no " + name + ": the pull request may have been deleted.")};
            return {QString(), QString()}; // a new branch: no head yet
        },
        [this, branch](std::pair<QString, QString> r) {
            if (!r.second.isEmpty())
                emit headCheckFailed(r.second);
            else
                emit headChecked(branch, r.first);
        });
}

} // namespace hubui
