#pragma once

#include "ui/cache/removedrevision.h"
#include "ui/core/asyncjob.h"

#include "hub/cache/clean.h"
#include "hub/cache/scan.h"
#include "hub/cache/verify.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <atomic>
#include <memory>

namespace hubui {

/// Everything the cache page does to the disk, off the GUI thread (QtConcurrent through
/// runJob + a cancel flag): scan, build a deletion or prune plan, execute it, verify blobs.
/// Results come back as signals on the GUI thread. One operation of each kind at a time; a new
/// scan cancels the previous one.
class CacheService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheService)

public:
    /// `cacheDir` = hub cache root; `xetDir` = the Xet cache to measure (may be empty).
    CacheService(QString cacheDir, QString xetDir, QObject *parent = nullptr);
    ~CacheService() override;

    QString cacheDir() const { return m_cacheDir; }
    void setCacheDir(const QString &cacheDir, const QString &xetDir);
    std::shared_ptr<const hub::cache::CacheInfo> info() const { return m_info; }
    bool isScanning() const { return m_scanJob.isRunning(); }
    bool isDeleting() const { return m_deleteJob.isRunning(); }
    bool isVerifying() const { return m_verifyJob.isRunning(); }

    void scan();
    /// Plans the deletion of what the user selected (planReady or planFailed).
    void planSelection(const hub::cache::DeleteSelection &selection);
    /// Plans a prune (prunePlanReady). Pinned commits are excluded by the caller's options.
    void planPrune(const hub::cache::PruneOptions &options);
    /// Executes a plan, then rescans (deleted, then scanFinished).
    void execute(std::shared_ptr<const hub::cache::DeletePlan> plan);
    /// Re-hashes the blobs of the given repos / commits (all when empty).
    void verify(const std::vector<hub::RepoRef> &repos, const std::vector<std::string> &commits);
    void cancelVerify();
    QString xetDir() const { return m_xetDir; }
    /// Empties the Xet cache as a whole (xetEmptied, then a rescan).
    void emptyXetCache();

    /// What `plan` would remove, revision by revision, according to `info` (used for the
    /// "removed" list; a whole-repo removal lists each of its revisions).
    static QList<RemovedRevision> removedRevisions(const hub::cache::DeletePlan &plan,
                                                   const hub::cache::CacheInfo &info);

signals:
    void scanStarted();
    void scanFinished();
    void scanFailed(const QString &message);
    void planReady(std::shared_ptr<const hub::cache::DeletePlan> plan);
    void planFailed(const QString &message);
    void prunePlanReady(std::shared_ptr<const hub::cache::DeletePlan> plan);
    /// After execute(): the report, and the revisions that went (repo and commit).
    void deleted(const hub::cache::DeleteReport &report, const QList<hubui::RemovedRevision> &removed);
    void verifyProgress(qint64 doneBytes, qint64 totalBytes);
    void verifyFinished(const hub::cache::VerifyReport &report);
    /// After emptyXetCache(): the bytes freed, or an error sentence.
    void xetEmptied(qint64 freedBytes, const QString &error);

private:
    QString m_cacheDir;
    QString m_xetDir;
    std::shared_ptr<const hub::cache::CacheInfo> m_info;
    JobHandle m_scanJob;
    JobHandle m_planJob;
    JobHandle m_pruneJob;
    JobHandle m_deleteJob;
    JobHandle m_verifyJob;
    struct VerifyProgress {
        std::atomic<uint64_t> done{0};
        std::atomic<uint64_t> total{0};
    };
    std::shared_ptr<VerifyProgress> m_verifyProgress;
    QTimer m_progressTimer;
};

} // namespace hubui

Q_DECLARE_METATYPE(std::shared_ptr<const hub::cache::DeletePlan>)
Q_DECLARE_METATYPE(hub::cache::DeleteReport)
Q_DECLARE_METATYPE(hub::cache::VerifyReport)
