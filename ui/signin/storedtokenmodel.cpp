#include "ui/signin/storedtokenmodel.h"

#include <QFont>

namespace hubui {

StoredTokenModel::StoredTokenModel(QObject *parent) : QAbstractListModel(parent) {}

void StoredTokenModel::setTokens(QList<StoredTokenInfo> tokens)
{
    beginResetModel();
    m_tokens = std::move(tokens);
    endResetModel();
}

int StoredTokenModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_tokens.size(); ++i) {
        if (m_tokens.at(i).name == name)
            return i;
    }
    return -1;
}

int StoredTokenModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_tokens.size());
}

QVariant StoredTokenModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_tokens.size())
        return {};
    const StoredTokenInfo &t = m_tokens.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: return t.active ? tr("%1 (active)").arg(t.name) : t.name;
    case NameRole: return t.name;
    case ActiveRole: return t.active;
    case Qt::FontRole:
        if (t.active) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    default: return {};
    }
}

} // namespace hubui
