#include "ui/repo/filetreemodel.h"

#include "ui/core/format.h"

#include <QApplication>
#include <QStyle>

#include <algorithm>
#include <optional>

namespace hubui {

struct FileTreeModel::Node {
    std::string name;
    std::string path; ///< from the repo root; "" for the root
    bool folder = false;
    uint64_t fileSize = 0;
    bool lfs = false;
    std::string lfsOid;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;
    bool loaded = false;             ///< folder: children listed
    bool loading = false;            ///< folder: folderRequested() emitted, no answer yet
    std::optional<uint64_t> hubSize; ///< folder: the Hub's total (setFolderSize), before listing
    // Aggregates, recomputed by recompute().
    uint64_t size = 0;
    int files = 0;
    int cached = 0;
    bool complete = false;  ///< file, or folder whose whole subtree is listed
    bool sizeExact = false; ///< `size` is the exact total: complete, or known from the Hub

    Node *child(const std::string &childName) const
    {
        for (const auto &c : children)
            if (c->name == childName)
                return c.get();
        return nullptr;
    }
};

FileTreeModel::FileTreeModel(QObject *parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
    m_root->folder = true;
    m_root->loaded = true;
    m_root->complete = true;
}

FileTreeModel::~FileTreeModel() = default;

FileTreeModel::Node *FileTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex FileTreeModel::indexOf(const Node *node, int column) const
{
    if (node == nullptr || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

QModelIndex FileTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *p = nodeOf(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || row >= static_cast<int>(p->children.size()))
        return {};
    return createIndex(row, column, p->children[static_cast<size_t>(row)].get());
}

QModelIndex FileTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int FileTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int FileTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool FileTreeModel::hasChildren(const QModelIndex &parent) const
{
    const Node *n = nodeOf(parent);
    return n->folder && (!n->loaded || !n->children.empty());
}

bool FileTreeModel::canFetchMore(const QModelIndex &parent) const
{
    const Node *n = nodeOf(parent);
    return n->folder && !n->loaded && !n->loading;
}

void FileTreeModel::fetchMore(const QModelIndex &parent)
{
    Node *n = nodeOf(parent);
    if (!canFetchMore(parent))
        return;
    n->loading = true;
    emit dataChanged(indexOf(n, 0), indexOf(n, ColumnCount - 1));
    emit folderRequested(qstr(n->path));
}

QVariant FileTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &n = *nodeOf(index);
    const bool allCached = n.files > 0 && n.cached == n.files && n.complete;
    switch (role) {
    case PathRole: return qstr(n.path);
    case IsFolderRole: return n.folder;
    case SizeRole: return static_cast<qulonglong>(n.size);
    case SizeKnownRole: return n.sizeExact;
    case LfsRole: return n.lfs;
    case CachedRole: return allCached;
    case CachedFilesRole: return n.cached;
    case FileCountRole: return n.files;
    case LoadedRole: return !n.folder || n.loaded;
    case SortRole:
        switch (index.column()) {
        case Name: return QString((n.folder ? QLatin1Char('0') : QLatin1Char('1')) + qstr(n.name).toLower());
        case Size: return static_cast<qulonglong>(n.size);
        case Storage: return n.lfs;
        case Cached: return n.cached;
        default: return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return n.loading ? tr("%1 (listing…)").arg(qstr(n.name)) : qstr(n.name);
        case Size:
            if (n.sizeExact) // includes complete
                return formatBytes(n.size);
            return n.files > 0 ? tr("at least %1").arg(formatBytes(n.size)) : tr("not listed yet");
        case Storage:
            if (n.folder)
                return QString();
            return n.lfs ? tr("LFS") : tr("Git");
        case Cached:
            if (allCached)
                return tr("In cache");
            if (n.folder && n.cached > 0)
                return n.complete ? tr("%1 of %2 files in cache").arg(n.cached).arg(n.files)
                                  : tr("%n file(s) in cache", nullptr, n.cached);
            return QString();
        default: return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Name: return qstr(n.path);
        case Size:
            if (!n.complete)
                return tr("Some folders below this one are not listed yet: open them to add up the full size.");
            return n.folder ? tr("%n file(s), %1 in total", nullptr, n.files).arg(formatBytes(n.size)) : QVariant();
        case Storage:
            if (n.folder)
                return {};
            return n.lfs ? tr("Large file stored with Git LFS (SHA-256 %1)").arg(qstr(n.lfsOid.substr(0, 12)))
                         : tr("Regular Git file");
        default: return {};
        }
    case Qt::DecorationRole:
        if (index.column() == Name) {
            if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
                return app->style()->standardIcon(n.folder ? QStyle::SP_DirIcon : QStyle::SP_FileIcon);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Size)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant FileTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Size: return tr("Size");
    case Storage: return tr("Storage");
    case Cached: return tr("On this computer");
    default: return {};
    }
}

void FileTreeModel::insertEntries(Node *under, std::vector<hub::TreeEntry> &entries, bool recursive)
{
    const std::string prefix = under->path.empty() ? std::string() : under->path + '/';
    for (auto &e : entries) {
        if (e.path.size() <= prefix.size() || e.path.compare(0, prefix.size(), prefix) != 0)
            continue; // not below this folder: ignore rather than misplace
        // Walk (and create) the folders between `under` and the entry.
        Node *at = under;
        size_t start = prefix.size();
        for (size_t slash = e.path.find('/', start); slash != std::string::npos; slash = e.path.find('/', start)) {
            const std::string part = e.path.substr(start, slash - start);
            Node *next = at->child(part);
            if (next == nullptr) {
                auto folder = std::make_unique<Node>();
                folder->name = part;
                folder->path = e.path.substr(0, slash);
                folder->folder = true;
                folder->loaded = recursive;
                folder->parent = at;
                next = folder.get();
                at->children.push_back(std::move(folder));
            }
            at = next;
            start = slash + 1;
        }
        const std::string name = e.path.substr(start);
        if (name.empty() || at->child(name) != nullptr)
            continue;
        auto node = std::make_unique<Node>();
        node->name = name;
        node->path = e.path;
        node->parent = at;
        node->folder = e.isDirectory();
        node->loaded = node->folder && recursive;
        if (!node->folder) {
            node->fileSize = e.lfs ? e.lfs->size : e.size;
            node->lfs = e.lfs.has_value();
            if (e.lfs)
                node->lfsOid = e.lfs->oid;
        }
        at->children.push_back(std::move(node));
    }
    under->loaded = true;
    // Folders first, then by name; rows follow the order.
    const auto sortTree = [](auto &self, Node *folder) -> void {
        std::sort(folder->children.begin(), folder->children.end(),
                  [](const std::unique_ptr<Node> &a, const std::unique_ptr<Node> &b) {
                      if (a->folder != b->folder)
                          return a->folder;
                      return a->name < b->name;
                  });
        for (size_t i = 0; i < folder->children.size(); ++i) {
            folder->children[i]->row = static_cast<int>(i);
            if (folder->children[i]->folder)
                self(self, folder->children[i].get());
        }
    };
    sortTree(sortTree, under);
}

void FileTreeModel::recompute()
{
    const auto walk = [this](auto &self, Node *n) -> void {
        if (!n->folder) {
            n->size = n->fileSize;
            n->sizeExact = true;
            n->files = 1;
            n->cached = m_cached.count(n->path) > 0 ? 1 : 0;
            n->complete = true;
            return;
        }
        n->size = 0;
        n->files = 0;
        n->cached = 0;
        n->complete = n->loaded;
        bool childrenExact = n->loaded;
        for (const auto &c : n->children) {
            self(self, c.get());
            n->size += c->size;
            n->files += c->files;
            n->cached += c->cached;
            n->complete = n->complete && c->complete;
            childrenExact = childrenExact && c->sizeExact;
        }
        n->sizeExact = n->complete || childrenExact;
        if (!n->sizeExact && n->hubSize) {
            n->size = std::max(n->size, *n->hubSize);
            n->sizeExact = true;
        }
    };
    walk(walk, m_root.get());
}

void FileTreeModel::emitAllChanged(const Node *folder)
{
    if (folder->children.empty())
        return;
    emit dataChanged(index(0, 0, indexOf(folder)),
                     index(static_cast<int>(folder->children.size()) - 1, ColumnCount - 1, indexOf(folder)));
    for (const auto &c : folder->children)
        if (c->folder)
            emitAllChanged(c.get());
}

void FileTreeModel::setEntries(std::vector<hub::TreeEntry> entries, bool recursive)
{
    beginResetModel();
    m_root->children.clear();
    insertEntries(m_root.get(), entries, recursive);
    recompute();
    endResetModel();
}

void FileTreeModel::clear()
{
    beginResetModel();
    m_root->children.clear();
    m_cached.clear();
    recompute();
    endResetModel();
}

FileTreeModel::Node *FileTreeModel::findNode(const std::string &path) const
{
    Node *at = m_root.get();
    size_t start = 0;
    while (at != nullptr && start < path.size()) {
        const size_t slash = path.find('/', start);
        at = at->child(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        start = slash == std::string::npos ? path.size() : slash + 1;
    }
    return at;
}

void FileTreeModel::setFolderEntries(const QString &path, std::vector<hub::TreeEntry> entries, bool recursive)
{
    Node *folder = findNode(path.toStdString());
    if (folder == nullptr || !folder->folder || folder->loaded)
        return;
    folder->loading = false;
    // Build the children apart, then insert them in one go.
    Node staging;
    staging.folder = true;
    staging.path = folder->path;
    insertEntries(&staging, entries, recursive);
    const QModelIndex parentIndex = indexOf(folder);
    if (!staging.children.empty()) {
        beginInsertRows(parentIndex, 0, static_cast<int>(staging.children.size()) - 1);
        folder->children = std::move(staging.children);
        for (auto &c : folder->children)
            c->parent = folder;
        folder->loaded = true;
        recompute();
        endInsertRows();
    } else {
        folder->loaded = true;
        recompute();
    }
    // The folder and everything above it changed size, file count and cache state.
    for (const Node *n = folder; n != nullptr && n != m_root.get(); n = n->parent)
        emit dataChanged(indexOf(n, 0), indexOf(n, ColumnCount - 1));
    emitAllChanged(folder);
}

void FileTreeModel::setFolderFailed(const QString &path)
{
    Node *folder = findNode(path.toStdString());
    if (folder == nullptr || !folder->folder)
        return;
    folder->loading = false;
    emit dataChanged(indexOf(folder, 0), indexOf(folder, ColumnCount - 1));
}

void FileTreeModel::setFolderSize(const QString &path, quint64 bytes)
{
    setFolderSizes({{path.toStdString(), bytes}});
}

void FileTreeModel::setFolderSizes(const std::vector<std::pair<std::string, uint64_t>> &sizes)
{
    std::vector<const Node *> changed;
    for (const auto &[path, bytes] : sizes) {
        Node *folder = findNode(path);
        if (folder == nullptr || !folder->folder || folder == m_root.get())
            continue;
        folder->hubSize = bytes;
        changed.push_back(folder);
    }
    if (changed.empty())
        return;
    recompute(); // once for the whole batch
    std::set<const Node *> done;
    for (const Node *folder : changed) {
        for (const Node *n = folder; n != nullptr && n != m_root.get() && done.insert(n).second; n = n->parent)
            emit dataChanged(indexOf(n, 0), indexOf(n, ColumnCount - 1));
    }
}

QStringList FileTreeModel::foldersWithoutSize(const QString &path) const
{
    QStringList out;
    const Node *under = findNode(path.toStdString());
    if (under == nullptr || !under->folder)
        return out;
    for (const auto &c : under->children) {
        if (c->folder && !c->sizeExact)
            out.append(QString::fromStdString(c->path));
    }
    return out;
}

void FileTreeModel::setCachedPaths(std::set<std::string> paths)
{
    m_cached = std::move(paths);
    recompute();
    emitAllChanged(m_root.get());
}

QModelIndex FileTreeModel::indexOfPath(const QString &path) const
{
    return indexOf(findNode(path.toStdString()));
}

int FileTreeModel::fileCount() const
{
    return m_root->files;
}

int FileTreeModel::cachedCount() const
{
    return m_root->cached;
}

bool FileTreeModel::isComplete() const
{
    return m_root->complete;
}

QStringList FileTreeModel::filesUnder(const QString &path) const
{
    QStringList out;
    const Node *n = findNode(path.toStdString());
    const auto walk = [&out](auto &self, const Node *node) -> void {
        if (!node->folder) {
            out << qstr(node->path);
            return;
        }
        for (const auto &c : node->children)
            self(self, c.get());
    };
    if (n != nullptr)
        walk(walk, n);
    return out;
}

} // namespace hubui
