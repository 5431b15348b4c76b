#pragma once

#include "hub/api/types.h"

#include <QAbstractItemModel>

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace hubui {

/// The files of a repo at one revision as a folder tree, with sizes (a folder's size is the sum
/// of its files once every folder below it is listed), LFS badges and what is already in the
/// local cache.
///
/// Two ways to fill it: setEntries(…, true) with one recursive listing (small repos: the whole
/// tree, every size known), or setEntries(…, false) with the root's direct children and then
/// lazy loading: fetchMore() on a folder emits folderRequested(), whoever listens lists that
/// folder and hands the answer to setFolderEntries(). The model itself does no I/O.
class FileTreeModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileTreeModel)

public:
    enum Column { Name, Size, Storage, Cached, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, ///< QString, '/'-separated from the repo root
        IsFolderRole,                ///< bool
        SizeRole,                    ///< qulonglong: file size, or the sum of the files known below a folder
        SizeKnownRole,   ///< bool: false for a folder with unlisted folders below it and no total from the Hub
        LfsRole,         ///< bool: stored with Git LFS
        CachedRole,      ///< bool: the file (every file of the folder) is in the cache
        CachedFilesRole, ///< int: files in the cache (1/0 for a file)
        FileCountRole,   ///< int: files known below a folder (1 for a file)
        LoadedRole,      ///< bool: a folder's children are listed
        SortRole,        ///< per column; folders sort before files by name
    };

    explicit FileTreeModel(QObject *parent = nullptr);
    ~FileTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Replaces everything. `recursive`: `entries` list the whole revision (every folder is then
    /// loaded); otherwise they are the root's direct children and folders load on demand.
    void setEntries(std::vector<hub::TreeEntry> entries, bool recursive);
    /// The listing of folder `path` asked for by folderRequested(): its direct children, or with
    /// `recursive` everything below it. Ignored when the folder is unknown or already loaded.
    void setFolderEntries(const QString &path, std::vector<hub::TreeEntry> entries, bool recursive = false);
    /// Listing folder `path` failed: it can be asked for again.
    void setFolderFailed(const QString &path);
    /// The Hub's total for folder `path` (every file below it), known before it is listed: its size
    /// then shows exactly instead of "at least …". Ignored for an unknown path.
    void setFolderSize(const QString &path, quint64 bytes);
    /// The same for several folders at once (one recomputation of the aggregates).
    void setFolderSizes(const std::vector<std::pair<std::string, uint64_t>> &sizes);
    /// Folders shown whose size is not exactly known (not fully listed, no total from the Hub):
    /// the direct subfolders of `path` ("" = the root).
    QStringList foldersWithoutSize(const QString &path) const;
    void clear();

    /// Paths of the files present in the cache at this revision.
    void setCachedPaths(std::set<std::string> paths);

    QModelIndex indexOfPath(const QString &path) const;
    /// Files known so far (all of them once isComplete()).
    int fileCount() const;
    /// Known files that are in the cache.
    int cachedCount() const;
    /// Every folder is listed.
    bool isComplete() const;
    /// Repo paths of the known files at or below `path` ("" = all).
    QStringList filesUnder(const QString &path) const;

signals:
    /// A folder needs its children listed (from fetchMore(), i.e. the user expanded it).
    void folderRequested(const QString &path);

private:
    struct Node;

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = 0) const;
    /// The node at `path` ("" = the root), nullptr when unknown.
    Node *findNode(const std::string &path) const;
    void insertEntries(Node *under, std::vector<hub::TreeEntry> &entries, bool recursive);
    void recompute();
    void emitAllChanged(const Node *folder);

    std::unique_ptr<Node> m_root;
    std::set<std::string> m_cached;
};

} // namespace hubui
