#pragma once

#include "ui/core/asyncjob.h"

#include "hub/core/types.h"

#include <QWidget>

class QLabel;
class QStandardItemModel;
class QTextBrowser;
class QTreeView;

namespace hubui {

class AppContext;
class LoadStateWidget;

/// The Card tab: README.md at the chosen revision rendered as GitHub-flavoured Markdown (with
/// the repo's own images at that revision), the YAML front matter as fields, and the model-index
/// eval results as a table.
class CardView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CardView)

public:
    explicit CardView(AppContext &context, QWidget *parent = nullptr);
    ~CardView() override;

    void setRepo(const hub::RepoRef &repo, const QString &revision);

    QTextBrowser *browser() const { return m_browser; }
    QStandardItemModel *fieldsModel() const { return m_fields; }
    QStandardItemModel *evalModel() const { return m_evals; }
    LoadStateWidget *loadState() const { return m_state; }

signals:
    void loaded();

private:
    AppContext &m_context;
    hub::RepoRef m_repo;
    QString m_revision;
    QTextBrowser *m_browser;
    QStandardItemModel *m_fields;
    QStandardItemModel *m_evals;
    QTreeView *m_fieldsView;
    QTreeView *m_evalView;
    QLabel *m_warnings;
    LoadStateWidget *m_state;
    JobHandle m_job;
};

} // namespace hubui
