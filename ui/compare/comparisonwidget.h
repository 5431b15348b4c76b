#pragma once

#include "ui/compare/comparison.h"
#include "ui/core/asyncjob.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTreeView;

namespace hubui {

class AppContext;
class ChangedFilesModel;
class LoadStateWidget;
class ValueChangeModel;

/// Two revisions compared: a plain-language headline (did the weights change or only the card?),
/// the changed files with sizes, config.json key by key, the card's metadata field by field, and
/// a text diff of the selected small text file. Used by the Compare tab and by a commit's details
/// in History. Loads off the GUI thread; can be cancelled and retried.
class ComparisonWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonWidget)

public:
    explicit ComparisonWidget(AppContext &context, QWidget *parent = nullptr);
    ~ComparisonWidget() override;

    /// Compares `base` with `head` (revisions or commits). `base` empty = before the first commit.
    void load(const hub::RepoRef &repo, const QString &base, const QString &head);
    void cancel();

    bool hasResult() const { return m_result.has_value(); }
    const Comparison &result() const { return *m_result; }
    ChangedFilesModel *filesModel() const { return m_files; }
    ValueChangeModel *configModel() const { return m_config; }
    ValueChangeModel *cardModel() const { return m_card; }
    QTreeView *filesView() const { return m_filesView; }
    QPlainTextEdit *textDiffView() const { return m_diff; }
    LoadStateWidget *loadState() const { return m_state; }
    QLabel *headlineLabel() const { return m_headline; }

signals:
    void loaded();
    void textDiffLoaded();

private:
    void show(Comparison c);
    void showTextDiffFor(const QModelIndex &proxyIndex);

    AppContext &m_context;
    hub::RepoRef m_repo;
    QString m_base, m_head;
    std::optional<Comparison> m_result;
    ChangedFilesModel *m_files;
    QSortFilterProxyModel *m_proxy;
    ValueChangeModel *m_config;
    ValueChangeModel *m_card;
    QLabel *m_headline;
    QLabel *m_summary;
    QCheckBox *m_showUnchanged;
    QTreeView *m_filesView;
    QTabWidget *m_details;
    QLabel *m_configNote;
    QLabel *m_cardNote;
    QPlainTextEdit *m_diff;
    LoadStateWidget *m_state;
    JobHandle m_job;
    JobHandle m_diffJob;
};

} // namespace hubui
