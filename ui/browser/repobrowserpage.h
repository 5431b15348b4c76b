#pragma once

#include "hub/core/types.h"

#include <QWidget>

class QComboBox;
class QCheckBox;
class QLabel;
class QLineEdit;
class QTimer;
class QTreeView;

namespace hubui {

class AppContext;
class LoadStateWidget;
class RepoFilterProxy;
class RepoListModel;

/// The repo list: one repo type, optionally one namespace, with search (filtered as you type,
/// asked of the Hub after a pause), sort, private/gated badges and a cache badge per repo.
class RepoBrowserPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepoBrowserPage)

public:
    enum SortKey { ByName, ByLastModified, ByDownloads, ByLikes };

    explicit RepoBrowserPage(AppContext &context, QWidget *parent = nullptr);

    /// Shows repos of `type` in `author` (empty = all namespaces) and loads them.
    void show(hub::RepoType type, const QString &author);
    void setSortKey(SortKey key);

    RepoListModel *model() const { return m_model; }
    RepoFilterProxy *proxy() const { return m_proxy; }
    QTreeView *view() const { return m_view; }
    LoadStateWidget *loadState() const { return m_state; }
    QLineEdit *searchField() const { return m_search; }

signals:
    /// The user opened a repo (double click or Enter).
    void repoActivated(const hub::RepoRef &repo);

private:
    void updateTitle();
    void activate(const QModelIndex &proxyIndex);

    AppContext &m_context;
    RepoListModel *m_model;
    RepoFilterProxy *m_proxy;
    QLabel *m_title;
    QLineEdit *m_search;
    QComboBox *m_sort;
    QCheckBox *m_onlyCached;
    QTreeView *m_view;
    LoadStateWidget *m_state;
    QTimer *m_searchTimer;
};

} // namespace hubui
