#pragma once

#include "ui/transfers/transferjobinfo.h"

#include <QAbstractTableModel>
#include <QList>

namespace hubui {

/// One row per transfer job, newest last. Fed by TransferAdapter (GUI thread only); the view
/// sorts through TransferSortModel and paints Progress with TransferProgressDelegate.
class TransferModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferModel)

public:
    enum Column { Name, Repo, Progress, Speed, Eta, State, ColumnCount };
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        StateRole,      ///< int(TransferJobInfo::State)
        KindRole,       ///< int(TransferJobInfo::Kind)
        FractionRole,   ///< double 0..1, or -1 when unknown
        BytesDoneRole,  ///< qint64
        BytesTotalRole, ///< qint64, -1 when unknown
        SpeedRole,      ///< double bytes per second
        EtaRole,        ///< qint64 seconds, -1 when unknown
        ErrorRole,      ///< QString
        SortRole,       ///< a number or string that sorts the column naturally
        JobRole,        ///< the whole TransferJobInfo
    };

    explicit TransferModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Inserts a new job or updates the row of an existing one.
    void upsert(const TransferJobInfo &job);
    void remove(quint64 id);
    /// Removes every finished (completed, failed, cancelled) job.
    void clearFinished();

    int rowOf(quint64 id) const;
    const TransferJobInfo &jobAt(int row) const { return m_jobs.at(row); }
    const QList<TransferJobInfo> &jobs() const { return m_jobs; }

    /// Bytes done / total over the active jobs (for the status bar), and how many are active.
    struct Totals {
        qint64 bytesDone = 0;
        qint64 bytesTotal = 0;
        int active = 0;
        double bytesPerSecond = 0.0;
    };
    Totals activeTotals() const;

    static QString stateText(TransferJobInfo::State state);
    static QString etaText(qint64 seconds);

signals:
    void totalsChanged();

private:
    QList<TransferJobInfo> m_jobs;
};

} // namespace hubui
