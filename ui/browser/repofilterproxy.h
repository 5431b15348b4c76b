#pragma once

#include <QSortFilterProxyModel>

namespace hubui {

/// Sorts a RepoListModel by its SortRole and filters it by the search text as the user types
/// (the Hub-side search only runs after a pause), optionally to cached repos only.
class RepoFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepoFilterProxy)

public:
    explicit RepoFilterProxy(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    void setOnlyCached(bool only);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    bool m_onlyCached = false;
};

} // namespace hubui
