#pragma once

#include "hub/cache/clean.h"

#include <QDialog>

#include <memory>

class QLabel;
class QListWidget;

namespace hubui {

/// Shows a deletion plan before anything is removed: what goes, how many bytes it frees, and
/// which shared files stay ("config.json is shared with v1.0.0 and stays"). Accepting the
/// dialog is the confirmation; the dialog itself deletes nothing.
class DeletePlanDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeletePlanDialog)

public:
    DeletePlanDialog(std::shared_ptr<const hub::cache::DeletePlan> plan, QWidget *parent = nullptr);

    /// "Frees 1.2 GB" (+ partial downloads), the same sentence the dialog shows.
    static QString summary(const hub::cache::DeletePlan &plan);
    /// One line per removed repo / revision / partial, in plain words.
    static QStringList removalLines(const hub::cache::DeletePlan &plan);
    /// One line per shared file that stays.
    static QStringList keptLines(const hub::cache::DeletePlan &plan);

    QListWidget *removals() const { return m_removals; }
    QListWidget *keptList() const { return m_kept; }
    QString summaryText() const;

private:
    std::shared_ptr<const hub::cache::DeletePlan> m_plan;
    QLabel *m_summary;
    QListWidget *m_removals;
    QListWidget *m_kept;
};

} // namespace hubui
