#pragma once

#include "ui/core/asyncjob.h"

#include "hub/api/discussions.h"
#include "hub/core/error.h"
#include "hub/core/types.h"

#include <QAbstractTableModel>

#include <vector>

namespace hubui {

class AppContext;

/// The pull requests and discussions of one repo, newest first, as the Hub lists them. All of
/// them are fetched in one background job (the Hub pages them; a repo rarely has more than a
/// few hundred, and the open-PR count in the tab title needs them all); filtering is left to
/// DiscussionFilterProxy.
class DiscussionListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscussionListModel)

public:
    enum Column { Status, Number, Title, Author, Age, Comments, ColumnCount };
    enum Role {
        NumberRole = Qt::UserRole + 1, ///< int
        StatusRole,                    ///< QString: open, closed, merged, draft
        IsPullRequestRole,             ///< bool
        TitleRole,                     ///< QString
        AuthorRole,                    ///< QString
        CreatedAtRole,                 ///< QString ISO-8601
        /// QString the chip shows ("Open", "Merged"...), translated.
        StatusLabelRole,
    };

    /// At most this many are fetched (newest first).
    static constexpr size_t kLimit = 1000;

    explicit DiscussionListModel(AppContext &context, QObject *parent = nullptr);
    ~DiscussionListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Clears and loads the list of `repo` (an empty id just clears).
    void setRepo(const hub::RepoRef &repo);
    /// Loads the same repo again, keeping the rows until the answer is in.
    void reload();
    void cancel();

    const hub::Discussion &discussionAt(int row) const { return m_items.at(static_cast<size_t>(row)); }
    /// The row of discussion `num`, -1 when it is not in the list.
    int rowOf(int num) const;
    /// Open (or draft) pull requests; -1 until the first answer.
    int openPullRequestCount() const { return m_loaded ? m_openPrs : -1; }
    bool isLoading() const { return m_job.isRunning(); }
    bool hasLoaded() const { return m_loaded; }

    /// "Open", "Closed", "Merged", "Draft" (translated).
    static QString statusLabel(const QString &status);

signals:
    void loaded();
    void loadFailed(const hub::HubError &error);

private:
    AppContext &m_context;
    hub::RepoRef m_repo;
    std::vector<hub::Discussion> m_items;
    int m_openPrs = 0;
    bool m_loaded = false;
    JobHandle m_job;
};

} // namespace hubui
