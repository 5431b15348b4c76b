#pragma once

#include "hub/transfer/preflight.h"

#include <QAbstractTableModel>

namespace hubui {

/// The files of an upload plan: path in the repo, what happens (new, changed, unchanged and
/// skipped, ignored), LFS or regular, size, and the pre-flight warning for that file.
class UploadPlanModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadPlanModel)

public:
    enum Column { Path, Status, Storage, Size, Warning, ColumnCount };
    enum Role { StatusRole = Qt::UserRole + 1, LfsRole, BytesRole, LocalPathRole, SortRole };

    explicit UploadPlanModel(QObject *parent = nullptr);

    void setPlan(const hub::UploadPlan &plan);
    void clear();
    const hub::UploadPlan &plan() const { return m_plan; }

    static QString statusText(hub::UploadFileStatus status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString issueFor(const std::string &path) const;

    hub::UploadPlan m_plan;
};

} // namespace hubui
