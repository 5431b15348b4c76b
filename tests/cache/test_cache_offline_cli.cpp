// hubdesk-cli ls / info / tree / diff offline, run in-process on a fixture cache: --offline and
// HF_HUB_OFFLINE answer from the cache, with one line on stderr saying so.

#include "cache_fixture.h"

#include "hub/cli/command.h"
#include "hub/cli/offline.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>
#include <sstream>

using namespace hub;
namespace fs = std::filesystem;

namespace {

struct Result {
    int code = -1;
    std::string out;
    std::string err;
};

Result run(const std::string &command, std::vector<std::string> args)
{
    for (const auto &c : cli::commands())
        if (command == c.name) {
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

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

const char *kWordId = "PellelNitram/xournalpp-htr-word-detector";

} // namespace

class TestCacheOfflineCli final : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    fixture::Fixture m_f;
    std::string m_root;

private slots:
    void initTestCase()
    {
        m_root = m_tmp.path().toStdString() + "/hub";
        m_f = fixture::build(m_root);
        // A listing for main: tokenizer.json exists on the Hub but was not downloaded.
        fixture::writeFile(
            m_f.word().dir / "trees" / (fixture::kMain + ".json"),
            R"({"format_version": 1, "files": {"README.md": {"size": 3000, "blob_id": ")" + m_f.etags.at("readme") +
                R"("}, "config.json": {"size": 600, "blob_id": ")" + m_f.etags.at("config") +
                R"("}, ".gitattributes": {"size": 1500, "blob_id": ")" + m_f.etags.at("gitattributes") +
                R"("}, "model.onnx": {"size": 130, "blob_id": "1111111111111111111111111111111111111111", "lfs_sha256": ")" +
                m_f.etags.at("onnxMain") +
                R"(", "lfs_size": 45000}, "tokenizer.json": {"size": 2048, "blob_id": "2222222222222222222222222222222222222222"}}})");
    }

    void ls_offlineListsCachedReposWithTheirRevisions()
    {
        const auto r = run("ls", {"PellelNitram", "--offline", "--cache-dir", m_root});
        QCOMPARE(r.code, 0);
        QVERIFY2(contains(r.err, "offline (--offline was given): answering from the local cache in " + m_root),
                 r.err.c_str());
        QVERIFY2(contains(r.out, kWordId), r.out.c_str());
        QVERIFY(contains(r.out, "main, refs/pr/1"));
        QVERIFY(contains(r.out, "v1.0.0"));
        QVERIFY(contains(r.out, "2 models on this computer"));
        QVERIFY(!contains(r.out, "xournalpp_htr_examples")); // a dataset: not with --type model

        const auto j = run("ls", {"--type", "dataset", "--offline", "--cache-dir", m_root, "--json"});
        QCOMPARE(j.code, 0);
        const auto arr = nlohmann::json::parse(j.out);
        QCOMPARE(arr.size(), size_t(1));
        QCOMPARE(arr[0]["id"].get<std::string>(), std::string("PellelNitram/xournalpp_htr_examples"));
        QCOMPARE(arr[0]["revisions"][0]["commit"].get<std::string>(), fixture::kExamples);
    }

    void ls_honoursHfHubOfflineWithoutAsking()
    {
        qputenv("HF_HUB_OFFLINE", "1");
        qputenv("HF_HUB_CACHE", QByteArray::fromStdString(m_root));
        // An endpoint nobody listens on: asking it would fail, not list.
        const auto r = run("ls", {"--search", "word", "--endpoint", "http://127.0.0.1:9"});
        qunsetenv("HF_HUB_OFFLINE");
        qunsetenv("HF_HUB_CACHE");
        QCOMPARE(r.code, 0);
        QVERIFY2(contains(r.err, "offline (HF_HUB_OFFLINE is set)"), r.err.c_str());
        QVERIFY(contains(r.out, kWordId));
        QVERIFY(contains(r.out, "1 model on this computer"));
    }

    void info_offlineShowsRefsAndWhatIsNotDownloaded()
    {
        const auto r = run("info", {kWordId, "--offline", "--cache-dir", m_root});
        QCOMPARE(r.code, 0);
        QVERIFY2(contains(r.out, "Revision:          main"), r.out.c_str());
        QVERIFY(contains(r.out, fixture::kMain));
        QVERIFY(contains(r.out, "v1.0.0 -> a1b2c3d4"));
        QVERIFY(contains(r.out, "Cached revisions:  3"));
        QVERIFY(contains(r.out, "Not downloaded:    1"));
        QVERIFY(contains(r.out, "no     tokenizer.json"));

        const auto v1 = run("info", {kWordId, "--revision", "v1.0.0", "--offline", "--cache-dir", m_root, "--json"});
        QCOMPARE(v1.code, 0);
        const auto j = nlohmann::json::parse(v1.out);
        QCOMPARE(j["sha"].get<std::string>(), fixture::kV1);
        QCOMPARE(j["source"].get<std::string>(), std::string("local cache"));
        QCOMPARE(j["files"].size(), size_t(3));
        QCOMPARE(j["complete"].get<bool>(), false); // no listing: cannot say

        const auto missing = run("info", {"acme/not-here", "--offline", "--cache-dir", m_root});
        QCOMPARE(missing.code, 1);
        QVERIFY(contains(missing.err, "not on this computer"));
    }

    void tree_offlineListsAFolderAndMarksMissingFiles()
    {
        const auto root =
            run("tree", {"datasets/PellelNitram/xournalpp_htr_examples", "--offline", "--cache-dir", m_root});
        QCOMPARE(root.code, 0);
        QVERIFY2(contains(root.out, "data/\n"), root.out.c_str());
        QVERIFY(contains(root.out, "README.md"));
        QVERIFY(!contains(root.out, "data/empty.xopp"));
        const auto data = run("tree", {"datasets/PellelNitram/xournalpp_htr_examples", "data", "--offline",
                                       "--cache-dir", m_root, "--json"});
        QCOMPARE(data.code, 0);
        const auto arr = nlohmann::json::parse(data.out);
        QCOMPARE(arr.size(), size_t(2));
        QCOMPARE(arr[0]["path"].get<std::string>(), std::string("data/2024-07-26_minimal.xopp"));
        QCOMPARE(arr[0]["lfs"]["oid"].get<std::string>(), m_f.etags.at("exMinimal"));

        const auto main = run("tree", {kWordId, "--offline", "--cache-dir", m_root});
        QVERIFY(contains(main.out, "no     tokenizer.json"));
        QVERIFY(contains(main.out, "yes    README.md"));
        QVERIFY(contains(main.out, "5 files"));
        const auto nothing = run("tree", {kWordId, "weights", "--offline", "--cache-dir", m_root});
        QCOMPARE(nothing.code, 1);
    }

    void diff_offlineComparesTwoCachedRevisions()
    {
        const auto r = run("diff", {kWordId, "v1.0.0", "main", "--offline", "--cache-dir", m_root, "--json"});
        QCOMPARE(r.code, 0);
        const auto j = nlohmann::json::parse(r.out);
        QCOMPARE(j["base"].get<std::string>(), fixture::kV1);
        QCOMPARE(j["head"].get<std::string>(), fixture::kMain);
        QCOMPARE(j["onlyFilesOnThisComputer"].get<bool>(), true); // v1.0.0 has no listing
        std::map<std::string, std::string> changes;
        for (const auto &c : j["changes"])
            changes[c["path"].get<std::string>()] = c["status"].get<std::string>();
        // config.json and .gitattributes are the same blobs: unchanged, not listed.
        QCOMPARE(changes, (std::map<std::string, std::string>{
                              {"README.md", "A"}, {"model.onnx", "M"}, {"tokenizer.json", "A"}}));

        const auto text = run("diff", {kWordId, "v1.0.0", "main", "--offline", "--cache-dir", m_root});
        QVERIFY(contains(text.out, "3 changed files"));
        QVERIFY(contains(text.out, "Only files on this computer are compared"));
        QVERIFY(contains(text.err, "answering from the local cache"));

        const auto unknown = run("diff", {kWordId, "v1.0.0", "v2", "--offline", "--cache-dir", m_root});
        QCOMPARE(unknown.code, 1);
        QVERIFY(contains(unknown.err, "\"v2\""));
    }

    void unreachableMeansNoAnswerFromTheHubNotARefusal()
    {
        for (auto code : {ErrorCode::Network, ErrorCode::Timeout, ErrorCode::Offline})
            QVERIFY(cli::isUnreachable(HubError::make(code, "x")));
        for (auto code : {ErrorCode::RepoNotFound, ErrorCode::GatedRepo, ErrorCode::Certificate, ErrorCode::Proxy,
                          ErrorCode::Unauthorized, ErrorCode::ServerError})
            QVERIFY(!cli::isUnreachable(HubError::make(code, "x")));
    }
};

QTEST_GUILESS_MAIN(TestCacheOfflineCli)
#include "test_cache_offline_cli.moc"
