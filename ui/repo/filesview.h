#pragma once

#include "ui/core/asyncjob.h"

#include "hub/core/types.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace hubui {

class AppContext;
class FileTreeModel;
class LoadStateWidget;

/// The Files tab: the folder tree at the chosen revision with sizes, LFS badges and what is
/// already cached; downloads (selected files and folders, or the whole revision) go through the
/// transfer engine; cached files and folders open with the desktop's default application.
///
/// A repo of up to kWholeTreeFiles files is listed in one recursive listing (every folder size
/// known at once); a bigger one lists the root and then each folder when it is opened, and asks the
/// Hub for the total size of each folder shown but not listed (HubClient::folderSize), so sizes
/// are exact before anything is opened.
class FilesView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilesView)

public:
    /// Above this many files (the repo info's sibling count), folders are listed lazily.
    static constexpr size_t kWholeTreeFiles = 2000;

    explicit FilesView(AppContext &context, QWidget *parent = nullptr);
    ~FilesView() override;

    void setRepo(const hub::RepoRef &repo, const QString &revision);
    /// Queues a download of `paths` (files, or folders ending in '/'; empty = the whole revision)
    /// at `revision`.
    void download(const QString &revision, const QStringList &paths);

    FileTreeModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *view() const { return m_view; }
    LoadStateWidget *loadState() const { return m_state; }
    QString commit() const { return m_commit; }

signals:
    void loaded();
    /// A folder asked for by the tree (lazy mode) is listed (or failed to be).
    void folderLoaded(const QString &path);
    /// A round of folder-size questions (the treesize route) has its answer; `unavailable` when
    /// the Hub refused the route, so the view stops asking for this repo.
    void folderSizesAnswered(bool unavailable);
    void cacheInfoUpdated();

private:
    QString downloadRevision() const;
    void refreshCached();
    void listFolder(const QString &path);
    /// Asks the Hub for the sizes of the not-yet-listed subfolders of `path` ("" = the root).
    void fetchFolderSizes(const QString &path);
    /// Selected repo paths; folders end in '/'.
    QStringList selectedPaths() const;
    /// The local path of the current item in the snapshot, or empty when nothing of it is cached.
    QString cachedLocalPath() const;
    void openCached(bool containingFolder);
    void updateButtons();

    AppContext &m_context;
    hub::RepoRef m_repo;
    QString m_revision;
    QString m_commit;
    FileTreeModel *m_model;
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
    std::vector<JobHandle> m_folderJobs;
    quint64 m_generation = 0;
    bool m_folderSizesUnavailable = false; ///< the Hub refused the treesize route for this repo: stop asking
};

} // namespace hubui
