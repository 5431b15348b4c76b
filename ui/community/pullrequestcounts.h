#pragma once

#include "ui/core/asyncjob.h"

#include "hub/core/types.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QString>

namespace hubui {

class AppContext;

/// Open pull requests per repo, summed per namespace for the sidebar ("PellelNitram · 1 PR").
/// Counts come from two places: a background count over a namespace's repos (count()), and the
/// Community tab of each repo opened (set()), which is always the freshest. GUI thread only.
class PullRequestCounts final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PullRequestCounts)

public:
    /// A namespace is counted over at most this many repos of each type (models, datasets,
    /// spaces); beyond it the sidebar says "at least".
    static constexpr size_t kMaxReposPerType = 100;

    explicit PullRequestCounts(AppContext &context, QObject *parent = nullptr);
    ~PullRequestCounts() override;

    /// Open (and draft) pull requests of `repo`; a negative count forgets it.
    void set(const hub::RepoRef &repo, int open);
    /// Counts the open pull requests of every repo of `ns` in the background (one job at a time
    /// per namespace); emits changed() when done. A failure leaves what was known.
    void count(const QString &ns);
    /// Sum over the known repos of `ns`; -1 when nothing of `ns` is known yet.
    int openIn(const QString &ns) const;
    /// The count is a lower bound (the namespace has more repos than were counted).
    bool isLowerBound(const QString &ns) const { return m_truncated.value(ns, false); }
    /// The number of repos of `ns` with at least one open pull request.
    int reposWithOpenIn(const QString &ns) const;
    void clear();

signals:
    void changed();

private:
    static QString key(const hub::RepoRef &repo);

    AppContext &m_context;
    QHash<QString, int> m_byRepo;     ///< "model/ns/name" -> open pull requests
    QHash<QString, bool> m_truncated; ///< namespace -> counted a capped list
    QHash<QString, JobHandle> m_jobs; ///< namespace -> running count
};

/// The one PullRequestCounts of `context` (created on first use, owned by it).
PullRequestCounts *pullRequestCountsFor(AppContext &context);

} // namespace hubui
