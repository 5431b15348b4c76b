#include "ui/cache/cachefiltermodel.h"

#include "ui/cache/cachemodel.h"

namespace hubui {

CacheFilterModel::CacheFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(CacheModel::SortRole);
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
    setDynamicSortFilter(true);
}

void CacheFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

void CacheFilterModel::setMinimumBytes(qint64 bytes)
{
    m_minBytes = bytes;
    invalidateRowsFilter();
}

void CacheFilterModel::setUnusedForDays(int days, const QDateTime &now)
{
    m_usedBefore = days < 0 ? QDateTime() : now.addDays(-days);
    invalidateRowsFilter();
}

void CacheFilterModel::setDamagedOnly(bool on)
{
    m_damagedOnly = on;
    invalidateRowsFilter();
}

bool CacheFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, CacheModel::Name, sourceParent);
    const auto kind = static_cast<CacheModel::NodeKind>(idx.data(CacheModel::NodeKindRole).toInt());
    // Files only match the text filter; size/age/damage filters pick repos and revisions (with
    // recursive filtering a matching file still shows its revision and repo).
    if (!m_text.isEmpty()) {
        const QString hay = idx.data(Qt::DisplayRole).toString() % u' ' % idx.data(CacheModel::CommitRole).toString() %
                            u' ' % idx.data(CacheModel::RefsRole).toStringList().join(u' ');
        if (!hay.contains(m_text, Qt::CaseInsensitive))
            return false;
    }
    const bool sizedRow = kind != CacheModel::NodeKind::File && kind != CacheModel::NodeKind::PartialGroup &&
                          kind != CacheModel::NodeKind::StoredFile;
    if (m_minBytes > 0 && (!sizedRow || idx.data(CacheModel::BytesRole).toLongLong() < m_minBytes))
        return false;
    if (m_usedBefore.isValid()) {
        const QDateTime used = idx.data(CacheModel::LastUsedRole).toDateTime();
        if (!sizedRow || kind == CacheModel::NodeKind::Xet || kind == CacheModel::NodeKind::SharedStore ||
            !used.isValid() || used > m_usedBefore)
            return false;
    }
    if (m_damagedOnly && !idx.data(CacheModel::DamagedRole).toBool())
        return false;
    return true;
}

} // namespace hubui
