#pragma once

#include <QDateTime>
#include <QSortFilterProxyModel>

namespace hubui {

/// Sorts CacheModel by each column's natural value and filters its rows by name, minimum size,
/// age (not used for N days) and "damaged only". A parent stays visible when a child matches.
class CacheFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheFilterModel)

public:
    explicit CacheFilterModel(QObject *parent = nullptr);

    void setText(const QString &text);
    /// Rows smaller than this are hidden (0 = no size filter).
    void setMinimumBytes(qint64 bytes);
    /// Only rows last used more than `days` days before `now` (days < 0 = no age filter).
    void setUnusedForDays(int days, const QDateTime &now = QDateTime::currentDateTime());
    void setDamagedOnly(bool on);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    qint64 m_minBytes = 0;
    QDateTime m_usedBefore; // invalid = off
    bool m_damagedOnly = false;
};

} // namespace hubui
