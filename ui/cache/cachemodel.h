#pragma once

#include "hub/cache/scan.h"

#include <QAbstractItemModel>
#include <QSet>

#include <memory>
#include <optional>
#include <vector>

namespace hubui {

/// The local cache as a tree: repo → revision → file, plus a "Partial downloads" group, a
/// "Shared blob store" row (its stored files below it) and an "Xet cache" row. Built from one
/// hub::cache::CacheInfo (a scan); GUI thread only.
/// Sizes are bytes on disk; exclusive bytes are what deleting the row frees, shared bytes stay
/// because another revision of the same repo uses them. A repo's size includes the stored files
/// it links to in the shared blob store, but not its exclusive bytes: deleting the repo leaves
/// them in the store (the store row's exclusive bytes are the unused ones, which it can remove).
class CacheModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheModel)

public:
    enum Column { Name, Size, Exclusive, Shared, Refs, LastUsed, Pinned, Status, ColumnCount };
    enum class NodeKind { Repo, Revision, File, PartialGroup, Partial, Xet, SharedStore, StoredFile };
    enum Role {
        NodeKindRole = Qt::UserRole + 1, ///< int(NodeKind)
        BytesRole,                       ///< qint64 size on disk
        ExclusiveBytesRole,              ///< qint64
        SharedBytesRole,                 ///< qint64
        LastUsedRole,                    ///< QDateTime (last access), invalid when unknown
        RepoKeyRole,                     ///< "model/owner/name"
        CommitRole,                      ///< 40 hex for revisions and files
        RefsRole,                        ///< QStringList
        PinnedRole,                      ///< bool (revisions)
        DamagedRole,                     ///< bool
        ProblemsRole,                    ///< QStringList of plain-language problems
        PathRole,                        ///< local path (file, snapshot folder, partial, repo folder)
        RepoPathRole,                    ///< path inside the repo (files)
        UsersRole,                       ///< QStringList: repos using a stored file / the store's files
        SortRole,                        ///< natural sort value of the column
    };

    explicit CacheModel(QObject *parent = nullptr);
    ~CacheModel() override;

    /// Replaces the content with a new scan. `pinned` = pinned commit ids.
    void setCacheInfo(std::shared_ptr<const hub::cache::CacheInfo> info, const QSet<QString> &pinned);
    std::shared_ptr<const hub::cache::CacheInfo> cacheInfo() const { return m_info; }
    void setPinned(const QString &commit, bool pinned);
    const QSet<QString> &pinned() const { return m_pinned; }

    /// Index (column 0) of a repo row / a revision row, invalid when absent.
    QModelIndex repoIndex(const QString &repoKey) const;
    QModelIndex revisionIndex(const QString &commit) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString repoKey(const hub::RepoRef &repo);
    /// Parses "model/owner/name" back; nullopt when malformed.
    static std::optional<hub::RepoRef> parseRepoKey(const QString &key);
    /// "v1.0.0, main" or "(detached)".
    static QString refsText(const std::vector<std::string> &refs);

private:
    struct Node;
    Node *nodeFor(const QModelIndex &index) const;
    QVariant displayData(const Node &node, Column column) const;
    QVariant sortData(const Node &node, Column column) const;
    /// The shared store row's tooltip: what it is, and which repos use each stored file.
    QString storeToolTip() const;
    void build();

    std::shared_ptr<const hub::cache::CacheInfo> m_info;
    QSet<QString> m_pinned;
    std::unique_ptr<Node> m_root;
};

} // namespace hubui
