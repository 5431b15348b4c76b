#include "ui/cache/removedlistmodel.h"

#include <QLocale>

namespace hubui {

namespace {
constexpr int kMaxEntries = 200;
}

RemovedListModel::RemovedListModel(QObject *parent) : QAbstractTableModel(parent) {}

void RemovedListModel::setEntries(QList<RemovedRevision> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    if (m_entries.size() > kMaxEntries)
        m_entries.resize(kMaxEntries);
    endResetModel();
}

void RemovedListModel::prepend(const QList<RemovedRevision> &entries)
{
    QList<RemovedRevision> all = entries;
    all += m_entries;
    setEntries(std::move(all));
}

void RemovedListModel::removeAt(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
}

int RemovedListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int RemovedListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RemovedListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const RemovedRevision &r = m_entries.at(index.row());
    switch (role) {
    case RepoKeyRole: return r.repoKey;
    case CommitRole: return r.commit;
    case BytesRole: return r.bytes;
    case Qt::ToolTipRole: return r.commit;
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Repo: return r.repoKey;
        case Commit: return r.commit.left(12);
        case Refs: return r.refs.isEmpty() ? tr("(detached)") : r.refs.join(QStringLiteral(", "));
        case Size: return QLocale().formattedDataSize(r.bytes, 1, QLocale::DataSizeSIFormat);
        case When: return QLocale().toString(r.removedAt.toLocalTime(), QLocale::ShortFormat);
        default: return {};
        }
    default: return {};
    }
}

QVariant RemovedListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Repo: return tr("Repository");
    case Commit: return tr("Commit");
    case Refs: return tr("Refs");
    case Size: return tr("Freed");
    case When: return tr("Removed");
    default: return {};
    }
}

} // namespace hubui
