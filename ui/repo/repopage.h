#pragma once

#include "ui/core/asyncjob.h"

#include "hub/api/types.h"
#include "hub/core/types.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;

namespace hubui {

class AppContext;
class CardView;
class CommunityView;
class CompareView;
class FilesView;
class HistoryView;
class MetricsView;

/// One repo: a header (id, badges, revision picker) and the Card, Files, History, Compare,
/// Metrics and Community tabs (the last titled with the count of open pull requests). The revision picker offers
/// branches, tags and PRs; a commit id can be typed.
class RepoPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepoPage)

public:
    enum Tab { CardTab, FilesTab, HistoryTab, CompareTab, MetricsTab, CommunityTab };

    explicit RepoPage(AppContext &context, QWidget *parent = nullptr);
    ~RepoPage() override;

    void open(const hub::RepoRef &repo, const QString &revision = QStringLiteral("main"));
    void setRevision(const QString &revision);
    QString revision() const { return m_revision; }
    hub::RepoRef repo() const { return m_repo; }
    void showTab(Tab tab);

    CardView *card() const { return m_card; }
    FilesView *files() const { return m_files; }
    HistoryView *history() const { return m_history; }
    CompareView *compare() const { return m_compare; }
    MetricsView *metrics() const { return m_metrics; }
    CommunityView *community() const { return m_community; }
    /// Shows the Community tab with pull request or discussion `num` open.
    void showDiscussion(int num);
    QTabWidget *tabs() const { return m_tabs; }
    const hub::Refs &refs() const { return m_refs; }

signals:
    void backRequested();
    void refsLoaded();

private:
    void loadRefs();

    AppContext &m_context;
    hub::RepoRef m_repo;
    QString m_revision;
    hub::Refs m_refs;
    QLabel *m_title;
    QLabel *m_badges;
    QComboBox *m_revisionBox;
    QTabWidget *m_tabs;
    CardView *m_card;
    FilesView *m_files;
    HistoryView *m_history;
    CompareView *m_compare;
    MetricsView *m_metrics;
    CommunityView *m_community;
    bool m_metricsLoaded = false;
    JobHandle m_job;
};

} // namespace hubui
