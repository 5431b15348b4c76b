#pragma once

#include "ui/signin/accountservice.h"

#include <QAbstractListModel>

namespace hubui {

/// The names of the tokens in stored_tokens (never the secrets), the active one marked in text.
class StoredTokenModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoredTokenModel)

public:
    enum Role { NameRole = Qt::UserRole + 1, ActiveRole };

    explicit StoredTokenModel(QObject *parent = nullptr);
    void setTokens(QList<StoredTokenInfo> tokens);
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<StoredTokenInfo> m_tokens;
};

} // namespace hubui
