// Parsers against the recorded real-Hub answers (golden data) and against hostile bodies.

#include "hub/api/parse.h"

#include <nlohmann/json.hpp>

#include <QTest>

#include <fstream>
#include <sstream>
#include <vector>

using namespace hub;

namespace {

nlohmann::json recording(const char *name)
{
    std::ifstream in(std::string(HUBDESK_TEST_DATA_DIR) + "/recorded-hub/" + name);
    std::stringstream ss;
    ss << in.rdbuf();
    return nlohmann::json::parse(ss.str());
}

/// The recorded body as the wire would carry it (compact JSON, or the text body).
std::string body(const char *name)
{
    const auto r = recording(name)["response"];
    if (r.contains("json"))
        return r["json"].dump();
    return r.value("text", std::string());
}

const std::vector<const char *> kJsonRecordings = {
    "models.commits.json",  "models.commits.limit.json", "models.info.json",
    "models.list.json",     "models.paths-info.json",    "models.refs.json",
    "models.revision.json", "models.tree.json",          "models.tree.recursive.json"};

/// JSON written with single quotes (keeps test literals readable and moc-friendly).
std::string q(const char *text)
{
    std::string s(text);
    std::replace(s.begin(), s.end(), '\'', '"');
    return s;
}

const char *kGpt2Sha = "ae329b6937f31305a0d6c6779f6cd4072cc4097e";

} // namespace

class TestApiParse final : public QObject {
    Q_OBJECT

private slots:
    void repoList_readsRecordedListing()
    {
        auto list = parseRepoList(body("models.list.json"), RepoType::Model);
        QVERIFY2(list.ok(), list.ok() ? "" : list.error().describe().c_str());
        QCOMPARE(list->size(), size_t(1));
        const auto &r = list->front();
        QCOMPARE(r.id, std::string("wzshiming/gpt2"));
        QCOMPARE(r.mongoId, std::string("6ab2b9f6148b5cae56d6e842"));
        QCOMPARE(r.author, std::string("wzshiming")); // derived from the id: not in the default item
        QCOMPARE(r.createdAt, std::string("2026-09-22T17:25:10.000Z"));
        QCOMPARE(r.tags.size(), size_t(12));
        QCOMPARE(r.tags.back(), std::string("region:us"));
        QCOMPARE(r.isPrivate, false);
        QCOMPARE(r.gated, std::string());
    }

    void repoInfo_readsRecordedInfoAndRevision()
    {
        for (const char *file : {"models.info.json", "models.revision.json"}) {
            auto info = parseRepoInfo(body(file), RepoType::Model);
            QVERIFY2(info.ok(), file);
            QCOMPARE(info->id, std::string("wzshiming/gpt2"));
            QCOMPARE(info->sha, std::string(kGpt2Sha));
            QCOMPARE(info->author, std::string("wzshiming"));
            QCOMPARE(info->lastModified, std::string("2026-09-22T17:25:10.000Z"));
            QCOMPARE(info->cardLicense, std::string("mit"));
            QCOMPARE(info->siblings.size(), size_t(26));
            QCOMPARE(info->siblings[1].path, std::string("64-8bits.tflite"));
            QCOMPARE(info->siblings.back().path, std::string("vocab.json"));
            QVERIFY(!info->siblings[1].size); // no blobs=true in the recording
            QCOMPARE(info->usedStorage.value_or(0), uint64_t(5626190610));
            QVERIFY(!info->disabled);
        }
    }

    void repoInfo_readsBlobsMetadata()
    {
        const std::string b =
            q("{'id':'a/b','sha':'ae329b6937f31305a0d6c6779f6cd4072cc4097e','siblings':["
              "{'rfilename':'model.safetensors','size':548105171,'blobId':'90e59f00f62c654b1a88a5f127dff14df4611cdc',"
              "'lfs':{'size':548105171,'sha256':'248dfc3911869ec493c76e65bf2fcf7f615828b0254c12b473182f0f81d3c3b5','"
              "pointerSize':135}},"
              "{'rfilename':'README.md','size':10,'blobId':'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'}],'gated':'"
              "manual','private':true}");
        auto info = parseRepoInfo(b, RepoType::Dataset);
        QVERIFY(info.ok());
        QCOMPARE(info->type, RepoType::Dataset);
        QCOMPARE(info->gated, std::string("manual"));
        QVERIFY(info->isPrivate);
        QCOMPARE(*info->siblings[0].size, uint64_t(548105171));
        QVERIFY(info->siblings[0].lfs.has_value());
        QCOMPARE(info->siblings[0].lfs->oid.substr(0, 8), std::string("248dfc39"));
        QCOMPARE(info->siblings[0].lfs->pointerSize, uint64_t(135));
        QVERIFY(!info->siblings[1].lfs);
    }

    void refs_readsRecordedRefs()
    {
        auto refs = parseRefs(body("models.refs.json"));
        QVERIFY(refs.ok());
        QCOMPARE(refs->branches.size(), size_t(1));
        QCOMPARE(refs->branches[0].name, std::string("main"));
        QCOMPARE(refs->branches[0].ref, std::string("refs/heads/main"));
        QCOMPARE(refs->branches[0].targetCommit, std::string(kGpt2Sha));
        QVERIFY(refs->tags.empty());
        QVERIFY(refs->converts.empty());
        QVERIFY(refs->pullRequests.empty());
    }

    void commits_readsRecordedHistory()
    {
        for (const char *file : {"models.commits.json", "models.commits.limit.json"}) {
            auto commits = parseCommits(body(file));
            QVERIFY(commits.ok());
            QCOMPARE(commits->size(), size_t(1));
            const auto &c = commits->front();
            QCOMPARE(c.id, std::string(kGpt2Sha));
            QCOMPARE(c.title, std::string("Duplicate from openai-community/gpt2"));
            QVERIFY(c.message.find("Co-authored-by: Julien Chaumond") != std::string::npos);
            QCOMPARE(c.authors, (std::vector<std::string>{"wzshiming", "julien-c"}));
            QCOMPARE(c.date, std::string("2026-09-22T17:25:10.000Z"));
        }
    }

    void tree_readsRecordedListing()
    {
        auto tree = parseTree(body("models.tree.json"));
        QVERIFY(tree.ok());
        const auto raw = recording("models.tree.json")["response"]["json"];
        QCOMPARE(tree->size(), raw.size());
        QCOMPARE(tree->front().path, std::string("onnx"));
        QVERIFY(tree->front().isDirectory());
        QCOMPARE(tree->front().oid, std::string("d03ec5ec179df58241d27d55f92a674f5f44197f"));
        const auto lfsIt =
            std::find_if(tree->begin(), tree->end(), [](const TreeEntry &e) { return e.path == "64-8bits.tflite"; });
        QVERIFY(lfsIt != tree->end());
        QVERIFY(lfsIt->lfs.has_value());
        QCOMPARE(lfsIt->size, uint64_t(125162496));
        QCOMPARE(lfsIt->oid, std::string("90e59f00f62c654b1a88a5f127dff14df4611cdc"));
        QCOMPARE(lfsIt->lfs->oid, std::string("c966da3b74697803352ca7c6f2f220e7090a557b619de9da0c6b34d89f7825c1"));
        QCOMPARE(lfsIt->lfs->pointerSize, uint64_t(134));
        QCOMPARE(lfsIt->contentId(), lfsIt->lfs->oid);
        QCOMPARE(lfsIt->xetHash, std::string("f39b58dcd1ec07aaa95eb0c2f827a00dfac2404728b60d273ab3687f73311e03"));
        QVERIFY(!lfsIt->lastCommit);
    }

    void tree_readsRecordedRecursiveExpandedListing()
    {
        auto tree = parseTree(body("models.tree.recursive.json"));
        QVERIFY(tree.ok());
        const auto raw = recording("models.tree.recursive.json")["response"]["json"];
        QCOMPARE(tree->size(), raw.size());
        QVERIFY(tree->size() > 26);
        size_t files = 0;
        for (const auto &e : *tree) {
            QVERIFY(e.lastCommit.has_value());
            QCOMPARE(e.lastCommit->id, std::string(kGpt2Sha));
            files += e.isDirectory() ? 0 : 1;
        }
        QCOMPARE(files, size_t(26)); // same files as the siblings of repo info
        const auto nested =
            std::find_if(tree->begin(), tree->end(), [](const TreeEntry &e) { return e.path == "onnx/vocab.json"; });
        QVERIFY(nested != tree->end());
    }

    void pathsInfo_readsRecordedAnswer()
    {
        auto entries = parseTree(body("models.paths-info.json"));
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), size_t(2)); // the missing path is left out by the server
        QCOMPARE((*entries)[0].path, std::string("config.json"));
        QCOMPARE((*entries)[0].size, uint64_t(665));
        QCOMPARE((*entries)[0].oid, std::string("10c66461e4c109db5a2196bff4bb59be30396ed8"));
        QCOMPARE((*entries)[0].lastCommit->title, std::string("Duplicate from openai-community/gpt2"));
        QCOMPARE((*entries)[1].path, std::string("64-8bits.tflite"));
        QVERIFY((*entries)[1].lfs.has_value());
    }

    void errorBodies_giveTheServerMessage()
    {
        QCOMPARE(parseErrorMessage(body("models.notfound.json")), std::string("Invalid username or password."));
        QCOMPARE(parseErrorMessage(body("whoami-v2.json")), std::string("Invalid username or password."));
        QCOMPARE(parseErrorMessage(body("models.revision.notfound.json")),
                 std::string("Invalid rev id: does-not-exist"));
        QCOMPARE(parseErrorMessage(body("models.tree.notfound.json")),
                 std::string("does-not-exist does not exist on \"main\""));
        QCOMPARE(parseErrorMessage(body("models.resolve.notfound.json")), std::string("Entry not found"));
        QCOMPARE(parseErrorMessage(q("{'error':['a','b']}")), std::string("a; b"));
        QCOMPARE(parseErrorMessage(q("{'errors':[{'message':'bad yaml'}]}")), std::string("bad yaml"));
        QCOMPARE(parseErrorMessage(q("{'error':'invalid_grant','error_description':'expired'}")),
                 std::string("invalid_grant: expired"));
        QCOMPARE(parseErrorMessage("<html>502</html>"), std::string());
        // an error body is not a whoami
        auto w = parseWhoAmI(body("whoami-v2.json"));
        QVERIFY(!w.ok());
        QCOMPARE(w.error().code, ErrorCode::BadResponse);
    }

    void whoami_readsUserWithOrgsAndToken()
    {
        const std::string b =
            q("{'type':'user','id':'62f264b9f3c90f4b6514a269','name':'alice','fullname':'Alice Example',"
              "'email':'alice@example.com','isPro':false,'avatarUrl':'/avatars/x.svg',"
              "'orgs':[{'type':'org','name':'acme','fullname':'Acme Corp'}],"
              "'auth':{'type':'access_token','accessToken':{'displayName':'ci-token','role':'write'}}}");
        auto w = parseWhoAmI(b);
        QVERIFY(w.ok());
        QCOMPARE(w->name, std::string("alice"));
        QCOMPARE(w->orgs.size(), size_t(1));
        QCOMPARE(w->orgs[0].name, std::string("acme"));
        QCOMPARE(w->tokenName, std::string("ci-token"));
        QCOMPARE(w->tokenRole, std::string("write"));
    }

    void upload_parsesPreuploadBatchAndCommit()
    {
        auto pre = parsePreupload(q("{'files':[{'path':'app.py','uploadMode':'regular','shouldIgnore':false},"
                                    "{'path':'w.bin','uploadMode':'lfs','shouldIgnore':false,'oid':'abc'}],'commitOid':"
                                    "'d02801a18c74e2875b33127a993615a36eb7448b'}"));
        QVERIFY(pre.ok());
        QCOMPARE(pre->files.size(), size_t(2));
        QCOMPARE(pre->files[1].uploadMode, UploadMode::Lfs);
        QCOMPARE(pre->files[1].oid, std::string("abc"));
        QCOMPARE(parsePreupload(q("{'files':[{'path':'a','uploadMode':'xet'}]}")).error().code, ErrorCode::BadResponse);

        auto batch =
            parseLfsBatch(q("{'transfer':'basic','objects':["
                            "{'oid':'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa','size':1024,'"
                            "authenticated':true,'actions':{'upload':{'href':'http://"
                            "h/up?sig=1','expires_at':'2026-09-22T18:00:00Z'},"
                            "'verify':{'href':'http://h/verify','header':{'Authorization':'x'}}}},"
                            "{'oid':'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb','size':2048},"
                            "{'oid':'cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc','size':10,'"
                            "error':{'code':422,'message':'nope'}}]}"));
        QVERIFY(batch.ok());
        QCOMPARE(batch->objects.size(), size_t(3));
        QCOMPARE(batch->objects[0].upload->href, std::string("http://h/up?sig=1"));
        QVERIFY(batch->objects[0].verify.has_value());
        QVERIFY(!batch->objects[1].upload);
        QCOMPARE(batch->objects[2].errorCode, 422);

        auto multi = parseLfsBatch(
            q("{'transfer':'multipart','objects':[{'oid':'"
              "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd','size':25,'actions':{'upload':{"
              "'href':'http://h/complete','header':{'chunk_size':'10','00002':'http://h/"
              "p2','00001':'http://h/p1','00003':'http://h/p3'}}}}]}"));
        QVERIFY(multi.ok());
        QVERIFY(multi->objects[0].isMultipart());
        QCOMPARE(multi->objects[0].chunkSize, uint64_t(10));
        QCOMPARE(multi->objects[0].partUrls, (std::vector<std::string>{"http://h/p1", "http://h/p2", "http://h/p3"}));
        // 25 bytes in chunks of 10 need 3 parts, not 2
        QVERIFY(!parseLfsBatch(q("{'objects':[{'oid':'dd','size':25,'actions':{'upload':{"
                                 "'href':'x','header':{'chunk_size':'10','00001':'a','00002':'b'}}}}]}"))
                     .ok());

        auto commit = parseCommitResult(
            q("{'success':true,'commitOid':'403adf5c8b48aecc6b4e5d3bfc402587153a707a',"
              "'commitUrl':'http://h/spaces/u/t/commit/403adf5c8b48aecc6b4e5d3bfc402587153a707a','hookOutput':'ok',"
              "'pullRequestUrl':'http://h/spaces/u/t/discussions/1'}"));
        QVERIFY(commit.ok());
        QCOMPARE(commit->pullRequestUrl, std::string("http://h/spaces/u/t/discussions/1"));
        QVERIFY(!parseCommitResult(q("{'success':true}")).ok());

        auto created =
            parseCreateRepo(q("{'url':'http://h/acme/tiny','name':'acme/tiny','id':'67cae57bc3f95553ede73be7'}"));
        QVERIFY(created.ok());
        QCOMPARE(created->id, std::string("acme/tiny"));
    }

    void compare_parsesRawDiffAndJson()
    {
        const std::string raw = "T 2305\t:100644 100644 97e7432aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa... "
                                "1111111111111111111111111111111111111111... M\tpath/to/file.rs\n"
                                "B 10\t:000000 100644 0000000000000000000000000000000000000000... "
                                "2222222222222222222222222222222222222222... A\tnew.bin\n"
                                "T 0\t:100644 000000 3333333333333333333333333333333333333333... "
                                "0000000000000000000000000000000000000000... D\told.txt\n";
        auto changes = parseCompare(raw);
        QVERIFY2(changes.ok(), changes.ok() ? "" : changes.error().describe().c_str());
        QCOMPARE(changes->size(), size_t(3));
        QCOMPARE((*changes)[0].status, FileChange::Status::Modified);
        QCOMPARE((*changes)[0].path, std::string("path/to/file.rs"));
        QCOMPARE(*(*changes)[0].newSize, uint64_t(2305));
        QCOMPARE((*changes)[1].status, FileChange::Status::Added);
        QVERIFY((*changes)[1].oldOid.empty());
        QCOMPARE((*changes)[2].status, FileChange::Status::Deleted);

        auto json =
            parseCompare(q("{'files':[{'path':'a','status':'added'},{'path':'b','oldPath':'c','status':'renamed'}]}"));
        QVERIFY(json.ok());
        QCOMPARE((*json)[1].status, FileChange::Status::Renamed);
        QCOMPARE((*json)[1].oldPath, std::string("c"));
        QVERIFY(!parseCompare("garbage without tabs").ok());
    }

    void truncatedBodies_areBadResponse()
    {
        for (const char *file : kJsonRecordings) {
            const std::string full = body(file);
            for (size_t cut : {size_t(1), full.size() / 3, full.size() / 2, full.size() - 1}) {
                const std::string part = full.substr(0, cut);
                QCOMPARE(parseTree(part).ok(), false);
                QCOMPARE(parseCommits(part).ok(), false);
                QCOMPARE(parseRepoInfo(part, RepoType::Model).ok(), false);
                QCOMPARE(parseRefs(part).ok(), false);
                QCOMPARE(parseRepoList(part, RepoType::Model).error().code, ErrorCode::BadResponse);
            }
        }
    }

    void wrongShapes_areBadResponse()
    {
        // right JSON, wrong endpoint
        QCOMPARE(parseRefs(body("models.tree.json")).error().code, ErrorCode::BadResponse);
        QCOMPARE(parseTree(body("models.info.json")).error().code, ErrorCode::BadResponse);
        QCOMPARE(parseRepoInfo(body("models.tree.json"), RepoType::Model).error().code, ErrorCode::BadResponse);
        // wrong types
        QVERIFY(!parseRepoInfo(q("{'id':5,'sha':'x'}"), RepoType::Model).ok());
        QVERIFY(!parseRepoInfo(q("{'id':'a/b'}"), RepoType::Model).ok()); // sha is required
        QVERIFY(!parseRepoInfo(q("{'id':'a/b','sha':'x','siblings':{'rfilename':'x'}}"), RepoType::Model).ok());
        QVERIFY(!parseTree(q("[{'type':'file','path':'a','oid':'x','size':-5}]")).ok());
        QVERIFY(!parseTree(q("[{'type':'file','path':'a','oid':'x','size':'12'}]")).ok());
        QVERIFY(!parseTree(q("[{'type':'file','path':'a','oid':'x','size':1,'lfs':{'size':1}}]")).ok());
        QVERIFY(!parseTree("[1,2,3]").ok());
        QVERIFY(!parseCommits(q("[{'id':'x','authors':[{'avatar':'y'}]}]")).ok());
        QVERIFY(!parseRefs(q("{'tags':[]}")).ok()); // branches are always present
        QVERIFY(!parseRefs(q("{'branches':[{'name':'main'}]}")).ok());
        QVERIFY(!parseWhoAmI("null").ok());
        QVERIFY(!parseWhoAmI("").ok());
        // unknown fields are ignored, nulls count as absent
        auto ok = parseTree(q("[{'type':'directory','path':'d','oid':'d02801a18c74e2875b33127a993615a36eb7448b','size':"
                              "0,'future':{'a':[1]},'lfs':null}]"));
        QVERIFY(ok.ok());
        QVERIFY(ok->front().isDirectory());
        QVERIFY(!ok->front().lfs);
        QVERIFY(parseTree("[]").ok());
        // folder sizes
        QCOMPARE(parseTreeSize(q("{'path':'data','size':12345678901}")).value(), uint64_t{12345678901});
        QVERIFY(!parseTreeSize(q("{'path':'data'}")).ok());
        QVERIFY(!parseTreeSize(q("{'path':'data','size':-1}")).ok());
        QVERIFY(!parseTreeSize(q("[{'size':1}]")).ok());
    }

    void hostileListings_areRefusedNamingTheFile()
    {
        const std::string oid = "d02801a18c74e2875b33127a993615a36eb7448b";
        const std::string sha = std::string(64, 'e');
        auto entry = [&](const std::string &path, const std::string &extra = "") {
            nlohmann::json j = nlohmann::json::array();
            nlohmann::json e = {{"type", "file"}, {"path", path}, {"oid", oid}, {"size", 1}};
            if (!extra.empty())
                e.update(nlohmann::json::parse(extra));
            const bool rawBytes =
                !nlohmann::json::accept("\"" + path + "\"") && path.find_first_of("\n\x1b\\") == std::string::npos;
            if (rawBytes) // invalid UTF-8: dump() refuses it, so splice the raw bytes in
                e["path"] = "@PATH@";
            j.push_back(e);
            std::string body = j.dump();
            if (rawBytes)
                body.replace(body.find("@PATH@"), 6, path);
            return body;
        };
        // Each of these names would write where the user did not ask (or run code: .git/config).
        const std::vector<std::string> hostile = {".git/config",
                                                  "sub/.GIT/hooks/post-checkout",
                                                  ".hg/hgrc",
                                                  "a/.svn/entries",
                                                  ".cache/huggingface/download/x.metadata",
                                                  "../escape",
                                                  "a/../../b",
                                                  "/etc/passwd",
                                                  "a\\b",
                                                  "name\x1b]0;owned\x07",
                                                  "line\nforged",
                                                  std::string("bad\xff", 4),
                                                  std::string(300, 'n'),
                                                  "a//b",
                                                  "./a"};
        for (const std::string &bad : hostile) {
            auto r = parseTree(entry(bad));
            QVERIFY2(!r.ok(), bad.c_str());
            QCOMPARE(r.error().code, ErrorCode::BadResponse);
            // The message shows the name escaped: no raw control character reaches a terminal.
            for (char c : r.error().message)
                QVERIFY2(static_cast<unsigned char>(c) >= 0x20, r.error().message.c_str());
        }
        // Ids the cache would use as file names, and sizes nobody has.
        QVERIFY(!parseTree(entry("a", "{\"oid\":\"../../x\"}")).ok());
        QVERIFY(!parseTree(entry("a", "{\"lfs\":{\"oid\":\"../" + std::string(61, 'a') + "\",\"size\":1}}")).ok());
        QVERIFY(!parseTree(entry("a", "{\"xetHash\":\"x/../y\"}")).ok());
        QVERIFY(!parseTree(entry("a", "{\"size\":9223372036854775808}")).ok());
        QVERIFY(!parseTree(entry("a", "{\"lfs\":{\"oid\":\"" + sha + "\",\"size\":9223372036854775807}}")).ok());
        // The same entries with honest values are fine, including names real repos use.
        QVERIFY(parseTree(entry(".gitattributes")).ok());
        QVERIFY(parseTree(entry("data/.github/x.yml")).ok());
        QVERIFY(parseTree(entry("sub/.cache/huggingface/ok")).ok());
        QVERIFY(parseTree(entry("größe/日本語.txt")).ok());
        QVERIFY(parseTree(entry("a", "{\"lfs\":{\"oid\":\"" + sha + "\",\"size\":1125899906842624}}")).ok());
    }

    void hostileBatchAnswers_areRefusedBeforeAnythingIsSent()
    {
        const std::string sha = std::string(64, 'a');
        auto batch = [&](const std::string &href, const std::string &oid) {
            return "{\"transfer\":\"basic\",\"objects\":[{\"oid\":\"" + oid +
                   "\",\"size\":3,\"actions\":{\"upload\":{\"href\":\"" + href + "\"}}}]}";
        };
        QVERIFY(parseLfsBatch(batch("https://s3.example/up?sig=1", sha)).ok());
        for (const char *href : {"file:///home/user/.bashrc", "ftp://h/x", "gopher://h/x", "dict://h/x", "/relative",
                                 "javascript:alert(1)"}) {
            auto r = parseLfsBatch(batch(href, sha));
            QVERIFY2(!r.ok(), href);
            QCOMPARE(r.error().code, ErrorCode::Refused);
        }
        QCOMPARE(parseLfsBatch(batch("https://h/up", "../../etc")).error().code, ErrorCode::BadResponse);
        // A multipart answer with a file:// part.
        const std::string parts = "{\"objects\":[{\"oid\":\"" + sha +
                                  "\",\"size\":10,\"actions\":{\"upload\":{\"href\":\"https://h/done\",\"header\":{"
                                  "\"chunk_size\":\"5\",\"1\":\"https://h/p1\",\"2\":\"file:///tmp/x\"}}}}]}";
        QCOMPARE(parseLfsBatch(parts).error().code, ErrorCode::Refused);
    }

    void hostileBodies_areRefusedWithoutCrashing()
    {
        const std::string deep(200000, '[');
        QCOMPARE(parseTree(deep).error().code, ErrorCode::BadResponse);
        QCOMPARE(parseRepoInfo(std::string(100000, '{'), RepoType::Model).error().code, ErrorCode::BadResponse);
        const std::string nul("[{\"type\":\"file\",\"path\":\"a\0b\",\"oid\":\"x\",\"size\":1}]", 48);
        QVERIFY(!parseTree(nul).ok());
        // many entries are fine
        std::string many = "[";
        for (int i = 0; i < 20000; ++i)
            many += std::string(i ? "," : "") + "{'type':'file','path':'f" + std::to_string(i) +
                    "','oid':'d02801a18c74e2875b33127a993615a36eb7448b','size':1}";
        many += "]";
        auto entries = parseTree(q(many.c_str()));
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), size_t(20000));
    }
};

QTEST_GUILESS_MAIN(TestApiParse)
#include "test_api_parse.moc"
