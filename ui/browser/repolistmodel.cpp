#include "ui/browser/repolistmodel.h"

#include "ui/core/appcontext.h"
#include "ui/core/format.h"

#include "hub/core/timeutil.h"

#include <QDateTime>

#include <map>

namespace hubui {

namespace {

// Enough for one namespace and a search; the Hub's own UI shows far fewer at once.
constexpr size_t kListLimit = 1000;

QDateTime hubDate(const std::string &iso)
{
    const auto secs = hub::parseIsoUtc(iso);
    return secs ? QDateTime::fromSecsSinceEpoch(*secs, Qt::UTC) : QDateTime();
}

} // namespace

RepoListModel::RepoListModel(AppContext &context, QObject *parent) : QAbstractTableModel(parent), m_context(context)
{
    connect(&m_context, &AppContext::cacheChanged, this, [this](const hub::RepoRef &) { refreshCacheBadges(); });
}

RepoListModel::~RepoListModel()
{
    cancel();
}

int RepoListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_repos.size());
}

int RepoListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RepoListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto &r = m_repos[static_cast<size_t>(index.row())];
    const CacheBadge badge = m_badges[static_cast<size_t>(index.row())];
    switch (role) {
    case RepoIdRole: return qstr(r.id);
    case RepoTypeRole: return static_cast<int>(r.type);
    case PrivateRole: return r.isPrivate;
    case GatedRole: return qstr(r.gated);
    case DownloadsRole: return static_cast<qulonglong>(r.downloads);
    case LikesRole: return static_cast<qulonglong>(r.likes);
    case LastModifiedRole: return hubDate(r.lastModified);
    case HeadCommitRole: return qstr(r.sha);
    case CacheBadgeRole: return static_cast<int>(badge);
    case PipelineRole: return qstr(r.type == hub::RepoType::Space ? r.sdk : r.pipelineTag);
    case SortRole:
        switch (index.column()) {
        case Name: return qstr(r.id).toLower();
        case Downloads: return static_cast<qulonglong>(r.downloads);
        case Likes: return static_cast<qulonglong>(r.likes);
        case LastModified: return hubDate(r.lastModified);
        case Cache: return static_cast<int>(badge);
        default: return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return qstr(r.id);
        case Downloads: return r.type == hub::RepoType::Space ? QString() : QString::number(r.downloads);
        case Likes: return QString::number(r.likes);
        case LastModified: return formatRelativeDate(r.lastModified);
        case Cache: return cacheBadgeText(badge);
        default: return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case LastModified: return formatHubDate(r.lastModified);
        case Cache: return cacheBadgeToolTip(badge);
        default: return {};
        }
    case Qt::AccessibleTextRole:
        if (index.column() == Name) {
            QString text = qstr(r.id);
            if (r.isPrivate)
                text += QStringLiteral(", ") + tr("private");
            if (!r.gated.empty())
                text += QStringLiteral(", ") + tr("gated");
            return text;
        }
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (index.column() == Downloads || index.column() == Likes)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant RepoListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Downloads: return tr("Downloads");
    case Likes: return tr("Likes");
    case LastModified: return tr("Last modified");
    case Cache: return tr("On this computer");
    default: return {};
    }
}

int RepoListModel::rowOf(const QString &repoId) const
{
    const std::string id = repoId.toStdString();
    for (size_t i = 0; i < m_repos.size(); ++i)
        if (m_repos[i].id == id)
            return static_cast<int>(i);
    return -1;
}

void RepoListModel::cancel()
{
    m_listJob.cancel();
    m_cacheJob.cancel();
}

void RepoListModel::load(const Query &query)
{
    cancel();
    m_query = query;
    emit loadingStarted();
    hub::ListReposQuery q;
    q.type = query.type;
    q.author = query.author.toStdString();
    q.search = query.search.toStdString();
    q.limit = kListLimit;
    q.expand = {"author", "private", "gated", "likes", "lastModified", "sha", "tags", "createdAt"};
    if (query.type == hub::RepoType::Space) {
        q.expand.emplace_back("sdk");
    } else {
        q.expand.emplace_back("downloads");
        if (query.type == hub::RepoType::Model) {
            q.expand.emplace_back("pipeline_tag");
            q.expand.emplace_back("library_name");
        }
    }
    m_listJob = m_context.runHub(
        this, [q](hub::HubClient &client) { return client.listRepos(q).all(); },
        [this, type = query.type](hub::Expected<std::vector<hub::RepoSummary>> answer) {
            if (!answer) {
                emit loadFailed(answer.error());
                return;
            }
            for (auto &r : *answer)
                r.type = type;
            setRepos(std::move(*answer));
            emit loaded();
            refreshCacheBadges();
        });
}

void RepoListModel::setRepos(std::vector<hub::RepoSummary> repos)
{
    beginResetModel();
    m_repos = std::move(repos);
    m_badges.assign(m_repos.size(), CacheBadge::Unknown);
    endResetModel();
}

void RepoListModel::refreshCacheBadges()
{
    m_cacheJob.cancel();
    if (m_repos.empty())
        return;
    std::vector<std::pair<hub::RepoRef, std::string>> repos;
    for (const auto &r : m_repos) {
        auto id = hub::RepoId::parse(r.id);
        repos.emplace_back(hub::RepoRef{r.type, id ? *id : hub::RepoId{}}, r.sha);
    }
    const std::filesystem::path root = m_context.cacheDir().toStdString();
    m_cacheJob = runJob(
        this,
        [root, repos](const std::shared_ptr<std::atomic<bool>> &cancel) {
            std::map<std::string, CacheBadge> out;
            for (const auto &[ref, head] : repos) {
                if (cancel->load())
                    break;
                if (!ref.id.empty())
                    out[ref.id.str()] = inspectRepoCache(root, ref, head).badge;
            }
            return out;
        },
        [this](std::map<std::string, CacheBadge> badges) {
            for (size_t i = 0; i < m_repos.size(); ++i) {
                const auto it = badges.find(m_repos[i].id);
                if (it != badges.end() && m_badges[i] != it->second) {
                    m_badges[i] = it->second;
                    const auto row = static_cast<int>(i);
                    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
                }
            }
            emit cacheBadgesUpdated();
        });
}

} // namespace hubui
