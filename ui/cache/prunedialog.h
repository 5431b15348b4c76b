#pragma once

#include "hub/cache/clean.h"

#include <QDialog>

#include <memory>
#include <set>
#include <string>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace hubui {

/// The prune assistant: pick rules (revisions no ref points to, revisions not used for N days,
/// unfinished downloads, unused stored files of the shared blob store, and the Xet client's cache as a whole), see a
/// live preview with the freed-space total, then
/// prune. Pinned revisions are never included. The dialog asks for previews with previewRequested(); the owner computes
/// them off the GUI thread and hands them back with setPreview().
class PruneDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PruneDialog)

public:
    explicit PruneDialog(std::set<std::string> pinned, QWidget *parent = nullptr);

    hub::cache::PruneOptions options() const;
    void setPreview(std::shared_ptr<const hub::cache::DeletePlan> plan);
    std::shared_ptr<const hub::cache::DeletePlan> preview() const { return m_plan; }
    /// Asks for a new preview with the current options (previewRequested).
    void refreshPreview();

    QCheckBox *unreferencedBox() const { return m_unreferenced; }
    QCheckBox *olderBox() const { return m_older; }
    QSpinBox *daysBox() const { return m_days; }
    QCheckBox *partialsBox() const { return m_partials; }
    QLabel *totalLabel() const { return m_total; }
    QPushButton *pruneButton() const { return m_prune; }
    /// Offers "also empty the Xet cache" when `bytes` > 0 (off by default; the item is opaque,
    /// so it is not part of the plan's preview).
    void setXetCacheBytes(qint64 bytes);
    QCheckBox *xetBox() const { return m_xet; }
    bool emptyXet() const;
    /// Offers "stored files no repository uses" of the shared blob store when `count` > 0 (off by
    /// default; part of the plan's preview when checked).
    void setSharedUnused(int count, qint64 bytes);
    QCheckBox *sharedBox() const { return m_shared; }

signals:
    void previewRequested(const hub::cache::PruneOptions &options);

private:
    std::set<std::string> m_pinned;
    std::shared_ptr<const hub::cache::DeletePlan> m_plan;
    QCheckBox *m_unreferenced;
    QCheckBox *m_older;
    QSpinBox *m_days;
    QCheckBox *m_partials;
    QCheckBox *m_xet;
    QCheckBox *m_shared;
    QListWidget *m_list;
    QLabel *m_total;
    QPushButton *m_prune;
};

} // namespace hubui

Q_DECLARE_METATYPE(hub::cache::PruneOptions)
