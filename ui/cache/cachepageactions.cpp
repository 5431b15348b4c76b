// CachePage's actions: delete with a plan, prune, pin, verify, repair, removed list.

#include "ui/cache/cachefiltermodel.h"
#include "ui/cache/cachemodel.h"
#include "ui/cache/cachepage.h"
#include "ui/cache/cacheservice.h"
#include "ui/cache/deleteplandialog.h"
#include "ui/cache/prunedialog.h"
#include "ui/cache/removeddialog.h"
#include "ui/cache/removedlistmodel.h"
#include "ui/core/settings.h"

#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QTreeView>

namespace hubui {

namespace {

using Kind = CacheModel::NodeKind;

Kind kindOf(const QModelIndex &idx)
{
    return static_cast<Kind>(idx.data(CacheModel::NodeKindRole).toInt());
}

} // namespace

void CachePage::updateActions()
{
    bool anyDeletable = false, anyRevision = false, anyDamaged = false, allPinned = true;
    for (const QModelIndex &idx : selectedSourceRows()) {
        const Kind k = kindOf(idx);
        anyDeletable |= k == Kind::Repo || k == Kind::Revision || k == Kind::File || k == Kind::Xet ||
                        k == Kind::SharedStore || k == Kind::StoredFile;
        if (k == Kind::Revision) {
            anyRevision = true;
            allPinned &= idx.data(CacheModel::PinnedRole).toBool();
        }
        anyDamaged |= idx.data(CacheModel::DamagedRole).toBool();
    }
    const bool idle = !m_service->isDeleting();
    m_delete->setEnabled(anyDeletable && idle);
    m_pin->setEnabled(anyRevision);
    m_pin->setText(anyRevision && allPinned ? tr("Un&pin") : tr("P&in"));
    m_pin->setAccessibleName(anyRevision && allPinned ? tr("Unpin") : tr("Pin"));
    m_repair->setEnabled(anyDamaged);
    m_prune->setEnabled(idle && m_service->info() != nullptr);
    m_verify->setEnabled(!m_service->isVerifying() && m_service->info() != nullptr);
    m_removedButton->setText(tr("Removed re&visions (%1)…").arg(m_removed->rowCount()));
}

void CachePage::deleteSelected()
{
    hub::cache::DeleteSelection selection;
    bool emptyXetAsked = false;
    bool usedStoredFile = false;
    for (const QModelIndex &idx : selectedSourceRows()) {
        const auto repo = CacheModel::parseRepoKey(idx.data(CacheModel::RepoKeyRole).toString());
        switch (kindOf(idx)) {
        case Kind::Repo:
            if (repo)
                selection.repos.push_back(*repo);
            break;
        case Kind::Revision:
            selection.revisions.push_back(idx.data(CacheModel::CommitRole).toString().toStdString());
            break;
        case Kind::File:
            if (repo) {
                selection.files.push_back({*repo, idx.data(CacheModel::CommitRole).toString().toStdString(),
                                           idx.data(CacheModel::RepoPathRole).toString().toStdString()});
            }
            break;
        case Kind::Xet: emptyXetAsked = true; break;
        case Kind::SharedStore: selection.sharedUnreferenced = true; break; // the unused stored files
        case Kind::StoredFile:
            if (idx.data(CacheModel::UsersRole).toStringList().isEmpty())
                selection.sharedUnreferenced = true;
            else
                usedStoredFile = true;
            break;
        default: break; // partials go through Prune
        }
    }
    if (emptyXetAsked) {
        confirmEmptyXet();
        return;
    }
    if (selection.repos.empty() && selection.revisions.empty() && selection.files.empty() &&
        !selection.sharedUnreferenced) {
        m_status->setText(usedStoredFile
                              ? tr("Repositories still use this stored file, so it stays in the shared blob store. "
                                   "Delete those repositories first; then it can be removed as unused.")
                              : tr("Select a repository, revision or file to delete. Unfinished downloads are removed "
                                   "with Prune."));
        return;
    }
    m_status->setText(tr("Working out what the deletion frees…"));
    m_service->planSelection(selection);
}

void CachePage::confirmEmptyXet()
{
    const auto info = m_service->info();
    const QString size =
        QLocale().formattedDataSize(info ? static_cast<qint64>(info->xetCacheBytes) : 0, 1, QLocale::DataSizeSIFormat);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Empty the Xet cache"),
                                tr("Delete everything in the Xet cache (%1)?").arg(size), QMessageBox::NoButton, this);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(tr("%1\nThe Xet client (hf_xet) keeps chunk and shard caches and logs there. It rebuilds "
                               "them; only its deduplication and an unfinished Xet upload are lost. Your downloaded "
                               "models are not touched.")
                                .arg(m_service->xetDir()));
    auto *empty = box->addButton(tr("&Empty it"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, empty](QAbstractButton *clicked) {
        if (clicked != empty) {
            m_status->setText(tr("Nothing was deleted."));
            return;
        }
        m_status->setText(tr("Emptying the Xet cache…"));
        m_service->emptyXetCache();
        updateActions();
    });
    box->open();
    emit dialogOpened(box);
}

void CachePage::onPlanReady(std::shared_ptr<const hub::cache::DeletePlan> plan)
{
    m_status->setText(DeletePlanDialog::summary(*plan));
    auto *dialog = new DeletePlanDialog(plan, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, plan] {
        m_status->setText(tr("Deleting…"));
        m_service->execute(plan);
        updateActions();
    });
    connect(dialog, &QDialog::rejected, this, [this] { m_status->setText(tr("Nothing was deleted.")); });
    dialog->open();
    emit dialogOpened(dialog);
}

void CachePage::pruneAssistant()
{
    if (m_pruneDialog) {
        m_pruneDialog->raise();
        return;
    }
    std::set<std::string> pinned;
    for (const QString &c : m_model->pinned())
        pinned.insert(c.toStdString());
    auto *dialog = new PruneDialog(std::move(pinned), this);
    m_pruneDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PruneDialog::previewRequested, m_service, &CacheService::planPrune);
    connect(m_service, &CacheService::prunePlanReady, dialog, &PruneDialog::setPreview);
    // finished comes before accepted: forget the dialog there, use the captured pointer after.
    connect(dialog, &QDialog::finished, this, [this] { m_pruneDialog = nullptr; });
    if (const auto info = m_service->info()) {
        dialog->setXetCacheBytes(static_cast<qint64>(info->xetCacheBytes));
        dialog->setSharedUnused(static_cast<int>(info->sharedStore.unreferencedCount),
                                static_cast<qint64>(info->sharedStore.unreferencedBytes));
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const bool xet = dialog->emptyXet();
        if (auto plan = dialog->preview(); plan && !plan->empty()) {
            m_status->setText(tr("Pruning…"));
            m_service->execute(plan);
            if (xet) {
                // One deletion at a time: the Xet cache goes once the plan is done.
                auto once = std::make_shared<QMetaObject::Connection>();
                *once = connect(m_service, &CacheService::deleted, this, [this, once] {
                    disconnect(*once);
                    m_service->emptyXetCache();
                });
            }
        } else if (xet) {
            m_status->setText(tr("Emptying the Xet cache…"));
            m_service->emptyXetCache();
        }
    });
    dialog->open();
    dialog->refreshPreview();
    emit dialogOpened(dialog);
}

void CachePage::togglePinSelected()
{
    QStringList commits;
    bool allPinned = true;
    for (const QModelIndex &idx : selectedSourceRows()) {
        if (kindOf(idx) != Kind::Revision)
            continue;
        commits << idx.data(CacheModel::CommitRole).toString();
        allPinned &= idx.data(CacheModel::PinnedRole).toBool();
    }
    QStringList pins = m_settings->pinnedCommits();
    for (const QString &c : std::as_const(commits)) {
        m_model->setPinned(c, !allPinned);
        pins.removeAll(c);
        if (!allPinned)
            pins << c;
    }
    m_settings->setPinnedCommits(pins);
    m_status->setText(
        allPinned ? tr("%n revision(s) unpinned.", nullptr, static_cast<int>(commits.size()))
                  : tr("%n revision(s) pinned: Prune will keep them.", nullptr, static_cast<int>(commits.size())));
    updateActions();
}

void CachePage::verifySelected()
{
    std::vector<hub::RepoRef> repos;
    std::vector<std::string> commits;
    for (const QModelIndex &idx : selectedSourceRows()) {
        const Kind k = kindOf(idx);
        if (k == Kind::Repo) {
            if (auto r = CacheModel::parseRepoKey(idx.data(CacheModel::RepoKeyRole).toString()))
                repos.push_back(*r);
        } else if (k == Kind::Revision) {
            commits.push_back(idx.data(CacheModel::CommitRole).toString().toStdString());
        }
    }
    if (!commits.empty() && repos.empty()) {
        for (const QModelIndex &idx : selectedSourceRows()) {
            if (auto r = CacheModel::parseRepoKey(idx.data(CacheModel::RepoKeyRole).toString()))
                repos.push_back(*r);
        }
    }
    auto *progress =
        new QProgressDialog(tr("Checking the files in the cache against their hashes…"), tr("Cancel"), 0, 1000, this);
    progress->setWindowTitle(tr("Verify"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(m_service, &CacheService::verifyProgress, progress, [progress](qint64 done, qint64 total) {
        progress->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
    });
    connect(progress, &QProgressDialog::canceled, m_service, &CacheService::cancelVerify);
    auto finished = std::make_shared<QMetaObject::Connection>();
    *finished = connect(m_service, &CacheService::verifyFinished, this,
                        [this, progress, finished](const hub::cache::VerifyReport &report) {
                            disconnect(*finished);
                            progress->close();
                            const QString checked =
                                tr("%n file(s) checked", nullptr, static_cast<int>(report.blobsChecked)) %
                                QStringLiteral(" (") %
                                QLocale().formattedDataSize(qint64(report.bytesChecked), 1, QLocale::DataSizeSIFormat) %
                                u')';
                            if (report.cancelled) {
                                m_status->setText(tr("Verification cancelled."));
                            } else if (report.ok()) {
                                m_status->setText(tr("Verified: every file matches its hash; %1.").arg(checked));
                            } else {
                                QStringList lines;
                                for (const auto &m : report.mismatches)
                                    lines << QString::fromStdString(m.message);
                                m_status->setText(tr("%n file(s) do not match their hash: %1. Select the revision "
                                                     "and choose Repair or Delete.",
                                                     nullptr, static_cast<int>(report.mismatches.size()))
                                                      .arg(lines.join(QStringLiteral("; "))));
                            }
                            updateActions();
                        });
    m_service->verify(repos, commits);
    updateActions();
}

void CachePage::repairSelected()
{
    int requested = 0;
    for (const QModelIndex &idx : selectedSourceRows()) {
        if (!idx.data(CacheModel::DamagedRole).toBool())
            continue;
        const QString repo = idx.data(CacheModel::RepoKeyRole).toString();
        QString commit = idx.data(CacheModel::CommitRole).toString();
        if (kindOf(idx) == Kind::Repo) {
            // A damaged repo: download each damaged revision again (or main when it has none).
            const int children = m_model->rowCount(idx);
            for (int i = 0; i < children; ++i) {
                const QModelIndex rev = m_model->index(i, 0, idx);
                if (rev.data(CacheModel::DamagedRole).toBool()) {
                    emit downloadRequested(repo, rev.data(CacheModel::CommitRole).toString());
                    ++requested;
                }
            }
            if (children == 0) {
                emit downloadRequested(repo, QStringLiteral("main"));
                ++requested;
            }
            continue;
        }
        if (!commit.isEmpty()) {
            emit downloadRequested(repo, commit);
            ++requested;
        }
    }
    m_status->setText(
        requested > 0 ? tr("%n download(s) queued to repair the damaged entries; see Transfers.", nullptr, requested)
                      : tr("Select a damaged repository or revision to repair."));
}

void CachePage::showRemoved()
{
    auto *dialog = new RemovedDialog(m_removed, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RemovedDialog::downloadRequested, this, [this](const QString &repo, const QString &commit) {
        emit downloadRequested(repo, commit);
        m_status->setText(tr("Downloading %1 at %2 again; see Transfers.").arg(repo, commit.left(12)));
    });
    connect(dialog, &RemovedDialog::forgetRequested, this, [this](int row) {
        m_removed->removeAt(row);
        m_settings->setCacheRemovalLog(RemovedRevision::toJson(m_removed->entries()));
    });
    dialog->open();
    emit dialogOpened(dialog);
}

} // namespace hubui
