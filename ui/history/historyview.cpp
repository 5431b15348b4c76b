#include "ui/history/historyview.h"
#include "ui/core/plaintext.h"

#include "ui/compare/comparisonwidget.h"
#include "ui/core/appcontext.h"
#include "ui/core/format.h"
#include "ui/core/loadstatewidget.h"
#include "ui/history/commitlistmodel.h"
#include "ui/history/refbadgedelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace hubui {

HistoryView::HistoryView(AppContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_model(new CommitListModel(context, this)), m_view(new QTreeView),
      m_state(new LoadStateWidget(m_view, this)), m_info(plainLabel(this)),
      m_compare(new QPushButton(tr("Compare &selected"), this)), m_tag(new QPushButton(tr("Create &tag…"), this)),
      m_branch(new QPushButton(tr("Create &branch…"), this)),
      m_download(new QPushButton(tr("&Download this revision"), this)), m_details(new ComparisonWidget(context, this))
{
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(CommitListModel::Refs, new RefBadgeDelegate(m_view));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAccessibleName(tr("Commits"));
    m_view->header()->setSectionResizeMode(CommitListModel::Title, QHeaderView::Stretch);
    for (int c = CommitListModel::Refs; c < CommitListModel::ColumnCount; ++c)
        m_view->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(false);
    m_compare->setToolTip(tr("Select two commits (Ctrl+click) to compare them"));
    m_compare->setEnabled(false);
    m_info->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_info, 1);
    buttons->addWidget(m_compare);
    buttons->addWidget(m_tag);
    buttons->addWidget(m_branch);
    buttons->addWidget(m_download);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_state);
    split->addWidget(m_details);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    connect(m_model, &CommitListModel::pageLoaded, this, [this] {
        m_state->showContent();
        const qint64 total = m_model->totalCount();
        if (total >= 0 && m_model->rowCount() < total)
            m_info->setText(tr("%1 of %n commit(s) loaded — scroll down for more", nullptr, static_cast<int>(total))
                                .arg(m_model->rowCount()));
        else
            m_info->setText(tr("%n commit(s)", nullptr, m_model->rowCount()));
        if (m_model->rowCount() == 0)
            m_state->showEmpty(tr("This revision has no commits."));
        if (m_pendingRow >= 0) {
            const int row = m_pendingRow;
            m_pendingRow = -1;
            showCommit(row);
        }
    });
    connect(m_model, &CommitListModel::fetchFailed, this, [this](const hub::HubError &error) {
        if (m_model->rowCount() == 0)
            m_state->showError(error);
        else
            m_info->setText(tr("Could not load more commits: %1").arg(QString::fromStdString(error.message)));
    });
    connect(m_state, &LoadStateWidget::retryRequested, m_model, &CommitListModel::retry);
    connect(m_state, &LoadStateWidget::cancelRequested, this, [this] {
        m_model->setRepo({}, {});
        m_state->showEmpty(tr("Loading the history was cancelled."));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryView::selectionChanged);
    connect(m_compare, &QPushButton::clicked, this, [this] {
        auto rows = m_view->selectionModel()->selectedRows();
        if (rows.size() != 2)
            return;
        std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.row() > b.row(); });
        emit compareRequested(rows[0].data(CommitListModel::CommitIdRole).toString(),
                              rows[1].data(CommitListModel::CommitIdRole).toString());
    });
    connect(m_tag, &QPushButton::clicked, this, [this] { createRef(true); });
    connect(m_branch, &QPushButton::clicked, this, [this] { createRef(false); });
    connect(m_download, &QPushButton::clicked, this, [this] {
        if (!currentCommit().isEmpty())
            emit downloadRequested(currentCommit());
    });
    selectionChanged();
}

HistoryView::~HistoryView()
{
    m_refJob.cancel();
}

void HistoryView::setRepo(const hub::RepoRef &repo, const QString &revision)
{
    m_repo = repo;
    m_pendingRow = -1;
    m_details->cancel();
    m_state->showLoading(tr("Loading the history of %1…").arg(revision));
    m_model->setRepo(repo, revision);
}

void HistoryView::setRefs(const hub::Refs &refs)
{
    m_model->setRefs(refs);
}

QString HistoryView::currentCommit() const
{
    const QModelIndex idx = m_view->currentIndex();
    return idx.isValid() ? idx.data(CommitListModel::CommitIdRole).toString() : QString();
}

void HistoryView::selectionChanged()
{
    const auto rows = m_view->selectionModel()->selectedRows();
    m_compare->setEnabled(rows.size() == 2);
    const bool one = rows.size() == 1;
    m_tag->setEnabled(one);
    m_branch->setEnabled(one);
    m_download->setEnabled(one);
    if (one)
        showCommit(rows.first().row());
}

void HistoryView::showCommit(int row)
{
    const QString id = m_model->index(row, 0).data(CommitListModel::CommitIdRole).toString();
    if (row + 1 < m_model->rowCount()) {
        m_details->load(m_repo, m_model->index(row + 1, 0).data(CommitListModel::CommitIdRole).toString(), id);
    } else if (m_model->canFetchMore({})) {
        // The parent is on the next page: fetch it first.
        m_pendingRow = row;
        m_model->fetchMore({});
    } else {
        m_details->load(m_repo, QString(), id); // the first commit: everything was added
    }
}

void HistoryView::createRef(bool tag)
{
    const QString commit = currentCommit();
    if (commit.isEmpty())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tag ? tr("Create a tag") : tr("Create a branch"),
        (tag ? tr("Tag name for commit %1 (for example v1.2.0):") : tr("Branch name for commit %1:"))
            .arg(commit.left(7)),
        QLineEdit::Normal, QString(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    m_refJob = m_context.runHub(
        this,
        [repo = m_repo, c = commit.toStdString(), n = name.trimmed().toStdString(), tag](hub::HubClient &client) {
            return tag ? client.createTag(repo, c, n) : client.createBranch(repo, n, c);
        },
        [this, tag, name](hub::Status status) {
            if (!status) {
                showPlainMessage(this, QMessageBox::Warning,
                                 tag ? tr("Could not create the tag") : tr("Could not create the branch"),
                                 qstr(status.error().message));
                return;
            }
            m_info->setText(tag ? tr("Tag %1 created.").arg(name) : tr("Branch %1 created.").arg(name));
            emit refsChanged();
        });
}

} // namespace hubui
