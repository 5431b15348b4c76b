// Every HubClient call and the read commands of hubdesk-cli against the sandbox Hub (demo world):
// paging over long histories and big trees, private and gated access, injected faults, the
// token never reaching the blob host, and the write protocol.

#include "hub/api/client.h"
#include "hub/cli/command.h"
#include "hub/core/hash.h"
#include "hub/sandbox/demo.h"
#include "hub/sandbox/server.h"
#include "sleeprecorder.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>

#include <map>
#include <set>
#include <sstream>

using namespace hub;
using hubtest::SleepRecorder;
namespace demo = hub::sandbox::demo;

namespace {

RepoRef ref(RepoType type, const char *id)
{
    return RepoRef{type, RepoId::parse(id).value()};
}

std::string describe(const HubError &e)
{
    return std::string(errorCodeName(e.code)) + ": " + e.describe();
}

#define VERIFY_OK(expr)                                                                                                \
    do {                                                                                                               \
        const auto &verifyOkResult = (expr);                                                                           \
        QVERIFY2(verifyOkResult.ok(), verifyOkResult.ok() ? "" : describe(verifyOkResult.error()).c_str());            \
    } while (false)

} // namespace

class TestApiSandbox final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<sandbox::Server> m_server;
    QTemporaryDir m_home;

    ClientConfig config(const char *token = nullptr) const
    {
        ClientConfig c;
        c.endpoint = m_server->baseUrl();
        c.token = token ? token : "";
        c.lowSpeedTime = std::chrono::seconds(20);
        return c;
    }

    /// Runs hubdesk-cli in-process; returns {status, stdout, stderr}.
    std::tuple<int, std::string, std::string> cli(std::vector<std::string> args, const char *token = nullptr)
    {
        args.insert(args.begin(), "hubdesk-cli");
        args.push_back("--endpoint=" + m_server->baseUrl());
        if (token)
            args.push_back(std::string("--token=") + token);
        std::vector<char *> argv;
        for (auto &a : args)
            argv.push_back(a.data());
        std::ostringstream out, err;
        const int rc = cli::runCli(static_cast<int>(argv.size()), argv.data(), cli::Io{out, err});
        return {rc, out.str(), err.str()};
    }

private slots:
    void initTestCase()
    {
        // The CLI reads the environment: never the developer's real login or endpoint.
        QVERIFY(m_home.isValid());
        ::setenv("HF_TOKEN_PATH", (m_home.path().toStdString() + "/token").c_str(), 1);
        ::setenv("HF_HOME", m_home.path().toStdString().c_str(), 1);
        for (const char *k : {"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_ENDPOINT", "HF_HUB_OFFLINE", "HTTP_PROXY",
                              "http_proxy", "ALL_PROXY", "all_proxy"})
            ::unsetenv(k);
        sandbox::ServerOptions o;
        o.demo = true;
        o.demoLfsScale = 256; // LFS files of a few hundred KB: fast
        o.multipartThreshold = 64 * 1024;
        auto s = sandbox::Server::start(o);
        QVERIFY2(s.ok(), s.ok() ? "" : describe(s.error()).c_str());
        m_server = std::move(*s);
    }

    void cleanupTestCase() { m_server.reset(); }

    void cleanup() { m_server->clearFaults(); }

    void whoami_knowsTheTokenOwner()
    {
        HubClient owner(config(demo::kDemoOwnerToken));
        auto w = owner.whoami();
        VERIFY_OK(w);
        QCOMPARE(w->name, std::string(demo::kDemoOwnerUser));
        HubClient reader(config(demo::kDemoReaderToken));
        QCOMPARE(reader.whoami()->name, std::string(demo::kDemoReaderUser));
        HubClient bad(config("hf_notAValidTokenAtAll"));
        QCOMPARE(bad.whoami().error().code, ErrorCode::Unauthorized);
        HubClient anon(config());
        QCOMPARE(anon.whoami().error().code, ErrorCode::Unauthorized);
    }

    void listRepos_pagesThroughAnAuthorsRepos()
    {
        HubClient anon(config());
        ListReposQuery q;
        q.author = demo::kDemoOwnerUser;
        q.pageSize = 2;
        auto pager = anon.listRepos(q);
        auto models = pager.all();
        VERIFY_OK(models);
        std::set<std::string> ids;
        for (const auto &r : *models)
            ids.insert(r.id);
        QCOMPARE(ids.size(), models->size()); // no duplicates across pages
        QVERIFY(ids.count(demo::kWordDetector));
        QVERIFY(ids.count(demo::kLongHistoryModel));
        QVERIFY(ids.size() >= 5);

        q.type = RepoType::Dataset;
        auto anonDatasets = anon.listRepos(q).all();
        VERIFY_OK(anonDatasets);
        HubClient owner(config(demo::kDemoOwnerToken));
        auto ownerDatasets = owner.listRepos(q).all();
        VERIFY_OK(ownerDatasets);
        auto has = [](const std::vector<RepoSummary> &v, const char *id) {
            return std::any_of(v.begin(), v.end(), [&](const RepoSummary &r) { return r.id == id; });
        };
        QVERIFY(!has(*anonDatasets, demo::kPrivateDataset));
        QVERIFY(has(*ownerDatasets, demo::kPrivateDataset));
        QVERIFY(has(*anonDatasets, demo::kExamplesDataset));

        q.type = RepoType::Model;
        q.limit = 3;
        QCOMPARE(anon.listRepos(q).all()->size(), size_t(3));
    }

    void repoInfoAndRefs_describeTheWordDetector()
    {
        HubClient anon(config());
        const RepoRef wd = ref(RepoType::Model, demo::kWordDetector);
        auto info = anon.repoInfo(wd, "", true);
        VERIFY_OK(info);
        QCOMPARE(info->id, std::string(demo::kWordDetector));
        QVERIFY(isCommitId(info->sha));
        auto onnx = std::find_if(info->siblings.begin(), info->siblings.end(),
                                 [](const RepoSibling &s) { return s.path == "model.onnx"; });
        QVERIFY(onnx != info->siblings.end());
        QVERIFY(onnx->lfs.has_value());
        QVERIFY(isSha256(onnx->lfs->oid));
        QCOMPARE(onnx->size.value_or(0), onnx->lfs->size);

        auto refs = anon.refs(wd);
        VERIFY_OK(refs);
        std::set<std::string> tags;
        for (const auto &t : refs->tags)
            tags.insert(t.name);
        QVERIFY(tags.count("v1.0.0") && tags.count("v1.1.0") && tags.count("v1.2.0"));
        QCOMPARE(refs->branches.front().targetCommit.empty(), false);
        auto main = std::find_if(refs->branches.begin(), refs->branches.end(),
                                 [](const GitRef &r) { return r.name == "main"; });
        QCOMPARE(main->targetCommit, info->sha);

        auto tagged = anon.repoInfo(wd, "v1.0.0");
        VERIFY_OK(tagged);
        QVERIFY(tagged->sha != info->sha);
        QCOMPARE(anon.repoInfo(wd, "no-such-branch").error().code, ErrorCode::RevisionNotFound);
        QCOMPARE(anon.repoInfo(ref(RepoType::Model, "PellelNitram/does-not-exist")).error().code,
                 ErrorCode::RepoNotFound);
    }

    void commits_pageThroughMoreThan150()
    {
        HubClient anon(config());
        const RepoRef exp = ref(RepoType::Model, demo::kLongHistoryModel);
        auto pager = anon.listCommits(exp, "main", 50);
        auto first = pager.next();
        VERIFY_OK(first);
        QCOMPARE(first->size(), size_t(50));
        QVERIFY(pager.total().value_or(0) >= uint64_t(demo::kLongHistoryCommits));
        auto rest = pager.all();
        VERIFY_OK(rest);
        const size_t all = first->size() + rest->size();
        QCOMPARE(uint64_t(all), *pager.total());
        std::set<std::string> ids;
        for (const auto &c : *first)
            ids.insert(c.id);
        for (const auto &c : *rest)
            ids.insert(c.id);
        QCOMPARE(ids.size(), all);
        QCOMPARE(rest->back().title, std::string("initial commit"));

        auto page3 = anon.commitsPage(exp, "main", 3, 50);
        VERIFY_OK(page3);
        QCOMPARE(page3->commits.front().id, (*rest)[100].id); // pages 1,2 are rest[0..99]
        QCOMPARE(page3->total, pager.total());
    }

    void tree_pagesThroughThousandsOfPrivateFiles()
    {
        const RepoRef iam = ref(RepoType::Dataset, demo::kPrivateDataset);
        HubClient anon(config());
        TreeQuery q;
        q.recursive = true;
        auto denied = anon.tree(iam, q);
        QCOMPARE(denied.error().code, ErrorCode::RepoNotFound);
        QVERIFY(denied.error().message.find("does not exist or is private: sign in") != std::string::npos);
        QCOMPARE(HubClient(config(demo::kDemoReaderToken)).tree(iam, q).error().code, ErrorCode::RepoNotFound);

        HubClient owner(config(demo::kDemoOwnerToken));
        auto entries = owner.tree(iam, q);
        VERIFY_OK(entries);
        size_t files = 0;
        std::set<std::string> paths;
        for (const auto &e : *entries) {
            files += e.isDirectory() ? 0 : 1;
            paths.insert(e.path);
        }
        QCOMPARE(paths.size(), entries->size());
        QVERIFY(files >= size_t(demo::kPrivateDatasetWordFiles));

        TreeQuery top;
        auto root = owner.tree(iam, top);
        VERIFY_OK(root);
        QVERIFY(root->size() < 20);
        TreeQuery sub;
        sub.path = "data";
        auto data = owner.tree(iam, sub);
        VERIFY_OK(data);
        QVERIFY(!data->empty());
        for (const auto &e : *data)
            QVERIFY(e.path.rfind("data/", 0) == 0);
        sub.path = "no/such/folder";
        QCOMPARE(owner.tree(iam, sub).error().code, ErrorCode::EntryNotFound);

        auto some = owner.pathsInfo(iam, "main", {"README.md", "does-not-exist", (*entries).back().path});
        VERIFY_OK(some);
        QCOMPARE(some->size(), size_t(2));
    }

    // The size of a folder without listing it equals the sum of the files a full listing shows,
    // for the whole revision and for nested folders.
    void folderSize_matchesTheSumOfTheListedFiles()
    {
        const RepoRef iam = ref(RepoType::Dataset, demo::kPrivateDataset);
        HubClient owner(config(demo::kDemoOwnerToken));
        TreeQuery q;
        q.recursive = true;
        auto entries = owner.tree(iam, q);
        VERIFY_OK(entries);
        std::map<std::string, uint64_t> sums; // "" = everything
        for (const auto &e : *entries) {
            if (e.isDirectory())
                continue;
            sums[""] += e.size;
            for (size_t slash = e.path.find('/'); slash != std::string::npos; slash = e.path.find('/', slash + 1))
                sums[e.path.substr(0, slash)] += e.size;
        }
        QVERIFY(sums.size() > 3);
        int nested = 0;
        for (const auto &[folder, sum] : sums) {
            nested += folder.find('/') != std::string::npos ? 1 : 0;
            auto size = owner.folderSize(iam, "main", folder);
            VERIFY_OK(size);
            QCOMPARE(*size, sum);
        }
        QVERIFY(nested > 0);
        QCOMPARE(owner.folderSize(iam, "main", "no/such/folder").error().code, ErrorCode::EntryNotFound);
        QCOMPARE(HubClient(config()).folderSize(iam, "main", "").error().code, ErrorCode::RepoNotFound);
    }

    void gatedModel_needsApprovedAccount()
    {
        const RepoRef gated = ref(RepoType::Model, demo::kGatedModel);
        auto anon = HubClient(config()).fileMetadata(gated, "main", "model.onnx");
        QCOMPARE(anon.error().code, ErrorCode::GatedRepo);
        auto reader = HubClient(config(demo::kDemoReaderToken)).fileMetadata(gated, "main", "model.onnx");
        QCOMPARE(reader.error().code, ErrorCode::GatedRepo);
        QCOMPARE(reader.error().httpStatus, 403);
        QVERIFY(reader.error().message.find("accept this model's conditions") != std::string::npos);
        VERIFY_OK(HubClient(config(demo::kDemoOwnerToken)).fileMetadata(gated, "main", "model.onnx"));
        // the repo page itself is readable
        VERIFY_OK(HubClient(config()).repoInfo(gated));
    }

    void lfsDownload_neverSendsTheTokenToTheBlobHost()
    {
        const RepoRef carbune = ref(RepoType::Model, demo::kCarbune);
        HubClient owner(config(demo::kDemoOwnerToken));
        auto entries = owner.tree(carbune, TreeQuery{});
        VERIFY_OK(entries);
        auto onnx =
            std::find_if(entries->begin(), entries->end(), [](const TreeEntry &e) { return e.path == "model.onnx"; });
        QVERIFY(onnx != entries->end() && onnx->lfs);

        m_server->resetBlobHostSawAuthorization();
        auto meta = owner.fileMetadata(carbune, "main", "model.onnx");
        VERIFY_OK(meta);
        QVERIFY(meta->isLfs);
        QCOMPARE(meta->etag, onnx->lfs->oid);
        QCOMPARE(meta->size, onnx->size);
        QVERIFY(meta->locationIsCrossOrigin);
        QVERIFY(isCommitId(meta->commit));

        auto bytes = owner.fetchSmallFile(carbune, "main", "model.onnx", 64 << 20);
        VERIFY_OK(bytes);
        QCOMPARE(uint64_t(bytes->size()), onnx->size);
        QCOMPARE(sha256Hex(*bytes), onnx->lfs->oid);
        QVERIFY(!m_server->blobHostSawAuthorization());

        // regular file: straight from the Hub, with the token
        auto readme = owner.fetchSmallFile(carbune, "main", "README.md");
        VERIFY_OK(readme);
        QCOMPARE(gitBlobSha1Hex(*readme), std::find_if(entries->begin(), entries->end(), [](const TreeEntry &e) {
                                              return e.path == "README.md";
                                          })->oid);
        QCOMPARE(owner.fetchSmallFile(carbune, "main", "model.onnx", 1000).error().code, ErrorCode::TooLarge);
        QVERIFY(!m_server->blobHostSawAuthorization());
    }

    void compare_listsChangedFilesBetweenTags()
    {
        HubClient anon(config());
        auto diff = anon.compare(ref(RepoType::Model, demo::kWordDetector), "v1.0.0", "v1.2.0");
        VERIFY_OK(diff);
        QVERIFY(diff->fromServer);
        auto readme = std::find_if(diff->changes.begin(), diff->changes.end(),
                                   [](const FileChange &c) { return c.path == "README.md"; });
        QVERIFY(readme != diff->changes.end());
        QCOMPARE(readme->status, FileChange::Status::Modified);
        QVERIFY(readme->oldSize.has_value() && readme->newSize.has_value());
        QCOMPARE(anon.compare(ref(RepoType::Model, demo::kWordDetector), "v1.0.0", "nope").error().code,
                 ErrorCode::RevisionNotFound);
    }

    void faults_rateLimitAndServerErrorsAreRetried()
    {
        HubClient anon(config());
        SleepRecorder sleeps;
        anon.http().setSleepFunction(sleeps.fn());
        const RepoRef wd = ref(RepoType::Model, demo::kWordDetector);
        sandbox::FaultSpec f;
        f.pathPrefix = "/api/models/" + std::string(demo::kWordDetector);
        f.count = 1;
        f.status = 429;
        f.retryAfterSeconds = 2;
        m_server->addFault(f);
        VERIFY_OK(anon.repoInfo(wd));
        QVERIFY(sleeps.total() >= std::chrono::seconds(2));

        m_server->clearFaults();
        f.status = 503;
        f.count = 2;
        m_server->addFault(f);
        VERIFY_OK(anon.refs(wd));

        m_server->clearFaults();
        f.count = -1; // persistent: the client gives up with a plain message
        f.status = 500;
        m_server->addFault(f);
        auto r = anon.refs(wd);
        QCOMPARE(r.error().code, ErrorCode::ServerError);
    }

    void faults_brokenAnswersAreErrorsNotCrashes()
    {
        HubClient anon(config());
        anon.http().setSleepFunction([](std::chrono::milliseconds) {});
        const RepoRef wd = ref(RepoType::Model, demo::kWordDetector);
        sandbox::FaultSpec f;
        f.pathPrefix = "/api/models/" + std::string(demo::kWordDetector);
        f.malformedJson = true;
        m_server->addFault(f);
        QCOMPARE(anon.repoInfo(wd).error().code, ErrorCode::BadResponse);
        QCOMPARE(anon.refs(wd).error().code, ErrorCode::BadResponse);
        m_server->clearFaults();

        f.malformedJson = false;
        f.truncateBody = true;
        m_server->addFault(f);
        auto t = anon.repoInfo(wd);
        QVERIFY(!t.ok());
        QVERIFY(t.error().code == ErrorCode::Network || t.error().code == ErrorCode::BadResponse);
        m_server->clearFaults();

        sandbox::FaultSpec drop;
        drop.pathPrefix = "/__lfs/"; // where the LFS 302 points
        drop.dropAfterBytes = 1000;
        m_server->addFault(drop);
        HubClient owner(config(demo::kDemoOwnerToken));
        owner.http().setSleepFunction([](std::chrono::milliseconds) {});
        auto dropped = owner.fetchSmallFile(ref(RepoType::Model, demo::kCarbune), "main", "model.onnx", 64 << 20);
        QVERIFY(!dropped.ok());
        QCOMPARE(dropped.error().code, ErrorCode::Network);
    }

    void faults_slowAnswersHitTheTimeoutAndThrottledOnesComplete()
    {
        const RepoRef carbune = ref(RepoType::Model, demo::kCarbune);
        sandbox::FaultSpec slow;
        slow.pathPrefix = "/api/models/" + std::string(demo::kCarbune) + "/refs";
        slow.latencyMs = 1500;
        m_server->addFault(slow);
        ClientConfig impatient = config();
        impatient.requestTimeout = std::chrono::milliseconds(200);
        impatient.retry.maxRetries = 0;
        auto late = HubClient(impatient).refs(carbune);
        QVERIFY2(!late.ok(), "a 1.5 s answer must not beat a 200 ms deadline");
        QCOMPARE(late.error().code, ErrorCode::Timeout);
        m_server->clearFaults();

        sandbox::FaultSpec throttle;
        throttle.pathPrefix = "/__lfs/";
        throttle.bandwidthBytesPerSec = 4 << 20;
        m_server->addFault(throttle);
        HubClient owner(config(demo::kDemoOwnerToken));
        auto meta = owner.fileMetadata(carbune, "main", "model.onnx");
        VERIFY_OK(meta);
        auto bytes = owner.fetchSmallFile(carbune, "main", "model.onnx", 64 << 20);
        VERIFY_OK(bytes);
        QCOMPARE(sha256Hex(*bytes), meta->etag);
    }

    void writeProtocol_createsBranchesTagsAndCommits()
    {
        HubClient owner(config(demo::kDemoOwnerToken));
        const RepoRef repo = ref(RepoType::Model, "PellelNitram/api-test-scratch");
        auto created = owner.createRepo(repo);
        VERIFY_OK(created);
        QVERIFY(created->url.find("PellelNitram/api-test-scratch") != std::string::npos);
        QCOMPARE(owner.createRepo(repo).error().code, ErrorCode::Conflict);
        VERIFY_OK(owner.createRepo(repo, CreateRepoOptions{false, "", true}));
        QCOMPARE(HubClient(config(demo::kDemoCollaboratorToken)).createBranch(repo, "nope").error().code,
                 ErrorCode::Forbidden);

        // an LFS object through the batch API, then a commit referencing it
        const std::string blob(200 * 1024, 'x'); // above the multipart threshold
        const std::string oid = sha256Hex(blob);
        auto pre = owner.preupload(repo, "main",
                                   {{"weights.bin", blob.size(), blob.substr(0, 512)}, {"notes.txt", 5, "hello"}});
        VERIFY_OK(pre);
        QCOMPARE(pre->files.size(), size_t(2));
        auto batch = owner.lfsBatch(repo, {{oid, blob.size()}});
        VERIFY_OK(batch);
        QCOMPARE(batch->objects.size(), size_t(1));
        const auto &obj = batch->objects.front();
        QVERIFY(obj.upload.has_value());
        HttpClient &http = owner.http();
        if (obj.isMultipart()) {
            std::string parts = "[";
            for (size_t i = 0; i < obj.partUrls.size(); ++i) {
                HttpRequest put;
                put.method = HttpMethod::Put;
                put.url = obj.partUrls[i];
                put.body = blob.substr(i * obj.chunkSize, obj.chunkSize);
                auto r = http.send(put);
                VERIFY_OK(r);
                parts += std::string(i ? "," : "") + "{\"partNumber\":" + std::to_string(i + 1) +
                         ",\"etag\":" + nlohmann::json(r->headers.getOr("ETag")).dump() + "}";
            }
            parts += "]";
            HttpRequest done;
            done.method = HttpMethod::Post;
            done.url = obj.upload->href;
            done.body = "{\"oid\":\"" + oid + "\",\"parts\":" + parts + "}";
            VERIFY_OK(http.send(done));
        } else {
            HttpRequest put;
            put.method = HttpMethod::Put;
            put.url = obj.upload->href;
            put.body = blob;
            VERIFY_OK(http.send(put));
        }
        // the object is stored now: a second batch has nothing to upload
        QVERIFY(!owner.lfsBatch(repo, {{oid, blob.size()}})->objects.front().upload);

        auto head = owner.repoInfo(repo);
        VERIFY_OK(head);
        CommitRequest c;
        c.summary = "Add weights and notes";
        c.parentCommit = head->sha;
        c.operations = {CommitOperation::addLfsFile("weights.bin", oid, blob.size()),
                        CommitOperation::addFile("notes.txt", "hello")};
        auto commit = owner.commit(repo, c);
        VERIFY_OK(commit);
        QVERIFY(isCommitId(commit->commitOid));
        QCOMPARE(*owner.fetchSmallFile(repo, "main", "notes.txt"), std::string("hello"));
        QCOMPARE(sha256Hex(*owner.fetchSmallFile(repo, "main", "weights.bin", 1 << 20)), oid);
        QVERIFY(!m_server->blobHostSawAuthorization());

        // a stale parent is refused, never applied twice
        c.operations = {CommitOperation::addFile("late.txt", "late")};
        QCOMPARE(owner.commit(repo, c).error().code, ErrorCode::PreconditionFailed);

        // branches, tags, pull requests
        VERIFY_OK(owner.createBranch(repo, "dev", commit->commitOid));
        QCOMPARE(owner.createBranch(repo, "dev").error().code, ErrorCode::Conflict);
        VERIFY_OK(owner.createTag(repo, "main", "v0.1", "first"));
        auto refs = owner.refs(repo, true);
        VERIFY_OK(refs);
        QCOMPARE(refs->tags.size(), size_t(1));
        QCOMPARE(refs->tags[0].targetCommit, commit->commitOid);
        CommitRequest pr;
        pr.summary = "Proposal";
        pr.createPr = true;
        pr.operations = {CommitOperation::deleteFile("notes.txt")};
        auto prResult = owner.commit(repo, pr);
        VERIFY_OK(prResult);
        QVERIFY(prResult->pullRequestUrl.find("/discussions/") != std::string::npos);
        auto prRefs = owner.refs(repo, true);
        QCOMPARE(prRefs->pullRequests.size(), size_t(1));
        TreeQuery prQuery;
        prQuery.revision = "refs/pr/" + prRefs->pullRequests[0].name;
        auto prTree = owner.tree(repo, prQuery);
        VERIFY_OK(prTree); // revision with slashes, encoded like huggingface_hub
        auto diff = owner.compare(repo, "main", "refs/pr/" + prRefs->pullRequests[0].name);
        VERIFY_OK(diff);
        QCOMPARE(diff->changes.size(), size_t(1));
        QCOMPARE(diff->changes[0].status, FileChange::Status::Deleted);

        VERIFY_OK(owner.deleteTag(repo, "v0.1"));
        VERIFY_OK(owner.deleteBranch(repo, "dev"));
        VERIFY_OK(owner.deleteRepo(repo));
        QCOMPARE(owner.repoInfo(repo).error().code, ErrorCode::RepoNotFound);
    }

    void cli_readCommandsPrintTextAndJson()
    {
        auto [rc, out, err] = cli({"whoami"}, demo::kDemoOwnerToken);
        QCOMPARE(rc, 0);
        QVERIFY(out.find("PellelNitram") != std::string::npos);
        QVERIFY(out.find(demo::kDemoOwnerToken) == std::string::npos);

        std::tie(rc, out, err) = cli({"ls", demo::kDemoOwnerUser, "--limit", "100"});
        QCOMPARE(rc, 0);
        QVERIFY(out.find(demo::kWordDetector) != std::string::npos);
        QVERIFY(out.rfind("ID", 0) == 0);

        std::tie(rc, out, err) = cli({"info", demo::kWordDetector, "--json"});
        QCOMPARE(rc, 0);
        auto info = nlohmann::json::parse(out);
        QCOMPARE(info["id"].get<std::string>(), std::string(demo::kWordDetector));
        QVERIFY(!info["files"].empty());

        std::tie(rc, out, err) = cli({"info", std::string("datasets/") + demo::kExamplesDataset});
        QCOMPARE(rc, 0);
        QVERIFY(out.find("dataset " + std::string(demo::kExamplesDataset)) != std::string::npos);

        std::tie(rc, out, err) = cli({"refs", demo::kWordDetector});
        QCOMPARE(rc, 0);
        QVERIFY(out.find("v1.1.0") != std::string::npos);

        std::tie(rc, out, err) = cli({"log", demo::kLongHistoryModel, "--limit", "0", "--json"});
        QCOMPARE(rc, 0);
        QVERIFY(nlohmann::json::parse(out).size() >= size_t(demo::kLongHistoryCommits));

        std::tie(rc, out, err) =
            cli({"tree", demo::kPrivateDataset, "--type", "dataset", "--recursive"}, demo::kDemoOwnerToken);
        QCOMPARE(rc, 0);
        QVERIFY(out.find("data/") != std::string::npos);

        std::tie(rc, out, err) = cli({"tree", demo::kPrivateDataset, "--type", "dataset"});
        QCOMPARE(rc, 1);
        QVERIFY(err.find("does not exist or is private: sign in") != std::string::npos);

        std::tie(rc, out, err) = cli({"diff", demo::kWordDetector, "v1.0.0", "v1.2.0"});
        QCOMPARE(rc, 0);
        QVERIFY(out.find("M ") != std::string::npos);
        QVERIFY(out.find("README.md") != std::string::npos);

        std::tie(rc, out, err) = cli({"log", "--help"});
        QCOMPARE(rc, 0);
        QVERIFY(out.find("--revision") != std::string::npos);
        std::tie(rc, out, err) = cli({"info", "not a repo"});
        QCOMPARE(rc, 1);
        QVERIFY(err.find("OWNER/NAME") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestApiSandbox)
#include "test_api_sandbox.moc"
