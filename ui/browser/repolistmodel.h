#pragma once

#include "ui/core/asyncjob.h"
#include "ui/core/cachestatus.h"

#include "hub/api/types.h"
#include "hub/core/error.h"

#include <QAbstractTableModel>

#include <vector>

namespace hubui {

class AppContext;

/// The repos of one listing (a type, optionally one namespace and a search), with a cache badge
/// per repo. Loads itself through AppContext: the Hub listing first, then the cache badges
/// (a second, disk-only job), so the list appears before the disk has been looked at.
class RepoListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepoListModel)

public:
    enum Column { Name, Downloads, Likes, LastModified, Cache, ColumnCount };
    enum Role {
        RepoIdRole = Qt::UserRole + 1, ///< QString "owner/name"
        RepoTypeRole,                  ///< int (hub::RepoType)
        PrivateRole,                   ///< bool
        GatedRole,                     ///< QString "", "auto", "manual"
        DownloadsRole,                 ///< qulonglong
        LikesRole,                     ///< qulonglong
        LastModifiedRole,              ///< QDateTime (invalid when unknown)
        HeadCommitRole,                ///< QString, the Hub's main commit
        CacheBadgeRole,                ///< int (CacheBadge)
        PipelineRole,                  ///< QString pipeline tag or Space SDK
        SortRole,                      ///< what the proxy sorts by, per column
    };

    struct Query {
        hub::RepoType type = hub::RepoType::Model;
        QString author; ///< empty = every namespace
        QString search; ///< sent to the Hub (substring of the id)
        friend bool operator==(const Query &, const Query &) = default;
    };

    explicit RepoListModel(AppContext &context, QObject *parent = nullptr);
    ~RepoListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Query &query() const { return m_query; }
    /// Starts loading the listing (cancelling a running one).
    void load(const Query &query);
    void reload() { load(m_query); }
    void cancel();
    bool isLoading() const { return m_listJob.isRunning(); }
    /// Looks at the cache again (after a download or a clean-up).
    void refreshCacheBadges();

    const hub::RepoSummary &repoAt(int row) const { return m_repos.at(static_cast<size_t>(row)); }
    CacheBadge badgeAt(int row) const { return m_badges.at(static_cast<size_t>(row)); }
    /// Row of a repo id, -1 if absent.
    int rowOf(const QString &repoId) const;

    /// Replaces the rows (used by load(); public for tests that feed recorded data).
    void setRepos(std::vector<hub::RepoSummary> repos);

signals:
    void loadingStarted();
    void loaded();
    void loadFailed(const hub::HubError &error);
    void cacheBadgesUpdated();

private:
    AppContext &m_context;
    Query m_query;
    std::vector<hub::RepoSummary> m_repos;
    std::vector<CacheBadge> m_badges;
    JobHandle m_listJob;
    JobHandle m_cacheJob;
};

} // namespace hubui
