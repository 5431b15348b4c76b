// hubdesk-cli discussions | discussion | pr, run in-process against the sandbox Hub: the demo
// word detector's list and filters, #4's conversation, names from the server printed escaped,
// comment / close / reopen / merge, and the plain-word refusals (conflict, already merged, no
// write access).

#include "hub/api/client.h"
#include "hub/cli/command.h"
#include "hub/sandbox/demo.h"
#include "hub/sandbox/server.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <sstream>

using namespace hub;
namespace demo = hub::sandbox::demo;

namespace {

struct Run {
    int code = -1;
    std::string out;
    std::string err;
    bool says(const std::string &text) const { return out.find(text) != std::string::npos; }
    bool complains(const std::string &text) const { return err.find(text) != std::string::npos; }
};

RepoRef model(const std::string &id)
{
    return RepoRef{RepoType::Model, RepoId::parse(id).value()};
}

} // namespace

class TestDiscussionsCli final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<sandbox::Server> m_server;

    Run cli(std::vector<std::string> args, const char *token = nullptr)
    {
        args.insert(args.begin(), "hubdesk-cli");
        args.push_back("--endpoint=" + m_server->baseUrl());
        if (token)
            args.push_back(std::string("--token=") + token);
        std::vector<char *> argv;
        for (auto &a : args)
            argv.push_back(a.data());
        std::ostringstream out, err;
        Run r;
        r.code = cli::runCli(static_cast<int>(argv.size()), argv.data(), cli::Io{out, err});
        r.out = out.str();
        r.err = err.str();
        return r;
    }

    HubClient owner()
    {
        ClientConfig c;
        c.endpoint = m_server->baseUrl();
        c.token = demo::kDemoOwnerToken;
        return HubClient(c);
    }

    /// A fresh repo of the demo owner with a.txt and b.txt on main.
    RepoRef freshRepo(const std::string &name)
    {
        HubClient o = owner();
        const RepoRef repo = model(std::string(demo::kDemoOwnerUser) + "/" + name);
        (void)o.createRepo(repo);
        CommitRequest c;
        c.summary = "Add a and b";
        c.operations = {CommitOperation::addFile("a.txt", "a1\n"), CommitOperation::addFile("b.txt", "b1\n")};
        (void)o.commit(repo, c);
        return repo;
    }

    int openPr(const RepoRef &repo, const std::string &path, const std::string &content, const std::string &title)
    {
        HubClient o = owner();
        CommitRequest c;
        c.summary = title;
        c.createPr = true;
        c.operations = {CommitOperation::addFile(path, content)};
        auto r = o.commit(repo, c);
        return r ? std::stoi(r->pullRequestUrl.substr(r->pullRequestUrl.rfind('/') + 1)) : 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        ::setenv("HF_TOKEN_PATH", (m_home.path().toStdString() + "/token").c_str(), 1);
        ::setenv("HF_HOME", m_home.path().toStdString().c_str(), 1);
        for (const char *k : {"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_ENDPOINT", "HF_HUB_OFFLINE", "HTTP_PROXY",
                              "http_proxy", "ALL_PROXY", "all_proxy"})
            ::unsetenv(k);
        sandbox::ServerOptions o;
        o.demo = true;
        o.demoLfsScale = 512;
        o.listPageSize = 2; // the lists are paged over
        auto s = sandbox::Server::start(o);
        QVERIFY(s.ok());
        m_server = std::move(*s);
    }

    void list_showsTheWordDetectorsHistoryAndFilters()
    {
        auto all = cli({"discussions", demo::kWordDetector});
        QVERIFY2(all.code == 0, all.err.c_str());
        QVERIFY(all.says("#4"));
        QVERIFY(all.says("#1"));
        QVERIFY2(all.says("4 items, 1 open pull request"), all.out.c_str());

        auto merged = cli({"discussions", demo::kWordDetector, "--type", "pr", "--status", "merged", "--json"});
        QVERIFY2(merged.code == 0, merged.err.c_str());
        auto j = nlohmann::json::parse(merged.out);
        QCOMPARE(j.size(), size_t(1));
        QCOMPARE(j[0]["num"].get<int>(), 1);
        QCOMPARE(j[0]["status"].get<std::string>(), std::string("merged"));

        auto closed = cli({"pr", "list", demo::kWordDetector, "--status", "closed", "--json"});
        QVERIFY2(closed.code == 0, closed.err.c_str());
        j = nlohmann::json::parse(closed.out);
        QCOMPARE(j.size(), size_t(1)); // closed without merging: #3 only
        QCOMPARE(j[0]["num"].get<int>(), 3);

        auto questions = cli({"discussion", "list", demo::kWordDetector, "--json"});
        QVERIFY2(questions.code == 0, questions.err.c_str());
        j = nlohmann::json::parse(questions.out);
        QCOMPARE(j.size(), size_t(1));
        QCOMPARE(j[0]["num"].get<int>(), 2);
        QCOMPARE(j[0]["isPullRequest"].get<bool>(), false);

        auto bad = cli({"discussions", demo::kWordDetector, "--status", "pending"});
        QCOMPARE(bad.code, 1);
        QVERIFY(bad.complains("--status must be open, closed, merged or all"));
    }

    void show_printsTheConversationFilesAndCommits()
    {
        auto r = cli({"discussion", demo::kWordDetector, "4"});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(r.says("Pull request, open"), r.out.c_str());
        QVERIFY(r.says("Revision: refs/pr/4"));
        QVERIFY(r.says(" wrote:"));
        QVERIFY(r.says(" pushed "));
        QVERIFY(r.says("Files changed"));
        QVERIFY(r.says("M config.json"));

        auto json = cli({"pr", "show", demo::kWordDetector, "#4", "--json"});
        QVERIFY2(json.code == 0, json.err.c_str());
        auto j = nlohmann::json::parse(json.out);
        QCOMPARE(j["events"].size(), size_t(5));
        QCOMPARE(j["events"][1]["type"].get<std::string>(), std::string("commit"));
        QCOMPARE(j["baseCommit"].get<std::string>().size(), size_t(40));

        auto diff = cli({"pr", "diff", demo::kWordDetector, "4"});
        QVERIFY2(diff.code == 0, diff.err.c_str());
        QVERIFY(diff.says("+++ b/config.json"));

        auto question = cli({"pr", "show", demo::kWordDetector, "2"});
        QCOMPARE(question.code, 1);
        QVERIFY(question.complains("is a discussion, not a pull request"));
        auto missing = cli({"discussion", "show", demo::kWordDetector, "99"});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.complains("There is no discussion or pull request #99"), missing.err.c_str());
    }

    void show_escapesControlCharactersFromTheServer()
    {
        const RepoRef repo = freshRepo("cli-escape");
        const std::string evilTitle = "Fix \x1b[2J\x1b]0;pwned\x07 now\r\xe2\x80\xae"
                                      "gpj.exe";
        auto created = cli({"discussion", "create", repo.id.str(), "--title", evilTitle, "--description",
                            "line one\nline \x1b[31mtwo\x1b[0m"},
                           demo::kDemoOwnerToken);
        QVERIFY2(created.code == 0, created.err.c_str());
        QVERIFY(created.says("Opened discussion #1"));
        for (const std::vector<std::string> &args : {std::vector<std::string>{"discussion", repo.id.str(), "1"},
                                                     std::vector<std::string>{"discussions", repo.id.str()}}) {
            auto r = cli(args);
            QVERIFY2(r.code == 0, r.err.c_str());
            QVERIFY2(r.out.find('\x1b') == std::string::npos, r.out.c_str());
            QVERIFY(r.out.find('\x07') == std::string::npos);
            QVERIFY(r.out.find('\r') == std::string::npos);
            QVERIFY(r.out.find("\xe2\x80\xae") == std::string::npos);
            QVERIFY2(r.says("Fix \\x1b[2J\\x1b]0;pwned\\x07 now\\r\\u202egpj.exe"), r.out.c_str());
        }
        auto show = cli({"discussion", repo.id.str(), "1"});
        QVERIFY(show.says("    line one\n    line \\x1b[31mtwo\\x1b[0m\n")); // newlines kept, colours not
    }

    void actions_commentCloseReopenMerge()
    {
        const RepoRef repo = freshRepo("cli-actions");
        const int n = openPr(repo, "new.txt", "hello\n", "Add new.txt");
        QVERIFY(n > 0);
        const std::string num = std::to_string(n);

        auto comment = cli({"pr", "comment", repo.id.str(), num, "--comment", "Looks good"}, demo::kDemoReaderToken);
        QVERIFY2(comment.code == 0, comment.err.c_str());
        QVERIFY(comment.says("Commented on #" + num));
        auto noText = cli({"pr", "comment", repo.id.str(), num}, demo::kDemoReaderToken);
        QCOMPARE(noText.code, 1);

        auto readerMerge = cli({"pr", "merge", repo.id.str(), num}, demo::kDemoReaderToken);
        QCOMPARE(readerMerge.code, 1);
        QVERIFY2(readerMerge.complains("(write access) can merge pull requests; you can still comment"),
                 readerMerge.err.c_str());
        auto readerClose = cli({"pr", "close", repo.id.str(), num}, demo::kDemoReaderToken);
        QCOMPARE(readerClose.code, 1);
        QVERIFY2(readerClose.complains("You are not allowed to close #" + num), readerClose.err.c_str());
        auto anonComment = cli({"pr", "comment", repo.id.str(), num, "--comment", "hi"});
        QCOMPARE(anonComment.code, 1);
        QVERIFY2(anonComment.complains("Sign in to comment"), anonComment.err.c_str());

        auto close = cli({"pr", "close", repo.id.str(), num, "--comment", "Not yet"}, demo::kDemoOwnerToken);
        QVERIFY2(close.code == 0, close.err.c_str());
        auto reopen = cli({"pr", "reopen", repo.id.str(), num}, demo::kDemoOwnerToken);
        QVERIFY2(reopen.code == 0, reopen.err.c_str());
        QVERIFY(reopen.says("Reopened #" + num));

        auto merge = cli({"pr", "merge", repo.id.str(), num, "--comment", "Thanks!"}, demo::kDemoOwnerToken);
        QVERIFY2(merge.code == 0, merge.err.c_str());
        QVERIFY(merge.says("Merged pull request #" + num));
        HubClient o = owner();
        QCOMPARE(*o.fetchSmallFile(repo, "main", "new.txt"), std::string("hello\n"));

        auto again = cli({"pr", "merge", repo.id.str(), num}, demo::kDemoOwnerToken);
        QCOMPARE(again.code, 1);
        QVERIFY2(again.complains("is already merged"), again.err.c_str());
        auto show = cli({"pr", "show", repo.id.str(), num});
        QVERIFY(show.says("Pull request, merged"));
        QVERIFY(show.says(" reopened it"));
        QVERIFY(show.says(" merged it"));
    }

    void merge_conflictNamesTheFiles()
    {
        const RepoRef repo = freshRepo("cli-conflict");
        const int n = openPr(repo, "a.txt", "a-from-pr\n", "Change a");
        QVERIFY(n > 0);
        HubClient o = owner();
        CommitRequest onMain;
        onMain.summary = "Change a on main";
        onMain.operations = {CommitOperation::addFile("a.txt", "a-from-main\n")};
        QVERIFY(o.commit(repo, onMain).ok());

        auto show = cli({"pr", "show", repo.id.str(), std::to_string(n)});
        QVERIFY2(show.says("Conflicts: a.txt also changed on main"), show.out.c_str());
        auto merge = cli({"pr", "merge", repo.id.str(), std::to_string(n)}, demo::kDemoOwnerToken);
        QCOMPARE(merge.code, 1);
        QVERIFY2(merge.complains("cannot be merged: a.txt was also changed on the target branch"), merge.err.c_str());
        auto json = cli({"pr", "merge", repo.id.str(), std::to_string(n), "--json"}, demo::kDemoOwnerToken);
        QCOMPARE(json.code, 1);
        QCOMPARE(nlohmann::json::parse(json.out)["conflictingFiles"][0].get<std::string>(), std::string("a.txt"));
    }

    void create_opensADraftPullRequest()
    {
        const RepoRef repo = freshRepo("cli-create");
        auto r = cli({"pr", "create", repo.id.str(), "--title", "Retrain"}, demo::kDemoOwnerToken);
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(r.says("Opened pull request #1") && r.says("refs/pr/1"), r.out.c_str());
        auto noTitle = cli({"pr", "create", repo.id.str()}, demo::kDemoOwnerToken);
        QCOMPARE(noTitle.code, 1);
        QVERIFY(noTitle.complains("--title"));
    }
};

QTEST_GUILESS_MAIN(TestDiscussionsCli)
#include "test_discussions_cli.moc"
