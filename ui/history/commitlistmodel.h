#pragma once

#include "ui/core/asyncjob.h"

#include "hub/api/types.h"
#include "hub/core/error.h"
#include "hub/core/types.h"

#include <QAbstractTableModel>
#include <QMap>
#include <QStringList>

#include <vector>

namespace hubui {

class AppContext;

/// The commits of one revision, newest first, fetched a page at a time as the view scrolls
/// (canFetchMore/fetchMore over the Hub's paged commits endpoint). Tags and branches are shown
/// on the commits they point to.
class CommitListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommitListModel)

public:
    enum Column { Title, Refs, Author, Date, Commit, ColumnCount };
    enum Role {
        CommitIdRole = Qt::UserRole + 1, ///< QString, 40 hex
        TitleRole,                       ///< QString
        AuthorsRole,                     ///< QStringList
        DateRole,                        ///< QString ISO-8601
        RefNamesRole,                    ///< QStringList: tags and branches on this commit
        TagsRole,                        ///< QStringList: tags only
        BranchesRole,                    ///< QStringList: branches only
        /// QVariantList of QVariantMap {kind: "tag"|"branch"|"pr", name, label}: what
        /// RefBadgeDelegate paints, tags first.
        RefBadgesRole,
    };

    explicit CommitListModel(AppContext &context, QObject *parent = nullptr);
    ~CommitListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Starts over with the history of `revision` in `repo` (fetches the first page).
    void setRepo(const hub::RepoRef &repo, const QString &revision);
    /// Branch/tag names per commit id, from the repo's refs.
    void setRefs(const hub::Refs &refs);
    void setPageSize(size_t pageSize) { m_pageSize = pageSize; }

    const hub::CommitInfo &commitAt(int row) const { return m_commits.at(static_cast<size_t>(row)); }
    /// Total commits the Hub reported (X-Total-Count), -1 while unknown.
    qint64 totalCount() const { return m_total; }
    bool isFetching() const { return m_job.isRunning(); }
    QString lastError() const { return m_error; }
    /// Fetches the next page again after an error.
    void retry();

signals:
    void pageLoaded();
    void fetchFailed(const hub::HubError &error);

private:
    AppContext &m_context;
    hub::RepoRef m_repo;
    QString m_revision;
    std::vector<hub::CommitInfo> m_commits;
    QMap<QString, QStringList> m_refNames;
    QMap<QString, QStringList> m_tags;
    QMap<QString, QStringList> m_branches;
    QMap<QString, QVariantList> m_badges;
    size_t m_pageSize = 50;
    size_t m_nextPage = 0;
    qint64 m_total = -1;
    bool m_atEnd = false;
    QString m_error;
    JobHandle m_job;
    quint64 m_generation = 0;
};

} // namespace hubui
