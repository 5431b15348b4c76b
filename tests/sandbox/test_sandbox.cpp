// The sandbox Hub over real loopback HTTP (cpp-httplib's client): shapes against the recorded
// Hub answers, access rules, paging, faults, bad input, persistence and path safety.
#include "hub/core/hash.h"
#include "hub/sandbox/demo.h"
#include "hub/sandbox/server.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <set>

using nlohmann::json;
using namespace hub::sandbox;

namespace {

const std::string kWd = demo::kWordDetector;

json recorded(const char *name)
{
    std::ifstream in(std::string(HUBDESK_TEST_DATA_DIR) + "/recorded-hub/" + name);
    return json::parse(in);
}

httplib::Headers auth(const char *token)
{
    return token ? httplib::Headers{{"Authorization", std::string("Bearer ") + token}} : httplib::Headers{};
}

// Every key of `want` exists in `got` with the same JSON type (null in `want` matches anything).
void checkShape(const json &want, const json &got, const std::set<std::string> &skip = {})
{
    for (const auto &[k, v] : want.items()) {
        if (skip.count(k)) {
            continue;
        }
        QVERIFY2(got.contains(k), k.c_str());
        if (!v.is_null() && !got[k].is_null()) {
            const bool sameType = v.type() == got[k].type() || (v.is_number() && got[k].is_number());
            QVERIFY2(sameType, k.c_str());
        }
    }
}

std::string ndjson(const std::vector<json> &lines)
{
    std::string out;
    for (const auto &l : lines) {
        out += l.dump() + "\n";
    }
    return out;
}

std::string linkNext(const httplib::Result &r)
{
    const std::string link = r->get_header_value("Link");
    const auto a = link.find('<');
    const auto b = link.find('>');
    return a == std::string::npos ? std::string() : link.substr(a + 1, b - a - 1);
}

} // namespace

class TestSandbox final : public QObject {
    Q_OBJECT

    std::unique_ptr<Server> m_server;
    std::unique_ptr<httplib::Client> m_cli;
    QTemporaryDir m_dir;

    std::string pathOf(const std::string &url) { return url.substr(m_server->baseUrl().size()); }

    std::string head(const std::string &repo) { return m_server->branchHead("model", repo, "main").value(); }

    std::string commitBody(const std::string &summary, const std::vector<json> &ops)
    {
        std::vector<json> lines{json{{"key", "header"}, {"value", {{"summary", summary}, {"description", ""}}}}};
        lines.insert(lines.end(), ops.begin(), ops.end());
        return ndjson(lines);
    }

private slots:
    void initTestCase()
    {
        ServerOptions o;
        o.demo = true;
        o.demoLfsScale = 1000;
        o.multipartThreshold = 64 * 1024;
        o.dataDir = m_dir.filePath(QStringLiteral("world")).toStdString();
        auto s = Server::start(o);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().describe().c_str());
        m_server = std::move(s.value());
        m_cli = std::make_unique<httplib::Client>("127.0.0.1", m_server->port());
    }

    void whoami_answersForTokenAnd401Anonymous()
    {
        auto r = m_cli->Get("/api/whoami-v2", auth(demo::kDemoOwnerToken));
        QCOMPARE(r->status, 200);
        const json j = json::parse(r->body);
        QCOMPARE(j["name"].get<std::string>(), std::string("PellelNitram"));
        QCOMPARE(j["auth"]["accessToken"]["role"].get<std::string>(), std::string("write"));
        auto anon = m_cli->Get("/api/whoami-v2");
        QCOMPARE(anon->status, 401);
        QCOMPARE(anon->body, recorded("whoami-v2.json")["response"]["json"].dump());
    }

    void info_refs_commits_haveRecordedShapes()
    {
        auto r = m_cli->Get("/api/models/" + kWd);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->get_header_value("Content-Type"), std::string("application/json; charset=utf-8"));
        const json info = json::parse(r->body);
        checkShape(recorded("models.info.json")["response"]["json"], info, {"safetensors"});
        QCOMPARE(info["sha"].get<std::string>(), head(kWd));
        QCOMPARE(info["cardData"]["model-index"][0]["results"][0]["metrics"][0]["value"].get<double>(), 0.88);
        auto v1 = json::parse(m_cli->Get("/api/models/" + kWd + "/revision/v1.0.0?blobs=true")->body);
        QCOMPARE(v1["cardData"]["model-index"][0]["results"][0]["metrics"][0]["value"].get<double>(), 0.84);
        bool sawLfs = false;
        for (const auto &s : v1["siblings"]) {
            sawLfs = sawLfs || (s.contains("lfs") && s["lfs"]["sha256"].get<std::string>().size() == 64);
        }
        QVERIFY(sawLfs);
        auto refs = json::parse(m_cli->Get("/api/models/" + kWd + "/refs?include_prs=1")->body);
        checkShape(recorded("models.refs.json")["response"]["json"], refs);
        QCOMPARE(refs["tags"].size(), size_t(3));
        QCOMPARE(refs["pullRequests"][0]["ref"].get<std::string>(), std::string("refs/pr/1"));
        auto bad = m_cli->Get("/api/models/" + kWd + "/revision/does-not-exist");
        QCOMPARE(bad->status, 404);
        QCOMPARE(bad->get_header_value("X-Error-Code"), std::string("RevisionNotFound"));
        QCOMPARE(bad->body, recorded("models.revision.notfound.json")["response"]["json"].dump());
    }

    void commits_pagedWithTotalCountAndAbsoluteLinks()
    {
        std::string url = "/api/models/" + std::string(demo::kLongHistoryModel) + "/commits/main?limit=50";
        std::set<std::string> ids;
        int pages = 0;
        while (!url.empty()) {
            auto r = m_cli->Get(url);
            QCOMPARE(r->status, 200);
            QCOMPARE(r->get_header_value("X-Total-Count"), std::to_string(demo::kLongHistoryCommits));
            const json page = json::parse(r->body);
            for (const auto &c : page) {
                checkShape(recorded("models.commits.json")["response"]["json"][0], c);
                ids.insert(c["id"].get<std::string>());
            }
            const std::string next = linkNext(r);
            QVERIFY(next.empty() || next.rfind(m_server->baseUrl(), 0) == 0);
            url = next.empty() ? std::string() : pathOf(next);
            ++pages;
        }
        QCOMPARE(static_cast<int>(ids.size()), demo::kLongHistoryCommits);
        QCOMPARE(pages, 4);
    }

    void tree_pagesThroughThousandsOfFilesAndRefusesMissingFolders()
    {
        std::string url = "/api/datasets/" + std::string(demo::kPrivateDataset) + "/tree/main?recursive=true";
        QCOMPARE(m_cli->Get(url)->status, 404); // private: anonymous sees nothing
        size_t files = 0;
        int pages = 0;
        while (!url.empty()) {
            auto r = m_cli->Get(url, auth(demo::kDemoOwnerToken));
            QCOMPARE(r->status, 200);
            for (const auto &e : json::parse(r->body)) {
                files += e["type"] == "file";
            }
            const std::string next = linkNext(r);
            url = next.empty() ? std::string() : pathOf(next);
            ++pages;
        }
        QVERIFY(files >= 5000);
        QVERIFY(pages >= 5);
        auto expanded = json::parse(m_cli->Get("/api/models/" + kWd + "/tree/main?expand=true")->body);
        for (const auto &e : expanded) {
            QVERIFY(e.contains("lastCommit"));
            checkShape(recorded("models.paths-info.json")["response"]["json"][0], e, {"securityFileStatus"});
        }
        auto missing = m_cli->Get("/api/models/" + kWd + "/tree/main/does-not-exist");
        QCOMPARE(missing->status, 404);
        QCOMPARE(missing->get_header_value("X-Error-Code"), std::string("EntryNotFound"));
        QCOMPARE(missing->body, recorded("models.tree.notfound.json")["response"]["json"].dump());
    }

    void pathsInfo_acceptsFormAndJsonBodies()
    {
        const std::string url = "/api/models/" + kWd + "/paths-info/main";
        auto j = m_cli->Post(url, R"({"paths":["config.json","model.onnx","nope"],"expand":true})", "application/json");
        QCOMPARE(j->status, 200);
        const json a = json::parse(j->body);
        QCOMPARE(a.size(), size_t(2));
        QVERIFY(a[1]["lfs"]["oid"].get<std::string>().size() == 64 ||
                a[0]["lfs"]["oid"].get<std::string>().size() == 64);
        auto f =
            m_cli->Post(url, "paths=config.json&paths=model.onnx&expand=false", "application/x-www-form-urlencoded");
        QCOMPARE(f->status, 200);
        QCOMPARE(json::parse(f->body).size(), size_t(2));
        QVERIFY(!json::parse(f->body)[0].contains("lastCommit"));
        QCOMPARE(m_cli->Post(url, "{not json", "application/json")->status, 400);
    }

    void resolve_regularFileFollowsRecordedRedirect()
    {
        const json rec = recorded("models.resolve.config.head.json");
        auto h = m_cli->Head("/" + kWd + "/resolve/main/config.json");
        QCOMPARE(h->status, 307);
        for (const char *k : {"X-Repo-Commit", "X-Linked-Etag", "Location", "Accept-Ranges", "Content-Disposition"}) {
            QVERIFY2(h->has_header(k), k);
        }
        const std::string loc = h->get_header_value("Location");
        QVERIFY(loc.rfind("/api/resolve-cache/models/" + kWd + "/" + head(kWd) + "/config.json?", 0) == 0);
        auto g = m_cli->Get(loc.substr(0, loc.find('?'))); // clients may drop the query
        QCOMPARE(g->status, 200);
        for (const auto &[k, v] : rec["final"]["headers"].items()) {
            if (k.rfind("Access-Control", 0) != 0 && k != "Content-Security-Policy" &&
                k != "Cross-Origin-Opener-Policy" && k != "Referrer-Policy" && k != "Strict-Transport-Security" &&
                k != "Vary" && k != "X-Powered-By") {
                QVERIFY2(g->has_header(k), k.c_str());
            }
        }
        QCOMPARE(g->get_header_value("ETag"), "\"" + hub::gitBlobSha1Hex(g->body) + "\"");
        auto range = m_cli->Get(loc, {{"Range", "bytes=0-0"}});
        QCOMPARE(range->status, 206);
        QCOMPARE(range->body.size(), size_t(1));
        QCOMPARE(range->get_header_value("Content-Range"), "bytes 0-0/" + std::to_string(g->body.size()));
        auto missing = m_cli->Get("/" + kWd + "/resolve/main/does-not-exist.txt");
        QCOMPARE(missing->status, 404);
        QCOMPARE(missing->body, std::string("Entry not found"));
        QCOMPARE(missing->get_header_value("X-Repo-Commit"), head(kWd));
        QCOMPARE(missing->get_header_value("X-Error-Code"), std::string("EntryNotFound"));
    }

    void resolve_lfsRedirectsToBlobHostAndStreamsRanges()
    {
        m_server->resetBlobHostSawAuthorization();
        auto r = m_cli->Get("/" + kWd + "/resolve/v1.0.0/model.onnx", auth(demo::kDemoOwnerToken));
        QCOMPARE(r->status, 302);
        for (const char *k : {"X-Repo-Commit", "X-Linked-Etag", "X-Linked-Size", "Location"}) {
            QVERIFY2(r->has_header(k), k);
        }
        const std::string loc = r->get_header_value("Location");
        const std::string blobOrigin = "http://localhost:" + std::to_string(m_server->port());
        QVERIFY(loc.rfind(blobOrigin, 0) == 0);
        const std::string blobPath = loc.substr(blobOrigin.size());
        const httplib::Headers blobHost{{"Host", "localhost:" + std::to_string(m_server->port())}};
        auto body = m_cli->Get(blobPath, blobHost);
        QCOMPARE(body->status, 200);
        QCOMPARE(std::to_string(body->body.size()), r->get_header_value("X-Linked-Size"));
        QCOMPARE("\"" + hub::sha256Hex(body->body) + "\"", r->get_header_value("X-Linked-Etag"));
        QCOMPARE(body->get_header_value("ETag"), r->get_header_value("X-Linked-Etag"));
        httplib::Headers ranged = blobHost;
        ranged.emplace("Range", "bytes=10-19");
        auto part = m_cli->Get(blobPath, ranged);
        QCOMPARE(part->status, 206);
        QCOMPARE(part->body, body->body.substr(10, 10));
        ranged = blobHost;
        ranged.emplace("Range", "bytes=99999999-");
        QCOMPARE(m_cli->Get(blobPath, ranged)->status, 416);
        QVERIFY(!m_server->blobHostSawAuthorization());
        httplib::Headers leaky = blobHost;
        leaky.emplace("Authorization", std::string("Bearer ") + demo::kDemoOwnerToken);
        m_cli->Get(blobPath, leaky);
        QVERIFY(m_server->blobHostSawAuthorization());
        QCOMPARE(m_cli->Get(blobPath.substr(0, blobPath.find('?')) + "?expires=1&sig=x", blobHost)->status, 403);
        auto raw = m_cli->Get("/" + kWd + "/raw/main/model.onnx");
        QCOMPARE(raw->status, 200);
        QVERIFY(raw->body.rfind("version https://git-lfs.github.com/spec/v1\n", 0) == 0);
    }

    void access_privateLikeMissingAndGatedUntilGranted()
    {
        const std::string priv = "/api/datasets/" + std::string(demo::kPrivateDataset);
        auto missing = m_cli->Get("/api/datasets/PellelNitram/does-not-exist");
        for (const char *token :
             {static_cast<const char *>(nullptr), demo::kDemoReaderToken, demo::kDemoCollaboratorToken}) {
            auto r = m_cli->Get(priv, auth(token));
            QCOMPARE(r->status, missing->status);
            QCOMPARE(r->body, missing->body);
            QCOMPARE(r->get_header_value("X-Error-Code"), std::string("RepoNotFound"));
        }
        QCOMPARE(m_cli->Get(priv, auth(demo::kDemoOwnerToken))->status, 200);
        const std::string gated = "/" + std::string(demo::kGatedModel) + "/resolve/main/config.json";
        QCOMPARE(m_cli->Get("/api/models/" + std::string(demo::kGatedModel))->status, 200); // info is public
        auto anon = m_cli->Get(gated);
        QCOMPARE(anon->status, 401);
        QCOMPARE(anon->get_header_value("X-Error-Code"), std::string("GatedRepo"));
        QCOMPARE(m_cli->Get(gated, auth(demo::kDemoReaderToken))->status, 403);
        QCOMPARE(m_cli->Get(gated, auth(demo::kDemoOwnerToken))->status, 307);
        QVERIFY(m_server->grantGatedAccess("model", demo::kGatedModel, demo::kDemoReaderUser).ok());
        QCOMPARE(m_cli->Get(gated, auth(demo::kDemoReaderToken))->status, 307);
        QCOMPARE(m_cli->Get("/api/whoami-v2", auth("hf_unknown"))->status, 401);
    }

    void writes_needAWriteTokenForTheNamespace()
    {
        const std::string body = R"({"name":"nope","type":"model"})";
        QCOMPARE(m_cli->Post("/api/repos/create", body, "application/json")->status, 401);
        QCOMPARE(m_cli->Post("/api/repos/create", auth(demo::kDemoReaderToken), body, "application/json")->status, 403);
        QCOMPARE(m_cli
                     ->Post("/api/repos/create", auth(demo::kDemoCollaboratorToken),
                            R"({"name":"nope","organization":"PellelNitram"})", "application/json")
                     ->status,
                 403);
        const std::string commit = "/api/models/" + kWd + "/commit/main";
        const std::string c = commitBody(
            "x", {json{{"key", "file"}, {"value", {{"path", "x.txt"}, {"content", "eA=="}, {"encoding", "base64"}}}}});
        QCOMPARE(m_cli->Post(commit, auth(demo::kDemoReaderToken), c, "application/x-ndjson")->status, 403);
        QCOMPARE(m_cli->Post(commit, c, "application/x-ndjson")->status, 401);
    }

    void commit_malformedInputIs4xxAndCommitsNothing()
    {
        const std::string repo = "PellelNitram/bad-input";
        QCOMPARE(
            m_cli->Post("/api/repos/create", auth(demo::kDemoOwnerToken), R"({"name":"bad-input"})", "application/json")
                ->status,
            200);
        const std::string before = head(repo);
        const std::string url = "/api/models/" + repo + "/commit/main";
        const auto file = [](const std::string &path, const std::string &content) {
            return json{{"key", "file"}, {"value", {{"path", path}, {"content", content}, {"encoding", "base64"}}}};
        };
        const std::vector<std::string> bodies{
            "{not json\n",
            ndjson({file("a.txt", "eA==")}), // no header line
            commitBody("", {file("a.txt", "eA==")}),
            commitBody("t", {file("a.txt", "!!!not base64!!!")}),
            commitBody("t", {json{{"key", "file"}, {"value", {{"content", "eA=="}}}}}),
            commitBody("t", {file("../escape.txt", "eA==")}),
            commitBody("t", {file("/etc/passwd", "eA==")}),
            commitBody("t", {file(std::string("nul\0byte.txt", 12), "eA==")}),
            commitBody(
                "t",
                {file("ok.txt", "eA=="),
                 json{{"key", "lfsFile"},
                      {"value", {{"path", "w.bin"}, {"algo", "sha256"}, {"oid", std::string(64, 'a')}, {"size", 3}}}}}),
            commitBody("t", {json{{"key", "copyFile"}, {"value", {{"path", "a"}}}}}),
            commitBody("t", {json{{"key", "deletedFile"}, {"value", {{"path", "never-existed.txt"}}}}}),
            commitBody("t", {file("ok.txt", "eA==")}) + "{\"key\": \"file\", \"value\": \n",
        };
        for (size_t i = 0; i < bodies.size(); ++i) {
            auto r = m_cli->Post(url, auth(demo::kDemoOwnerToken), bodies[i], "application/x-ndjson");
            QVERIFY2(r->status >= 400 && r->status < 500, std::to_string(i).c_str());
            QVERIFY2(json::parse(r->body).contains("error"), std::to_string(i).c_str());
            QCOMPARE(head(repo), before);
        }
        // A stale parentCommit is 412; a fresh one works.
        auto ok = m_cli->Post(url, auth(demo::kDemoOwnerToken), commitBody("first", {file("a.txt", "eA==")}),
                              "application/x-ndjson");
        QCOMPARE(ok->status, 200);
        const json okj = json::parse(ok->body);
        QCOMPARE(okj["commitUrl"].get<std::string>(),
                 m_server->baseUrl() + "/" + repo + "/commit/" + okj["commitOid"].get<std::string>());
        std::vector<json> lines{json{{"key", "header"}, {"value", {{"summary", "stale"}, {"parentCommit", before}}}},
                                file("b.txt", "eQ==")};
        QCOMPARE(m_cli->Post(url, auth(demo::kDemoOwnerToken), ndjson(lines), "application/x-ndjson")->status, 412);
        QCOMPARE(head(repo), okj["commitOid"].get<std::string>());
        // create_pr opens refs/pr/1 and leaves main alone.
        auto pr = m_cli->Post(url + "?create_pr=1", auth(demo::kDemoOwnerToken),
                              commitBody("pr", {file("c.txt", "eg==")}), "application/x-ndjson");
        QCOMPARE(pr->status, 200);
        QVERIFY(json::parse(pr->body)["pullRequestUrl"].get<std::string>().size() > 0);
        QCOMPARE(head(repo), okj["commitOid"].get<std::string>());
        QCOMPARE(m_cli->Get("/api/models/" + repo + "/tree/refs/pr/1")->status, 200);
    }

    void lfs_basicAndMultipartUploadsRoundTrip()
    {
        const std::string repo = "PellelNitram/lfs-roundtrip";
        QCOMPARE(m_cli
                     ->Post("/api/repos/create", auth(demo::kDemoOwnerToken), R"({"name":"lfs-roundtrip"})",
                            "application/json")
                     ->status,
                 200);
        std::string small(1000, 'a');
        std::string big;
        for (int i = 0; i < 150000; ++i) {
            big += static_cast<char>(i * 7919 % 251);
        }
        std::vector<json> ops;
        for (const auto *content : {&small, &big}) {
            const std::string oid = hub::sha256Hex(*content);
            json batch{{"operation", "upload"},
                       {"transfers", {"basic", "multipart"}},
                       {"hash_algo", "sha256"},
                       {"ref", {{"name", "main"}}},
                       {"objects", {{{"oid", oid}, {"size", content->size()}}}}};
            auto b = m_cli->Post("/" + repo + ".git/info/lfs/objects/batch", auth(demo::kDemoOwnerToken), batch.dump(),
                                 "application/vnd.git-lfs+json");
            QCOMPARE(b->status, 200);
            const json obj = json::parse(b->body)["objects"][0];
            const json up = obj["actions"]["upload"];
            if (up.contains("header")) {
                const size_t chunk = std::stoul(up["header"]["chunk_size"].get<std::string>());
                json parts = json::array();
                for (size_t n = 1; (n - 1) * chunk < content->size(); ++n) {
                    char key[8];
                    std::snprintf(key, sizeof key, "%05zu", n);
                    auto p = m_cli->Put(pathOf(up["header"][key].get<std::string>()),
                                        content->substr((n - 1) * chunk, chunk), "application/octet-stream");
                    QCOMPARE(p->status, 200);
                    QVERIFY(p->has_header("ETag"));
                    parts.push_back({{"partNumber", n}, {"etag", p->get_header_value("ETag")}});
                }
                QVERIFY(parts.size() >= 2);
                auto done = m_cli->Post(pathOf(up["href"].get<std::string>()),
                                        json{{"oid", oid}, {"parts", parts}}.dump(), "application/vnd.git-lfs+json");
                QCOMPARE(done->status, 200);
            } else {
                QCOMPARE(
                    m_cli->Put(pathOf(up["href"].get<std::string>()), *content, "application/octet-stream")->status,
                    200);
            }
            ops.push_back(json{{"key", "lfsFile"},
                               {"value",
                                {{"path", content == &small ? "small.bin" : "big.bin"},
                                 {"algo", "sha256"},
                                 {"oid", oid},
                                 {"size", content->size()}}}});
        }
        auto c = m_cli->Post("/api/models/" + repo + "/commit/main", auth(demo::kDemoOwnerToken),
                             commitBody("Upload", ops), "application/x-ndjson");
        QCOMPARE(c->status, 200);
        for (const auto &[path, content] : {std::pair{"small.bin", &small}, std::pair{"big.bin", &big}}) {
            auto r = m_cli->Get("/" + repo + "/resolve/main/" + path);
            QCOMPARE(r->status, 302);
            const std::string loc = r->get_header_value("Location");
            auto body = m_cli->Get(loc.substr(loc.find("/__lfs/")));
            QCOMPARE(body->body, *content);
        }
        // Uploading the same object again needs no action.
        json again{{"operation", "upload"}, {"objects", {{{"oid", hub::sha256Hex(small)}, {"size", small.size()}}}}};
        auto b = m_cli->Post("/" + repo + ".git/info/lfs/objects/batch", auth(demo::kDemoOwnerToken), again.dump(),
                             "application/vnd.git-lfs+json");
        QVERIFY(!json::parse(b->body)["objects"][0].contains("actions"));
        // Bytes that do not match the oid are refused.
        json wrong{{"operation", "upload"}, {"objects", {{{"oid", std::string(64, 'b')}, {"size", 3}}}}};
        auto w = json::parse(m_cli
                                 ->Post("/" + repo + ".git/info/lfs/objects/batch", auth(demo::kDemoOwnerToken),
                                        wrong.dump(), "application/vnd.git-lfs+json")
                                 ->body);
        QCOMPARE(m_cli
                     ->Put(pathOf(w["objects"][0]["actions"]["upload"]["href"].get<std::string>()), "abc",
                           "application/octet-stream")
                     ->status,
                 400);
    }

    void faults_rateLimitServerErrorDropAndMalformedJson()
    {
        FaultSpec f;
        f.pathPrefix = "/api/models";
        f.status = 429;
        f.count = 2;
        f.retryAfterSeconds = 3;
        m_server->addFault(f);
        for (int i = 0; i < 2; ++i) {
            auto r = m_cli->Get("/api/models");
            QCOMPARE(r->status, 429);
            QCOMPARE(r->get_header_value("Retry-After"), std::string("3"));
            QCOMPARE(r->get_header_value("RateLimit"), std::string("\"api\";r=0;t=3"));
            QVERIFY(r->has_header("RateLimit-Policy"));
        }
        QCOMPARE(m_cli->Get("/api/models")->status, 200);
        auto admin =
            m_cli->Post("/__sandbox/faults", R"({"path":"/api/datasets","status":503,"count":1})", "application/json");
        QCOMPARE(admin->status, 200);
        QCOMPARE(m_cli->Get("/api/datasets")->status, 503);
        QCOMPARE(m_cli->Get("/api/datasets")->status, 200);
        m_cli->Post("/__sandbox/faults", R"({"path":"/api/spaces","malformedJson":true,"count":1})",
                    "application/json");
        QVERIFY(json::parse(m_cli->Get("/api/spaces")->body, nullptr, false).is_discarded());
        auto lfs = m_cli->Get("/" + kWd + "/resolve/main/model.onnx");
        const std::string loc = lfs->get_header_value("Location");
        const std::string blob = loc.substr(loc.find("/__lfs/"));
        m_cli->Post("/__sandbox/faults", R"({"path":"/__lfs/","dropAfterBytes":100,"count":1})", "application/json");
        httplib::Client fresh("127.0.0.1", m_server->port());
        auto dropped = fresh.Get(blob);
        QVERIFY(!dropped || dropped->body.size() < 200);
        QCOMPARE(fresh.Get(blob)->body.size(), std::stoul(lfs->get_header_value("X-Linked-Size")));
        QCOMPARE(m_cli->Delete("/__sandbox/faults")->status, 200);
    }

    void pathTraversal_neverServesFilesOutsideTheDataDirectory()
    {
        for (const std::string &p : std::vector<std::string>{
                 "/" + kWd + "/resolve/main/../../../../etc/passwd",
                 "/" + kWd + "/resolve/main/%2e%2e/%2e%2e/etc/passwd", "/" + kWd + "/raw/main/..%2F..%2Fetc%2Fpasswd",
                 "/__lfs/..%2F..%2Fetc%2Fpasswd", "/api/models/" + kWd + "/tree/main/..%2F..",
                 "/api/resolve-cache/models/" + kWd + "/" + head(kWd) + "/..%2F..%2Fetc%2Fpasswd"}) {
            auto r = m_cli->Get(p);
            QVERIFY2(r, p.c_str());
            QVERIFY2(r->status >= 400, p.c_str());
            QVERIFY2(r->body.find("root:") == std::string::npos, p.c_str());
        }
    }

    void persistence_uploadsSurviveARestartAndDemoIdsAreStable()
    {
        QTemporaryDir dir;
        ServerOptions o;
        o.dataDir = dir.path().toStdString();
        o.tokens.push_back({"hf_test_alice", "alice", true});
        std::string commitId;
        {
            auto s = Server::start(o);
            QVERIFY(s.ok());
            httplib::Client c("127.0.0.1", s.value()->port());
            QCOMPARE(c.Post("/api/repos/create", auth("hf_test_alice"), R"({"name":"kept","type":"dataset"})",
                            "application/json")
                         ->status,
                     200);
            auto r = c.Post(
                "/api/datasets/alice/kept/commit/main", auth("hf_test_alice"),
                commitBody(
                    "Add notes",
                    {json{{"key", "file"},
                          {"value", {{"path", "notes/a.txt"}, {"content", "aGVsbG8="}, {"encoding", "base64"}}}}}),
                "application/x-ndjson");
            QCOMPARE(r->status, 200);
            commitId = json::parse(r->body)["commitOid"].get<std::string>();
        }
        auto s = Server::start(o);
        QVERIFY(s.ok());
        httplib::Client c("127.0.0.1", s.value()->port());
        QCOMPARE(json::parse(c.Get("/api/datasets/alice/kept")->body)["sha"].get<std::string>(), commitId);
        auto f = c.Get("/datasets/alice/kept/resolve/main/notes/a.txt");
        auto body = c.Get(f->get_header_value("Location"));
        QCOMPARE(body->body, std::string("hello"));

        // A second demo world with the same scale has the same commit ids.
        ServerOptions d;
        d.demo = true;
        d.demoLfsScale = 1000;
        auto again = Server::start(d);
        QVERIFY(again.ok());
        QCOMPARE(again.value()->branchHead("model", kWd, "main").value(), head(kWd));
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "test_sandbox.moc"
