#include "ui/cache/prunedialog.h"
#include "ui/core/plaintext.h"

#include "ui/cache/deleteplandialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hubui {

PruneDialog::PruneDialog(std::set<std::string> pinned, QWidget *parent)
    : QDialog(parent), m_pinned(std::move(pinned)),
      m_unreferenced(new QCheckBox(tr("Revisions no branch or tag points to (&unreferenced)"), this)),
      m_older(new QCheckBox(tr("Revisions &not used for"), this)), m_days(new QSpinBox(this)),
      m_partials(new QCheckBox(tr("Un&finished downloads (not running now)"), this)),
      m_xet(new QCheckBox(tr("The &Xet cache"), this)),
      m_shared(new QCheckBox(tr("Stored files no repository uses (&shared blob store)"), this)),
      m_list(new QListWidget(this)), m_total(plainLabel(this)), m_prune(nullptr)
{
    setWindowTitle(tr("Prune the cache"));
    m_unreferenced->setChecked(true);
    m_partials->setChecked(true);
    m_days->setRange(1, 3650);
    m_days->setValue(90);
    m_days->setSuffix(tr(" days"));
    m_days->setAccessibleName(tr("Days without use"));
    m_days->setEnabled(false);
    m_list->setAccessibleName(tr("What pruning removes"));
    m_total->setAccessibleName(tr("Space pruning frees"));
    m_total->setWordWrap(true);
    QFont bold = m_total->font();
    bold.setBold(true);
    m_total->setFont(bold);

    auto *olderRow = new QHBoxLayout();
    olderRow->addWidget(m_older);
    olderRow->addWidget(m_days);
    olderRow->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_prune = buttons->addButton(tr("&Prune"), QDialogButtonBox::AcceptRole);
    m_prune->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *intro = new QLabel(tr("Choose what to remove. Pinned revisions are always kept. Nothing is deleted "
                                "until you press Prune."),
                             this);
    intro->setWordWrap(true);
    auto *previewLabel = new QLabel(tr("Pre&view:"), this);
    previewLabel->setBuddy(m_list);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_unreferenced);
    layout->addLayout(olderRow);
    layout->addWidget(m_partials);
    layout->addWidget(m_xet);
    m_xet->setToolTip(tr("Chunk and shard caches and logs of the Xet client (hf_xet). It rebuilds them; your models "
                         "are not touched."));
    m_xet->hide();
    layout->addWidget(m_shared);
    m_shared->setToolTip(tr("Newer huggingface_hub versions keep each Xet file once for every repository that uses "
                            "it. These are the ones no repository links to any more."));
    m_shared->hide();
    layout->addWidget(previewLabel);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_total);
    layout->addWidget(buttons);

    connect(m_unreferenced, &QCheckBox::toggled, this, &PruneDialog::refreshPreview);
    connect(m_partials, &QCheckBox::toggled, this, &PruneDialog::refreshPreview);
    connect(m_shared, &QCheckBox::toggled, this, &PruneDialog::refreshPreview);
    connect(m_xet, &QCheckBox::toggled, this,
            [this] { m_prune->setEnabled((m_plan && !m_plan->empty()) || emptyXet()); });
    connect(m_older, &QCheckBox::toggled, this, [this](bool on) {
        m_days->setEnabled(on);
        refreshPreview();
    });
    connect(m_days, &QSpinBox::valueChanged, this, &PruneDialog::refreshPreview);
    m_total->setText(tr("Computing…"));
    resize(600, 440);
}

hub::cache::PruneOptions PruneDialog::options() const
{
    hub::cache::PruneOptions o;
    o.unreferenced = m_unreferenced->isChecked();
    o.olderThanDays = m_older->isChecked() ? m_days->value() : -1;
    o.partials = m_partials->isChecked();
    o.sharedUnreferenced = m_shared->isVisibleTo(this) && m_shared->isChecked();
    o.pinned = m_pinned;
    return o;
}

void PruneDialog::refreshPreview()
{
    m_prune->setEnabled(false);
    m_total->setText(tr("Computing…"));
    emit previewRequested(options());
}

void PruneDialog::setPreview(std::shared_ptr<const hub::cache::DeletePlan> plan)
{
    m_plan = std::move(plan);
    m_list->clear();
    if (!m_plan)
        return;
    m_list->addItems(DeletePlanDialog::removalLines(*m_plan));
    const QStringList kept = DeletePlanDialog::keptLines(*m_plan);
    for (const QString &line : kept)
        m_list->addItem(line);
    m_total->setText(DeletePlanDialog::summary(*m_plan));
    m_prune->setEnabled(!m_plan->empty() || emptyXet());
}

void PruneDialog::setXetCacheBytes(qint64 bytes)
{
    m_xet->setText(tr("The &Xet cache, emptied as a whole (%1)")
                       .arg(QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat)));
    m_xet->setVisible(bytes > 0);
    if (bytes <= 0)
        m_xet->setChecked(false);
}

void PruneDialog::setSharedUnused(int count, qint64 bytes)
{
    m_shared->setText(tr("%n stored file(s) no repository uses (&shared blob store, %1)", nullptr, count)
                          .arg(QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat)));
    m_shared->setVisible(count > 0);
    if (count <= 0)
        m_shared->setChecked(false);
}

bool PruneDialog::emptyXet() const
{
    return m_xet->isVisibleTo(this) && m_xet->isChecked();
}

} // namespace hubui
