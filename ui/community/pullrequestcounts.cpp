#include "ui/community/pullrequestcounts.h"

#include "ui/core/appcontext.h"

#include "hub/api/client.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace hubui {

namespace {

struct NamespaceCount {
    std::vector<std::pair<hub::RepoRef, int>> repos;
    bool truncated = false;
};

} // namespace

PullRequestCounts::PullRequestCounts(AppContext &context, QObject *parent) : QObject(parent), m_context(context) {}

PullRequestCounts::~PullRequestCounts()
{
    for (const JobHandle &job : std::as_const(m_jobs))
        job.cancel();
}

QString PullRequestCounts::key(const hub::RepoRef &repo)
{
    return QString::fromStdString(std::string(hub::repoTypeName(repo.type)) + "/" + repo.id.str());
}

void PullRequestCounts::set(const hub::RepoRef &repo, int open)
{
    if (repo.id.empty())
        return;
    const QString k = key(repo);
    if (open < 0) {
        if (m_byRepo.remove(k) > 0)
            emit changed();
        return;
    }
    auto it = m_byRepo.find(k);
    if (it != m_byRepo.end() && *it == open)
        return;
    m_byRepo.insert(k, open);
    emit changed();
}

int PullRequestCounts::openIn(const QString &ns) const
{
    int sum = -1;
    const QString infix = u'/' + ns + u'/';
    for (auto it = m_byRepo.cbegin(); it != m_byRepo.cend(); ++it) {
        // "model/ns/name": the namespace sits between the first two slashes.
        if (it.key().indexOf(infix) == it.key().indexOf(u'/'))
            sum = std::max(sum, 0) + it.value();
    }
    return sum;
}

int PullRequestCounts::reposWithOpenIn(const QString &ns) const
{
    int n = 0;
    const QString infix = u'/' + ns + u'/';
    for (auto it = m_byRepo.cbegin(); it != m_byRepo.cend(); ++it)
        if (it.key().indexOf(infix) == it.key().indexOf(u'/') && it.value() > 0)
            ++n;
    return n;
}

void PullRequestCounts::clear()
{
    for (const JobHandle &job : std::as_const(m_jobs))
        job.cancel();
    m_jobs.clear();
    m_truncated.clear();
    if (!m_byRepo.isEmpty()) {
        m_byRepo.clear();
        emit changed();
    }
}

void PullRequestCounts::count(const QString &ns)
{
    if (ns.isEmpty() || m_jobs.value(ns).isRunning())
        return;
    m_jobs[ns] = m_context.runHub(
        this,
        [author = ns.toStdString()](hub::HubClient &client) -> hub::Expected<NamespaceCount> {
            NamespaceCount out;
            for (hub::RepoType type : {hub::RepoType::Model, hub::RepoType::Dataset, hub::RepoType::Space}) {
                hub::ListReposQuery q;
                q.type = type;
                q.author = author;
                q.limit = kMaxReposPerType + 1; // one more tells that there are more
                auto pager = client.listRepos(q);
                auto repos = pager.all();
                if (!repos)
                    return repos.error();
                if (repos->size() > kMaxReposPerType) {
                    repos->resize(kMaxReposPerType);
                    out.truncated = true;
                }
                for (const auto &summary : *repos) {
                    auto id = hub::RepoId::parse(summary.id);
                    if (!id)
                        continue;
                    const hub::RepoRef repo{type, *id};
                    hub::DiscussionQuery dq;
                    dq.type = "pull_request";
                    dq.status = "open";
                    auto discussions = client.listDiscussions(repo, dq);
                    auto first = discussions.next();
                    if (!first) {
                        if (first.error().code == hub::ErrorCode::Cancelled)
                            return first.error();
                        continue; // discussions disabled, or not visible to this account: not counted
                    }
                    int open = 0;
                    for (const auto &d : *first)
                        open += d.isPullRequest && d.isOpen() ? 1 : 0;
                    // The Hub's total when it sent one (more than a page of open pull requests).
                    if (discussions.total() && static_cast<int>(*discussions.total()) > open)
                        open = static_cast<int>(*discussions.total());
                    out.repos.emplace_back(repo, open);
                }
            }
            return out;
        },
        [this, ns](hub::Expected<NamespaceCount> answer) {
            m_jobs.remove(ns);
            if (!answer)
                return;
            bool any = false;
            for (const auto &[repo, open] : answer->repos) {
                const QString k = key(repo);
                if (m_byRepo.value(k, -1) != open) {
                    m_byRepo.insert(k, open);
                    any = true;
                }
            }
            if (m_truncated.value(ns) != answer->truncated) {
                m_truncated.insert(ns, answer->truncated);
                any = true;
            }
            // Nothing open anywhere is an answer too: the sidebar shows no count, but knows.
            if (answer->repos.empty() && openIn(ns) < 0)
                any = true;
            if (any)
                emit changed();
        });
}

PullRequestCounts *pullRequestCountsFor(AppContext &context)
{
    static const QString name = QStringLiteral("hubui.pullRequestCounts");
    if (auto *existing = context.findChild<PullRequestCounts *>(name, Qt::FindDirectChildrenOnly))
        return existing;
    auto *counts = new PullRequestCounts(context, &context);
    counts->setObjectName(name);
    return counts;
}

} // namespace hubui
