// The Hub's Xet-era answers, as the sandbox gives them (ServerOptions::xetEra and friends): LFS
// resolves carry X-Xet-Hash / X-Linked-* / Link and redirect to a signed storage URL shaped like
// the bridge's (Expires, Policy, Signature, Key-Pair-Id) that expires and can be bound to the
// requested range. The transfer engine re-resolves a refused URL and keeps the bytes it has, a
// bounded number of times; an upload the Hub wants through Xet stops before sending anything. The
// xet-read-token route the Link header names answers like the Hub, for readers only.

#include "net_fixture.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <ctime>
#include <fstream>

#include <QTest>

using namespace nettest;
using hub::ErrorCode;
using hub::JobState;
namespace demo = hub::sandbox::demo;

namespace {

const std::string kModelFile = "/" + std::string(demo::kWordDetector) + "/resolve/main/model.onnx";

/// The resolve answer's Location as a path on the sandbox (the blob host is the same server).
std::string storagePath(const httplib::Result &r)
{
    const std::string loc = r->get_header_value("Location");
    const auto at = loc.find("/__lfs/");
    return at == std::string::npos ? std::string() : loc.substr(at);
}

uint64_t lfsSize(hub::HubClient &client, const hub::RepoRef &r, const std::string &path)
{
    hub::TreeQuery q;
    q.recursive = true;
    const auto tree = client.tree(r, q);
    if (!tree)
        return 0;
    for (const auto &e : *tree)
        if (e.path == path && e.lfs)
            return e.lfs->size;
    return 0;
}

} // namespace

class TestNetBridge final : public QObject {
    Q_OBJECT

private slots:
    void resolve_answersLikeAXetBackedFileOnTheHub()
    {
        hub::sandbox::ServerOptions o;
        o.xetEra = true;
        auto server = transfertest::startSandbox(o);
        httplib::Client http("127.0.0.1", server->port());
        auto head = http.Head(kModelFile);
        QVERIFY(head);
        QCOMPARE(head->status, 302);
        const std::string xet = head->get_header_value("X-Xet-Hash");
        QVERIFY2(hub::isSha256(xet), xet.c_str());
        const std::string link = head->get_header_value("Link");
        QVERIFY2(contains(link, "/xet-read-token/") && contains(link, "rel=\"xet-auth\""), link.c_str());
        QVERIFY2(contains(link, "rel=\"xet-reconstruction-info\""), link.c_str());
        QVERIFY(!head->get_header_value("X-Linked-Size").empty());
        const std::string loc = head->get_header_value("Location");
        for (const char *part : {"X-Xet-Cas-Uid=public", "Expires=", "Policy=", "Signature=", "Key-Pair-Id="})
            QVERIFY2(contains(loc, part), loc.c_str());

        // What the Hub client reads from it, and the tree's xetHash.
        hub::HubClient client(transfertest::clientConfig(*server));
        const auto r = transfertest::repo(demo::kWordDetector);
        auto meta = client.fileMetadata(r, "main", "model.onnx");
        QVERIFY(meta.ok());
        QCOMPARE(meta->xetHash, xet);
        QVERIFY(meta->isLfs);
        QVERIFY(meta->locationIsCrossOrigin);
        QCOMPARE(meta->size, lfsSize(client, r, "model.onnx"));
        hub::TreeQuery q;
        bool listed = false;
        const auto tree = client.tree(r, q);
        QVERIFY(tree.ok());
        for (const auto &e : *tree)
            listed = listed || (e.path == "model.onnx" && e.xetHash == xet);
        QVERIFY(listed);
    }

    void storageUrl_expiresAfterItsLifetime()
    {
        hub::sandbox::ServerOptions o;
        o.xetEra = true;
        o.signedUrlLifetimeSeconds = 1;
        auto server = transfertest::startSandbox(o);
        httplib::Client http("127.0.0.1", server->port());
        const std::string url = storagePath(http.Get(kModelFile));
        QVERIFY(!url.empty());
        QCOMPARE(http.Get(url, {{"Range", "bytes=0-9"}})->status, 206);
        QTest::qWait(2100); // longer than the lifetime: the URL is now past its Expires
        auto late = http.Get(url, {{"Range", "bytes=0-9"}});
        QCOMPARE(late->status, 403);
        QVERIFY2(contains(late->body, "expired"), late->body.c_str());
        QCOMPARE(server->signedUrlRefusals().expired, uint64_t{1});
        // A tampered policy (a later expiry) is refused as invalid, not accepted.
        std::string forged = url;
        const auto digit = forged.find_first_of("0123456789", forged.find("DateLessThan"));
        QVERIFY(digit != std::string::npos);
        forged[digit] = '9';
        auto forgedAnswer = http.Get(forged);
        QCOMPARE(forgedAnswer->status, 403);
        QCOMPARE(server->signedUrlRefusals().invalid, uint64_t{1});
    }

    void storageUrl_boundToTheRangeOfItsResolve()
    {
        hub::sandbox::ServerOptions o;
        o.bindSignedUrlsToRange = true;
        auto server = transfertest::startSandbox(o);
        httplib::Client http("127.0.0.1", server->port());
        const std::string bound = storagePath(http.Get(kModelFile, {{"Range", "bytes=100-199"}}));
        QVERIFY(!bound.empty());
        QCOMPARE(http.Get(bound, {{"Range", "bytes=100-199"}})->status, 206);
        QCOMPARE(http.Get(bound, {{"Range", "bytes=150-160"}})->status, 206); // inside: a resume
        auto other = http.Get(bound, {{"Range", "bytes=200-299"}});
        QCOMPARE(other->status, 403);
        QVERIFY2(contains(other->body, "invalid range"), other->body.c_str());
        QCOMPARE(http.Get(bound)->status, 403); // the whole file
        QCOMPARE(server->signedUrlRefusals().wrongRange, uint64_t{2});
        // A resolve without a Range gives an unbound URL.
        const std::string whole = storagePath(http.Get(kModelFile));
        QCOMPARE(http.Get(whole, {{"Range", "bytes=200-299"}})->status, 206);
    }

    void engine_reresolvesExpiredAndRangeBoundUrlsKeepingItsBytes()
    {
        hub::sandbox::ServerOptions o;
        o.xetEra = true;
        o.signedUrlLifetimeSeconds = 1;
        o.bindSignedUrlsToRange = true;
        o.demoLfsScale = 8; // model.onnx ~5.6 MB
        auto server = transfertest::startSandbox(o);
        // Slow storage (each answer at most 512 KB/s) whose first answers break after 600 KB:
        // every retry comes more than a second after its URL was signed, so the URL has expired.
        hub::sandbox::FaultSpec slow;
        slow.pathPrefix = "/__lfs/";
        slow.bandwidthBytesPerSec = 512 * 1024;
        server->addFault(slow);
        hub::sandbox::FaultSpec drop;
        drop.pathPrefix = "/__lfs/";
        drop.dropAfterBytes = 600 * 1024;
        drop.count = 4;
        server->addFault(drop);

        QTemporaryDir dir;
        hub::EngineOptions eo = transfertest::engineOptions(*server, dir);
        eo.stallTimeout = std::chrono::seconds(10);
        eo.connectionsPerFile = 8; // more redirects per file than the 10 hops one request may take
        hub::TransferEngine engine(eo);
        const auto r = transfertest::repo(demo::kWordDetector);
        const auto s = transfertest::waitDone(
            engine, engine.submit(hub::DownloadRequest{r, "main", {"model.onnx"}, {}}).value(), 120);
        QVERIFY2(s.state == JobState::Done, s.error ? s.error->describe().c_str() : "");
        hub::HubClient client(eo.clientConfig);
        QString why;
        QVERIFY2(transfertest::snapshotMatchesHub(client, r, s, &why), qPrintable(why));
        const auto refused = server->signedUrlRefusals();
        QVERIFY2(refused.expired >= 1, std::to_string(refused.expired).c_str());
        QVERIFY2(refused.wrongRange >= 1, std::to_string(refused.wrongRange).c_str()); // other segments' URLs
        QCOMPARE(refused.invalid, uint64_t{0});
        // Nothing verified was fetched twice: the storage sent the file once (2% slack).
        const uint64_t size = lfsSize(client, r, "model.onnx");
        qInfo("%llu bytes, %llu served by the storage; refused: %llu expired, %llu other range",
              static_cast<unsigned long long>(size), static_cast<unsigned long long>(server->storageBytesServed()),
              static_cast<unsigned long long>(refused.expired), static_cast<unsigned long long>(refused.wrongRange));
        QVERIFY2(server->storageBytesServed() <= size + size / 50,
                 (std::to_string(server->storageBytesServed()) + " bytes served for " + std::to_string(size)).c_str());
    }

    void engine_givesUpAfterABoundedNumberOfFreshUrls()
    {
        hub::sandbox::ServerOptions o;
        o.signedUrlLifetimeSeconds = 0; // every storage URL is already expired
        auto server = transfertest::startSandbox(o);
        QTemporaryDir dir;
        hub::EngineOptions eo = transfertest::engineOptions(*server, dir);
        eo.multiConnectionThreshold = uint64_t{1} << 40; // one request at a time
        hub::TransferEngine engine(eo);
        const auto s = transfertest::waitDone(
            engine,
            engine.submit(hub::DownloadRequest{transfertest::repo(demo::kWordDetector), "main", {"model.onnx"}, {}})
                .value());
        QCOMPARE(s.state, JobState::Failed);
        QVERIFY(s.error);
        QVERIFY2(contains(s.error->message, "kept refusing fresh download links for \"model.onnx\""),
                 s.error->message.c_str());
        QCOMPARE(server->signedUrlRefusals().expired, uint64_t(eo.maxReresolves + 1));
    }

    void upload_aXetOnlyAnswerStopsBeforeSendingAnything()
    {
        hub::sandbox::ServerOptions o;
        o.xetOnlyUploads = true;
        auto server = transfertest::startSandbox(o);
        hub::HubClient client(transfertest::clientConfig(*server, demo::kDemoOwnerToken));
        const hub::RepoRef target{hub::RepoType::Model, hub::RepoId::parse("PellelNitram/xet-only").value()};
        QVERIFY(client.createRepo(target).ok());
        const std::string head = server->branchHead("model", target.id.str(), "main").value();
        QTemporaryDir dir;
        const fs::path src = fs::path(dir.path().toStdString()) / "src";
        transfertest::writeFile(src / "weights.bin", pseudoRandom(300 * 1024, 5));
        transfertest::writeFile(src / "more.bin", pseudoRandom(1000, 6));
        transfertest::writeFile(src / "README.md", "# Xet only\n");
        hub::TransferEngine engine(transfertest::engineOptions(*server, dir, demo::kDemoOwnerToken));
        hub::UploadRequest up;
        up.repo = target;
        up.sources = {{src, ""}};
        up.message = "never committed";
        const auto s = transfertest::waitDone(engine, engine.submit(up).value());
        QCOMPARE(s.state, JobState::Failed);
        QVERIFY(s.error);
        QCOMPARE(s.error->code, ErrorCode::NotSupported);
        QVERIFY2(contains(s.error->message, "only through its Xet protocol"), s.error->message.c_str());
        QVERIFY2(contains(s.error->message, "Nothing was uploaded"), s.error->message.c_str());
        QVERIFY2(contains(s.error->message, "1 more"), s.error->message.c_str());
        QCOMPARE(server->lfsUploadRequests(), uint64_t{0});
        QCOMPARE(server->branchHead("model", target.id.str(), "main").value(), head);
        // What we offered: basic and multipart, never xet.
        QCOMPARE(server->lastBatchTransfers(), (std::vector<std::string>{"basic", "multipart"}));
    }

    void xetReadToken_answersLikeTheHubForReadersOnly()
    {
        hub::sandbox::ServerOptions o;
        o.xetEra = true;
        auto server = transfertest::startSandbox(o);
        httplib::Client http("127.0.0.1", server->port());
        // The route the resolve answer advertises in its Link header (rel="xet-auth").
        const std::string link = http.Head(kModelFile)->get_header_value("Link");
        const auto open = link.find("/api/");
        const auto close = link.find('>', open);
        QVERIFY2(open != std::string::npos && close != std::string::npos, link.c_str());
        const std::string route = link.substr(open, close - open);
        const auto r = http.Get(route);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        const auto j = nlohmann::json::parse(r->body);
        // The recording's shape: the same keys with the same types, nothing else.
        std::ifstream in(std::string(HUBDESK_TEST_DATA_DIR) + "/recorded-hub/models.xet-read-token.json");
        const auto recorded = nlohmann::json::parse(in)["response"];
        QCOMPARE(j.size(), recorded["json"].size());
        for (const auto &[key, value] : recorded["json"].items()) {
            QVERIFY2(j.contains(key), key.c_str());
            QCOMPARE(j[key].type_name(), value.type_name());
        }
        for (const char *h : {"X-Xet-Access-Token", "X-Xet-Cas-Url", "X-Xet-Token-Expiration"})
            QVERIFY2(recorded["headers"].contains(h) && r->has_header(h), h);
        const std::string token = j["accessToken"].get<std::string>();
        QVERIFY2(token.rfind("xet_sandbox_read_", 0) == 0, token.c_str()); // made up, never a user's token
        QCOMPARE(r->get_header_value("X-Xet-Access-Token"), token);
        QCOMPARE(r->get_header_value("X-Xet-Cas-Url"), j["casUrl"].get<std::string>());
        QCOMPARE(r->get_header_value("X-Xet-Token-Expiration"), std::to_string(j["exp"].get<int64_t>()));
        const int64_t now = static_cast<int64_t>(time(nullptr));
        const int64_t exp = j["exp"].get<int64_t>();
        QVERIFY2(exp > now && exp <= now + 3600 + 5, std::to_string(exp - now).c_str()); // it expires, within the hour
        QCOMPARE(http.Get("/api/models/" + std::string(demo::kWordDetector) + "/xet-read-token/main")->status, 200);

        // Read access as for the files: private repos hide, gated ones refuse, as on the Hub.
        const auto get = [&](const std::string &path, const char *bearer) {
            httplib::Headers h;
            if (bearer)
                h.emplace("Authorization", std::string("Bearer ") + bearer);
            return http.Get(path, h);
        };
        const std::string priv = "/api/datasets/" + std::string(demo::kPrivateDataset) + "/xet-read-token/main";
        QCOMPARE(get(priv, nullptr)->status, 404);
        QCOMPARE(get(priv, demo::kDemoReaderToken)->status, 404);
        QCOMPARE(get(priv, demo::kDemoOwnerToken)->status, 200);
        const std::string gated = "/api/models/" + std::string(demo::kGatedModel) + "/xet-read-token/main";
        const auto anon = get(gated, nullptr);
        QCOMPARE(anon->status, 401);
        QCOMPARE(anon->get_header_value("X-Error-Code"), std::string("GatedRepo"));
        QCOMPARE(get(gated, demo::kDemoReaderToken)->status, 403);
        QCOMPARE(get(gated, demo::kDemoOwnerToken)->status, 200);
        const auto noRev =
            get("/api/models/" + std::string(demo::kWordDetector) + "/xet-read-token/no-such-branch", nullptr);
        QCOMPARE(noRev->status, 404);
        QCOMPARE(noRev->get_header_value("X-Error-Code"), std::string("RevisionNotFound"));

        // A sandbox of the older Hub has no such route.
        auto older = transfertest::startSandbox(hub::sandbox::ServerOptions{});
        httplib::Client oldHttp("127.0.0.1", older->port());
        QCOMPARE(oldHttp.Get(route)->status, 404);
    }
};

QTEST_GUILESS_MAIN(TestNetBridge)
#include "test_net_bridge.moc"
