#include "ui/cache/cachepage.h"
#include "ui/core/plaintext.h"

#include "ui/cache/cachefiltermodel.h"
#include "ui/cache/cachemodel.h"
#include "ui/cache/cacheservice.h"
#include "ui/cache/removedlistmodel.h"
#include "ui/cache/spacechart.h"
#include "ui/cache/spaceusagemodel.h"
#include "ui/core/settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace hubui {

namespace {

constexpr int kRepoSlices = 8; // more become "Other"

QString bytesText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QPushButton *actionButton(const QString &text, const QKeySequence &shortcut, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    if (!shortcut.isEmpty()) {
        b->setShortcut(shortcut);
        b->setToolTip(QString(QString(text).remove(u'&') % QStringLiteral(" (") %
                              shortcut.toString(QKeySequence::NativeText) % u')'));
    }
    b->setAccessibleName(QString(text).remove(u'&').remove(QStringLiteral("…")));
    return b;
}

} // namespace

CachePage::CachePage(CacheService *service, Settings *settings, QWidget *parent)
    : QWidget(parent), m_service(service), m_settings(settings), m_model(new CacheModel(this)),
      m_filter(new CacheFilterModel(this)), m_repoUsage(new SpaceUsageModel(this)),
      m_revisionUsage(new SpaceUsageModel(this)), m_removed(new RemovedListModel(this))
{
    setAccessibleName(tr("Local cache"));
    m_filter->setSourceModel(m_model);
    m_removed->setEntries(RemovedRevision::fromJson(m_settings->cacheRemovalLog()));
    buildUi();

    connect(m_service, &CacheService::scanStarted, this, [this] {
        m_rescan->setEnabled(false);
        m_scanning = true;
        m_status->setText(tr("Scanning the cache…"));
    });
    connect(m_service, &CacheService::scanFinished, this, &CachePage::onScanFinished);
    connect(m_service, &CacheService::scanFailed, this, [this](const QString &message) {
        m_rescan->setEnabled(true);
        m_scanning = false;
        m_status->setText(tr("Could not scan the cache: %1").arg(message));
    });
    connect(m_service, &CacheService::planReady, this, &CachePage::onPlanReady);
    connect(m_service, &CacheService::planFailed, this,
            [this](const QString &message) { m_status->setText(tr("Cannot delete that: %1").arg(message)); });
    connect(m_service, &CacheService::xetEmptied, this, [this](qint64 freed, const QString &error) {
        m_status->setText(error.isEmpty() ? tr("Emptied the Xet cache; freed %1.").arg(bytesText(freed))
                                          : tr("Could not empty the Xet cache: %1").arg(error));
    });
    connect(m_service, &CacheService::deleted, this,
            [this](const hub::cache::DeleteReport &report, const QList<RemovedRevision> &removed) {
                m_removed->prepend(removed);
                m_settings->setCacheRemovalLog(RemovedRevision::toJson(m_removed->entries()));
                QString text = tr("Deleted; freed %1.").arg(bytesText(static_cast<qint64>(report.bytesFreed)));
                if (!report.skipped.empty())
                    text += u' ' % tr("%n item(s) skipped (in use or already gone).", nullptr,
                                      static_cast<int>(report.skipped.size()));
                if (!report.errors.empty())
                    text += u' ' %
                            tr("%n item(s) could not be deleted: %1", nullptr, static_cast<int>(report.errors.size()))
                                .arg(QString::fromStdString(report.errors.front().message));
                m_status->setText(text);
                QSet<QString> repos;
                for (const RemovedRevision &r : removed)
                    repos.insert(r.repoKey);
                for (const QString &repo : std::as_const(repos))
                    emit cacheChanged(repo);
            });

    if (m_service->info())
        onScanFinished();
    else
        m_service->scan();
}

CachePage::~CachePage() = default;

void CachePage::buildUi()
{
    m_location = plainLabel(this);
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_location->setWordWrap(true);
    m_rescan = actionButton(tr("&Rescan"), QKeySequence(Qt::Key_F5), this);

    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("Filter by repository, commit or ref"));
    m_text->setClearButtonEnabled(true);
    m_text->setAccessibleName(tr("Filter"));
    auto *textLabel = new QLabel(tr("&Filter:"), this);
    textLabel->setBuddy(m_text);

    m_size = new QComboBox(this);
    m_size->setAccessibleName(tr("Minimum size"));
    m_size->addItem(tr("Any size"), qint64(0));
    m_size->addItem(tr("At least 1 MB"), qint64(1000) * 1000);
    m_size->addItem(tr("At least 10 MB"), qint64(10) * 1000 * 1000);
    m_size->addItem(tr("At least 100 MB"), qint64(100) * 1000 * 1000);
    m_size->addItem(tr("At least 1 GB"), qint64(1000) * 1000 * 1000);
    auto *sizeLabel = new QLabel(tr("S&ize:"), this);
    sizeLabel->setBuddy(m_size);

    m_age = new QComboBox(this);
    m_age->setAccessibleName(tr("Not used for"));
    m_age->addItem(tr("Any time"), -1);
    for (int days : {7, 30, 90, 365})
        m_age->addItem(tr("Not used for %n day(s)", nullptr, days), days);
    auto *ageLabel = new QLabel(tr("&Age:"), this);
    ageLabel->setBuddy(m_age);

    m_damagedOnly = new QCheckBox(tr("Da&maged only"), this);

    auto *top = new QHBoxLayout();
    top->addWidget(m_location, 1);
    top->addWidget(m_rescan);
    auto *filters = new QHBoxLayout();
    filters->addWidget(textLabel);
    filters->addWidget(m_text, 2);
    filters->addWidget(sizeLabel);
    filters->addWidget(m_size);
    filters->addWidget(ageLabel);
    filters->addWidget(m_age);
    filters->addWidget(m_damagedOnly);

    m_damagedBanner = plainLabel(this);
    m_damagedBanner->setWordWrap(true);
    m_damagedBanner->setFrameShape(QFrame::StyledPanel);
    m_damagedBanner->setMargin(6);
    m_damagedBanner->setAccessibleName(tr("Damaged entries"));
    m_damagedBanner->hide();

    m_view = new QTreeView(this);
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(CacheModel::Size, Qt::DescendingOrder);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setAccessibleName(tr("Cached repositories, revisions and files"));
    m_view->setAccessibleDescription(tr("Double-click or press Enter on a repository to open its page."));
    m_view->setExpandsOnDoubleClick(false); // activation opens a repo row; other rows expand (below)
    // The name takes what the other columns leave, so every column is visible without scrolling
    // sideways on a 1280 px screen; the status column's full text is in its tooltip.
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(CacheModel::Name, QHeaderView::Stretch);
    const QFontMetrics fm = m_view->fontMetrics();
    // Wide enough for a typical value and for the (translated) header text and its sort arrow.
    const auto fit = [&](int column, const QString &sample) {
        const QString title = m_filter->headerData(column, Qt::Horizontal).toString();
        header->resizeSection(column, std::max(fm.horizontalAdvance(sample), fm.horizontalAdvance(title) + 8) + 16);
    };
    for (int c : {CacheModel::Size, CacheModel::Exclusive, CacheModel::Shared})
        fit(c, QStringLiteral("888.8 MB"));
    fit(CacheModel::Refs, QStringLiteral("main, v1.0.0"));
    fit(CacheModel::LastUsed,
        QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 59, 59)), QLocale::ShortFormat));
    fit(CacheModel::Pinned, QString()); // the cell says the same as the header
    fit(CacheModel::Status, CacheModel::tr("%n revision(s)", nullptr, 12));

    m_repoChart = new SpaceChart(tr("Space by repository"), m_repoUsage, this);
    m_revisionChart = new SpaceChart(tr("Space by revision"), m_revisionUsage, this);
    auto *charts = new QWidget(this);
    auto *chartRow = new QHBoxLayout(charts);
    chartRow->setContentsMargins(0, 0, 0, 0);
    chartRow->addWidget(m_repoChart);
    chartRow->addWidget(m_revisionChart);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(charts);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_delete = actionButton(tr("&Delete…"), QKeySequence(QKeySequence::Delete), this);
    m_prune = actionButton(tr("&Prune…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), this);
    m_pin = actionButton(tr("P&in"), QKeySequence(Qt::CTRL | Qt::Key_I), this);
    m_verify = actionButton(tr("&Verify"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), this);
    m_repair = actionButton(tr("Re&pair"), QKeySequence(), this);
    m_removedButton = actionButton(tr("Removed re&visions…"), QKeySequence(), this);
    auto *buttons = new QHBoxLayout();
    for (QPushButton *b : {m_delete, m_prune, m_pin, m_verify, m_repair})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_removedButton);

    m_status = plainLabel(this);
    m_status->setAccessibleName(tr("Cache status"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addWidget(m_damagedBanner);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_rescan, &QPushButton::clicked, m_service, &CacheService::scan);
    connect(m_text, &QLineEdit::textChanged, this, &CachePage::applyFilters);
    connect(m_size, &QComboBox::currentIndexChanged, this, &CachePage::applyFilters);
    connect(m_age, &QComboBox::currentIndexChanged, this, &CachePage::applyFilters);
    connect(m_damagedOnly, &QCheckBox::toggled, this, &CachePage::applyFilters);
    connect(m_delete, &QPushButton::clicked, this, &CachePage::deleteSelected);
    connect(m_prune, &QPushButton::clicked, this, &CachePage::pruneAssistant);
    connect(m_pin, &QPushButton::clicked, this, &CachePage::togglePinSelected);
    connect(m_verify, &QPushButton::clicked, this, &CachePage::verifySelected);
    connect(m_repair, &QPushButton::clicked, this, &CachePage::repairSelected);
    connect(m_removedButton, &QPushButton::clicked, this, &CachePage::showRemoved);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        const QString repo = currentRepoKey();
        if (!repo.isEmpty() && repo != m_chartRepo)
            updateRevisionChart(repo);
    });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QModelIndex name = index.siblingAtColumn(CacheModel::Name);
        const auto kind = static_cast<CacheModel::NodeKind>(name.data(CacheModel::NodeKindRole).toInt());
        if (kind == CacheModel::NodeKind::Repo && !name.data(CacheModel::RepoKeyRole).toString().isEmpty())
            emit repoOpenRequested(name.data(CacheModel::RepoKeyRole).toString());
        else if (m_view->model()->hasChildren(name))
            m_view->setExpanded(name, !m_view->isExpanded(name));
    });
    connect(m_repoChart, &SpaceChart::sliceActivated, this, &CachePage::selectKey);
    connect(m_revisionChart, &SpaceChart::sliceActivated, this, &CachePage::selectKey);
    connect(m_removed, &QAbstractItemModel::modelReset, this, &CachePage::updateActions);
    connect(m_removed, &QAbstractItemModel::rowsRemoved, this, &CachePage::updateActions);
    updateActions();
}

QString CachePage::statusText() const
{
    return m_status->text();
}

void CachePage::setStatusText(const QString &text)
{
    m_status->setText(text);
}

void CachePage::applyFilters()
{
    m_filter->setText(m_text->text());
    m_filter->setMinimumBytes(m_size->currentData().toLongLong());
    m_filter->setUnusedForDays(m_age->currentData().toInt());
    m_filter->setDamagedOnly(m_damagedOnly->isChecked());
}

void CachePage::onScanFinished()
{
    const auto info = m_service->info();
    QSet<QString> pins;
    for (const QString &c : m_settings->pinnedCommits())
        pins.insert(c);
    m_model->setCacheInfo(info, pins);
    m_rescan->setEnabled(true);
    if (!info)
        return;
    size_t revisions = 0;
    int damaged = 0;
    QStringList damagedNames;
    for (const auto &repo : info->repos) {
        revisions += repo.revisions.size();
        if (repo.damaged()) {
            ++damaged;
            damagedNames << CacheModel::repoKey(repo.repo);
        }
    }
    QString location = tr("Cache: %1 — %2 in %n repository(s)", nullptr, static_cast<int>(info->repos.size()))
                           .arg(m_service->cacheDir(), bytesText(static_cast<qint64>(info->totalSizeOnDisk)));
    location += u' ' % tr("and %n revision(s)", nullptr, static_cast<int>(revisions));
    if (info->partialBytes > 0)
        location += QStringLiteral("; ") % tr("unfinished downloads %1").arg(bytesText(qint64(info->partialBytes)));
    if (info->sharedStore.present)
        location += QStringLiteral("; ") % tr("shared blob store %1 (%n stored file(s), counted once)", nullptr,
                                              static_cast<int>(info->sharedStore.files.size()))
                                               .arg(bytesText(qint64(info->sharedStore.totalBytes)));
    if (info->xetCacheBytes > 0)
        location += QStringLiteral("; ") % tr("Xet cache %1").arg(bytesText(qint64(info->xetCacheBytes)));
    m_location->setText(location);
    m_damagedBanner->setVisible(damaged > 0);
    m_damagedBanner->setText(tr("⚠ %n damaged repository(s): %1. Select a damaged row to see what is wrong, then "
                                "Repair (download it again) or Delete it. \"Damaged only\" shows just these.",
                                nullptr, damaged)
                                 .arg(damagedNames.join(QStringLiteral(", "))));
    if (info->repos.empty())
        m_status->setText(tr("The cache is empty. Files you download appear here."));
    else if (m_scanning)
        m_status->setText(tr("Scan complete."));
    m_scanning = false;
    m_view->expandToDepth(0); // repos and their revisions; files on demand
    updateCharts();
    updateActions();
}

void CachePage::updateCharts()
{
    const auto info = m_service->info();
    QList<SpaceUsageModel::Slice> slices;
    if (info) {
        std::vector<const hub::cache::RepoEntry *> repos;
        for (const auto &r : info->repos)
            repos.push_back(&r);
        // Each repo with its own bytes; what it uses in the shared blob store is one slice of its own,
        // so the slices add up to the cache total.
        const auto own = [](const hub::cache::RepoEntry *r) {
            return static_cast<qint64>(r->sizeOnDisk - r->sharedStoreBytes);
        };
        std::sort(repos.begin(), repos.end(), [&](auto *a, auto *b) { return own(a) > own(b); });
        qint64 other = 0;
        for (size_t i = 0; i < repos.size(); ++i) {
            if (static_cast<int>(i) < kRepoSlices) {
                const QString key = CacheModel::repoKey(repos[i]->repo);
                slices << SpaceUsageModel::Slice{key, key, own(repos[i]),
                                                 QString::fromStdString(repos[i]->repo.id.name())};
            } else {
                other += own(repos[i]);
            }
        }
        if (other > 0)
            slices << SpaceUsageModel::Slice{QString(), tr("Other repositories"), other, {}};
        if (info->sharedStore.totalBytes > 0)
            slices << SpaceUsageModel::Slice{
                QString(), tr("Shared blob store"), qint64(info->sharedStore.totalBytes), {}};
        if (info->partialBytes > 0)
            slices << SpaceUsageModel::Slice{QString(), tr("Unfinished downloads"), qint64(info->partialBytes), {}};
        if (info->xetCacheBytes > 0)
            slices << SpaceUsageModel::Slice{QString(), tr("Xet cache"), qint64(info->xetCacheBytes), {}};
    }
    m_repoUsage->setSlices(slices);
    QString repo = currentRepoKey();
    if (repo.isEmpty() && !slices.isEmpty())
        repo = slices.first().key;
    updateRevisionChart(repo);
}

void CachePage::updateRevisionChart(const QString &repoKey)
{
    m_chartRepo = repoKey;
    QList<SpaceUsageModel::Slice> slices;
    const auto info = m_service->info();
    const hub::cache::RepoEntry *repo = nullptr;
    if (info) {
        for (const auto &r : info->repos) {
            if (CacheModel::repoKey(r.repo) == repoKey)
                repo = &r;
        }
    }
    if (repo) {
        qint64 exclusive = 0;
        for (const auto &rev : repo->revisions) {
            QString label = QString::fromStdString(rev.commit.substr(0, 8));
            if (!rev.refs.empty())
                label += QStringLiteral(" (") % CacheModel::refsText(rev.refs) % u')';
            slices << SpaceUsageModel::Slice{QString::fromStdString(rev.commit), label,
                                             static_cast<qint64>(rev.exclusiveBytes),
                                             QString::fromStdString(rev.commit.substr(0, 7))};
            exclusive += static_cast<qint64>(rev.exclusiveBytes);
        }
        const qint64 shared = static_cast<qint64>(repo->sizeOnDisk) - exclusive;
        if (shared > 0)
            slices << SpaceUsageModel::Slice{QString(), tr("Shared by several revisions"), shared, {}};
        m_revisionChart->setTitle(tr("Space by revision in %1").arg(repoKey));
    } else {
        m_revisionChart->setTitle(tr("Space by revision (select a repository)"));
    }
    m_revisionUsage->setSlices(slices);
    m_repoChart->highlight(repoKey);
}

void CachePage::selectKey(const QString &key)
{
    QModelIndex source = m_model->repoIndex(key);
    if (!source.isValid())
        source = m_model->revisionIndex(key);
    const QModelIndex idx = m_filter->mapFromSource(source);
    if (!idx.isValid())
        return;
    m_view->scrollTo(idx);
    m_view->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setFocus(Qt::OtherFocusReason);
}

QModelIndexList CachePage::selectedSourceRows() const
{
    QModelIndexList rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows(CacheModel::Name);
    for (const QModelIndex &idx : selected)
        rows << m_filter->mapToSource(idx);
    return rows;
}

QString CachePage::currentRepoKey() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.data(CacheModel::RepoKeyRole).toString() : QString();
}

} // namespace hubui
