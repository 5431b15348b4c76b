#include "ui/community/discussionlistmodel.h"

#include "ui/core/appcontext.h"
#include "ui/core/format.h"

namespace hubui {

DiscussionListModel::DiscussionListModel(AppContext &context, QObject *parent)
    : QAbstractTableModel(parent), m_context(context)
{
}

DiscussionListModel::~DiscussionListModel()
{
    m_job.cancel();
}

int DiscussionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int DiscussionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DiscussionListModel::statusLabel(const QString &status)
{
    if (status == u"open")
        return tr("Open");
    if (status == u"closed")
        return tr("Closed");
    if (status == u"merged")
        return tr("Merged");
    if (status == u"draft")
        return tr("Draft");
    return status;
}

QVariant DiscussionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const hub::Discussion &d = discussionAt(index.row());
    switch (role) {
    case NumberRole: return d.num;
    case StatusRole: return qstr(d.status);
    case IsPullRequestRole: return d.isPullRequest;
    case TitleRole: return qstr(d.title);
    case AuthorRole: return qstr(d.author);
    case CreatedAtRole: return qstr(d.createdAt);
    case StatusLabelRole: return statusLabel(qstr(d.status));
    case Qt::ToolTipRole:
        if (index.column() == Age)
            return formatHubDate(d.createdAt);
        if (index.column() == Title)
            return qstr(d.title);
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == Status)
            return (d.isPullRequest ? tr("Pull request, %1") : tr("Discussion, %1")).arg(statusLabel(qstr(d.status)));
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (index.column() == Comments || index.column() == Number)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Status: return statusLabel(qstr(d.status));
        case Number: return QStringLiteral("#%1").arg(d.num);
        case Title: return qstr(d.title);
        case Author: return qstr(d.author);
        case Age: return formatRelativeDate(d.createdAt);
        case Comments: return d.numComments >= 0 ? QVariant(d.numComments) : QVariant(QStringLiteral("–"));
        default: return {};
        }
    default: return {};
    }
}

QVariant DiscussionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Status: return tr("Status");
    case Number: return tr("#");
    case Title: return tr("Title");
    case Author: return tr("Author");
    case Age: return tr("Opened");
    case Comments: return tr("Comments");
    default: return {};
    }
}

void DiscussionListModel::setRepo(const hub::RepoRef &repo)
{
    m_job.cancel();
    beginResetModel();
    m_items.clear();
    m_openPrs = 0;
    m_loaded = false;
    endResetModel();
    m_repo = repo;
    if (!repo.id.empty())
        reload();
}

void DiscussionListModel::cancel()
{
    m_job.cancel();
}

void DiscussionListModel::reload()
{
    m_job.cancel();
    m_job = m_context.runHub(
        this,
        [repo = m_repo](hub::HubClient &client) {
            hub::DiscussionQuery q;
            q.limit = kLimit;
            return client.listDiscussions(repo, q).all();
        },
        [this](hub::Expected<std::vector<hub::Discussion>> answer) {
            if (!answer) {
                emit loadFailed(answer.error());
                return;
            }
            beginResetModel();
            m_items = std::move(*answer);
            m_openPrs = 0;
            for (const auto &d : m_items)
                m_openPrs += d.isPullRequest && d.isOpen() ? 1 : 0;
            m_loaded = true;
            endResetModel();
            emit loaded();
        });
}

int DiscussionListModel::rowOf(int num) const
{
    for (size_t i = 0; i < m_items.size(); ++i)
        if (m_items[i].num == num)
            return static_cast<int>(i);
    return -1;
}

} // namespace hubui
