#include "ui/upload/uploadplanmodel.h"

#include <QLocale>

namespace hubui {

UploadPlanModel::UploadPlanModel(QObject *parent) : QAbstractTableModel(parent) {}

void UploadPlanModel::setPlan(const hub::UploadPlan &plan)
{
    beginResetModel();
    m_plan = plan;
    endResetModel();
}

void UploadPlanModel::clear()
{
    setPlan(hub::UploadPlan{});
}

QString UploadPlanModel::statusText(hub::UploadFileStatus status)
{
    switch (status) {
    case hub::UploadFileStatus::New: return tr("New");
    case hub::UploadFileStatus::Changed: return tr("Changed");
    case hub::UploadFileStatus::Unchanged: return tr("Unchanged (skipped)");
    case hub::UploadFileStatus::Ignored: return tr("Ignored (.gitignore)");
    }
    return {};
}

int UploadPlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_plan.files.size());
}

int UploadPlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UploadPlanModel::issueFor(const std::string &path) const
{
    QStringList messages;
    for (const hub::PreflightIssue &issue : m_plan.issues) {
        if (issue.path == path) {
            const QString prefix =
                issue.severity == hub::PreflightIssue::Severity::Error ? tr("Error: ") : tr("Warning: ");
            messages << prefix % QString::fromStdString(issue.message);
        }
    }
    return messages.join(QStringLiteral("; "));
}

QVariant UploadPlanModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_plan.files.size()))
        return {};
    const hub::PlannedFile &f = m_plan.files[static_cast<size_t>(index.row())];
    switch (role) {
    case StatusRole: return static_cast<int>(f.status);
    case LfsRole: return f.lfs;
    case BytesRole: return static_cast<qint64>(f.size);
    case LocalPathRole: return QString::fromStdString(f.localPath.string());
    case Qt::ToolTipRole: return QString::fromStdString(f.localPath.string());
    case SortRole:
        switch (index.column()) {
        case Size: return static_cast<qint64>(f.size);
        case Status: return static_cast<int>(f.status);
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        if (index.column() == Size)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Path: return QString::fromStdString(f.pathInRepo);
        case Status: return statusText(f.status);
        case Storage: return f.lfs ? tr("LFS") : tr("Regular");
        case Size: return QLocale().formattedDataSize(static_cast<qint64>(f.size), 1, QLocale::DataSizeSIFormat);
        case Warning: return issueFor(f.pathInRepo);
        default: return {};
        }
    default: return {};
    }
}

QVariant UploadPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Path: return tr("Path in repository");
    case Status: return tr("Change");
    case Storage: return tr("Stored as");
    case Size: return tr("Size");
    case Warning: return tr("Pre-flight check");
    default: return {};
    }
}

} // namespace hubui
