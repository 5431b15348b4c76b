#include "hub/card/cardimages.h"
#include "hub/card/cardmetadata.h"
#include "hub/card/frontmatter.h"
#include "hub/card/metricseries.h"

#include <QTest>
#include <cmath>

#include <string>

using namespace hub;

namespace {

// A realistic card for the word detector (first-users.md §4), with a model-index.
std::string wordDetectorCard(const std::string &f1, const std::string &extraMetric = {})
{
    return "---\n"
           "language: en\n"
           "license: mit\n"
           "tags:\n"
           "- word-detection\n"
           "- handwriting\n"
           "- onnx\n"
           "- xournalpp\n"
           "library_name: onnxruntime\n"
           "pipeline_tag: object-detection\n"
           "datasets:\n"
           "- PellelNitram/xournalpp_htr_IAM_DB\n"
           "model-index:\n"
           "- name: xournalpp-htr-word-detector\n"
           "  results:\n"
           "  - task:\n"
           "      type: object-detection\n"
           "      name: Word detection\n"
           "    dataset:\n"
           "      name: IAM Handwriting DB\n"
           "      type: PellelNitram/xournalpp_htr_IAM_DB\n"
           "      split: validation\n"
           "    metrics:\n"
           "    - type: f1\n"
           "      name: Validation F1\n"
           "      value: " +
           f1 +
           "\n"
           "      verified: false\n" +
           extraMetric +
           "---\n"
           "\n"
           "# Word detector for Xournal++ HTR\n"
           "\n"
           "![Architecture](assets/architecture.png)\n"
           "\n"
           "## Model details\n"
           "\n"
           "| Property | Value |\n"
           "| --- | --- |\n"
           "| Architecture | ResNet18 encoder + FPN decoder |\n"
           "| Input | `image` 1x1x448x448 |\n"
           "| Parameters | ~11.2M (fp32) |\n"
           "| Best val F1 | 0.88 |\n"
           "\n"
           "## Usage\n"
           "\n"
           "```python\n"
           "model = WordDetector.from_pretrained(\"PellelNitram/xournalpp-htr-word-detector\")\n"
           "# ![not an image](in-code.png)\n"
           "```\n";
}

} // namespace

class TestCard final : public QObject {
    Q_OBJECT

private slots:
    void frontMatter_splitsYamlFromBody()
    {
        const FrontMatter fm = splitFrontMatter("---\nlicense: mit\n---\n# Title\n");
        QVERIFY(fm.hasFrontMatter);
        QCOMPARE(fm.yaml, std::string("license: mit\n"));
        QCOMPARE(fm.body, std::string("# Title\n"));
        QCOMPARE(fm.bodyOffset, size_t(21));
    }

    void frontMatter_toleratesCrlfBomAndTrailingBlanks()
    {
        const FrontMatter fm = splitFrontMatter("\xEF\xBB\xBF\r\n---  \r\nlicense: mit\r\n--- \r\nBody\r\n");
        QVERIFY(fm.hasFrontMatter);
        QCOMPARE(fm.yaml, std::string("license: mit\r\n"));
        QCOMPARE(fm.body, std::string("Body\r\n"));
        auto meta = parseCardMetadata(fm.yaml);
        QVERIFY(meta.ok());
        QCOMPARE(meta->license, std::string("mit"));
    }

    void frontMatter_edgeCases()
    {
        // No front matter at all.
        FrontMatter fm = splitFrontMatter("# Just markdown\n---\nnot: yaml\n---\n");
        QVERIFY(!fm.hasFrontMatter);
        QCOMPARE(fm.body, std::string("# Just markdown\n---\nnot: yaml\n---\n"));
        // Empty front matter, and a closing fence at the very end without newline.
        fm = splitFrontMatter("---\n---");
        QVERIFY(fm.hasFrontMatter);
        QVERIFY(fm.yaml.empty());
        QVERIFY(fm.body.empty());
        // Four dashes is a horizontal rule, not a fence.
        fm = splitFrontMatter("----\nlicense: mit\n----\n");
        QVERIFY(!fm.hasFrontMatter);
        // Unterminated: everything is body, and the card says why it has no metadata.
        fm = splitFrontMatter("---\nlicense: mit\n# Title\n");
        QVERIFY(!fm.hasFrontMatter);
        QVERIFY(fm.unterminated);
        const ModelCard card = parseModelCard("---\nlicense: mit\n# Title\n");
        QCOMPARE(card.warnings.size(), size_t(1));
        QVERIFY(card.metadata.license.empty());
        // Empty text.
        QVERIFY(!splitFrontMatter("").hasFrontMatter);
    }

    void metadata_readsTypedFieldsOfWordDetectorCard()
    {
        const ModelCard card = parseModelCard(wordDetectorCard("0.88"));
        QVERIFY(card.hasFrontMatter);
        QVERIFY2(card.warnings.empty(), card.warnings.empty() ? "" : card.warnings.front().c_str());
        const CardMetadata &m = card.metadata;
        QCOMPARE(m.license, std::string("mit"));
        QCOMPARE(m.languages, std::vector<std::string>{"en"});
        QCOMPARE(m.tags, (std::vector<std::string>{"word-detection", "handwriting", "onnx", "xournalpp"}));
        QCOMPARE(m.libraryName, std::string("onnxruntime"));
        QCOMPARE(m.pipelineTag, std::string("object-detection"));
        QCOMPARE(m.datasets, std::vector<std::string>{"PellelNitram/xournalpp_htr_IAM_DB"});
        // Every field in file order, with display strings.
        QCOMPARE(m.fields.size(), size_t(7));
        QCOMPARE(m.fields[0].key, std::string("language"));
        QCOMPARE(m.fields[2].key, std::string("tags"));
        QCOMPARE(m.fields[2].display, std::string("word-detection, handwriting, onnx, xournalpp"));
        QCOMPARE(m.fields[6].key, std::string("model-index"));
        QVERIFY(m.fields[6].display.find("Validation F1") != std::string::npos);
        QVERIFY(card.body.starts_with("\n# Word detector"));
    }

    void metadata_readsEvalResults()
    {
        const ModelCard card = parseModelCard(wordDetectorCard("0.88", "    - type: precision\n"
                                                                       "      value: \"91 %\"\n"
                                                                       "      verified: true\n"));
        const auto &evals = card.metadata.evalResults;
        QCOMPARE(evals.size(), size_t(2));
        const EvalResult &f1 = evals[0];
        QCOMPARE(f1.modelName, std::string("xournalpp-htr-word-detector"));
        QCOMPARE(f1.taskType, std::string("object-detection"));
        QCOMPARE(f1.taskName, std::string("Word detection"));
        QCOMPARE(f1.datasetName, std::string("IAM Handwriting DB"));
        QCOMPARE(f1.datasetType, std::string("PellelNitram/xournalpp_htr_IAM_DB"));
        QCOMPARE(f1.datasetSplit, std::string("validation"));
        QCOMPARE(f1.metricType, std::string("f1"));
        QCOMPARE(f1.metricName, std::string("Validation F1"));
        QVERIFY(f1.value.has_value());
        QCOMPARE(*f1.value, 0.88);
        QCOMPARE(f1.valueText, std::string("0.88"));
        QVERIFY(!f1.verified);
        QCOMPARE(f1.metricLabel(), std::string("Validation F1"));
        QCOMPARE(f1.datasetLabel(), std::string("IAM Handwriting DB (validation)"));
        // A text value keeps its text and has no number.
        const EvalResult &precision = evals[1];
        QCOMPARE(precision.metricLabel(), std::string("precision"));
        QVERIFY(!precision.value.has_value());
        QCOMPARE(precision.valueText, std::string("91 %"));
        QVERIFY(precision.verified);
    }

    void metadata_readsSpaceFieldsAndBaseModelForms()
    {
        auto m = parseCardMetadata("title: Xournal++ HTR\nemoji: \xE2\x9C\x8D\xEF\xB8\x8F\ncolorFrom: blue\n"
                                   "sdk: gradio\nsdk_version: 5.44.1\napp_file: demo.py\n"
                                   "short_description: Handwriting recognition for Xournal++\npinned: false\n"
                                   "base_model: PellelNitram/xournalpp-htr-word-detector\n");
        QVERIFY(m.ok());
        QCOMPARE(m->title, std::string("Xournal++ HTR"));
        QCOMPARE(m->emoji, std::string("\xE2\x9C\x8D\xEF\xB8\x8F"));
        QCOMPARE(m->sdk, std::string("gradio"));
        QCOMPARE(m->sdkVersion, std::string("5.44.1"));
        QCOMPARE(m->appFile, std::string("demo.py"));
        QCOMPARE(m->shortDescription, std::string("Handwriting recognition for Xournal++"));
        QCOMPARE(m->baseModels, std::vector<std::string>{"PellelNitram/xournalpp-htr-word-detector"});
        QVERIFY(m->field("pinned"));
        QCOMPARE(*m->field("pinned"), std::string("false"));
        QCOMPARE(*m->field("colorFrom"), std::string("blue"));
        QVERIFY(!m->field("nope"));

        m = parseCardMetadata("base_model:\n- a/b\n- c/d\nlanguage: [en, de]\n");
        QVERIFY(m.ok());
        QCOMPARE(m->baseModels, (std::vector<std::string>{"a/b", "c/d"}));
        QCOMPARE(m->languages, (std::vector<std::string>{"en", "de"}));
    }

    void metadata_malformedYamlIsAnErrorNotACrash()
    {
        for (const char *bad : {"license: [mit\n", "a: b: c\n", "key: \"unterminated", "\t- tab\n  x: {", "- a\n- b\n",
                                "just a string"}) {
            const auto m = parseCardMetadata(bad);
            QVERIFY2(!m.ok(), bad);
            QCOMPARE(m.error().code, ErrorCode::InvalidArgument);
            QVERIFY(!m.error().message.empty());
        }
        // The whole card still has its body, and a warning says what is wrong.
        const ModelCard card = parseModelCard("---\nlicense: [mit\n---\n# Body\n");
        QVERIFY(card.hasFrontMatter);
        QCOMPARE(card.body, std::string("# Body\n"));
        QCOMPARE(card.warnings.size(), size_t(1));
        QVERIFY(card.warnings[0].find("not valid YAML") != std::string::npos);
    }

    void metadata_unexpectedShapesAreWarnings()
    {
        const auto m = parseCardMetadata("license: {name: mit}\ntags: {a: 1}\nlanguage: [en, {x: y}]\n"
                                         "model-index: {name: x}\n");
        QVERIFY(m.ok());
        QVERIFY(m->license.empty());
        QVERIFY(m->tags.empty());
        QCOMPARE(m->languages, std::vector<std::string>{"en"});
        QCOMPARE(m->warnings.size(), size_t(4));
        QCOMPARE(*m->field("license"), std::string("{name: mit}"));

        // Broken model-index entries are skipped, good ones kept.
        const auto mi = parseCardMetadata("model-index:\n- name: m\n  results:\n  - 42\n  - task: {type: t}\n"
                                          "    dataset: {name: d}\n    metrics:\n    - {value: 1}\n"
                                          "    - {type: acc, value: 0.5}\n- just text\n");
        QVERIFY(mi.ok());
        QCOMPARE(mi->evalResults.size(), size_t(1));
        QCOMPARE(mi->evalResults[0].metricType, std::string("acc"));
        QCOMPARE(mi->warnings.size(), size_t(1));
    }

    void metricTable_buildsSeriesAcrossThreeVersions()
    {
        const std::string v3Extra =
            "  - task: {type: object-detection}\n"
            "    dataset: {name: Xournal++ benchmark, type: PellelNitram/xournalpp_htr_benchmark,"
            " split: test}\n"
            "    metrics:\n"
            "    - {type: f1, value: 0.81}\n";
        const std::vector<CardVersion> versions = {
            {"v1", std::string(40, 'a'), "# No metrics yet\n"},
            {"v2", std::string(40, 'b'), wordDetectorCard("0.85")},
            {"v3", std::string(40, 'c'), wordDetectorCard("0.88", "    - type: precision\n      value: 0.9\n") + ""},
        };
        // v3 also evaluates on the benchmark: insert a second result before the closing fence.
        std::vector<CardVersion> withBench = versions;
        const size_t fence = withBench[2].cardText.find("---\n\n#");
        withBench[2].cardText.insert(fence, v3Extra);

        const MetricTable t = buildMetricTable(withBench);
        QVERIFY2(t.warnings.empty(), t.warnings.empty() ? "" : t.warnings.front().c_str());
        QCOMPARE(t.versions.size(), size_t(3));
        QCOMPARE(t.versions[1].label, std::string("v2"));
        QCOMPARE(t.versions[2].commit, std::string(40, 'c'));
        QCOMPARE(t.series.size(), size_t(3));

        const MetricSeries &f1 = t.series[0];
        QCOMPARE(f1.metric, std::string("Validation F1"));
        QCOMPARE(f1.dataset, std::string("IAM Handwriting DB (validation)"));
        QCOMPARE(f1.label, std::string("Validation F1 \u2014 IAM Handwriting DB (validation)"));
        QCOMPARE(f1.values.size(), size_t(3));
        QVERIFY(!f1.values[0]);
        QCOMPARE(*f1.values[1], 0.85);
        QCOMPARE(*f1.values[2], 0.88);
        QCOMPARE(f1.texts[0], std::string());

        const MetricSeries &precision = t.series[1];
        QCOMPARE(precision.metric, std::string("precision"));
        QVERIFY(!precision.values[0] && !precision.values[1]);
        QCOMPARE(*precision.values[2], 0.9);

        const MetricSeries &bench = t.series[2];
        QCOMPARE(bench.split, std::string("test"));
        QCOMPARE(bench.label, std::string("f1 \u2014 Xournal++ benchmark (test)"));
        QCOMPARE(*bench.values[2], 0.81);
    }

    void metricTable_reportsBrokenVersionsAndDuplicates()
    {
        const std::string dup = "---\nmodel-index:\n- name: a\n  results:\n  - task: {type: t}\n"
                                "    dataset: {type: d}\n    metrics: [{type: acc, value: 1}]\n"
                                "- name: b\n  results:\n  - task: {type: t}\n"
                                "    dataset: {type: d}\n    metrics: [{type: acc, value: 2}]\n---\n";
        const MetricTable t = buildMetricTable({{"old", "", "---\nlicense: [\n---\n"}, {"new", "", dup}});
        QCOMPARE(t.series.size(), size_t(1));
        QVERIFY(!t.series[0].values[0]);
        QCOMPARE(*t.series[0].values[1], 1.0);
        QCOMPARE(t.warnings.size(), size_t(2));
        QVERIFY(t.warnings[0].starts_with("old: "));
        QVERIFY(t.warnings[1].starts_with("new: "));
    }

    void metricChanges_comparePullRequestCardWithTarget()
    {
        auto card = [](const std::string &metrics) {
            return "---\nmodel-index:\n- name: m\n  results:\n  - task: {type: object-detection}\n"
                   "    dataset: {type: iam, name: IAM-DB, split: test}\n    metrics:\n" +
                   metrics + "---\n# Card\n";
        };
        const MetricTable t = buildMetricTable({{"main", "",
                                                 card("    - {type: f1, name: F1, value: 0.912}\n"
                                                      "    - {type: precision, value: 0.9}\n"
                                                      "    - {type: recall, value: 88 %}\n"
                                                      "    - {type: iou, value: 0.5}\n")},
                                                {"refs/pr/4", "",
                                                 card("    - {type: f1, name: F1, value: 0.931}\n"
                                                      "    - {type: precision, value: 0.9}\n"
                                                      "    - {type: recall, value: 90 %}\n"
                                                      "    - {type: cer, value: 0.07}\n")}});
        const auto changes = compareMetricVersions(t, 0, 1);
        QCOMPARE(changes.size(), size_t(5));
        using K = MetricChange::Kind;
        QCOMPARE(changes[0].label, std::string("F1 \u2014 IAM-DB (test)"));
        QVERIFY(changes[0].kind == K::Changed);
        QVERIFY(std::abs(changes[0].delta - 0.019) < 1e-9);
        QCOMPARE(changes[0].beforeText, std::string("0.912"));
        QVERIFY(changes[1].kind == K::Unchanged);
        QVERIFY(changes[2].kind == K::Rewritten); // text values: no delta, still a change
        QCOMPARE(changes[2].afterText, std::string("90 %"));
        QVERIFY(changes[3].kind == K::Removed);
        QVERIFY(!changes[3].after);
        QVERIFY(changes[4].kind == K::Added);
        QCOMPARE(*changes[4].after, 0.07);
        QVERIFY(compareMetricVersions(t, 0, 2).empty()); // out of range
        // A card without results on one side: everything is added.
        const MetricTable none =
            buildMetricTable({{"main", "", "# no metadata\n"}, {"pr", "", card("    - {type: f1, value: 1}\n")}});
        const auto added = compareMetricVersions(none, 0, 1);
        QCOMPARE(added.size(), size_t(1));
        QVERIFY(added[0].kind == K::Added);
    }

    void images_findsMarkdownAndHtmlReferences()
    {
        const std::string md =
            "# Card\n"
            "![Architecture](assets/architecture.png \"The net\")\n"
            "[![badge](https://img.shields.io/badge/x-y-blue)](https://example.org)\n"
            "<p align=\"center\"><img width=\"400\" src='./figures/f1%20curve.png' alt=\"F1\"/></p>\n"
            "Inline `![code](no.png)` is code.\n"
            "![ref style][arch]\n"
            "![escape](../../etc/passwd)\n"
            "![abs](/images/root.png?raw=true#top)\n"
            "![pixel](data:image/png;base64,AAAA)\n"
            "![spaces](<my images/a b.png>)\n"
            "```\n![fenced](fenced.png)\n```\n"
            "[arch]: docs/arch.svg\n";
        const auto refs = findImageReferences(md);
        QCOMPARE(refs.size(), size_t(8));
        QCOMPARE(refs[0].kind, ImageRefKind::RepoRelative);
        QCOMPARE(refs[0].alt, std::string("Architecture"));
        QCOMPARE(refs[0].repoPath, std::string("assets/architecture.png"));
        QCOMPARE(md.substr(refs[0].offset, refs[0].length), std::string("assets/architecture.png"));
        QCOMPARE(refs[1].kind, ImageRefKind::AbsoluteUrl);
        QCOMPARE(refs[1].target, std::string("https://img.shields.io/badge/x-y-blue"));
        QVERIFY(refs[2].html);
        QCOMPARE(refs[2].alt, std::string("F1"));
        QCOMPARE(refs[2].repoPath, std::string("figures/f1 curve.png"));
        QCOMPARE(refs[3].kind, ImageRefKind::Invalid); // escapes the repo
        QCOMPARE(refs[4].repoPath, std::string("images/root.png"));
        QCOMPARE(refs[5].kind, ImageRefKind::DataUri);
        QCOMPARE(refs[6].repoPath, std::string("my images/a b.png"));
        QCOMPARE(refs[7].alt, std::string("ref style"));
        QCOMPARE(refs[7].repoPath, std::string("docs/arch.svg"));
        for (const auto &r : refs)
            QVERIFY(r.target.find("fenced") == std::string::npos && r.target.find("no.png") == std::string::npos);
    }

    void images_skipsOtherSchemesAndRewritesTargets()
    {
        const std::string md = "![x](javascript:alert(1)) ![y](file:///etc/passwd) ![a](a.png) <img src=b.png>\n";
        const auto refs = findImageReferences(md);
        QCOMPARE(refs.size(), size_t(4));
        QCOMPARE(refs[0].kind, ImageRefKind::Invalid);
        QCOMPARE(refs[1].kind, ImageRefKind::Invalid);
        const std::string out = rewriteImageTargets(md, [](const ImageRef &r) -> std::optional<std::string> {
            if (r.kind != ImageRefKind::RepoRelative)
                return std::nullopt;
            return "file:///tmp/cache/" + r.repoPath;
        });
        QCOMPARE(out, std::string("![x](javascript:alert(1)) ![y](file:///etc/passwd) ![a](file:///tmp/cache/a.png) "
                                  "<img src=file:///tmp/cache/b.png>\n"));
    }
};

QTEST_GUILESS_MAIN(TestCard)
#include "test_card.moc"
