#pragma once

#include "ui/core/asyncjob.h"

#include "hub/core/types.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace hubui {

class AppContext;
class FileListModel;
class LoadStateWidget;

/// The Files tab: the tree at the chosen revision with sizes, LFS badges and what is already
/// cached; downloads (selected files, or the whole revision) go through the transfer engine;
/// cached files open with the desktop's default application.
class FilesView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilesView)

public:
    explicit FilesView(AppContext &context, QWidget *parent = nullptr);
    ~FilesView() override;

    void setRepo(const hub::RepoRef &repo, const QString &revision);
    /// Queues a download of `paths` (empty = the whole revision) at `revision`.
    void download(const QString &revision, const QStringList &paths);

    FileListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    LoadStateWidget *loadState() const { return m_state; }
    QString commit() const { return m_commit; }

signals:
    void loaded();
    void cacheInfoUpdated();

private:
    void refreshCached();
    QStringList selectedPaths() const;
    void updateButtons();

    AppContext &m_context;
    hub::RepoRef m_repo;
    QString m_revision;
    QString m_commit;
    FileListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
    LoadStateWidget *m_state;
    QLabel *m_info;
    QPushButton *m_downloadSelected;
    QPushButton *m_downloadAll;
    QPushButton *m_open;
    QPushButton *m_openFolder;
    JobHandle m_job;
    JobHandle m_cacheJob;
};

} // namespace hubui
