// hubdesk-cli cache scan, run in-process: the streamed --json output, --no-files, --threads; the
// Xet client's cache as one item (scan, prune --xet).

#include "cache_fixture.h"

#include "hub/cli/command.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

using namespace hub;
namespace fs = std::filesystem;

namespace {

struct Result {
    int code = -1;
    std::string out;
    std::string err;
};

Result runCache(std::vector<std::string> args)
{
    for (const auto &c : cli::commands())
        if (std::string(c.name) == "cache") {
            std::ostringstream out;
            std::ostringstream err;
            Result r;
            r.code = c.run(args, cli::Io{out, err});
            r.out = out.str();
            r.err = err.str();
            return r;
        }
    return {};
}

} // namespace

class TestCacheCli final : public QObject {
    Q_OBJECT

private slots:
    void scanJson_escapesNamesAndSurvivesInvalidUtf8()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString() + "/hub";
        const fixture::Repo r{root / "models--o--names"};
        const std::string commit = fixture::commitId('a');
        const std::vector<std::string> names = {"quote\"d.txt", "tab\there",
                                                "back\\slash",  "ctrl\x01\x1f.bin",
                                                "new\nline",    "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80.txt"};
        for (const auto &n : names)
            r.file(commit, n, "content of " + n, true);
        r.file(commit, "bad\xff\xfe.bin", "invalid utf-8 name", true);
        r.ref("main", commit);

        const Result res = runCache({"scan", "--json", "--cache-dir", root.string()});
        QCOMPARE(res.code, 0);
        const auto j = nlohmann::json::parse(res.out, nullptr, false);
        QVERIFY2(!j.is_discarded(), res.out.substr(0, 300).c_str());
        const auto &rev = j["repos"][0]["revisions"][0];
        QCOMPARE(rev["nb_files"].get<int>(), 7);
        std::vector<std::string> paths;
        for (const auto &f : rev["files"])
            paths.push_back(f["path"].get<std::string>());
        for (const auto &n : names)
            QVERIFY2(std::find(paths.begin(), paths.end(), n) != paths.end(), n.c_str());
        // Each invalid byte becomes U+FFFD.
        QVERIFY(std::find(paths.begin(), paths.end(), "bad\xef\xbf\xbd\xef\xbf\xbd.bin") != paths.end());
        // Keys keep nlohmann's sorted order and one-space indent (the former dump(1) layout).
        QVERIFY(res.out.rfind("{\n \"cache_dir\": ", 0) == 0);
        QVERIFY(res.out.find("\n \"partial_bytes\": 0,\n \"repos\": [\n  {\n   \"damaged\": false,") !=
                std::string::npos);
        QCOMPARE(res.out.back(), '\n');
    }

    void scanJson_noFilesKeepsEveryNumber()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        const Result full = runCache({"scan", "--json", "--cache-dir", fx.root.string()});
        const Result lean = runCache({"scan", "--json", "--no-files", "--cache-dir", fx.root.string()});
        QCOMPARE(full.code, 0);
        QCOMPARE(lean.code, 0);
        auto a = nlohmann::json::parse(full.out);
        const auto b = nlohmann::json::parse(lean.out);
        size_t removed = 0;
        for (auto &repo : a["repos"])
            for (auto &rev : repo["revisions"]) {
                QCOMPARE(rev["nb_files"].get<size_t>(), rev["files"].size());
                removed += rev["files"].size();
                rev.erase("files");
            }
        QVERIFY(removed > 5);
        QCOMPARE(b.dump(), a.dump());
        QVERIFY(lean.out.find("\"files\"") == std::string::npos);
    }

    void scan_threadsOptionGivesTheSameResult()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::build(tmp.path().toStdString() + "/hub");
        // JSON, not the table: the table's "N seconds ago" may tick between two runs.
        const Result one = runCache({"scan", "--json", "--threads", "1", "--cache-dir", fx.root.string()});
        const Result many = runCache({"scan", "--json", "--threads", "7", "--cache-dir", fx.root.string()});
        QCOMPARE(one.code, 0);
        QCOMPARE(many.out, one.out);
        QCOMPARE(nlohmann::json::parse(one.out)["repos"].size(), size_t(3));
        const Result table = runCache({"scan", "--revisions", "--threads", "3", "--cache-dir", fx.root.string()});
        QCOMPARE(table.code, 0);
        QVERIFY(table.out.find("Found 3 repo(s)") != std::string::npos);
        const Result bad = runCache({"scan", "--threads", "0", "--cache-dir", fx.root.string()});
        QCOMPARE(bad.code, 1);
        QVERIFY(bad.err.find("--threads needs a number from 1 to 64") != std::string::npos);
    }

    void xetCache_isOneItemThatPruneEmptiesWithoutFollowingLinks()
    {
        QTemporaryDir tmp;
        const fs::path base = tmp.path().toStdString();
        const auto fx = fixture::build(base / "hub");
        const fs::path xet = base / "xet";
        const auto put = [](const fs::path &p, size_t n) {
            fs::create_directories(p.parent_path());
            std::ofstream(p, std::ios::binary) << std::string(n, 'x');
        };
        put(xet / "https___cas_serv-tGqkUaZf_CBPHQ6h" / "shard-cache" / (std::string(64, 'a') + ".mdb"), 1000);
        put(xet / "logs" / "xet.log", 500);
        put(base / "outside" / "keep.bin", 4000);
        fs::create_symlink(base / "outside", xet / "logs" / "elsewhere"); // never followed
        ::setenv("HF_XET_CACHE", xet.c_str(), 1);

        const Result json = runCache({"scan", "--json", "--no-files", "--cache-dir", fx.root.string()});
        QCOMPARE(json.code, 0);
        const auto j = nlohmann::json::parse(json.out);
        QCOMPARE(j["xet_cache"]["path"].get<std::string>(), xet.string());
        QCOMPARE(j["xet_cache"]["size_on_disk"].get<uint64_t>(), uint64_t{1500});
        const Result table = runCache({"scan", "--cache-dir", fx.root.string()});
        QVERIFY2(table.out.find("Xet cache") != std::string::npos, table.out.c_str());
        QVERIFY(table.out.find("cache prune --xet") != std::string::npos);

        const Result dry = runCache({"prune", "--xet", "--dry-run", "--cache-dir", fx.root.string()});
        QCOMPARE(dry.code, 0);
        QVERIFY2(dry.out.find("Would empty the Xet cache") != std::string::npos, dry.out.c_str());
        QVERIFY(fs::exists(xet / "logs" / "xet.log"));

        const uint64_t repoBytes = j["size_on_disk"].get<uint64_t>();
        const Result done = runCache({"prune", "--xet", "--cache-dir", fx.root.string()});
        QCOMPARE(done.code, 0);
        QVERIFY2(done.out.find("Emptied the Xet cache") != std::string::npos, done.out.c_str());
        QVERIFY(fs::is_directory(xet));
        QVERIFY(fs::is_empty(xet));
        QVERIFY(fs::exists(base / "outside" / "keep.bin")); // the link went, not what it pointed at
        // --xet alone touches nothing in the hub cache.
        const auto after =
            nlohmann::json::parse(runCache({"scan", "--json", "--no-files", "--cache-dir", fx.root.string()}).out);
        QCOMPARE(after["size_on_disk"].get<uint64_t>(), repoBytes);
        QCOMPARE(after["xet_cache"]["size_on_disk"].get<uint64_t>(), uint64_t{0});

        // A Xet cache that is a link is refused, and what it points at stays.
        fs::remove(xet);
        fs::create_symlink(base / "outside", xet);
        const Result link = runCache({"prune", "--xet", "--cache-dir", fx.root.string()});
        QCOMPARE(link.code, 1);
        QVERIFY2(link.err.find("is a link") != std::string::npos, link.err.c_str());
        QVERIFY(fs::exists(base / "outside" / "keep.bin"));
        ::unsetenv("HF_XET_CACHE");
    }

    void sharedStore_isOneItemInScanAndOnlyGoesWhenAsked()
    {
        QTemporaryDir tmp;
        const auto fx = fixture::buildSharedStore(tmp.path().toStdString() + "/hub", tmp.path().toStdString() + "/out");
        const std::string dir = fx.root.string();

        const Result json = runCache({"scan", "--json", "--cache-dir", dir});
        QCOMPARE(json.code, 0);
        const auto j = nlohmann::json::parse(json.out);
        const auto &store = j["shared_store"];
        QVERIFY(store["exists"].get<bool>());
        QCOMPARE(store["path"].get<std::string>(), (fx.root / "blobs").string());
        QCOMPARE(store["nb_files"].get<size_t>(), size_t(3));
        QCOMPARE(store["size_on_disk"].get<uint64_t>(), fx.storeBytes());
        QCOMPARE(store["unreferenced_files"].get<size_t>(), size_t(1));
        QCOMPARE(store["unreferenced_bytes"].get<uint64_t>(), uint64_t(fx.unused.size()));
        std::map<std::string, std::vector<std::string>> users;
        for (const auto &f : store["stored_files"])
            for (const auto &u : f["users"])
                users[f["xet_hash"].get<std::string>()].push_back(u["repo"].get<std::string>());
        QCOMPARE(users[fx.hShared], (std::vector<std::string>{"dataset/o/b", "model/o/a"}));
        QCOMPARE(users[fx.hOnlyA], std::vector<std::string>{"model/o/a"});
        QVERIFY(!users.count(fx.hUnused));
        uint64_t repoOwn = 0;
        for (const auto &r : j["repos"])
            repoOwn += r["size_on_disk"].get<uint64_t>() - r["shared_store_bytes"].get<uint64_t>();
        QCOMPARE(j["size_on_disk"].get<uint64_t>(), repoOwn + fx.storeBytes());
        const Result lean = runCache({"scan", "--json", "--no-files", "--cache-dir", dir});
        // One entry per stored file, so --no-files keeps them.
        QVERIFY(nlohmann::json::parse(lean.out)["shared_store"] == store);

        const Result table = runCache({"scan", "--cache-dir", dir});
        QCOMPARE(table.code, 0);
        qInfo("%s", table.out.c_str());
        QVERIFY2(table.out.find("Shared blob store (Xet files kept once for all repos): " + dir +
                                "/blobs, 3 stored file(s), 12.4K; 1 used by no repo (1.2K).") != std::string::npos,
                 table.out.c_str());
        QVERIFY(table.out.find("cache prune --shared-unreferenced") != std::string::npos);
        QVERIFY(table.out.find("the total counts each stored file once") != std::string::npos);
        const Result perFile = runCache({"scan", "--shared", "--cache-dir", dir});
        qInfo("%s", perFile.out.c_str());
        QVERIFY2(perFile.out.find(fx.hShared.substr(0, 16) + " 8.2K dataset/o/b, model/o/a") != std::string::npos,
                 perFile.out.c_str());
        QVERIFY(perFile.out.find(fx.hUnused.substr(0, 16) + " 1.2K (no repo)") != std::string::npos);

        // rm of one user keeps the stored file the other uses.
        const Result rm = runCache({"rm", "model/o/a", "--cache-dir", dir});
        qInfo("%s", rm.out.c_str());
        QCOMPARE(rm.code, 0);
        QVERIFY2(rm.out.find("dataset/o/b still uses it") != std::string::npos, rm.out.c_str());
        QCOMPARE(fixture::readFile(fx.store(fx.hShared)), fx.shared);
        QVERIFY(fs::exists(fx.store(fx.hOnlyA)));

        const Result dry = runCache({"prune", "--shared-unreferenced", "--dry-run", "--cache-dir", dir});
        qInfo("%s", dry.out.c_str());
        QVERIFY2(dry.out.find("Would delete 0 repo(s), 0 revision(s) and 2 stored file(s) of the shared blob store, "
                              "freeing 4.2K.") != std::string::npos,
                 dry.out.c_str());
        QVERIFY(fs::exists(fx.store(fx.hOnlyA)));
        const Result prune = runCache({"prune", "--shared-unreferenced", "--cache-dir", dir});
        QCOMPARE(prune.code, 0);
        QVERIFY(!fs::exists(fx.store(fx.hOnlyA)));
        QVERIFY(!fs::exists(fx.store(fx.hUnused)));
        QCOMPARE(fixture::readFile(fx.store(fx.hShared)), fx.shared);

        const Result verify = runCache({"verify", "--cache-dir", dir});
        qInfo("%s", verify.out.c_str());
        QCOMPARE(verify.code, 0);
        QVERIFY2(verify.out.find("Shared blob store: 1 stored file(s) checked once each: 1 SHA-256 match(es)") !=
                     std::string::npos,
                 verify.out.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCacheCli)
#include "test_cache_cli.moc"
