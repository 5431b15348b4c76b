#include "ui/cache/spaceusagemodel.h"

#include <QLocale>

namespace hubui {

SpaceUsageModel::SpaceUsageModel(QObject *parent) : QAbstractTableModel(parent) {}

void SpaceUsageModel::setSlices(QList<Slice> slices)
{
    beginResetModel();
    m_slices = std::move(slices);
    m_total = 0;
    for (const Slice &s : m_slices)
        m_total += s.bytes;
    endResetModel();
}

int SpaceUsageModel::rowOfKey(const QString &key) const
{
    for (int i = 0; i < m_slices.size(); ++i) {
        if (m_slices.at(i).key == key)
            return i;
    }
    return -1;
}

int SpaceUsageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_slices.size());
}

int SpaceUsageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SpaceUsageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_slices.size())
        return {};
    const Slice &s = m_slices.at(index.row());
    const double share = m_total > 0 ? static_cast<double>(s.bytes) / static_cast<double>(m_total) : 0.0;
    switch (role) {
    case KeyRole: return s.key;
    case BytesRole: return s.bytes;
    case ShareRole: return share;
    case SortRole:
        switch (index.column()) {
        case Label: return s.label.toLower();
        case Bytes:
        case Share: return s.bytes;
        default: return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() != Label)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Label: return s.label;
        case Bytes: return QLocale().formattedDataSize(s.bytes, 1, QLocale::DataSizeSIFormat);
        case Share: return QString(QLocale().toString(share * 100.0, 'f', 1) % QStringLiteral(" %"));
        default: return {};
        }
    default: return {};
    }
}

QVariant SpaceUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Label: return tr("Name");
    case Bytes: return tr("Size"); // the chart's title says what is measured; the table is narrow
    case Share: return tr("Share");
    default: return {};
    }
}

} // namespace hubui
