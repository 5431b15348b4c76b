// The demo world's conversations: comments, closes, merges and plain discussions at fixed dates.
#include "hub/sandbox/hubapp.h"

namespace hub::sandbox {
namespace {

std::string keyOf(const RepoState &repo)
{
    return std::string(repoTypeName(repo.type)) + ":" + repo.fullId();
}

} // namespace

void demoComment(HubApp &app, RepoState &repo, int num, const std::string &author, int64_t date,
                 const std::string &text)
{
    if (DiscussionRecord *d = app.findDiscussion(repo, num)) {
        d->addEvent(keyOf(repo), "comment", author, date).content = text;
        (void)app.discussionStore().save(app.store(), repo);
    }
}

void demoStatus(HubApp &app, RepoState &repo, int num, const std::string &author, int64_t date,
                const std::string &status, const std::string &mergeCommit)
{
    if (DiscussionRecord *d = app.findDiscussion(repo, num)) {
        d->addEvent(keyOf(repo), "status-change", author, date).status = status;
        d->status = status;
        d->mergeCommitId = mergeCommit;
        (void)app.discussionStore().save(app.store(), repo);
    }
}

void demoDiscussion(HubApp &app, RepoState &repo, int num, const std::string &title, const std::string &author,
                    int64_t date, const std::string &text)
{
    auto &all = app.discussionStore().of(app.store(), repo);
    DiscussionRecord d;
    d.num = num;
    d.title = title;
    d.author = author;
    d.createdAt = date;
    d.addEvent(keyOf(repo), "comment", author, date).content = text;
    all[num] = std::move(d);
    (void)app.discussionStore().save(app.store(), repo);
}

} // namespace hub::sandbox
