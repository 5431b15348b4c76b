#include "ui/transfers/transferspage.h"
#include "ui/core/plaintext.h"

#include "ui/transfers/transferadapter.h"
#include "ui/transfers/transfermodel.h"
#include "ui/transfers/transferprogressdelegate.h"
#include "ui/transfers/transfersortmodel.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace hubui {

TransfersPage::TransfersPage(TransferAdapter *adapter, QWidget *parent)
    : QWidget(parent), m_adapter(adapter), m_proxy(new TransferSortModel(this)), m_view(new QTableView(this)),
      m_filter(new QComboBox(this)), m_summary(plainLabel(this)), m_pause(new QPushButton(tr("&Pause"), this)),
      m_resume(new QPushButton(tr("&Resume"), this)), m_cancel(new QPushButton(tr("&Cancel"), this)),
      m_retry(new QPushButton(tr("Re&try"), this)), m_open(new QPushButton(tr("&Open result"), this)),
      m_clear(new QPushButton(tr("C&lear finished"), this))
{
    setAccessibleName(tr("Transfers"));
    m_proxy->setSourceModel(m_adapter->model());
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(TransferModel::Progress, new TransferProgressDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // submission order until the user sorts
    m_view->verticalHeader()->hide();
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(tr("Transfer jobs"));
    auto *header = m_view->horizontalHeader();
    header->setSectionResizeMode(TransferModel::Name, QHeaderView::Stretch);
    header->resizeSection(TransferModel::Repo, 300);
    header->resizeSection(TransferModel::Progress, 240);
    header->resizeSection(TransferModel::State, 150);

    m_filter->addItem(tr("All jobs"), static_cast<int>(TransferSortModel::StateFilter::All));
    m_filter->addItem(tr("Active"), static_cast<int>(TransferSortModel::StateFilter::Active));
    m_filter->addItem(tr("Finished"), static_cast<int>(TransferSortModel::StateFilter::Finished));
    m_filter->setAccessibleName(tr("Show jobs"));
    auto *filterLabel = new QLabel(tr("&Show:"), this);
    filterLabel->setBuddy(m_filter);

    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_resume->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_cancel->setShortcut(QKeySequence(Qt::Key_Delete));
    m_open->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    for (QPushButton *b : {m_pause, m_resume, m_cancel, m_retry, m_open, m_clear})
        b->setAccessibleName(b->text().remove(u'&'));

    auto *buttons = new QHBoxLayout();
    buttons->addWidget(filterLabel);
    buttons->addWidget(m_filter);
    buttons->addSpacing(12);
    for (QPushButton *b : {m_pause, m_resume, m_cancel, m_retry, m_open})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_clear);

    m_summary->setAccessibleName(tr("Transfer summary"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);

    connect(m_filter, &QComboBox::currentIndexChanged, this, [this](int) {
        m_proxy->setStateFilter(static_cast<TransferSortModel::StateFilter>(m_filter->currentData().toInt()));
    });
    connect(m_pause, &QPushButton::clicked, this,
            [this] { forSelected([this](quint64 id) { m_adapter->pause(id); }); });
    connect(m_resume, &QPushButton::clicked, this,
            [this] { forSelected([this](quint64 id) { m_adapter->resume(id); }); });
    connect(m_cancel, &QPushButton::clicked, this,
            [this] { forSelected([this](quint64 id) { m_adapter->cancel(id); }); });
    connect(m_retry, &QPushButton::clicked, this,
            [this] { forSelected([this](quint64 id) { m_adapter->retry(id); }); });
    connect(m_open, &QPushButton::clicked, this, &TransfersPage::openResult);
    connect(m_clear, &QPushButton::clicked, m_adapter, &TransferAdapter::clearFinished);
    connect(m_view, &QTableView::activated, this, &TransfersPage::openResult);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TransfersPage::updateActions);
    connect(m_adapter->model(), &TransferModel::totalsChanged, this, &TransfersPage::updateActions);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        for (QPushButton *b : {m_pause, m_resume, m_cancel, m_retry, m_open}) {
            QAction *a = menu.addAction(b->text(), b, &QPushButton::click);
            a->setEnabled(b->isEnabled());
        }
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    updateActions();
}

QList<quint64> TransfersPage::selectedIds() const
{
    QList<quint64> ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        ids << row.data(TransferModel::JobIdRole).toULongLong();
    return ids;
}

void TransfersPage::selectJob(quint64 id)
{
    const int row = m_adapter->model()->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex idx = m_proxy->mapFromSource(m_adapter->model()->index(row, 0));
    m_view->selectionModel()->select(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setCurrentIndex(idx);
}

template <class F> void TransfersPage::forSelected(F f)
{
    for (quint64 id : selectedIds())
        f(id);
}

void TransfersPage::updateActions()
{
    bool canPause = false, canResume = false, canCancel = false, canRetry = false, canOpen = false;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        const auto job = row.data(TransferModel::JobRole).value<TransferJobInfo>();
        using S = TransferJobInfo::State;
        canPause |= job.state == S::Queued || job.state == S::Running;
        canResume |= job.state == S::Paused;
        canCancel |= !job.isFinished();
        canRetry |= job.state == S::Failed || job.state == S::Cancelled;
        canOpen |= job.state == S::Completed && (!job.resultPath.isEmpty() || job.resultUrl.isValid());
    }
    m_pause->setEnabled(canPause);
    m_resume->setEnabled(canResume);
    m_cancel->setEnabled(canCancel);
    m_retry->setEnabled(canRetry);
    m_open->setEnabled(canOpen && rows.size() == 1);

    const TransferModel::Totals t = m_adapter->model()->activeTotals();
    const QLocale locale;
    if (t.active == 0) {
        m_summary->setText(tr("No transfer running."));
    } else {
        m_summary->setText(
            tr("%n job(s) running: %1 of %2 at %3/s", nullptr, t.active)
                .arg(locale.formattedDataSize(t.bytesDone, 1, QLocale::DataSizeSIFormat),
                     locale.formattedDataSize(t.bytesTotal, 1, QLocale::DataSizeSIFormat),
                     locale.formattedDataSize(static_cast<qint64>(t.bytesPerSecond), 1, QLocale::DataSizeSIFormat)));
    }
}

void TransfersPage::openResult()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    const auto job = rows.first().data(TransferModel::JobRole).value<TransferJobInfo>();
    if (job.state != TransferJobInfo::State::Completed)
        return;
    if (job.kind == TransferJobInfo::Kind::Upload && !job.commit.isEmpty() && !job.pullRequest) {
        emit showCommitRequested(job.repo, job.commit);
        return;
    }
    if (job.kind == TransferJobInfo::Kind::Upload && job.pullRequest) {
        // ".../discussions/5": open it in the app, not in a browser.
        if (const int number = pullRequestNumberOf(job.resultUrl); number > 0) {
            emit showPullRequestRequested(job.repo, number);
            return;
        }
    }
    if (job.resultUrl.isValid())
        QDesktopServices::openUrl(job.resultUrl);
    else if (!job.resultPath.isEmpty())
        QDesktopServices::openUrl(QUrl::fromLocalFile(job.resultPath));
}

} // namespace hubui
