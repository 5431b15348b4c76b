#include "hub/card/cardmetadata.h"
#include "hub/compare/carddiff.h"
#include "hub/compare/jsondiff.h"
#include "hub/compare/textdiff.h"
#include "hub/compare/treediff.h"

#include <nlohmann/json.hpp>

#include <QTest>

#include <string>

using namespace hub;

namespace {

std::string oid(char c)
{
    return std::string(40, c);
}
std::string sha(char c)
{
    return std::string(64, c);
}

// The word detector repo at one revision (first-users.md §4): realistic sizes, tiny ids.
std::vector<FileEntry> wordDetectorTree()
{
    return {
        {".gitattributes", oid('1'), 1519, ""},
        {"README.md", oid('2'), 3012, ""},
        {"config.json", oid('3'), 612, ""},
        {"model.onnx", oid('4'), 45'000'000, sha('a')},
    };
}

const ComparedFile *find(const TreeDiff &d, const std::string &path)
{
    for (const auto &f : d.files)
        if (f.path == path)
            return &f;
    return nullptr;
}

} // namespace

class TestCompare final : public QObject {
    Q_OBJECT

private slots:
    void classify_weightsConfigCardDataOther()
    {
        QCOMPARE(classifyFile("model.onnx", false), FileKind::Weights);
        QCOMPARE(classifyFile("sub/model.safetensors", false), FileKind::Weights);
        QCOMPARE(classifyFile("checkpoints/last.CKPT", false), FileKind::Weights);
        QCOMPARE(classifyFile("tokenizer.model", true), FileKind::Weights); // LFS → weights
        QCOMPARE(classifyFile("config.json", false), FileKind::Config);
        QCOMPARE(classifyFile("conf/train.yaml", false), FileKind::Config);
        QCOMPARE(classifyFile("README.md", false), FileKind::Card);
        QCOMPARE(classifyFile("docs/README.md", false), FileKind::Other);
        QCOMPARE(classifyFile("data/a01-000u.gt.json", false), FileKind::Data);
        QCOMPARE(classifyFile("train.parquet", true), FileKind::Data);
        QCOMPARE(classifyFile("data/empty.xopp", false), FileKind::Data);
        QCOMPARE(classifyFile(".gitattributes", false), FileKind::Other);
        QCOMPARE(fileKindName(FileKind::Weights), std::string_view("weights"));
    }

    void tree_identicalRevisionsSayNothingChanged()
    {
        const TreeDiff d = diffTrees(wordDetectorTree(), wordDetectorTree());
        QVERIFY(d.identical());
        QCOMPARE(d.unchanged, 4);
        QCOMPARE(d.files.size(), size_t(4));
        QVERIFY(d.headline.starts_with("Nothing changed"));
        QVERIFY(d.summary.empty());
    }

    void tree_onlyTheCardChanged()
    {
        auto next = wordDetectorTree();
        next[1].oid = oid('9');
        next[1].size = 3400;
        const TreeDiff d = diffTrees(wordDetectorTree(), next);
        QCOMPARE(d.changed, 1);
        QVERIFY(d.cardChanged && !d.weightsChanged && !d.configChanged);
        QCOMPARE(d.headline, std::string("Only the card (README.md) changed."));
        const ComparedFile *readme = find(d, "README.md");
        QVERIFY(readme);
        QCOMPARE(readme->change, ChangeType::Changed);
        QCOMPARE(readme->kind, FileKind::Card);
        QCOMPARE(readme->sizeDelta(), int64_t(388));
        QCOMPARE(d.totalSizeDelta, int64_t(388));
        QCOMPARE(d.summary.front(), std::string("Card changed: README.md (3.0 kB \u2192 3.4 kB)."));
    }

    void tree_weightsAndConfigChangedWithAddedAndRemovedFiles()
    {
        auto next = wordDetectorTree();
        next[3] = {"model.onnx", oid('5'), 45'100'000, sha('b')}; // new weights
        next[2].oid = oid('6');                                   // new config
        next.push_back({"model.ckpt", oid('7'), 130'000'000, sha('c')});
        next.erase(next.begin()); // .gitattributes removed
        const TreeDiff d = diffTrees(wordDetectorTree(), next);
        QCOMPARE(d.added, 1);
        QCOMPARE(d.removed, 1);
        QCOMPARE(d.changed, 2);
        QCOMPARE(d.unchanged, 1);
        QVERIFY(d.weightsChanged && d.configChanged && d.otherChanged && !d.cardChanged);
        QCOMPARE(d.headline, std::string("The weights, the configuration and other files changed."));
        const ComparedFile *onnx = find(d, "model.onnx");
        QVERIFY(onnx && onnx->lfs);
        QCOMPARE(onnx->oldSize, uint64_t(45'000'000));
        QCOMPARE(onnx->newSize, uint64_t(45'100'000));
        QCOMPARE(d.summary[0], std::string("Weights changed: model.onnx (45.0 MB \u2192 45.1 MB)."));
        QCOMPARE(d.summary[1], std::string("Weights added: model.ckpt (130.0 MB)."));
        QCOMPARE(d.summary[2], std::string("Configuration changed: config.json (same size, new content)."));
        QCOMPARE(d.summary[3], std::string("Other files removed: .gitattributes (1.5 kB)."));
        QCOMPARE(d.summary.back(),
                 std::string("1 file added, 1 file removed and 2 files changed; the repo is 130.1 MB larger."));
        const ComparedFile *removed = find(d, ".gitattributes");
        QCOMPARE(removed->change, ChangeType::Removed);
        QCOMPARE(removed->sizeDelta(), int64_t(-1519));
    }

    void tree_detectsRenamesByOid()
    {
        auto next = wordDetectorTree();
        next[3].path = "onnx/model.onnx";                            // LFS file moved
        next.push_back({"docs/config-copy.txt", oid('3'), 612, ""}); // same blob, new path, old kept
        next[0].path = "attributes.txt";                             // plain git blob moved
        const TreeDiff d = diffTrees(wordDetectorTree(), next);
        QCOMPARE(d.renamed, 2);
        QCOMPARE(d.added, 1); // the copy: config.json still exists, so it is not a rename
        QCOMPARE(d.removed, 0);
        const ComparedFile *moved = find(d, "onnx/model.onnx");
        QVERIFY(moved);
        QCOMPARE(moved->change, ChangeType::Renamed);
        QCOMPARE(moved->oldPath, std::string("model.onnx"));
        QCOMPARE(moved->kind, FileKind::Weights);
        QCOMPARE(moved->sizeDelta(), int64_t(0));
        QCOMPARE(find(d, "attributes.txt")->oldPath, std::string(".gitattributes"));
        QVERIFY(!d.weightsChanged); // moved, not changed
        QVERIFY(d.otherChanged);    // the copy was added

        // Only renames: the headline says so.
        auto moveOnly = wordDetectorTree();
        moveOnly[3].path = "onnx/model.onnx";
        const TreeDiff m = diffTrees(wordDetectorTree(), moveOnly);
        QCOMPARE(m.renamed, 1);
        QVERIFY(m.headline.starts_with("Only file names changed"));
        QCOMPARE(m.summary[0], std::string("Weights renamed: model.onnx \u2192 onnx/model.onnx."));
    }

    void json_diffsKeyByKeyWithNestedPathsAndArrays()
    {
        const std::string oldConfig = R"({
  "model_name": "word_detector",
  "input_size": {"height": 448, "width": 448},
  "fg_cc_threshold": 0.5,
  "normalization": {"scale": 255.0, "shift": -0.5},
  "map_ordering": {"SEG_WORD": 0, "SEG_SURROUNDING": 1, "SEG_BACKGROUND": 2},
  "charset": ["a", "b", "c"],
  "odd.key": 1
})";
        const std::string newConfig = R"({
  "model_name": "word_detector",
  "input_size": {"height": 512, "width": 448},
  "fg_cc_threshold": 0.5,
  "fg_cc_max_num": 100,
  "normalization": {"scale": 255, "shift": "-0.5"},
  "map_ordering": {"SEG_WORD": 0, "SEG_SURROUNDING": 1},
  "charset": ["a", "x", "c", "d"],
  "odd.key": 2
})";
        const auto changes = diffJsonText(oldConfig, newConfig);
        QVERIFY(changes.ok());
        using K = ValueChange::Kind;
        const std::vector<ValueChange> expected = {
            {K::Changed, "charset[1]", "\"b\"", "\"x\""},
            {K::Added, "charset[3]", "", "\"d\""},
            {K::Added, "fg_cc_max_num", "", "100"},
            {K::Changed, "input_size.height", "448", "512"},
            {K::Removed, "map_ordering.SEG_BACKGROUND", "2", ""},
            // 255.0 == 255 numerically: no change; the shift became a string: a change.
            {K::Changed, "normalization.shift", "-0.5", "\"-0.5\""},
            {K::Changed, "[\"odd.key\"]", "1", "2"},
        };
        QCOMPARE(changes->size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i)
            QVERIFY2((*changes)[i] == expected[i], (*changes)[i].path.c_str());
    }

    void json_typeChangesAndInvalidInput()
    {
        const auto root = diffJson(nlohmann::json::array({1}), nlohmann::json::object());
        QCOMPARE(root.size(), size_t(1));
        QCOMPARE(root[0].path, std::string());
        QCOMPARE(root[0].oldValue, std::string("[1]"));
        QCOMPARE(root[0].newValue, std::string("{}"));
        const auto nested =
            diffJson(nlohmann::json::parse(R"({"a": {"b": 1}})"), nlohmann::json::parse(R"({"a": [1]})"));
        QCOMPARE(nested.size(), size_t(1));
        QCOMPARE(nested[0].path, std::string("a"));
        const auto bad = diffJsonText("{}", "{\"a\": ");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
        QVERIFY(bad.error().message.find("newer") != std::string::npos);
        QVERIFY(diffJsonText("{}", "{}")->empty());
    }

    void card_diffsMetadataFieldByField()
    {
        const auto oldCard =
            parseCardMetadata("license: mit\ntags: [onnx, handwriting]\npipeline_tag: object-detection\n"
                              "library_name: onnxruntime\n"
                              "model-index:\n- name: m\n  results:\n  - task: {type: object-detection}\n"
                              "    dataset: {type: iam, name: IAM, split: validation}\n"
                              "    metrics:\n    - {type: f1, value: 0.85}\n    - {type: recall, value: 0.8}\n");
        const auto newCard =
            parseCardMetadata("license: apache-2.0\ntags: [onnx, handwriting, xournalpp]\n"
                              "pipeline_tag: object-detection\nlanguage: en\n"
                              "model-index:\n- name: m\n  results:\n  - task: {type: object-detection}\n"
                              "    dataset: {type: iam, name: IAM, split: validation}\n"
                              "    metrics:\n    - {type: f1, value: 0.88, verified: true}\n"
                              "    - {type: precision, value: 0.9}\n");
        QVERIFY(oldCard.ok() && newCard.ok());
        using K = ValueChange::Kind;
        const std::vector<ValueChange> expected = {
            {K::Changed, "license", "mit", "apache-2.0"},
            {K::Changed, "tags", "onnx, handwriting", "onnx, handwriting, xournalpp"},
            {K::Added, "language", "", "en"},
            {K::Removed, "library_name", "onnxruntime", ""},
            {K::Changed, "eval: f1 \u2014 IAM (validation)", "0.85", "0.88 (verified)"},
            {K::Added, "eval: precision \u2014 IAM (validation)", "", "0.9"},
            {K::Removed, "eval: recall \u2014 IAM (validation)", "0.8", ""},
        };
        const auto changes = diffCardMetadata(*oldCard, *newCard);
        QCOMPARE(changes.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i)
            QVERIFY2(changes[i] == expected[i], changes[i].path.c_str());
        QVERIFY(diffCardMetadata(*newCard, *newCard).empty());
    }

    void text_producesUnifiedHunks()
    {
        std::string oldText;
        for (int i = 1; i <= 20; ++i)
            oldText += "line " + std::to_string(i) + "\n";
        std::string newText = oldText;
        newText.replace(newText.find("line 2\n"), 7, "line two\n");
        newText.replace(newText.find("line 15\n"), 8, "");
        newText += "line 21\n";
        const TextDiff d = diffText(oldText, newText);
        QCOMPARE(d.linesAdded, size_t(2));
        QCOMPARE(d.linesRemoved, size_t(2));
        QCOMPARE(d.hunks.size(), size_t(2)); // the two last changes are 6 lines apart: merged
        QCOMPARE(d.hunks[0].header(), std::string("@@ -1,5 +1,5 @@"));
        QCOMPARE(d.hunks[1].header(), std::string("@@ -12,9 +12,9 @@"));
        const std::string expected = "--- a/README.md\n+++ b/README.md\n"
                                     "@@ -1,5 +1,5 @@\n line 1\n-line 2\n+line two\n line 3\n line 4\n line 5\n"
                                     "@@ -12,9 +12,9 @@\n line 12\n line 13\n line 14\n-line 15\n line 16\n line 17\n"
                                     " line 18\n line 19\n line 20\n+line 21\n";
        QCOMPARE(d.unified("a/README.md", "b/README.md"), expected);
    }

    void text_edgeCases()
    {
        QVERIFY(diffText("same\n", "same\n").identical());
        QCOMPARE(diffText("same\n", "same\n").unified("a", "b"), std::string());
        // From empty, and the missing final newline.
        TextDiff d = diffText("", "a\nb");
        QCOMPARE(d.hunks.size(), size_t(1));
        QCOMPARE(d.hunks[0].header(), std::string("@@ -0,0 +1,2 @@"));
        QCOMPARE(d.unified("x", "y"),
                 std::string("--- x\n+++ y\n@@ -0,0 +1,2 @@\n+a\n+b\n\\ No newline at end of file\n"));
        d = diffText("a\n", "a");
        QCOMPARE(d.unified("x", "y"), std::string("--- x\n+++ y\n@@ -1 +1 @@\n-a\n+a\n\\ No newline at end of file\n"));
        // CRLF → LF is a change.
        QCOMPARE(diffText("a\r\n", "a\n").linesAdded, size_t(1));
        // Binary and caps.
        QVERIFY(diffText(std::string("a\0b", 3), "ab").binary);
        TextDiffOptions small;
        small.maxBytes = 4;
        QVERIFY(diffText("hello", "world", small).tooLarge);
        std::string many;
        std::string other;
        for (int i = 0; i < 300; ++i) {
            many += std::to_string(i) + "\n";
            other += "x" + std::to_string(i) + "\n";
        }
        TextDiffOptions capped;
        capped.maxEditDistance = 100;
        QVERIFY(diffText(many, other, capped).tooLarge);
        const TextDiff full = diffText(many, other);
        QCOMPARE(full.linesAdded, size_t(300));
        QCOMPARE(full.linesRemoved, size_t(300));
    }

    void text_findsAMinimalScript()
    {
        // Myers: ABCABBA → CBABAC has edit distance 5.
        auto lines = [](const char *s) {
            std::string out;
            for (const char *p = s; *p; ++p)
                out += std::string(1, *p) + "\n";
            return out;
        };
        const TextDiff d = diffText(lines("ABCABBA"), lines("CBABAC"));
        QCOMPARE(d.linesAdded + d.linesRemoved, size_t(5));
        // Applying the hunk reproduces the new text.
        std::string rebuilt;
        for (const auto &l : d.hunks.at(0).lines)
            if (l.op != DiffLine::Op::Removed)
                rebuilt += l.text + "\n";
        QCOMPARE(rebuilt, lines("CBABAC"));
    }
};

QTEST_GUILESS_MAIN(TestCompare)
#include "test_compare.moc"
