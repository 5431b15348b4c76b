#include "ui/browser/repobrowserpage.h"
#include "ui/core/plaintext.h"

#include "ui/browser/repofilterproxy.h"
#include "ui/browser/repoitemdelegate.h"
#include "ui/browser/repolistmodel.h"
#include "ui/core/appcontext.h"
#include "ui/core/loadstatewidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace hubui {

RepoBrowserPage::RepoBrowserPage(AppContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_model(new RepoListModel(context, this)),
      m_proxy(new RepoFilterProxy(this)), m_title(plainLabel(this)), m_search(new QLineEdit(this)),
      m_sort(new QComboBox(this)), m_onlyCached(new QCheckBox(tr("Only on this computer"), this)),
      m_view(new QTreeView), m_state(new LoadStateWidget(m_view, this)), m_searchTimer(new QTimer(this))
{
    m_proxy->setSourceModel(m_model);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAccessibleName(tr("Listing"));

    m_search->setPlaceholderText(tr("Search repos by name…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search repos"));
    m_sort->addItem(tr("Name"), ByName);
    m_sort->addItem(tr("Last modified"), ByLastModified);
    m_sort->addItem(tr("Downloads"), ByDownloads);
    m_sort->addItem(tr("Likes"), ByLikes);
    m_sort->setAccessibleName(tr("Sort repos by"));
    m_onlyCached->setAccessibleName(tr("Show only repos in the local cache"));
    auto *sortLabel = new QLabel(tr("&Sort by:"), this);
    sortLabel->setBuddy(m_sort);

    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->setItemDelegate(new RepoItemDelegate(m_view));
    m_view->setAccessibleName(tr("Repositories"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(RepoListModel::Name, QHeaderView::Stretch);
    for (int c = RepoListModel::Downloads; c < RepoListModel::ColumnCount; ++c)
        m_view->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_onlyCached);
    top->addWidget(sortLabel);
    top->addWidget(m_sort);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_search);
    layout->addWidget(m_state, 1);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(400);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        // Within one namespace the list is complete: filtering is enough. Across all
        // namespaces, ask the Hub (it only lists the first matches).
        if (m_model->query().author.isEmpty())
            m_searchTimer->start();
    });
    connect(m_searchTimer, &QTimer::timeout, this, [this] {
        auto q = m_model->query();
        q.search = m_search->text().trimmed();
        if (!(q == m_model->query()))
            m_model->load(q);
    });
    connect(m_sort, &QComboBox::currentIndexChanged, this,
            [this](int) { setSortKey(static_cast<SortKey>(m_sort->currentData().toInt())); });
    connect(m_onlyCached, &QCheckBox::toggled, m_proxy, &RepoFilterProxy::setOnlyCached);
    connect(m_view, &QTreeView::activated, this, &RepoBrowserPage::activate);

    connect(m_model, &RepoListModel::loadingStarted, this, [this] {
        if (m_model->rowCount() == 0)
            m_state->showLoading(tr("Asking the Hub for the list of repos…"));
    });
    connect(m_model, &RepoListModel::loaded, this, [this] {
        if (m_model->rowCount() > 0) {
            m_state->showContent();
            return;
        }
        const auto &q = m_model->query();
        if (!q.search.isEmpty())
            m_state->showEmpty(tr("No repo matches “%1”. Try a shorter search.").arg(q.search));
        else if (!q.author.isEmpty())
            m_state->showEmpty(tr("%1 has no repos of this kind that you can see. If you expected private "
                                  "repos, sign in with a token that can read them.")
                                   .arg(q.author));
        else
            m_state->showEmpty(tr("The Hub listed no repos."));
    });
    connect(m_model, &RepoListModel::loadFailed, this,
            [this](const hub::HubError &error) { m_state->showError(error); });
    connect(m_state, &LoadStateWidget::retryRequested, m_model, &RepoListModel::reload);
    connect(m_state, &LoadStateWidget::cancelRequested, this, [this] {
        m_model->cancel();
        m_state->showEmpty(tr("Loading was cancelled. Pick a place in the sidebar to load it again."));
    });

    setSortKey(ByName);
}

void RepoBrowserPage::show(hub::RepoType type, const QString &author)
{
    RepoListModel::Query q;
    q.type = type;
    q.author = author;
    q.search = author.isEmpty() ? m_search->text().trimmed() : QString();
    m_model->setRepos({});
    m_model->load(q);
    updateTitle();
}

void RepoBrowserPage::setSortKey(SortKey key)
{
    const int idx = m_sort->findData(key);
    if (idx >= 0 && idx != m_sort->currentIndex())
        m_sort->setCurrentIndex(idx); // re-enters through currentIndexChanged
    switch (key) {
    case ByName: m_view->sortByColumn(RepoListModel::Name, Qt::AscendingOrder); break;
    case ByLastModified: m_view->sortByColumn(RepoListModel::LastModified, Qt::DescendingOrder); break;
    case ByDownloads: m_view->sortByColumn(RepoListModel::Downloads, Qt::DescendingOrder); break;
    case ByLikes: m_view->sortByColumn(RepoListModel::Likes, Qt::DescendingOrder); break;
    }
}

void RepoBrowserPage::updateTitle()
{
    const auto &q = m_model->query();
    QString kind;
    switch (q.type) {
    case hub::RepoType::Model: kind = tr("Models"); break;
    case hub::RepoType::Dataset: kind = tr("Datasets"); break;
    case hub::RepoType::Space: kind = tr("Spaces"); break;
    }
    m_title->setText(q.author.isEmpty() ? tr("%1 on the Hub").arg(kind) : tr("%1 of %2").arg(kind, q.author));
}

void RepoBrowserPage::activate(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const QModelIndex src = m_proxy->mapToSource(proxyIndex);
    const auto &r = m_model->repoAt(src.row());
    auto id = hub::RepoId::parse(r.id);
    if (id)
        emit repoActivated(hub::RepoRef{r.type, *id});
}

} // namespace hubui
