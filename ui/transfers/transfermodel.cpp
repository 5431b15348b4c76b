#include "ui/transfers/transfermodel.h"

#include <QLocale>

#include <limits>

namespace hubui {

TransferModel::TransferModel(QObject *parent) : QAbstractTableModel(parent) {}

int TransferModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_jobs.size());
}

int TransferModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TransferModel::stateText(TransferJobInfo::State state)
{
    using S = TransferJobInfo::State;
    switch (state) {
    case S::Queued: return tr("Queued");
    case S::Running: return tr("Running");
    case S::Paused: return tr("Paused");
    case S::Completed: return tr("Done");
    case S::Failed: return tr("Failed");
    case S::Cancelled: return tr("Cancelled");
    }
    return {};
}

QString TransferModel::etaText(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("–");
    if (seconds < 60)
        return tr("%n s", nullptr, static_cast<int>(seconds));
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QVariant TransferModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_jobs.size())
        return {};
    const TransferJobInfo &job = m_jobs.at(index.row());
    const QLocale locale;
    switch (role) {
    case JobIdRole: return QVariant::fromValue(job.id);
    case StateRole: return static_cast<int>(job.state);
    case KindRole: return static_cast<int>(job.kind);
    case FractionRole: return job.fraction();
    case BytesDoneRole: return job.bytesDone;
    case BytesTotalRole: return job.bytesTotal;
    case SpeedRole: return job.bytesPerSecond;
    case EtaRole: return job.etaSeconds();
    case ErrorRole: return job.error;
    case JobRole: return QVariant::fromValue(job);
    default: break;
    }
    const auto column = static_cast<Column>(index.column());
    if (role == SortRole) {
        switch (column) {
        case Name: return job.title.toLower();
        case Repo: return job.repo.toLower();
        case Progress: return job.fraction();
        case Speed: return job.bytesPerSecond;
        case Eta: return job.etaSeconds() < 0 ? std::numeric_limits<qint64>::max() : job.etaSeconds();
        case State: return static_cast<int>(job.state);
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (column) {
        case Name: return job.title;
        case Repo: return job.revision.isEmpty() ? job.repo : QString(job.repo % u'@' % job.revision);
        case Progress: {
            const QString done = locale.formattedDataSize(job.bytesDone, 1, QLocale::DataSizeSIFormat);
            if (job.bytesTotal < 0)
                return done;
            const QString total = locale.formattedDataSize(job.bytesTotal, 1, QLocale::DataSizeSIFormat);
            return tr("%1 of %2 (%3%)").arg(done, total).arg(qRound(job.fraction() * 100));
        }
        case Speed:
            if (job.state != TransferJobInfo::State::Running)
                return QString();
            return tr("%1/s").arg(
                locale.formattedDataSize(static_cast<qint64>(job.bytesPerSecond), 1, QLocale::DataSizeSIFormat));
        case Eta: return job.state == TransferJobInfo::State::Running ? etaText(job.etaSeconds()) : QString();
        case State: {
            const QString kind = job.kind == TransferJobInfo::Kind::Upload ? tr("Upload") : tr("Download");
            return QString(kind % QStringLiteral(" · ") % stateText(job.state));
        }
        case ColumnCount: break;
        }
    }
    if (role == Qt::ToolTipRole) {
        if (!job.error.isEmpty())
            return job.error;
        if (!job.resultPath.isEmpty())
            return job.resultPath;
        if (job.resultUrl.isValid())
            return job.resultUrl.toDisplayString();
    }
    if (role == Qt::TextAlignmentRole && (column == Speed || column == Eta))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TransferModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case Name: return tr("Name");
    case Repo: return tr("Repository");
    case Progress: return tr("Progress");
    case Speed: return tr("Speed");
    case Eta: return tr("Time left");
    case State: return tr("State");
    case ColumnCount: break;
    }
    return {};
}

int TransferModel::rowOf(quint64 id) const
{
    for (int i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs.at(i).id == id)
            return i;
    }
    return -1;
}

void TransferModel::upsert(const TransferJobInfo &job)
{
    const int row = rowOf(job.id);
    if (row < 0) {
        const int at = static_cast<int>(m_jobs.size());
        beginInsertRows({}, at, at);
        m_jobs.append(job);
        endInsertRows();
    } else {
        m_jobs[row] = job;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    emit totalsChanged();
}

void TransferModel::remove(quint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_jobs.removeAt(row);
    endRemoveRows();
    emit totalsChanged();
}

void TransferModel::clearFinished()
{
    for (int row = static_cast<int>(m_jobs.size()) - 1; row >= 0; --row) {
        if (m_jobs.at(row).isFinished()) {
            beginRemoveRows({}, row, row);
            m_jobs.removeAt(row);
            endRemoveRows();
        }
    }
    emit totalsChanged();
}

TransferModel::Totals TransferModel::activeTotals() const
{
    Totals t;
    for (const TransferJobInfo &job : m_jobs) {
        if (!job.isActive() && job.state != TransferJobInfo::State::Paused)
            continue;
        if (job.isActive())
            ++t.active;
        t.bytesDone += job.bytesDone;
        t.bytesTotal += qMax<qint64>(job.bytesTotal, job.bytesDone);
        t.bytesPerSecond += job.state == TransferJobInfo::State::Running ? job.bytesPerSecond : 0.0;
    }
    return t;
}

} // namespace hubui
