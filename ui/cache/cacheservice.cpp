#include "ui/cache/cacheservice.h"

#include "hub/cache/xetcache.h"

#include "ui/cache/cachemodel.h"

#include <map>

namespace hubui {

CacheService::CacheService(QString cacheDir, QString xetDir, QObject *parent)
    : QObject(parent), m_cacheDir(std::move(cacheDir)), m_xetDir(std::move(xetDir))
{
    m_progressTimer.setInterval(150);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_verifyProgress) {
            emit verifyProgress(static_cast<qint64>(m_verifyProgress->done.load()),
                                static_cast<qint64>(m_verifyProgress->total.load()));
        }
    });
}

CacheService::~CacheService()
{
    for (const JobHandle &job : {m_scanJob, m_planJob, m_pruneJob, m_verifyJob})
        job.cancel();
    // A running deletion is left to finish: stopping half-way is safe but surprising.
}

void CacheService::setCacheDir(const QString &cacheDir, const QString &xetDir)
{
    m_cacheDir = cacheDir;
    m_xetDir = xetDir;
    m_info.reset();
}

void CacheService::scan()
{
    m_scanJob.cancel();
    emit scanStarted();
    const std::filesystem::path root = m_cacheDir.toStdString();
    const std::filesystem::path xet = m_xetDir.toStdString();
    m_scanJob = runJob(
        this,
        [root, xet](const std::shared_ptr<std::atomic<bool>> &cancel) {
            hub::cache::ScanOptions options;
            options.xetCacheDir = xet;
            options.cancel = cancel.get();
            return hub::cache::CacheScanner::scan(root, options);
        },
        [this, root](hub::Expected<hub::cache::CacheInfo> result) {
            if (!result) {
                if (result.error().code == hub::ErrorCode::EntryNotFound) {
                    // No cache yet: an empty one, not an error.
                    auto empty = std::make_shared<hub::cache::CacheInfo>();
                    empty->root = root;
                    m_info = std::move(empty);
                    emit scanFinished();
                    return;
                }
                emit scanFailed(QString::fromStdString(result.error().message));
                return;
            }
            m_info = std::make_shared<const hub::cache::CacheInfo>(std::move(result).value());
            emit scanFinished();
        });
}

void CacheService::planSelection(const hub::cache::DeleteSelection &selection)
{
    if (!m_info) {
        emit planFailed(tr("The cache has not been scanned yet."));
        return;
    }
    m_planJob.cancel();
    m_planJob = runJob(
        this,
        [info = m_info, selection](const std::shared_ptr<std::atomic<bool>> &) {
            return hub::cache::DeletePlan::forSelection(*info, selection);
        },
        [this](hub::Expected<hub::cache::DeletePlan> plan) {
            if (!plan) {
                emit planFailed(QString::fromStdString(plan.error().message));
                return;
            }
            emit planReady(std::make_shared<const hub::cache::DeletePlan>(std::move(plan).value()));
        });
}

void CacheService::planPrune(const hub::cache::PruneOptions &options)
{
    if (!m_info)
        return;
    m_pruneJob.cancel();
    m_pruneJob = runJob(
        this,
        [info = m_info, options](const std::shared_ptr<std::atomic<bool>> &) {
            return hub::cache::DeletePlan::forPrune(*info, options);
        },
        [this](hub::cache::DeletePlan plan) {
            emit prunePlanReady(std::make_shared<const hub::cache::DeletePlan>(std::move(plan)));
        });
}

void CacheService::execute(std::shared_ptr<const hub::cache::DeletePlan> plan)
{
    if (!plan || m_deleteJob.isRunning())
        return;
    const QList<RemovedRevision> removed = m_info ? removedRevisions(*plan, *m_info) : QList<RemovedRevision>();
    m_deleteJob = runJob(
        this, [plan](const std::shared_ptr<std::atomic<bool>> &) { return plan->execute(); },
        [this, removed](hub::cache::DeleteReport report) {
            emit deleted(report, removed);
            scan();
        });
}

void CacheService::emptyXetCache()
{
    if (m_xetDir.isEmpty() || m_deleteJob.isRunning())
        return;
    const std::filesystem::path xet = m_xetDir.toStdString();
    m_deleteJob = runJob(
        this, [xet](const std::shared_ptr<std::atomic<bool>> &) { return hub::cache::emptyXetCache(xet); },
        [this](hub::Expected<uint64_t> freed) {
            emit xetEmptied(freed ? static_cast<qint64>(*freed) : 0,
                            freed ? QString() : QString::fromStdString(freed.error().message));
            scan();
        });
}

void CacheService::verify(const std::vector<hub::RepoRef> &repos, const std::vector<std::string> &commits)
{
    if (!m_info || m_verifyJob.isRunning())
        return;
    m_verifyProgress = std::make_shared<VerifyProgress>();
    m_progressTimer.start();
    m_verifyJob = runJob(
        this,
        [info = m_info, repos, commits, progress = m_verifyProgress](const std::shared_ptr<std::atomic<bool>> &cancel) {
            hub::cache::VerifyOptions options;
            options.repos = repos;
            options.commits = commits;
            options.cancel = cancel.get();
            options.progress = [progress](uint64_t done, uint64_t total, const std::filesystem::path &) {
                progress->done.store(done);
                progress->total.store(total);
            };
            return hub::cache::CacheVerifier::verify(*info, options);
        },
        [this](hub::cache::VerifyReport report) {
            m_progressTimer.stop();
            emit verifyProgress(static_cast<qint64>(m_verifyProgress->done.load()),
                                static_cast<qint64>(m_verifyProgress->total.load()));
            emit verifyFinished(report);
        });
}

void CacheService::cancelVerify()
{
    if (!m_verifyJob.isRunning())
        return;
    m_verifyJob.cancel(); // the done callback will not run: report the cancellation ourselves
    m_progressTimer.stop();
    hub::cache::VerifyReport report;
    report.cancelled = true;
    emit verifyFinished(report);
}

QList<RemovedRevision> CacheService::removedRevisions(const hub::cache::DeletePlan &plan,
                                                      const hub::cache::CacheInfo &info)
{
    QList<RemovedRevision> out;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto add = [&](const hub::cache::RepoEntry &repo, const hub::cache::RevisionEntry &rev, qint64 bytes) {
        RemovedRevision r;
        r.repoKey = CacheModel::repoKey(repo.repo);
        r.commit = QString::fromStdString(rev.commit);
        for (const std::string &ref : rev.refs)
            r.refs << QString::fromStdString(ref);
        r.bytes = bytes;
        r.removedAt = now;
        out << r;
    };
    for (const hub::cache::PlannedRemoval &item : plan.items()) {
        if (item.kind == hub::cache::PlannedRemoval::Kind::RepoFolder) {
            for (const hub::cache::RepoEntry &repo : info.repos) {
                if (repo.cacheId() != item.repoId)
                    continue;
                for (const auto &rev : repo.revisions)
                    add(repo, rev, static_cast<qint64>(rev.exclusiveBytes));
            }
        } else if (item.kind == hub::cache::PlannedRemoval::Kind::SnapshotDir && !item.commit.empty()) {
            const auto [repo, rev] = info.findRevision(item.commit);
            if (repo && rev)
                add(*repo, *rev, static_cast<qint64>(rev->exclusiveBytes));
        }
    }
    return out;
}

} // namespace hubui
