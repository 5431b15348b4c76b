#include "ui/history/commitlistmodel.h"

#include "ui/core/appcontext.h"
#include "ui/core/format.h"

#include <QFont>
#include <QVariantMap>

namespace hubui {

CommitListModel::CommitListModel(AppContext &context, QObject *parent) : QAbstractTableModel(parent), m_context(context)
{
}

CommitListModel::~CommitListModel()
{
    m_job.cancel();
}

int CommitListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_commits.size());
}

int CommitListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CommitListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto &c = m_commits[static_cast<size_t>(index.row())];
    const QString id = qstr(c.id);
    QStringList authors;
    for (const auto &a : c.authors)
        authors << qstr(a);
    switch (role) {
    case CommitIdRole: return id;
    case TitleRole: return qstr(c.title);
    case AuthorsRole: return authors;
    case DateRole: return qstr(c.date);
    case RefNamesRole: return m_refNames.value(id);
    case TagsRole: return m_tags.value(id);
    case BranchesRole: return m_branches.value(id);
    case RefBadgesRole: return m_badges.value(id);
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title: return qstr(c.title);
        case Refs: return m_refNames.value(id).join(QStringLiteral(", "));
        case Author: return authors.join(QStringLiteral(", "));
        case Date: return formatHubDate(c.date);
        case Commit: return shortCommit(c.id);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Commit)
            return id;
        if (index.column() == Title && !c.message.empty())
            return qstr(c.message);
        if (index.column() == Refs && m_refNames.contains(id))
            return tr("Points here: %1").arg(m_refNames.value(id).join(QStringLiteral(", ")));
        return {};
    case Qt::FontRole:
        if (index.column() == Commit) {
            QFont f(QStringLiteral("monospace"));
            f.setStyleHint(QFont::Monospace);
            return f;
        }
        return {};
    default: return {};
    }
}

QVariant CommitListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title: return tr("Title");
    case Refs: return tr("Tags and branches");
    case Author: return tr("Author");
    case Date: return tr("Date");
    case Commit: return tr("Commit");
    default: return {};
    }
}

bool CommitListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_repo.id.empty() && !m_atEnd && m_error.isEmpty();
}

void CommitListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_job.isRunning())
        return;
    const size_t page = m_nextPage;
    const size_t size = m_pageSize;
    const quint64 generation = m_generation;
    m_job = m_context.runHub(
        this,
        [repo = m_repo, rev = m_revision.toStdString(), page, size](hub::HubClient &client) {
            return client.commitsPage(repo, rev, page, size);
        },
        [this, generation](hub::Expected<hub::CommitPage> answer) {
            if (generation != m_generation)
                return;
            if (!answer) {
                m_error = qstr(answer.error().message);
                emit fetchFailed(answer.error());
                return;
            }
            if (answer->total)
                m_total = static_cast<qint64>(*answer->total);
            auto &items = answer->commits;
            if (!items.empty()) {
                const int first = rowCount();
                beginInsertRows({}, first, first + static_cast<int>(items.size()) - 1);
                for (auto &c : items)
                    m_commits.push_back(std::move(c));
                endInsertRows();
            }
            ++m_nextPage;
            m_atEnd = items.empty() || answer->nextUrl.empty() ||
                      (m_total >= 0 && static_cast<qint64>(m_commits.size()) >= m_total);
            emit pageLoaded();
        });
}

void CommitListModel::setRepo(const hub::RepoRef &repo, const QString &revision)
{
    m_job.cancel();
    ++m_generation;
    beginResetModel();
    m_repo = repo;
    m_revision = revision;
    m_commits.clear();
    m_nextPage = 0;
    m_total = -1;
    m_atEnd = false;
    m_error.clear();
    endResetModel();
    fetchMore({});
}

void CommitListModel::setRefs(const hub::Refs &refs)
{
    m_refNames.clear();
    m_tags.clear();
    m_branches.clear();
    m_badges.clear();
    const auto badge = [this](const std::string &commit, const char *kind, const QString &name, const QString &label) {
        m_badges[qstr(commit)] << QVariantMap{{QStringLiteral("kind"), QLatin1String(kind)},
                                              {QStringLiteral("name"), name},
                                              {QStringLiteral("label"), label}};
    };
    for (const auto &t : refs.tags) {
        m_refNames[qstr(t.targetCommit)] << qstr(t.name);
        m_tags[qstr(t.targetCommit)] << qstr(t.name);
        badge(t.targetCommit, "tag", qstr(t.name), tr("tag %1").arg(qstr(t.name)));
    }
    for (const auto &b : refs.branches) {
        m_refNames[qstr(b.targetCommit)] << qstr(b.name);
        m_branches[qstr(b.targetCommit)] << qstr(b.name);
        badge(b.targetCommit, "branch", qstr(b.name), tr("branch %1").arg(qstr(b.name)));
    }
    for (const auto &p : refs.pullRequests) {
        m_refNames[qstr(p.targetCommit)] << tr("PR #%1").arg(qstr(p.name));
        badge(p.targetCommit, "pr", qstr(p.name), tr("PR #%1").arg(qstr(p.name)));
    }
    if (!m_commits.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void CommitListModel::retry()
{
    m_error.clear();
    fetchMore({});
}

} // namespace hubui
