#include "ui/metrics/metrictablemodel.h"

#include "ui/core/format.h"

namespace hubui {

MetricTableModel::MetricTableModel(QObject *parent) : QAbstractTableModel(parent) {}

int MetricTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.versions.size());
}

int MetricTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstSeries + static_cast<int>(m_table.series.size());
}

QVariant MetricTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const auto row = static_cast<size_t>(index.row());
    const auto &v = m_table.versions[row];
    if (role == CommitRole)
        return qstr(v.commit);
    if (index.column() == Version) {
        if (role == Qt::DisplayRole)
            return qstr(v.label);
        if (role == Qt::ToolTipRole)
            return qstr(v.commit);
        return {};
    }
    const auto &s = m_table.series[static_cast<size_t>(index.column() - FirstSeries)];
    switch (role) {
    case ValueRole: return s.values[row] ? QVariant(*s.values[row]) : QVariant();
    case SeriesLabelRole: return qstr(s.label);
    case Qt::DisplayRole: return s.texts[row].empty() ? QStringLiteral("—") : qstr(s.texts[row]);
    case Qt::AccessibleTextRole:
        return s.texts[row].empty() ? tr("%1: no value").arg(qstr(s.label))
                                    : tr("%1: %2").arg(qstr(s.label), qstr(s.texts[row]));
    case Qt::TextAlignmentRole: return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant MetricTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section == Version)
        return tr("Version");
    if (section - FirstSeries < static_cast<int>(m_table.series.size()))
        return qstr(m_table.series[static_cast<size_t>(section - FirstSeries)].label);
    return {};
}

void MetricTableModel::setTable(hub::MetricTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

} // namespace hubui
