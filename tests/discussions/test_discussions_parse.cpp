// The discussions parsers on bodies shaped like the real Hub's answers (field names from
// huggingface_hub's hf_api.py / community.py and hub-api.md §15): typed results, unknown event
// kinds kept, missing required fields a BadResponse, never an exception.

#include "hub/api/discussions.h"

#include <QTest>

using namespace hub;

namespace {

// A pull request as GET /api/models/{id}/discussions/{n}?diff=1 answers it.
const char *kDetails = R"J({
  "num": 4, "title": "Lower fg_cc_threshold to 0.4", "status": "open", "isPullRequest": true,
  "createdAt": "2024-08-01T10:00:00.000Z", "pinned": false, "locked": false,
  "author": {"_id": "61d2f90c3c2083e1c08af22d", "name": "githubharald", "fullname": "Harald", "type": "user", "isPro": false},
  "repo": {"name": "PellelNitram/xournalpp-htr-word-detector", "type": "model"},
  "events": [
    {"id": "6399f58518721fdd27fc9caa", "type": "comment", "createdAt": "2024-08-01T10:00:00.000Z",
     "author": {"name": "githubharald"},
     "data": {"edited": false, "hidden": false, "numEdits": 0, "editors": [], "reactions": [],
              "latest": {"raw": "Faint **pencil** strokes", "html": "<p>Faint <strong>pencil</strong> strokes</p>",
                         "updatedAt": "2024-08-01T10:00:00.000Z", "author": {"name": "githubharald"}}}},
    {"id": "6399f58518721fdd27fc9cab", "type": "commit", "createdAt": "2024-08-01T10:00:01.000Z",
     "author": {"name": "githubharald"}, "data": {"subject": "Lower fg_cc_threshold to 0.4", "oid": "1111111111111111111111111111111111111111"}},
    {"id": "6399f58518721fdd27fc9cac", "type": "title-change", "createdAt": "2024-08-02T10:00:00.000Z",
     "author": {"name": "PellelNitram"}, "data": {"from": "Lower threshold", "to": "Lower fg_cc_threshold to 0.4"}},
    {"id": "6399f58518721fdd27fc9cad", "type": "status-change", "createdAt": "2024-08-03T10:00:00.000Z",
     "author": {"name": "PellelNitram"}, "data": {"status": "closed"}},
    {"id": "6399f58518721fdd27fc9cae", "type": "pinning-change", "createdAt": "2024-08-03T10:00:00.000Z", "data": {}},
    {"id": "6399f58518721fdd27fc9caf", "type": "comment", "createdAt": "2024-08-04T10:00:00.000Z",
     "data": {"edited": true, "hidden": true, "numEdits": 2, "latest": {"raw": "", "html": ""}}}
  ],
  "changes": {"base": "refs/heads/main", "mergeCommitId": "2222222222222222222222222222222222222222"},
  "filesWithConflicts": ["config.json"],
  "diff": "diff --git a/config.json b/config.json\n"
})J";

} // namespace

class TestDiscussionsParse final : public QObject {
    Q_OBJECT

private slots:
    void details_readsEveryEventKindInOrder()
    {
        auto d = parseDiscussionDetails(kDetails);
        QVERIFY2(d.ok(), d.ok() ? "" : d.error().describe().c_str());
        QCOMPARE(d->num, 4);
        QVERIFY(d->isPullRequest);
        QCOMPARE(d->author, std::string("githubharald"));
        QCOMPARE(d->repoId, std::string("PellelNitram/xournalpp-htr-word-detector"));
        QCOMPARE(d->gitReference(), std::string("refs/pr/4"));
        QCOMPARE(d->events.size(), size_t(6));
        QCOMPARE(d->events[0].type, DiscussionEvent::Type::Comment);
        QCOMPARE(d->events[0].content, std::string("Faint **pencil** strokes"));
        QCOMPARE(d->events[1].type, DiscussionEvent::Type::Commit);
        QCOMPARE(d->events[1].commitOid, std::string("1111111111111111111111111111111111111111"));
        QCOMPARE(d->events[2].type, DiscussionEvent::Type::TitleChange);
        QCOMPARE(d->events[2].oldTitle, std::string("Lower threshold"));
        QCOMPARE(d->events[3].type, DiscussionEvent::Type::StatusChange);
        QCOMPARE(d->events[3].newStatus, std::string("closed"));
        QCOMPARE(d->events[4].type, DiscussionEvent::Type::Other); // a kind we do not know is kept
        QCOMPARE(d->events[4].typeName, std::string("pinning-change"));
        QCOMPARE(d->events[5].author, std::string("deleted")); // no author: as huggingface_hub says
        QVERIFY(d->events[5].hidden);
        QCOMPARE(d->events[5].numEdits, 2);
        QCOMPARE(d->firstCommitOid(), std::string("1111111111111111111111111111111111111111"));
    }

    void details_readsWhatAPullRequestMerges()
    {
        auto d = parseDiscussionDetails(kDetails);
        QVERIFY(d.ok());
        QCOMPARE(d->targetBranch, std::string("refs/heads/main"));
        QCOMPARE(d->targetBranchName(), std::string("main"));
        QCOMPARE(d->mergeCommitId, std::string("2222222222222222222222222222222222222222"));
        QCOMPARE(d->conflictingFiles, std::vector<std::string>{"config.json"});
        QVERIFY(d->hasConflicts());
        QVERIFY(d->diff.starts_with("diff --git"));
    }

    void details_conflictsAsTrueMeanUnlisted()
    {
        auto d = parseDiscussionDetails(
            R"({"num":1,"title":"t","status":"open","isPullRequest":true,"events":[],"changes":{"base":"refs/heads/main"},"filesWithConflicts":true})");
        QVERIFY(d.ok());
        QVERIFY(d->conflictsUnlisted);
        QVERIFY(d->conflictingFiles.empty());
        QVERIFY(d->hasConflicts());
    }

    void details_aDiscussionHasNoPullRequestFields()
    {
        auto d = parseDiscussionDetails(
            R"({"num":2,"title":"Question","status":"open","isPullRequest":false,"events":[],"changes":{"base":"x"}})");
        QVERIFY(d.ok());
        QVERIFY(d->targetBranch.empty());
        QVERIFY(d->gitReference().empty());
    }

    void details_missingRequiredFieldIsBadResponse()
    {
        for (const char *body : {R"({"title":"t","status":"open","events":[]})",                           // no num
                                 R"({"num":1,"title":"t","status":"open"})",                               // no events
                                 R"({"num":1,"title":"t","status":"open","events":[{"type":"comment"}]})", // no id
                                 R"({"num":"one","title":"t","status":"open","events":[]})", "[]", "not json", ""}) {
            auto d = parseDiscussionDetails(body);
            QVERIFY2(!d.ok(), body);
            QCOMPARE(d.error().code, ErrorCode::BadResponse);
        }
    }

    void page_readsCountStartAndItems()
    {
        auto p = parseDiscussionPage(R"({"discussions":[
            {"num":3,"title":"Add fp16","status":"closed","isPullRequest":true,"createdAt":"2024-08-01T00:00:00.000Z",
             "author":{"name":"githubharald"},"repo":{"name":"a/b","type":"dataset"},"numComments":2,"topReactions":[]},
            {"num":2,"title":"Question","status":"open","isPullRequest":false,"author":{"name":"annotator"}}],
            "count":12,"start":10,"numClosedDiscussions":3})");
        QVERIFY2(p.ok(), p.ok() ? "" : p.error().describe().c_str());
        QCOMPARE(p->count, size_t(12));
        QCOMPARE(p->start, size_t(10));
        QCOMPARE(p->items.size(), size_t(2));
        QCOMPARE(p->items[0].repoType, RepoType::Dataset);
        QCOMPARE(p->items[0].numComments, 2);
        QCOMPARE(p->items[1].numComments, -1); // not sent
        QVERIFY(p->items[1].isOpen());
        QVERIFY(!parseDiscussionPage(R"({"count":1})").ok()); // no discussions array
    }

    void actionAnswer_readsTheNamedEvent()
    {
        auto e = parseDiscussionEventAnswer(
            R"({"newStatus":{"id":"abc","type":"status-change","createdAt":"2024-01-01T00:00:00Z","author":{"name":"u"},"data":{"status":"open"}}})",
            "newStatus");
        QVERIFY(e.ok());
        QCOMPARE(e->newStatus, std::string("open"));
        QVERIFY(!parseDiscussionEventAnswer(R"({"other":{}})", "newStatus").ok());
        QCOMPARE(parseConflictingFiles(R"({"error":"x","filesWithConflicts":["a","b"]})"),
                 (std::vector<std::string>{"a", "b"}));
        QVERIFY(parseConflictingFiles("{{{").empty());
    }
};

QTEST_GUILESS_MAIN(TestDiscussionsParse)
#include "test_discussions_parse.moc"
