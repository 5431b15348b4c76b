// The whole pull-request loop through HubClient against the sandbox Hub: open a PR with a
// create_pr commit, comment, push a commit, merge, and main has the file; a conflict names its
// files and refuses; who may comment, close and merge; the demo world's conversation; paging and
// filters; a restart keeps everything.

#include "hub/api/client.h"
#include "hub/sandbox/demo.h"
#include "hub/sandbox/server.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hub;
namespace demo = hub::sandbox::demo;

namespace {

std::string describe(const HubError &e)
{
    return std::string(errorCodeName(e.code)) + ": " + e.describe();
}

#define VERIFY_OK(expr)                                                                                                \
    do {                                                                                                               \
        const auto &verifyOkResult = (expr);                                                                           \
        QVERIFY2(verifyOkResult.ok(), verifyOkResult.ok() ? "" : describe(verifyOkResult.error()).c_str());            \
    } while (false)

RepoRef model(const std::string &id)
{
    return RepoRef{RepoType::Model, RepoId::parse(id).value()};
}

int prNumber(const std::string &url)
{
    return std::stoi(url.substr(url.rfind('/') + 1));
}

} // namespace

class TestDiscussionsSandbox final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_data;
    std::unique_ptr<sandbox::Server> m_server;

    ClientConfig config(const char *token) const
    {
        ClientConfig c;
        c.endpoint = m_server->baseUrl();
        c.token = token ? token : "";
        return c;
    }

    Status start()
    {
        m_server.reset();
        sandbox::ServerOptions o;
        o.demo = true;
        o.demoLfsScale = 512;
        o.listPageSize = 2; // the discussions list is paged over
        o.dataDir = m_data.path().toStdString();
        auto s = sandbox::Server::start(o);
        if (!s)
            return s.error();
        m_server = std::move(*s);
        return {};
    }

    /// A fresh repo of the demo owner with a.txt and b.txt on main.
    RepoRef freshRepo(HubClient &owner, const std::string &name)
    {
        const RepoRef repo = model(std::string(demo::kDemoOwnerUser) + "/" + name);
        (void)owner.createRepo(repo);
        CommitRequest c;
        c.summary = "Add a and b";
        c.operations = {CommitOperation::addFile("a.txt", "a1\n"), CommitOperation::addFile("b.txt", "b1\n")};
        (void)owner.commit(repo, c);
        return repo;
    }

    /// Opens a pull request with one commit; returns its number (0 on failure).
    int openPr(HubClient &client, const RepoRef &repo, const std::string &path, const std::string &content,
               const std::string &title)
    {
        CommitRequest c;
        c.summary = title;
        c.description = "Why: " + title;
        c.createPr = true;
        c.operations = {CommitOperation::addFile(path, content)};
        auto r = client.commit(repo, c);
        return r ? prNumber(r->pullRequestUrl) : 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        VERIFY_OK(start());
    }

    void demo_wordDetectorHasAReviewedHistory()
    {
        HubClient anon(config(nullptr));
        const RepoRef wd = model(demo::kWordDetector);
        auto all = anon.listDiscussions(wd).all(); // 4 items over pages of 2
        VERIFY_OK(all);
        QCOMPARE(all->size(), size_t(4));
        QCOMPARE((*all)[0].num, 4); // newest first
        QCOMPARE((*all)[0].status, std::string("open"));
        QCOMPARE((*all)[1].status, std::string("closed"));
        QCOMPARE((*all)[2].isPullRequest, false);
        QCOMPARE((*all)[3].status, std::string("merged"));

        auto open = anon.discussionDetails(wd, 4);
        VERIFY_OK(open);
        std::vector<DiscussionEvent::Type> kinds;
        for (const auto &e : open->events)
            kinds.push_back(e.type);
        using T = DiscussionEvent::Type;
        QCOMPARE(kinds, (std::vector<T>{T::Comment, T::Commit, T::Comment, T::Comment, T::Commit}));
        QVERIFY(open->events[0].content.find("0.4") != std::string::npos); // the description
        QCOMPARE(open->events[2].author, std::string(demo::kDemoOwnerUser));
        QVERIFY(!open->hasConflicts());
        QVERIFY(open->diff.find("+++ b/config.json") != std::string::npos);
        QVERIFY(open->diff.find("+++ b/README.md") != std::string::npos);

        auto merged = anon.discussionDetails(wd, 1);
        VERIFY_OK(merged);
        auto refs = anon.refs(wd);
        VERIFY_OK(refs);
        std::string v120;
        for (const auto &t : refs->tags)
            if (t.name == "v1.2.0")
                v120 = t.targetCommit;
        QCOMPARE(merged->mergeCommitId, v120);
        QCOMPARE(merged->events.back().newStatus, std::string("merged"));
    }

    void demo_idsAreTheSameOnEveryStart()
    {
        QTemporaryDir other;
        sandbox::ServerOptions o;
        o.demo = true;
        o.demoLfsScale = 512;
        o.dataDir = other.path().toStdString();
        auto s = sandbox::Server::start(o);
        VERIFY_OK(s);
        ClientConfig c;
        c.endpoint = (*s)->baseUrl();
        HubClient fresh(c);
        HubClient ours(config(nullptr));
        auto a = fresh.discussionDetails(model(demo::kWordDetector), 4);
        auto b = ours.discussionDetails(model(demo::kWordDetector), 4);
        VERIFY_OK(a);
        VERIFY_OK(b);
        QCOMPARE(a->events.size(), b->events.size());
        for (size_t i = 0; i < a->events.size(); ++i) {
            QCOMPARE(a->events[i].id, b->events[i].id);
            QCOMPARE(a->events[i].commitOid, b->events[i].commitOid);
        }
    }

    void pullRequest_createCommentPushMerge_mainHasTheFile()
    {
        HubClient owner(config(demo::kDemoOwnerToken));
        HubClient reader(config(demo::kDemoReaderToken));
        const RepoRef repo = freshRepo(owner, "pr-loop");
        const int n = openPr(owner, repo, "new.txt", "hello\n", "Add new.txt");
        QVERIFY(n > 0);

        auto d = owner.discussionDetails(repo, n);
        VERIFY_OK(d);
        QCOMPARE(d->status, std::string("open"));
        QCOMPARE(d->title, std::string("Add new.txt"));
        QCOMPARE(d->events.size(), size_t(2)); // the description, then the commit
        QCOMPARE(d->events[0].content, std::string("Why: Add new.txt"));
        QCOMPARE(d->events[1].type, DiscussionEvent::Type::Commit);

        auto comment = reader.commentDiscussion(repo, n, "Nice, but add a second line?");
        VERIFY_OK(comment);
        QCOMPARE(comment->author, std::string(demo::kDemoReaderUser));

        CommitRequest push;
        push.revision = "refs/pr/" + std::to_string(n);
        push.summary = "Second line";
        push.operations = {CommitOperation::addFile("new.txt", "hello\nworld\n")};
        VERIFY_OK(owner.commit(repo, push));

        auto before = owner.fetchSmallFile(repo, "main", "new.txt");
        QVERIFY(!before.ok()); // not on main yet
        VERIFY_OK(owner.mergePullRequest(repo, n, "Thanks!"));
        auto file = owner.fetchSmallFile(repo, "main", "new.txt");
        VERIFY_OK(file);
        QCOMPARE(*file, std::string("hello\nworld\n"));

        auto after = owner.discussionDetails(repo, n);
        VERIFY_OK(after);
        QCOMPARE(after->status, std::string("merged"));
        auto info = owner.repoInfo(repo);
        VERIFY_OK(info);
        QCOMPARE(after->mergeCommitId, info->sha);
        std::vector<std::string> kinds;
        for (const auto &e : after->events)
            kinds.push_back(e.typeName);
        QCOMPARE(kinds,
                 (std::vector<std::string>{"comment", "commit", "comment", "commit", "comment", "status-change"}));
        QCOMPARE(after->events[4].content, std::string("Thanks!"));

        auto again = owner.mergePullRequest(repo, n);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().message.find("already merged") != std::string::npos, again.error().message.c_str());
        auto reopen = owner.changeDiscussionStatus(repo, n, "open");
        QVERIFY(!reopen.ok());
        CommitRequest late = push;
        late.summary = "Too late";
        QVERIFY(!owner.commit(repo, late).ok()); // a merged PR takes no more commits
    }

    void pullRequest_conflictNamesTheFilesAndRefuses()
    {
        HubClient owner(config(demo::kDemoOwnerToken));
        const RepoRef repo = freshRepo(owner, "pr-conflict");
        const int clash = openPr(owner, repo, "a.txt", "a-from-pr\n", "Change a");
        const int clean = openPr(owner, repo, "b.txt", "b-from-pr\n", "Change b");
        QVERIFY(clash > 0 && clean > 0);
        CommitRequest onMain;
        onMain.summary = "Change a on main";
        onMain.operations = {CommitOperation::addFile("a.txt", "a-from-main\n")};
        VERIFY_OK(owner.commit(repo, onMain));
        const std::string mainHead = owner.repoInfo(repo)->sha;

        auto d = owner.discussionDetails(repo, clash);
        VERIFY_OK(d);
        QCOMPARE(d->conflictingFiles, std::vector<std::string>{"a.txt"});
        auto merge = owner.mergePullRequest(repo, clash);
        QVERIFY(!merge.ok());
        QCOMPARE(merge.error().code, ErrorCode::Conflict);
        QCOMPARE(merge.error().subject, std::string("a.txt"));
        QVERIFY2(merge.error().message.find("a.txt was also changed") != std::string::npos,
                 merge.error().message.c_str());
        QCOMPARE(owner.repoInfo(repo)->sha, mainHead); // refused: main did not move

        VERIFY_OK(owner.mergePullRequest(repo, clean)); // another file: merges over the moved base
        QCOMPARE(*owner.fetchSmallFile(repo, "main", "a.txt"), std::string("a-from-main\n"));
        QCOMPARE(*owner.fetchSmallFile(repo, "main", "b.txt"), std::string("b-from-pr\n"));
    }

    void permissions_readersCommentWritersMerge()
    {
        HubClient owner(config(demo::kDemoOwnerToken));
        HubClient reader(config(demo::kDemoReaderToken));
        HubClient other(config(demo::kDemoCollaboratorToken)); // write access, but not to this repo
        HubClient anon(config(nullptr));
        const RepoRef repo = freshRepo(owner, "pr-permissions");
        const int n = openPr(owner, repo, "c.txt", "c\n", "Add c");
        QVERIFY(n > 0);

        VERIFY_OK(reader.commentDiscussion(repo, n, "A reader may comment"));
        auto anonComment = anon.commentDiscussion(repo, n, "anonymous");
        QVERIFY(!anonComment.ok());
        QCOMPARE(anonComment.error().code, ErrorCode::Unauthorized);

        for (HubClient *c : {&reader, &other}) {
            auto m = c->mergePullRequest(repo, n);
            QVERIFY(!m.ok());
            QCOMPARE(m.error().code, ErrorCode::Forbidden);
            QVERIFY2(m.error().message.find("maintainers") != std::string::npos, m.error().message.c_str());
            auto close = c->changeDiscussionStatus(repo, n, "closed");
            QVERIFY(!close.ok());
            QCOMPARE(close.error().code, ErrorCode::Forbidden);
            QVERIFY(!c->renameDiscussion(repo, n, "Renamed by a stranger").ok());
        }

        // A reader's own discussion: they may rename and close it.
        auto mine = reader.createDiscussion(repo, "A question", "How do I load it?");
        VERIFY_OK(mine);
        QCOMPARE(mine->isPullRequest, false);
        QCOMPARE(mine->num, n + 1); // discussions and pull requests share the numbers
        VERIFY_OK(reader.renameDiscussion(repo, mine->num, "A question about loading"));
        auto closed = reader.changeDiscussionStatus(repo, mine->num, "closed", "Found it, thanks");
        VERIFY_OK(closed);
        QCOMPARE(closed->newStatus, std::string("closed"));
        auto reopened = owner.changeDiscussionStatus(repo, mine->num, "open");
        VERIFY_OK(reopened);

        // Edit: only the author; hide: the author or a maintainer, and the text is gone.
        auto c = reader.commentDiscussion(repo, mine->num, "tpyo");
        VERIFY_OK(c);
        QVERIFY(!owner.editDiscussionComment(repo, mine->num, c->id, "hijack").ok());
        auto edited = reader.editDiscussionComment(repo, mine->num, c->id, "typo");
        VERIFY_OK(edited);
        QCOMPARE(edited->content, std::string("typo"));
        QVERIFY(edited->edited);
        auto hidden = owner.hideDiscussionComment(repo, mine->num, c->id);
        VERIFY_OK(hidden);
        QVERIFY(hidden->hidden);
        QVERIFY(hidden->content.empty());
    }

    void pullRequest_readersMayProposeButNotCommit()
    {
        HubClient owner(config(demo::kDemoOwnerToken));
        HubClient reader(config(demo::kDemoReaderToken));
        HubClient other(config(demo::kDemoCollaboratorToken)); // write access elsewhere only
        const RepoRef repo = freshRepo(owner, "pr-from-readers");

        // As on the Hub, read access is enough to open a pull request, LFS files included.
        const std::string oid(64, 'a');
        VERIFY_OK(reader.lfsBatch(repo, {{oid, 10}}, ""));
        QCOMPARE(reader.lfsBatch(repo, {{oid, 10}}, "main").error().code, ErrorCode::Forbidden);
        const int n = openPr(reader, repo, "proposal.txt", "from a reader\n", "A reader's proposal");
        QVERIFY(n > 0);
        auto d = owner.discussionDetails(repo, n);
        VERIFY_OK(d);
        QCOMPARE(d->author, std::string(demo::kDemoReaderUser));

        // Its author may push to it; nobody else without write access may.
        CommitRequest push;
        push.revision = "refs/pr/" + std::to_string(n);
        push.summary = "Second thought";
        push.operations = {CommitOperation::addFile("proposal.txt", "from a reader, improved\n")};
        VERIFY_OK(reader.commit(repo, push));
        QCOMPARE(other.commit(repo, push).error().code, ErrorCode::Forbidden);
        CommitRequest onMain;
        onMain.summary = "Straight to main";
        onMain.operations = {CommitOperation::addFile("main.txt", "no\n")};
        QCOMPARE(reader.commit(repo, onMain).error().code, ErrorCode::Forbidden);
        QVERIFY(!HubClient(config(nullptr)).commit(repo, push).ok()); // anonymous: never

        VERIFY_OK(owner.mergePullRequest(repo, n));
        QCOMPARE(*owner.fetchSmallFile(repo, "main", "proposal.txt"), std::string("from a reader, improved\n"));
    }

    void draftPullRequest_opensWithItsFirstCommit()
    {
        HubClient owner(config(demo::kDemoOwnerToken));
        const RepoRef repo = freshRepo(owner, "pr-draft");
        auto pr = owner.createDiscussion(repo, "Retrain", "Coming soon", true);
        VERIFY_OK(pr);
        QCOMPARE(pr->status, std::string("draft"));
        QCOMPARE(pr->gitReference(), "refs/pr/" + std::to_string(pr->num));
        CommitRequest c;
        c.revision = pr->gitReference();
        c.summary = "Retrained weights";
        c.operations = {CommitOperation::addFile("w.txt", "w\n")};
        VERIFY_OK(owner.commit(repo, c));
        auto d = owner.discussionDetails(repo, pr->num);
        VERIFY_OK(d);
        QCOMPARE(d->status, std::string("open"));
        QCOMPARE(d->firstCommitOid().size(), size_t(40));
    }

    void list_filtersByTypeStatusAndAuthor()
    {
        HubClient anon(config(nullptr));
        const RepoRef wd = model(demo::kWordDetector);
        DiscussionQuery q;
        q.type = "pull_request";
        auto prs = anon.listDiscussions(wd, q).all();
        VERIFY_OK(prs);
        QCOMPARE(prs->size(), size_t(3));
        q.status = "open";
        auto open = anon.listDiscussions(wd, q).all();
        VERIFY_OK(open);
        QCOMPARE(open->size(), size_t(1));
        QCOMPARE(open->front().num, 4);
        DiscussionQuery byReader;
        byReader.author = demo::kDemoReaderUser;
        auto mine = anon.listDiscussions(wd, byReader).all();
        VERIFY_OK(mine);
        QCOMPARE(mine->size(), size_t(1));
        QCOMPARE(mine->front().num, 2);
        auto missing = anon.discussionDetails(wd, 99);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::EntryNotFound);
    }

    void restart_keepsTheConversation()
    {
        HubClient owner(config(demo::kDemoOwnerToken));
        const RepoRef repo = freshRepo(owner, "pr-restart");
        const int n = openPr(owner, repo, "r.txt", "r\n", "Add r");
        VERIFY_OK(owner.commentDiscussion(repo, n, "before the restart"));
        VERIFY_OK(start());
        HubClient again(config(demo::kDemoOwnerToken));
        auto d = again.discussionDetails(repo, n);
        VERIFY_OK(d);
        QCOMPARE(d->events.back().content, std::string("before the restart"));
        VERIFY_OK(again.mergePullRequest(repo, n));
    }
};

QTEST_GUILESS_MAIN(TestDiscussionsSandbox)
#include "test_discussions_sandbox.moc"
