#pragma once

#include <QDialog>
#include <QModelIndexList>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace hub::cache {
class DeletePlan;
}

namespace hubui {

class CacheFilterModel;
class CacheModel;
class CacheService;
class PruneDialog;
class RemovedListModel;
class Settings;
class SpaceChart;
class SpaceUsageModel;

/// The "Local cache" page: every cached repo, revision and file with sizes (on disk, exclusive,
/// shared), refs, last use and pins; partial downloads and the Xet cache as their own rows;
/// charts (with tables) of where the space goes; delete with a plan, prune, pin, verify, and the
/// list of removed revisions with "download again". Damaged entries are flagged with what is
/// wrong and can be repaired (downloaded again) or removed.
///
/// Dependencies are explicit: the service does the disk work, the settings hold pins and the
/// removal log, and downloads are requested through downloadRequested() (the app connects it to
/// the transfer engine).
class CachePage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CachePage)

public:
    /// `service` and `settings` are not owned and must outlive the page.
    CachePage(CacheService *service, Settings *settings, QWidget *parent = nullptr);
    ~CachePage() override;

    CacheModel *model() const { return m_model; }
    CacheFilterModel *filterModel() const { return m_filter; }
    QTreeView *view() const { return m_view; }
    SpaceChart *repoChart() const { return m_repoChart; }
    SpaceChart *revisionChart() const { return m_revisionChart; }
    RemovedListModel *removedModel() const { return m_removed; }
    QString statusText() const;
    void setStatusText(const QString &text);

    /// Starts the delete flow for the selected rows (plan, then DeletePlanDialog).
    void deleteSelected();
    void pruneAssistant();
    void togglePinSelected();
    void verifySelected();
    void repairSelected();
    void showRemoved();
    /// The Xet cache is one item: it can only be emptied as a whole, after a confirmation.
    void confirmEmptyXet();
    /// Selects a row (repo key or commit id) in the tree.
    void selectKey(const QString &key);

signals:
    /// Download this revision again (repair, "download it again").
    void downloadRequested(const QString &repoKey, const QString &commit);
    /// Something was deleted: badges elsewhere may need a refresh.
    void cacheChanged(const QString &repoKey);
    /// A repo row was activated (double-click or Enter): open that repo's page.
    void repoOpenRequested(const QString &repoKey);
    /// A dialog this page opened (plan, prune, removed list); tests drive it.
    void dialogOpened(QDialog *dialog);

private:
    void buildUi();
    void onScanFinished();
    void onPlanReady(std::shared_ptr<const hub::cache::DeletePlan> plan);
    void updateCharts();
    void updateRevisionChart(const QString &repoKey);
    void updateActions();
    void applyFilters();
    QModelIndexList selectedSourceRows() const;
    QString currentRepoKey() const;

    CacheService *m_service;
    Settings *m_settings;
    CacheModel *m_model;
    CacheFilterModel *m_filter;
    SpaceUsageModel *m_repoUsage;
    SpaceUsageModel *m_revisionUsage;
    RemovedListModel *m_removed;
    QTreeView *m_view = nullptr;
    SpaceChart *m_repoChart = nullptr;
    SpaceChart *m_revisionChart = nullptr;
    QLabel *m_location = nullptr;
    QLabel *m_damagedBanner = nullptr;
    QLabel *m_status = nullptr;
    bool m_scanning = false; ///< the status line says "Scanning…" (compared as a flag: the text is translated)
    QLineEdit *m_text = nullptr;
    QComboBox *m_size = nullptr;
    QComboBox *m_age = nullptr;
    QCheckBox *m_damagedOnly = nullptr;
    QPushButton *m_rescan = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_prune = nullptr;
    QPushButton *m_pin = nullptr;
    QPushButton *m_verify = nullptr;
    QPushButton *m_repair = nullptr;
    QPushButton *m_removedButton = nullptr;
    PruneDialog *m_pruneDialog = nullptr;
    QString m_chartRepo;
};

} // namespace hubui
