#include "ui/repo/repopage.h"
#include "ui/core/plaintext.h"

#include "ui/community/communityview.h"
#include "ui/compare/compareview.h"
#include "ui/core/appcontext.h"
#include "ui/core/format.h"
#include "ui/core/loadstatewidget.h"
#include "ui/history/historyview.h"
#include "ui/metrics/metricsview.h"
#include "ui/repo/cardview.h"
#include "ui/repo/filesview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace hubui {

namespace {

struct RepoHeader {
    hub::RepoInfo info;
    hub::Refs refs;
};

} // namespace

RepoPage::RepoPage(AppContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_title(plainLabel(this)), m_badges(plainLabel(this)),
      m_revisionBox(new QComboBox(this)), m_tabs(new QTabWidget(this)), m_card(new CardView(context)),
      m_files(new FilesView(context)), m_history(new HistoryView(context)), m_compare(new CompareView(context)),
      m_metrics(new MetricsView(context)), m_community(new CommunityView(context))
{
    auto *back = new QPushButton(tr("← Back to list"), this);
    back->setAccessibleName(tr("Back to the repo list"));
    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.4);
    tf.setBold(true);
    m_title->setFont(tf);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_revisionBox->setEditable(true);
    m_revisionBox->setInsertPolicy(QComboBox::NoInsert);
    m_revisionBox->setMinimumContentsLength(16);
    m_revisionBox->setAccessibleName(tr("Revision"));
    m_revisionBox->setToolTip(tr("Branch, tag, pull request or commit id shown in Card and Files"));
    auto *revLabel = new QLabel(tr("&Revision:"), this);
    revLabel->setBuddy(m_revisionBox);

    m_tabs->addTab(m_card, tr("Card"));
    m_tabs->addTab(m_files, tr("Files"));
    m_tabs->addTab(m_history, tr("History"));
    m_tabs->addTab(m_compare, tr("Compare"));
    m_tabs->addTab(m_metrics, tr("Metrics"));
    m_tabs->addTab(m_community, tr("Community"));

    auto *header = new QHBoxLayout;
    header->addWidget(back);
    header->addWidget(m_title);
    header->addWidget(m_badges, 1);
    header->addWidget(revLabel);
    header->addWidget(m_revisionBox);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);

    connect(back, &QPushButton::clicked, this, &RepoPage::backRequested);
    connect(m_revisionBox, &QComboBox::activated, this,
            [this](int) { setRevision(m_revisionBox->currentText().trimmed()); });
    connect(m_revisionBox->lineEdit(), &QLineEdit::returnPressed, this,
            [this] { setRevision(m_revisionBox->currentText().trimmed()); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == MetricsTab && !m_metricsLoaded) {
            m_metricsLoaded = true;
            m_metrics->load();
        }
    });
    connect(m_history, &HistoryView::compareRequested, this, [this](const QString &base, const QString &head) {
        showTab(CompareTab);
        m_compare->compare(base, head);
    });
    connect(m_history, &HistoryView::downloadRequested, this,
            [this](const QString &commit) { m_files->download(commit, {}); });
    connect(m_history, &HistoryView::refsChanged, this, &RepoPage::loadRefs);
    connect(m_community, &CommunityView::branchMoved, this, [this](const QString &branch) {
        // A merge moved a branch: the revision picker, and the views showing it, are out of date.
        loadRefs();
        if (branch == m_revision) {
            m_history->setRepo(m_repo, m_revision);
            setRevision(m_revision);
        }
    });
    connect(m_community, &CommunityView::openFilesRequested, this, [this](const QString &revision) {
        setRevision(revision);
        showTab(FilesTab);
    });
    connect(m_community, &CommunityView::openPullRequestCountChanged, this, [this](int open) {
        m_tabs->setTabText(CommunityTab, open > 0 ? tr("Community (%1)").arg(open) : tr("Community"));
        m_tabs->setTabToolTip(CommunityTab, open >= 0 ? tr("%n open pull request(s)", nullptr, open)
                                                      : tr("Pull requests and discussions"));
    });
}

RepoPage::~RepoPage()
{
    m_job.cancel();
}

void RepoPage::open(const hub::RepoRef &repo, const QString &revision)
{
    m_repo = repo;
    m_refs = {};
    m_title->setText(qstr(repo.id.str()));
    m_badges->clear();
    m_metricsLoaded = false;
    // "Request access" on a gated repo's error opens its page on the Hub (where access is asked for).
    const QUrl web(m_context.endpoint() + u'/' + qstr(std::string(hub::repoTypeUrlPrefix(repo.type)) + repo.id.str()));
    for (auto *state : findChildren<LoadStateWidget *>())
        state->setWebPage(web);
    m_compare->setRepo(repo);
    m_compare->setRevisions({});
    m_metrics->setRepo(repo);
    m_history->setRepo(repo, revision);
    m_community->setRepo(repo);
    setRevision(revision);
    loadRefs();
    if (m_tabs->currentIndex() == MetricsTab) {
        m_metricsLoaded = true;
        m_metrics->load();
    }
}

void RepoPage::setRevision(const QString &revision)
{
    if (revision.isEmpty())
        return;
    m_revision = revision;
    m_revisionBox->setCurrentText(revision);
    m_card->setRepo(m_repo, revision);
    m_files->setRepo(m_repo, revision);
}

void RepoPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void RepoPage::showDiscussion(int num)
{
    showTab(CommunityTab);
    m_community->openDiscussion(num);
}

void RepoPage::loadRefs()
{
    m_job = m_context.runHub(
        this,
        [repo = m_repo](hub::HubClient &client) -> hub::Expected<RepoHeader> {
            auto info = client.repoInfo(repo);
            if (!info)
                return info.error();
            auto refs = client.refs(repo, true);
            if (!refs)
                return refs.error();
            return RepoHeader{std::move(*info), std::move(*refs)};
        },
        [this](hub::Expected<RepoHeader> answer) {
            if (!answer) {
                m_badges->setText(tr("Could not load branches and tags: %1").arg(qstr(answer.error().message)));
                return;
            }
            QStringList badges;
            if (answer->info.isPrivate)
                badges << tr("Private");
            if (!answer->info.gated.empty())
                badges << tr("Gated");
            if (!answer->info.pipelineTag.empty())
                badges << qstr(answer->info.pipelineTag);
            badges << tr("%n like(s)", nullptr, static_cast<int>(answer->info.likes));
            m_badges->setText(badges.join(QStringLiteral(" · ")));
            m_refs = std::move(answer->refs);
            QStringList names;
            for (auto it = m_refs.tags.rbegin(); it != m_refs.tags.rend(); ++it)
                names << qstr(it->name);
            for (const auto &b : m_refs.branches)
                names << qstr(b.name);
            for (const auto &p : m_refs.pullRequests)
                names << QStringLiteral("refs/pr/") + qstr(p.name);
            const QString current = m_revisionBox->currentText();
            m_revisionBox->clear();
            m_revisionBox->addItems(names);
            m_revisionBox->setCurrentText(current);
            m_compare->setRevisions(names);
            m_history->setRefs(m_refs);
            emit refsLoaded();
        });
}

} // namespace hubui
