#include "ui/community/communityview.h"
#include "ui/community/pullrequestcounts.h"

#include "ui/community/discussionlistmodel.h"
#include "ui/community/discussionview.h"
#include "ui/community/statuschipdelegate.h"
#include "ui/core/appcontext.h"
#include "ui/core/loadstatewidget.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace hubui {

using StatusFilter = DiscussionFilterProxy::StatusFilter;
using KindFilter = DiscussionFilterProxy::KindFilter;

CommunityView::CommunityView(AppContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_model(new DiscussionListModel(context, this)),
      m_proxy(new DiscussionFilterProxy(this)), m_pages(new QStackedWidget(this)), m_view(new QTreeView),
      m_state(new LoadStateWidget(m_view)), m_filters(new QButtonGroup(this)), m_kind(new QComboBox),
      m_summary(new QLabel), m_refresh(new QPushButton(tr("Refres&h"))), m_discussion(new DiscussionView(context))
{
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(DiscussionListModel::Status, new StatusChipDelegate(m_view));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    m_view->setAccessibleName(tr("Pull requests and discussions"));
    m_view->setToolTip(tr("Click or press Enter to open the conversation"));
    QHeaderView *h = m_view->header();
    h->setStretchLastSection(false);
    for (int c = 0; c < DiscussionListModel::ColumnCount; ++c)
        h->setSectionResizeMode(c,
                                c == DiscussionListModel::Title ? QHeaderView::Stretch : QHeaderView::ResizeToContents);

    auto *filterBar = new QHBoxLayout;
    auto *showLabel = new QLabel(tr("Show:"));
    filterBar->addWidget(showLabel);
    const std::pair<StatusFilter, QString> filters[] = {{StatusFilter::Open, tr("&Open")},
                                                        {StatusFilter::Closed, tr("Clo&sed")},
                                                        {StatusFilter::Merged, tr("Mer&ged")},
                                                        {StatusFilter::All, tr("A&ll")}};
    for (const auto &[filter, text] : filters) {
        auto *b = new QPushButton(text);
        b->setCheckable(true);
        b->setAccessibleName(tr("Show %1").arg(QString(text).remove(u'&').toLower()));
        m_filters->addButton(b, static_cast<int>(filter));
        filterBar->addWidget(b);
    }
    m_filters->setExclusive(true);
    m_filters->button(static_cast<int>(StatusFilter::Open))->setChecked(true);
    m_kind->addItem(tr("Pull requests and discussions"), static_cast<int>(KindFilter::All));
    m_kind->addItem(tr("Pull requests only"), static_cast<int>(KindFilter::PullRequests));
    m_kind->addItem(tr("Discussions only"), static_cast<int>(KindFilter::Discussions));
    m_kind->setAccessibleName(tr("Kind"));
    filterBar->addSpacing(12);
    filterBar->addWidget(m_kind);
    filterBar->addStretch(1);
    filterBar->addWidget(m_summary);
    filterBar->addWidget(m_refresh);
    m_refresh->setAccessibleName(tr("Refresh the list"));
    m_summary->setAccessibleName(tr("Summary"));
    m_summary->setTextFormat(Qt::PlainText); // may quote an error from the server

    auto *listPage = new QWidget;
    auto *ll = new QVBoxLayout(listPage);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addLayout(filterBar);
    ll->addWidget(m_state, 1);
    m_pages->addWidget(listPage);
    m_pages->addWidget(m_discussion);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_filters, &QButtonGroup::idClicked, this, [this](int id) {
        m_proxy->setStatusFilter(static_cast<StatusFilter>(id));
        updateSummary();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int) {
        m_proxy->setKindFilter(static_cast<KindFilter>(m_kind->currentData().toInt()));
        updateSummary();
    });
    connect(m_refresh, &QPushButton::clicked, this, &CommunityView::reload);
    connect(m_view, &QTreeView::clicked, this, &CommunityView::openRow);
    connect(m_view, &QTreeView::activated, this, &CommunityView::openRow);
    connect(m_model, &DiscussionListModel::loaded, this, [this] {
        updateSummary();
        pullRequestCountsFor(m_context)->set(m_repo, m_model->openPullRequestCount()); // the sidebar's count
        emit openPullRequestCountChanged(m_model->openPullRequestCount());
    });
    connect(m_model, &DiscussionListModel::loadFailed, this, [this](const hub::HubError &error) {
        if (m_model->rowCount() == 0)
            m_state->showError(error);
        else
            m_summary->setText(tr("Could not refresh: %1").arg(QString::fromStdString(error.message)));
    });
    connect(m_state, &LoadStateWidget::retryRequested, this, &CommunityView::reload);
    connect(m_state, &LoadStateWidget::cancelRequested, this, [this] {
        m_model->cancel();
        m_state->showEmpty(tr("Loading was cancelled. Press Refresh to try again."));
    });
    connect(m_discussion, &DiscussionView::backRequested, this, &CommunityView::showList);
    connect(m_discussion, &DiscussionView::changed, m_model, &DiscussionListModel::reload);
    connect(m_discussion, &DiscussionView::merged, this, &CommunityView::branchMoved);
    connect(m_discussion, &DiscussionView::openFilesRequested, this, &CommunityView::openFilesRequested);
}

CommunityView::~CommunityView() = default;

QAbstractButton *CommunityView::filterButton(StatusFilter filter) const
{
    return m_filters->button(static_cast<int>(filter));
}

void CommunityView::setRepo(const hub::RepoRef &repo)
{
    m_repo = repo;
    m_discussion->cancel();
    showList();
    m_summary->clear();
    m_state->showLoading(tr("Loading pull requests and discussions…"));
    emit openPullRequestCountChanged(-1);
    m_model->setRepo(repo);
}

void CommunityView::reload()
{
    if (m_model->rowCount() == 0)
        m_state->showLoading(tr("Loading pull requests and discussions…"));
    m_model->reload();
}

void CommunityView::openRow(const QModelIndex &proxyIndex)
{
    if (proxyIndex.isValid())
        openDiscussion(proxyIndex.data(DiscussionListModel::NumberRole).toInt());
}

void CommunityView::openDiscussion(int num)
{
    m_pages->setCurrentWidget(m_discussion);
    m_discussion->open(m_repo, num);
    m_discussion->setFocus();
}

void CommunityView::showList()
{
    m_pages->setCurrentIndex(0);
    m_view->setFocus();
}

bool CommunityView::isShowingDiscussion() const
{
    return m_pages->currentWidget() == m_discussion;
}

void CommunityView::updateSummary()
{
    if (!m_model->hasLoaded())
        return;
    const int open = m_model->openPullRequestCount();
    const int total = m_model->rowCount();
    m_summary->setText(tr("%n open pull request(s)", nullptr, open) + QStringLiteral(" · ") +
                       tr("%n in all", nullptr, total));
    if (total == 0) {
        m_state->showEmpty(tr("No pull requests or discussions yet. Upload files as a pull request (drop them on "
                              "the Files tab) to propose a change."));
        return;
    }
    if (m_proxy->rowCount() == 0) {
        const auto f = m_proxy->statusFilter();
        const QString what = m_proxy->kindFilter() == KindFilter::Discussions    ? tr("discussions")
                             : m_proxy->kindFilter() == KindFilter::PullRequests ? tr("pull requests")
                                                                                 : tr("pull requests or discussions");
        m_state->showEmpty(f == StatusFilter::Open     ? tr("No open %1. Choose All to see every one.").arg(what)
                           : f == StatusFilter::Closed ? tr("No closed %1.").arg(what)
                           : f == StatusFilter::Merged ? tr("No merged %1.").arg(what)
                                                       : tr("No %1.").arg(what));
        return;
    }
    m_state->showContent();
}

} // namespace hubui
