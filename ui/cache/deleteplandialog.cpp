#include "ui/cache/deleteplandialog.h"
#include "ui/core/plaintext.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace hubui {

namespace {

QString bytesText(uint64_t bytes)
{
    return QLocale().formattedDataSize(static_cast<qint64>(bytes), 1, QLocale::DataSizeSIFormat);
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

QString DeletePlanDialog::summary(const hub::cache::DeletePlan &plan)
{
    if (plan.empty())
        return tr("Nothing to delete.");
    QString text = tr("Frees %1").arg(bytesText(plan.bytesFreed()));
    if (plan.partialBytesFreed() > 0)
        text += tr(", plus %1 of unfinished downloads").arg(bytesText(plan.partialBytesFreed()));
    const size_t repos = plan.repoCount();
    const size_t revisions = plan.revisionCount();
    const size_t stored = plan.sharedBlobCount();
    QStringList parts;
    if (repos > 0)
        parts << tr("%n repository(s)", nullptr, static_cast<int>(repos));
    if (revisions > 0)
        parts << tr("%n revision(s)", nullptr, static_cast<int>(revisions));
    if (stored > 0)
        parts << tr("%n stored file(s) of the shared blob store", nullptr, static_cast<int>(stored));
    if (!parts.isEmpty())
        text += QStringLiteral(" (") % parts.join(QStringLiteral(", ")) % QStringLiteral(")");
    return text % u'.';
}

QStringList DeletePlanDialog::removalLines(const hub::cache::DeletePlan &plan)
{
    using K = hub::cache::PlannedRemoval::Kind;
    QStringList lines;
    for (const hub::cache::PlannedRemoval &item : plan.items()) {
        switch (item.kind) {
        case K::RepoFolder:
            if (item.storeBytes > 0)
                lines << tr("%1: the whole repository (%2; the %3 it uses in the shared blob store are listed "
                            "separately)")
                             .arg(qs(item.repoId), bytesText(item.bytes), bytesText(item.storeBytes));
            else
                lines << tr("%1: the whole repository (%2)").arg(qs(item.repoId), bytesText(item.bytes));
            break;
        case K::SharedBlob:
            lines << tr("Shared blob store: stored file %1 (%2), which no repository uses")
                         .arg(qs(item.xetHash.substr(0, 12)), bytesText(item.bytes));
            break;
        case K::SnapshotDir:
            lines << tr("%1: revision %2").arg(qs(item.repoId), qs(item.commit.substr(0, 12))) %
                         (item.reason.empty() ? QString() : QStringLiteral(" — ") % qs(item.reason));
            break;
        case K::Partial:
            lines << tr("%1: unfinished download %2 (%3)")
                         .arg(qs(item.repoId), qs(item.path.filename().string()), bytesText(item.bytes));
            break;
        case K::SnapshotFile:
            if (item.bytes > 0 || plan.revisionCount() == 0)
                lines << tr("%1: file %2").arg(qs(item.repoId), qs(item.path.filename().string()));
            break;
        default: break; // refs, blobs, markers: details of the lines above
        }
    }
    return lines;
}

QStringList DeletePlanDialog::keptLines(const hub::cache::DeletePlan &plan)
{
    QStringList lines;
    for (const hub::cache::KeptBlob &kept : plan.kept()) {
        QStringList users;
        for (const std::string &u : kept.keptFor)
            users << qs(u);
        if (!kept.xetHash.empty()) {
            const QString name = qs(kept.xetHash.substr(0, 12));
            if (!users.isEmpty())
                lines << tr("Stored file %1 stays in the shared blob store for %2 (%3).")
                             .arg(name, users.join(QStringLiteral(", ")), bytesText(kept.bytes));
            else if (kept.sharedUnknownUsers)
                lines << tr("Stored file %1 stays in the shared blob store: it has no manifest, so HubDesk cannot "
                            "tell which other repositories use it (%2).")
                             .arg(name, bytesText(kept.bytes));
            else
                lines << tr("Stored file %1 stays in the shared blob store although no repository uses it any more "
                            "(%2); Delete on the shared blob store row or Prune removes it.")
                             .arg(name, bytesText(kept.bytes));
            continue;
        }
        lines << tr("%1 is shared with %2 and stays (%3).")
                     .arg(qs(kept.fileName), users.join(QStringLiteral(", ")), bytesText(kept.bytes));
    }
    return lines;
}

DeletePlanDialog::DeletePlanDialog(std::shared_ptr<const hub::cache::DeletePlan> plan, QWidget *parent)
    : QDialog(parent), m_plan(std::move(plan)), m_summary(plainLabel(this)), m_removals(new QListWidget(this)),
      m_kept(new QListWidget(this))
{
    setWindowTitle(tr("Delete from the cache"));
    m_summary->setText(summary(*m_plan));
    m_summary->setWordWrap(true);
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_summary->setFont(big);
    m_summary->setAccessibleName(tr("What the deletion frees"));

    m_removals->addItems(removalLines(*m_plan));
    m_removals->setAccessibleName(tr("What will be deleted"));
    const QStringList kept = keptLines(*m_plan);
    m_kept->addItems(kept);
    m_kept->setAccessibleName(tr("What stays"));

    auto *goesLabel = new QLabel(tr("&Will be deleted:"), this);
    goesLabel->setBuddy(m_removals);
    const bool storeKept = std::any_of(m_plan->kept().begin(), m_plan->kept().end(),
                                       [](const hub::cache::KeptBlob &k) { return !k.xetHash.empty(); });
    auto *keptLabel = new QLabel(storeKept ? tr("&Stays, because other revisions or repositories still use it, or "
                                                "you did not ask to remove it:")
                                           : tr("&Stays, because other revisions still use it:"),
                                 this);
    keptLabel->setBuddy(m_kept);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *del = buttons->addButton(tr("&Delete"), QDialogButtonBox::AcceptRole);
    del->setEnabled(!m_plan->empty());
    del->setAccessibleName(tr("Delete"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true); // deleting needs a deliberate choice
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(goesLabel);
    layout->addWidget(m_removals, 2);
    layout->addWidget(keptLabel);
    layout->addWidget(m_kept, 1);
    keptLabel->setVisible(!kept.isEmpty());
    m_kept->setVisible(!kept.isEmpty());
    auto *note = new QLabel(tr("Deleted revisions can be downloaded again from the list of removed revisions."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(620, 420);
}

QString DeletePlanDialog::summaryText() const
{
    return m_summary->text();
}

} // namespace hubui
