#include "ui/compare/valuechangemodel.h"

#include "ui/core/format.h"

namespace hubui {

ValueChangeModel::ValueChangeModel(QObject *parent) : QAbstractTableModel(parent) {}

int ValueChangeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_changes.size());
}

int ValueChangeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ValueChangeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto &c = m_changes[static_cast<size_t>(index.row())];
    if (role == KindRole)
        return static_cast<int>(c.kind);
    if (role == KeyRole)
        return qstr(c.path);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Change:
        switch (c.kind) {
        case hub::ValueChange::Kind::Added: return tr("Added");
        case hub::ValueChange::Kind::Removed: return tr("Removed");
        case hub::ValueChange::Kind::Changed: return tr("Changed");
        }
        return {};
    case Key: return c.path.empty() ? tr("(whole value)") : qstr(c.path);
    case Before: return c.kind == hub::ValueChange::Kind::Added ? QStringLiteral("—") : qstr(c.oldValue);
    case After: return c.kind == hub::ValueChange::Kind::Removed ? QStringLiteral("—") : qstr(c.newValue);
    default: return {};
    }
}

QVariant ValueChangeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Change: return tr("Change");
    case Key: return tr("Key");
    case Before: return tr("Before");
    case After: return tr("After");
    default: return {};
    }
}

void ValueChangeModel::setChanges(std::vector<hub::ValueChange> changes)
{
    beginResetModel();
    m_changes = std::move(changes);
    endResetModel();
}

} // namespace hubui
