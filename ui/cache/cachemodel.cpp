#include "ui/cache/cachemodel.h"

#include <QDateTime>
#include <QLocale>

#include <map>
#include <set>

namespace hubui {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString bytesText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QDateTime fromSeconds(int64_t seconds)
{
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds) : QDateTime();
}

bool isUnder(const std::filesystem::path &path, const std::filesystem::path &folder)
{
    auto [end, _] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
    return end == folder.end();
}

/// "model/o/a", once each, in the store's order.
QStringList storedFileUsers(const hub::cache::SharedBlob &f)
{
    QStringList out;
    for (const auto &u : f.users)
        if (!out.contains(qs(u.repoId)))
            out << qs(u.repoId);
    return out;
}

} // namespace

struct CacheModel::Node {
    NodeKind kind = NodeKind::Repo;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;
    const hub::cache::RepoEntry *repo = nullptr;
    const hub::cache::RevisionEntry *revision = nullptr;
    const hub::cache::CachedFile *file = nullptr;
    const hub::cache::PartialDownload *partial = nullptr;
    const hub::cache::SharedBlob *stored = nullptr;
    qint64 bytes = 0;
    qint64 exclusive = 0;
    qint64 shared = 0;
    int64_t lastUsed = 0;
    bool inStore = false; // a file whose blob is a link into the shared blob store
    QStringList problems;

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = static_cast<int>(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

CacheModel::CacheModel(QObject *parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>()) {}

CacheModel::~CacheModel() = default;

QString CacheModel::repoKey(const hub::RepoRef &repo)
{
    return qs(std::string(hub::repoTypeName(repo.type)) + "/" + repo.id.str());
}

std::optional<hub::RepoRef> CacheModel::parseRepoKey(const QString &key)
{
    const qsizetype slash = key.indexOf(u'/');
    if (slash <= 0)
        return std::nullopt;
    const auto type = hub::parseRepoType(key.left(slash).toStdString());
    auto id = hub::RepoId::parse(key.mid(slash + 1).toStdString());
    if (!type || !id)
        return std::nullopt;
    return hub::RepoRef{*type, std::move(id).value()};
}

QString CacheModel::refsText(const std::vector<std::string> &refs)
{
    if (refs.empty())
        return tr("(detached)");
    QStringList names;
    for (const std::string &r : refs)
        names << qs(r);
    return names.join(QStringLiteral(", "));
}

void CacheModel::setCacheInfo(std::shared_ptr<const hub::cache::CacheInfo> info, const QSet<QString> &pinned)
{
    beginResetModel();
    m_info = std::move(info);
    m_pinned = pinned;
    build();
    endResetModel();
}

void CacheModel::build()
{
    m_root = std::make_unique<Node>();
    if (!m_info)
        return;
    for (const hub::cache::RepoEntry &repo : m_info->repos) {
        auto repoNode = std::make_unique<Node>();
        repoNode->kind = NodeKind::Repo;
        repoNode->repo = &repo;
        repoNode->bytes = static_cast<qint64>(repo.sizeOnDisk);
        // What it links to in the shared blob store stays there when the repo goes.
        repoNode->exclusive = static_cast<qint64>(repo.sizeOnDisk - repo.sharedStoreBytes);
        std::set<std::string> storeLinks;
        for (const auto &l : repo.sharedLinks)
            storeLinks.insert(l.etag);
        repoNode->lastUsed = repo.lastAccessed;
        for (const hub::cache::CacheProblem &p : repo.problems) {
            if (p.damaging())
                repoNode->problems << qs(p.message);
        }
        // How many revisions use each blob: a blob used by several revisions is shared.
        std::map<std::filesystem::path, int> users;
        std::map<std::filesystem::path, uint64_t> blobSizes;
        for (const auto &rev : repo.revisions) {
            std::map<std::filesystem::path, bool> seen;
            for (const auto &f : rev.files) {
                if (!seen[f.blobPath]) {
                    ++users[f.blobPath];
                    blobSizes[f.blobPath] = f.size;
                }
                seen[f.blobPath] = true;
            }
        }
        for (const auto &[blob, count] : users) {
            if (count > 1)
                repoNode->shared += static_cast<qint64>(blobSizes[blob]);
        }
        Node *rn = m_root->add(std::move(repoNode));
        for (const auto &rev : repo.revisions) {
            auto revNode = std::make_unique<Node>();
            revNode->kind = NodeKind::Revision;
            revNode->repo = &repo;
            revNode->revision = &rev;
            revNode->bytes = static_cast<qint64>(rev.sizeOnDisk);
            revNode->exclusive = static_cast<qint64>(rev.exclusiveBytes);
            revNode->shared = static_cast<qint64>(rev.sharedBytes);
            for (const auto &f : rev.files) // exclusive to the revision, but kept in the shared store
                if (users[f.blobPath] == 1 && storeLinks.count(f.blobName))
                    revNode->exclusive -= static_cast<qint64>(f.size);
            revNode->lastUsed = rev.lastAccessed;
            for (const hub::cache::CacheProblem &p : repo.problems) {
                if (p.damaging() && isUnder(p.path, rev.snapshotPath))
                    revNode->problems << qs(p.message);
            }
            for (const std::string &missing : rev.missingFiles)
                revNode->problems << tr("%1 is missing from this snapshot").arg(qs(missing));
            Node *vn = rn->add(std::move(revNode));
            for (const auto &f : rev.files) {
                auto fileNode = std::make_unique<Node>();
                fileNode->kind = NodeKind::File;
                fileNode->repo = &repo;
                fileNode->revision = &rev;
                fileNode->file = &f;
                fileNode->bytes = static_cast<qint64>(f.size);
                const bool shared = users[f.blobPath] > 1;
                fileNode->inStore = storeLinks.count(f.blobName) > 0;
                fileNode->exclusive = shared || fileNode->inStore ? 0 : fileNode->bytes;
                fileNode->shared = shared ? fileNode->bytes : 0;
                fileNode->lastUsed = f.lastAccessed;
                for (const hub::cache::CacheProblem &p : repo.problems) {
                    if (p.damaging() && p.path == f.filePath)
                        fileNode->problems << qs(p.message);
                }
                vn->add(std::move(fileNode));
            }
        }
    }
    if (!m_info->partials.empty()) {
        auto group = std::make_unique<Node>();
        group->kind = NodeKind::PartialGroup;
        group->bytes = static_cast<qint64>(m_info->partialBytes);
        group->exclusive = group->bytes;
        Node *gn = m_root->add(std::move(group));
        for (const auto &partial : m_info->partials) {
            auto pn = std::make_unique<Node>();
            pn->kind = NodeKind::Partial;
            pn->partial = &partial;
            pn->bytes = static_cast<qint64>(partial.size);
            pn->exclusive = pn->bytes;
            pn->lastUsed = partial.lastModified;
            gn->lastUsed = std::max(gn->lastUsed, partial.lastModified);
            gn->add(std::move(pn));
        }
    }
    if (m_info->sharedStore.present) {
        const auto &store = m_info->sharedStore;
        auto sn = std::make_unique<Node>();
        sn->kind = NodeKind::SharedStore;
        sn->bytes = static_cast<qint64>(store.totalBytes);
        sn->exclusive = static_cast<qint64>(store.unreferencedBytes); // what "remove unused" frees
        Node *storeNode = m_root->add(std::move(sn));
        for (const auto &f : store.files) {
            auto fn = std::make_unique<Node>();
            fn->kind = NodeKind::StoredFile;
            fn->stored = &f;
            fn->bytes = static_cast<qint64>(f.size);
            fn->exclusive = f.unreferenced ? fn->bytes : 0;
            fn->shared = f.users.size() > 1 ? fn->bytes : 0;
            fn->lastUsed = f.lastAccessed;
            storeNode->lastUsed = std::max(storeNode->lastUsed, f.lastAccessed);
            storeNode->add(std::move(fn));
        }
    }
    if (m_info->xetCacheBytes > 0) {
        auto xet = std::make_unique<Node>();
        xet->kind = NodeKind::Xet;
        xet->bytes = static_cast<qint64>(m_info->xetCacheBytes);
        xet->exclusive = xet->bytes;
        m_root->add(std::move(xet));
    }
}

void CacheModel::setPinned(const QString &commit, bool pinned)
{
    if (pinned)
        m_pinned.insert(commit);
    else
        m_pinned.remove(commit);
    const QModelIndex idx = revisionIndex(commit);
    if (idx.isValid())
        emit dataChanged(idx, idx.siblingAtColumn(ColumnCount - 1));
}

QModelIndex CacheModel::repoIndex(const QString &repoKey) const
{
    for (const auto &child : m_root->children) {
        if (child->kind == NodeKind::Repo && CacheModel::repoKey(child->repo->repo) == repoKey)
            return createIndex(child->row, 0, child.get());
    }
    return {};
}

QModelIndex CacheModel::revisionIndex(const QString &commit) const
{
    const std::string c = commit.toStdString();
    for (const auto &repo : m_root->children) {
        for (const auto &rev : repo->children) {
            if (rev->kind == NodeKind::Revision && rev->revision->commit == c)
                return createIndex(rev->row, 0, rev.get());
        }
    }
    return {};
}

CacheModel::Node *CacheModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex CacheModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const Node *p = nodeFor(parent);
    if (row >= static_cast<int>(p->children.size()))
        return {};
    return createIndex(row, column, p->children[static_cast<size_t>(row)].get());
}

QModelIndex CacheModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *n = nodeFor(child);
    if (!n->parent || n->parent == m_root.get())
        return {};
    return createIndex(n->parent->row, 0, n->parent);
}

int CacheModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(nodeFor(parent)->children.size());
}

int CacheModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CacheModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == Exclusive)
        return tr("Bytes that only this entry uses: what deleting it frees");
    if (role == Qt::ToolTipRole && section == Shared)
        return tr("Bytes also used by another revision of the same repository: they stay");
    if (role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case Name: return tr("Name");
    case Size: return tr("Size on disk");
    case Exclusive: return tr("Exclusive");
    case Shared: return tr("Shared");
    case Refs: return tr("Refs");
    case LastUsed: return tr("Last used");
    case Pinned: return tr("Pinned");
    case Status: return tr("Status");
    case ColumnCount: break;
    }
    return {};
}

QVariant CacheModel::displayData(const Node &n, Column column) const
{
    switch (column) {
    case Name:
        switch (n.kind) {
        case NodeKind::Repo: return repoKey(n.repo->repo);
        case NodeKind::Revision: return qs(n.revision->commit.substr(0, 12));
        case NodeKind::File: return qs(n.file->path);
        case NodeKind::PartialGroup: return tr("Partial downloads");
        case NodeKind::Partial:
            return tr("%1 (unfinished file %2)").arg(repoKey(n.partial->repo), qs(n.partial->etag.substr(0, 12)));
        case NodeKind::Xet: return tr("Xet cache");
        case NodeKind::SharedStore: return tr("Shared blob store");
        case NodeKind::StoredFile: return tr("Stored file %1").arg(qs(n.stored->xetHash.substr(0, 12)));
        }
        break;
    case Size: return bytesText(n.bytes);
    case Exclusive: return n.kind == NodeKind::Xet ? QVariant() : QVariant(bytesText(n.exclusive));
    case Shared: return n.shared > 0 ? QVariant(bytesText(n.shared)) : QVariant(QStringLiteral("–"));
    case Refs:
        if (n.kind == NodeKind::Revision)
            return refsText(n.revision->refs);
        if (n.kind == NodeKind::Repo) {
            QStringList names;
            for (const auto &[name, commit] : n.repo->refs)
                names << qs(name);
            return names.join(QStringLiteral(", "));
        }
        return {};
    case LastUsed: {
        const QDateTime when = fromSeconds(n.lastUsed);
        return when.isValid() ? QLocale().toString(when, QLocale::ShortFormat) : QString();
    }
    case Pinned:
        if (n.kind == NodeKind::Revision)
            return m_pinned.contains(qs(n.revision->commit)) ? tr("Pinned") : QString();
        return {};
    case Status:
        if (!n.problems.isEmpty())
            return tr("Damaged: %1").arg(n.problems.first());
        switch (n.kind) {
        case NodeKind::Partial: return n.partial->locked ? tr("Downloading now") : tr("Interrupted download");
        case NodeKind::PartialGroup: return tr("%n file(s)", nullptr, static_cast<int>(n.children.size()));
        case NodeKind::Xet: return tr("Chunk cache of the Xet client; can only be emptied as a whole");
        case NodeKind::SharedStore: {
            const auto &store = m_info->sharedStore;
            const QString files = tr("%n stored file(s), each kept once for every repository that uses it", nullptr,
                                     static_cast<int>(store.files.size()));
            return store.unreferencedCount == 0
                       ? files
                       : files % QStringLiteral("; ") %
                             tr("%n used by no repository", nullptr, static_cast<int>(store.unreferencedCount));
        }
        case NodeKind::StoredFile: {
            const QStringList users = storedFileUsers(*n.stored);
            if (!users.isEmpty())
                return tr("Used by %1").arg(users.join(QStringLiteral(", ")));
            return n.stored->unreferenced ? tr("Used by no repository")
                                          : tr("No repository links to it, but it has no manifest: kept");
        }
        case NodeKind::Revision: return n.revision->detached() ? tr("Not referenced") : tr("OK");
        case NodeKind::Repo: return tr("%n revision(s)", nullptr, static_cast<int>(n.children.size()));
        case NodeKind::File:
            if (n.inStore)
                return tr("In the shared blob store");
            return n.exclusive > 0 ? QString() : tr("Shared");
        }
        break;
    case ColumnCount: break;
    }
    return {};
}

QString CacheModel::storeToolTip() const
{
    const auto &store = m_info->sharedStore;
    QStringList lines;
    lines << tr("Newer huggingface_hub versions keep each Xet file once in %1; repositories link to it. Deleting a "
                "repository removes only its links. Stored files no repository uses any more are removed only when "
                "you ask (Delete on this row, or Prune).")
                 .arg(QString::fromStdString(store.path.string()));
    for (const auto &f : store.files) {
        const QStringList users = storedFileUsers(f);
        lines << tr("%1 (%2): %3")
                     .arg(qs(f.xetHash.substr(0, 12)), bytesText(static_cast<qint64>(f.size)),
                          users.isEmpty() ? tr("used by no repository") : users.join(QStringLiteral(", ")));
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant CacheModel::sortData(const Node &n, Column column) const
{
    switch (column) {
    case Name: return displayData(n, Name).toString().toLower();
    case Size: return n.bytes;
    case Exclusive: return n.exclusive;
    case Shared: return n.shared;
    case Refs: return displayData(n, Refs).toString();
    case LastUsed: return static_cast<qint64>(n.lastUsed);
    case Pinned: return displayData(n, Pinned).toString();
    case Status: return n.problems.isEmpty() ? 1 : 0;
    case ColumnCount: break;
    }
    return {};
}

QVariant CacheModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &n = *nodeFor(index);
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole: return displayData(n, column);
    case Qt::AccessibleTextRole: {
        // Screen readers get the whole sentence, not "–".
        if (column == Name && !n.problems.isEmpty())
            return QString(displayData(n, Name).toString() % QStringLiteral(", ") % tr("damaged"));
        return displayData(n, column);
    }
    case Qt::ToolTipRole:
        if (!n.problems.isEmpty())
            return n.problems.join(QLatin1Char('\n'));
        if (n.kind == NodeKind::Revision && column == Name)
            return qs(n.revision->commit);
        if (n.kind == NodeKind::SharedStore)
            return storeToolTip();
        if (n.kind == NodeKind::Repo && n.repo->sharedStoreBytes > 0 && (column == Size || column == Exclusive))
            return tr("%1 of it is in the shared blob store, where other repositories may use it too; it stays "
                      "there when this repository is deleted.")
                .arg(bytesText(static_cast<qint64>(n.repo->sharedStoreBytes)));
        if (column == Status) // the column may be too narrow for the whole text
            return displayData(n, Status);
        return data(index, PathRole);
    case Qt::TextAlignmentRole:
        if (column == Size || column == Exclusive || column == Shared)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case NodeKindRole: return static_cast<int>(n.kind);
    case BytesRole: return n.bytes;
    case ExclusiveBytesRole: return n.exclusive;
    case SharedBytesRole: return n.shared;
    case LastUsedRole: return fromSeconds(n.lastUsed);
    case RepoKeyRole:
        if (n.repo)
            return repoKey(n.repo->repo);
        if (n.partial)
            return repoKey(n.partial->repo);
        return {};
    case CommitRole: return n.revision ? qs(n.revision->commit) : QVariant();
    case RefsRole: {
        QStringList refs;
        if (n.revision) {
            for (const auto &r : n.revision->refs)
                refs << qs(r);
        }
        return refs;
    }
    case PinnedRole: return n.revision ? m_pinned.contains(qs(n.revision->commit)) : false;
    case DamagedRole: return !n.problems.isEmpty();
    case ProblemsRole: return n.problems;
    case PathRole:
        switch (n.kind) {
        case NodeKind::Repo: return QString::fromStdString(n.repo->path.string());
        case NodeKind::Revision: return QString::fromStdString(n.revision->snapshotPath.string());
        case NodeKind::File: return QString::fromStdString(n.file->filePath.string());
        case NodeKind::Partial: return QString::fromStdString(n.partial->path.string());
        case NodeKind::SharedStore: return QString::fromStdString(m_info->sharedStore.path.string());
        case NodeKind::StoredFile: return QString::fromStdString(n.stored->path.string());
        case NodeKind::PartialGroup:
        case NodeKind::Xet: return {};
        }
        return {};
    case RepoPathRole: return n.file ? qs(n.file->path) : QVariant();
    case UsersRole:
        if (n.stored)
            return storedFileUsers(*n.stored);
        return {};
    case SortRole: return sortData(n, column);
    default: return {};
    }
}

} // namespace hubui
