#pragma once

#include "hub/core/types.h"

#include <QWidget>

class QComboBox;
class QPushButton;

namespace hubui {

class AppContext;
class ComparisonWidget;

/// The Compare tab: pick any two revisions (branches, tags, PRs or commit ids typed in) and
/// see what changed between them.
class CompareView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareView)

public:
    explicit CompareView(AppContext &context, QWidget *parent = nullptr);

    void setRepo(const hub::RepoRef &repo);
    /// Revision names offered in both pickers (newest tags first is a good order).
    void setRevisions(const QStringList &revisions);
    /// Fills the pickers and compares right away.
    void compare(const QString &base, const QString &head);

    ComparisonWidget *comparison() const { return m_comparison; }
    QComboBox *baseBox() const { return m_base; }
    QComboBox *headBox() const { return m_head; }
    /// "Compare" (for tests).
    QPushButton *compareButton() const { return m_go; }

private:
    hub::RepoRef m_repo;
    QComboBox *m_base;
    QComboBox *m_head;
    QPushButton *m_swap;
    QPushButton *m_go;
    ComparisonWidget *m_comparison;
};

} // namespace hubui
