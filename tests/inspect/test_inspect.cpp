#include "hub/api/client.h"
#include "hub/cli/command.h"
#include "hub/compare/weightsdiff.h"
#include "hub/inspect/weights.h"
#include "hub/sandbox/demo.h"
#include "hub/sandbox/server.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <sstream>

using namespace hub;
using json = nlohmann::json;
namespace demo = hub::sandbox::demo;

namespace {

std::string le64(uint64_t v)
{
    std::string s(8, '\0');
    for (int i = 0; i < 8; ++i)
        s[static_cast<size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xff);
    return s;
}

std::string le32(uint32_t v)
{
    return le64(v).substr(0, 4);
}

/// A safetensors file: header JSON + `dataBytes` zero bytes.
std::string safetensors(const json &header, uint64_t dataBytes)
{
    const std::string text = header.dump();
    return le64(text.size()) + text + std::string(dataBytes, '\0');
}

json tensor(const char *dtype, std::vector<uint64_t> shape, uint64_t begin, uint64_t end)
{
    return json{{"dtype", dtype}, {"shape", shape}, {"data_offsets", {begin, end}}};
}

std::string ggufString(const std::string &s)
{
    return le64(s.size()) + s;
}

/// GGUF v3: general.architecture, general.alignment = 32, a string array of 3 tokens, two tensors.
std::string gguf(uint32_t version = 3, uint64_t secondOffset = 64)
{
    std::string h = "GGUF" + le32(version) + le64(2) + le64(3);
    h += ggufString("general.architecture") + le32(8) + ggufString("llama");
    h += ggufString("general.alignment") + le32(4) + le32(32);
    h += ggufString("tokenizer.ggml.tokens") + le32(9) + le32(8) + le64(3) + ggufString("<s>") + ggufString("a") +
         ggufString("b");
    h += ggufString("token_embd.weight") + le32(2) + le64(4) + le64(4) + le32(0) + le64(0); // F32 [4, 4]: 64 bytes
    h += ggufString("blk.0.attn_q.weight") + le32(2) + le64(32) + le64(2) + le32(2) + le64(secondOffset); // Q4_0: 36 B
    h.resize((h.size() + 31) / 32 * 32, '\0');
    return h + std::string(64 + 36 + 28, '\0');
}

} // namespace

class TestInspect final : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<sandbox::Server> m_server;

    struct Run {
        int code = -1;
        std::string out, err;
    };
    Run cli(std::vector<std::string> args)
    {
        args.insert(args.begin(), "hubdesk-cli");
        args.push_back("--endpoint=" + m_server->baseUrl());
        args.push_back(std::string("--token=") + demo::kDemoOwnerToken);
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

private slots:
    void initTestCase()
    {
        ::setenv("HF_HOME", m_home.path().toStdString().c_str(), 1);
        ::setenv("HF_TOKEN_PATH", (m_home.path().toStdString() + "/token").c_str(), 1);
        for (const char *k : {"HF_TOKEN", "HF_ENDPOINT", "HF_HUB_OFFLINE", "HTTP_PROXY", "http_proxy", "ALL_PROXY"})
            ::unsetenv(k);
        sandbox::ServerOptions o;
        o.demo = true;
        o.demoLfsScale = 512;
        auto s = sandbox::Server::start(o);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        m_server = std::move(*s);
    }

    void safetensors_readsTensorsDtypesAndTotals()
    {
        json h{{"__metadata__", {{"format", "pt"}}},
               {"b.weight", tensor("F32", {4, 8}, 0, 128)},
               {"a.bias", tensor("F16", {8}, 128, 144)},
               {"scalar", tensor("I64", {}, 144, 152)}};
        const auto src = memoryByteSource("model.safetensors", safetensors(h, 152));
        auto s = inspectSafetensors(src);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        QCOMPARE(s->format, std::string("safetensors"));
        QCOMPARE(s->tensors.size(), size_t(3));
        QCOMPARE(s->tensors[0].name, std::string("a.bias")); // by name
        QCOMPARE(s->tensors[1].shape, (std::vector<uint64_t>{4, 8}));
        QCOMPARE(s->tensors[1].parameters, uint64_t(32));
        QCOMPARE(s->tensors[2].parameters, uint64_t(1)); // a scalar
        QCOMPARE(s->parameters, uint64_t(41));
        QCOMPARE(s->parametersByDtype.at("F32"), uint64_t(32));
        QCOMPARE(s->mainDtype(), std::string("mixed (F32, F16, I64)"));
        QCOMPARE(s->metadata.at("format"), std::string("pt"));
        // Only the header was read: 8 bytes, then the JSON; never the 152 data bytes.
        QCOMPARE(*src.bytesRead, s->headerBytes);
        QCOMPARE(s->headerBytes, uint64_t(8 + h.dump().size()));
    }

    void safetensors_refusesHostileHeaders_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("says");
        auto file = [](const std::string &s) { return QByteArray(s.data(), static_cast<qsizetype>(s.size())); };
        QTest::newRow("huge length") << file(le64(uint64_t{1} << 40) + "{}") << QStringLiteral("at most 100 MB");
        QTest::newRow("longer than file") << file(le64(100) + "{}") << QStringLiteral("longer than the file");
        QTest::newRow("short") << file("abc") << QStringLiteral("shorter than");
        QTest::newRow("bad json") << file(le64(5) + "{nope") << QStringLiteral("not a JSON object");
        QTest::newRow("past end") << file(safetensors({{"t", tensor("F32", {4}, 0, 16)}}, 8))
                                  << QStringLiteral("past the end");
        QTest::newRow("overlap") << file(safetensors(
                                        {{"a", tensor("F32", {4}, 0, 16)}, {"b", tensor("F32", {4}, 8, 24)}}, 24))
                                 << QStringLiteral("overlap");
        QTest::newRow("wrong size") << file(safetensors({{"t", tensor("F32", {4}, 0, 12)}}, 12))
                                    << QStringLiteral("needs 16");
        QTest::newRow("unknown dtype") << file(safetensors({{"t", tensor("F33", {1}, 0, 4)}}, 4))
                                       << QStringLiteral("unknown dtype");
        QTest::newRow("overflow") << file(safetensors(
                                         {{"t", tensor("F32", {uint64_t{1} << 40, uint64_t{1} << 40}, 0, 4)}}, 4))
                                  << QStringLiteral("too large to exist");
        QTest::newRow("negative dim")
            << file(safetensors({{"t", json{{"dtype", "F32"}, {"shape", {-1}}, {"data_offsets", {0, 4}}}}}, 4))
            << QStringLiteral("not a whole number");
    }

    void safetensors_refusesHostileHeaders()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, says);
        auto s = inspectSafetensors(memoryByteSource("x.safetensors", file.toStdString()));
        QVERIFY(!s.ok());
        QVERIFY2(QString::fromStdString(s.error().message).contains(says), s.error().message.c_str());
        QVERIFY(QString::fromStdString(s.error().message).startsWith(QStringLiteral("x.safetensors")));
    }

    void index_namesShardsOnceAndRefusesEscapes()
    {
        auto files = parseSafetensorsIndex(
            R"({"metadata":{"total_size":1},"weight_map":{"a":"model-00002-of-00002.safetensors","b":"model-00001-of-00002.safetensors","c":"model-00001-of-00002.safetensors"}})");
        QVERIFY(files.ok());
        QCOMPARE(*files,
                 (std::vector<std::string>{"model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"}));
        QVERIFY(!parseSafetensorsIndex(R"({"weight_map":{"a":"../../etc/passwd"}})").ok());
        QVERIFY(!parseSafetensorsIndex(R"({"weight_map":{"a":"/abs.safetensors"}})").ok());
        QVERIFY(!parseSafetensorsIndex(R"([1,2])").ok());
        WeightsSummary a, b;
        a.parameters = 10;
        a.parametersByDtype["F32"] = 10;
        a.tensors = {{"z", "F32", {10}, 10, 40, {}}};
        b.parameters = 5;
        b.parametersByDtype["F32"] = 5;
        b.tensors = {{"a", "F32", {5}, 5, 20, {}}};
        const WeightsSummary m = mergeShards({{"s1", a}, {"s2", b}});
        QCOMPARE(m.parameters, uint64_t(15));
        QCOMPARE(m.tensors[0].name, std::string("a"));
        QCOMPARE(m.tensors[0].file, std::string("s2"));
    }

    void gguf_readsMetadataAndTensorInfos()
    {
        const auto src = memoryByteSource("tiny.gguf", gguf());
        auto s = inspectGguf(src);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        QCOMPARE(s->format, std::string("gguf"));
        QCOMPARE(s->metadata.at("general.architecture"), std::string("llama"));
        QCOMPARE(s->metadata.at("tokenizer.ggml.tokens"), std::string("[3 × string]"));
        QCOMPARE(s->metadata.at("gguf.version"), std::string("3"));
        QCOMPARE(s->tensors.size(), size_t(2));
        QCOMPARE(s->tensors[0].name, std::string("blk.0.attn_q.weight"));
        QCOMPARE(s->tensors[0].dtype, std::string("Q4_0"));
        QCOMPARE(s->tensors[0].bytes, uint64_t(36));
        QCOMPARE(s->tensors[1].dtype, std::string("F32"));
        QCOMPARE(s->parameters, uint64_t(16 + 64));
        QVERIFY(*src.bytesRead <= src.size);
    }

    void gguf_refusesHostileFiles()
    {
        std::string bad = gguf();
        bad[0] = 'X';
        QVERIFY(!inspectGguf(memoryByteSource("a.gguf", bad)).ok());
        QVERIFY(QString::fromStdString(inspectGguf(memoryByteSource("a.gguf", gguf(1))).error().message)
                    .contains(QStringLiteral("version 1")));
        // A tensor at an offset past the end of the file.
        QVERIFY(QString::fromStdString(inspectGguf(memoryByteSource("a.gguf", gguf(3, 1 << 20))).error().message)
                    .contains(QStringLiteral("past the end")));
        // Overlapping tensors.
        QVERIFY(QString::fromStdString(inspectGguf(memoryByteSource("a.gguf", gguf(3, 32))).error().message)
                    .contains(QStringLiteral("overlap")));
        // Cut in the middle of the header.
        QVERIFY(QString::fromStdString(inspectGguf(memoryByteSource("a.gguf", gguf().substr(0, 60))).error().message)
                    .contains(QStringLiteral("ends in the middle")));
        // A tensor count nobody has.
        std::string many = "GGUF" + le32(3) + le64(uint64_t{1} << 50) + le64(0);
        QVERIFY(!inspectGguf(memoryByteSource("a.gguf", many)).ok());
    }

    void diff_tellsRetrainedFromArchitectureChange()
    {
        WeightsSummary v1, v2;
        v1.tensors = {{"l0.w", "F32", {4, 4}, 16, 64, {}}, {"fc", "F32", {2, 4}, 8, 32, {}}};
        v1.parameters = 24;
        WeightsDiff same = diffWeights(v1, v1);
        QVERIFY(same.architectureUnchanged());
        QVERIFY2(same.summary().starts_with("Architecture unchanged: 24 parameters"), same.summary().c_str());
        v2 = v1;
        v2.tensors.push_back({"l1.w", "F32", {4, 4}, 16, 64, {}});
        v2.tensors[1].shape = {3, 4};
        v2.tensors[1].parameters = 12;
        v2.parameters = 44;
        const WeightsDiff d = diffWeights(v1, v2);
        QCOMPARE(d.changes.size(), size_t(2));
        QCOMPARE(d.changes[0].name, std::string("fc"));
        QVERIFY(d.changes[0].kind == TensorChange::Kind::Reshaped);
        QCOMPARE(d.changes[0].before, std::string("F32 [2, 4]"));
        QVERIFY(d.changes[1].kind == TensorChange::Kind::Added);
        QCOMPARE(d.summary(),
                 std::string("1 tensor added, 1 tensor reshaped; 24 → 44 parameters (+20): the architecture changed."));
        WeightsSummary half = v1;
        for (auto &t : half.tensors)
            t.dtype = "F16";
        QVERIFY(diffWeights(v1, half).summary().ends_with("the same architecture in another precision."));
    }

    void cli_inspectsTheSandboxCarbuneByRanges()
    {
        const std::string repo = demo::kCarbune;
        Run r = cli({"inspect", repo, "model.safetensors", "--revision", "v1.0.0", "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const json j = json::parse(r.out);
        QCOMPARE(j["format"].get<std::string>(), std::string("safetensors"));
        QCOMPARE(j["tensors"].size(), size_t(3 * 8 + 2)); // 3 bidirectional layers of 4 tensors, and fc
        QCOMPARE(j["mainDtype"].get<std::string>(), std::string("F32"));
        const uint64_t fileBytes = j["fileBytes"].get<uint64_t>();
        const uint64_t read = j["bytesRead"].get<uint64_t>();
        QVERIFY2(read < 8192 && fileBytes > 400'000,
                 (std::to_string(read) + " of " + std::to_string(fileBytes)).c_str());

        // main has one more layer: Compare tells it from the two headers.
        r = cli({"inspect", repo, "model.safetensors", "--against", "v1.0.0"});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(r.out.find("8 tensors added") != std::string::npos, r.out.c_str());
        QVERIFY(r.out.find("the architecture changed") != std::string::npos);
        QVERIFY(r.out.find("lstm.weight_ih_l3_reverse") != std::string::npos);
        r = cli({"inspect", repo, "model.safetensors", "--revision", "v1.1.0", "--against", "v1.1.0"});
        QVERIFY(r.out.find("Architecture unchanged") != std::string::npos);

        // Text table, and a plain refusal for a file it cannot read.
        r = cli({"inspect", repo, "model.safetensors"});
        QVERIFY(r.out.find("fc.weight") != std::string::npos && r.out.find("[41, 128]") != std::string::npos);
        r = cli({"inspect", repo, "config.json"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.find("reads .safetensors") != std::string::npos, r.err.c_str());
    }

    void fetchRange_returnsTheBytesAndTheFileSize()
    {
        ClientConfig c;
        c.endpoint = m_server->baseUrl();
        c.token = demo::kDemoOwnerToken;
        HubClient client(c);
        const RepoRef carbune{RepoType::Model, RepoId::parse(demo::kCarbune).value()};
        auto head = client.fetchRange(carbune, "main", "model.safetensors", 0, 8); // LFS: through the blob host
        QVERIFY2(head.ok(), head.ok() ? "" : head.error().message.c_str());
        QCOMPARE(head->bytes.size(), size_t(8));
        auto meta = client.fileMetadata(carbune, "main", "model.safetensors");
        QCOMPARE(head->fileSize, meta->size);
        auto readme = client.fetchRange(carbune, "main", "README.md", 4, 10); // a regular file
        QVERIFY(readme.ok());
        auto whole = client.fetchSmallFile(carbune, "main", "README.md");
        QCOMPARE(readme->bytes, whole->substr(4, 10));
        QCOMPARE(readme->fileSize, uint64_t(whole->size()));
    }
};

QTEST_GUILESS_MAIN(TestInspect)
#include "test_inspect.moc"
