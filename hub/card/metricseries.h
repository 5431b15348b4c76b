#pragma once
// Evaluation metrics of a card across versions, as a table the Metrics view charts.

#include <optional>
#include <string>
#include <vector>

namespace hub {

/// One version of a card: a label the UI shows ("v1", a tag, a short commit), its commit and
/// the README.md text at that commit.
struct CardVersion {
    std::string label;
    std::string commit;
    std::string cardText;
};

/// One line of the chart: one metric on one dataset (and split), one value per version.
struct MetricSeries {
    std::string metric;  // metric label (name, else type)
    std::string dataset; // dataset label (name or type, plus split)
    std::string metricType;
    std::string datasetType;
    std::string split;
    /// "Validation F1 — IAM-DB (test)"
    std::string label;
    /// Same length as MetricTable::versions; nullopt where the version lacks the metric or the
    /// value is not a number.
    std::vector<std::optional<double>> values;
    /// The value as written per version ("" where absent), for tooltips and text values.
    std::vector<std::string> texts;
};

struct MetricTable {
    /// The input versions in the given order (label + commit; the card text is dropped).
    struct Version {
        std::string label;
        std::string commit;
    };
    std::vector<Version> versions;
    /// In order of first appearance.
    std::vector<MetricSeries> series;
    /// Per-version problems ("v2: the card's YAML is broken: ..."), in plain language.
    std::vector<std::string> warnings;
};

/// Builds one series per (metric, dataset, split). Metrics are matched across versions by
/// metric type (else name) and dataset type (else name) so a renamed label does not break a
/// line. When one version lists the same key twice (several models in one model-index), the
/// first wins and a warning says so.
MetricTable buildMetricTable(const std::vector<CardVersion> &versions);

/// One metric of two cards side by side (a pull request's card against its target branch's).
struct MetricChange {
    enum class Kind {
        Unchanged, ///< the same value in both
        Changed,   ///< both numbers, different: `delta` = after - before
        Added,     ///< only the second card has it
        Removed,   ///< only the first card has it
        Rewritten, ///< different, and at least one is text ("88 %"), so no delta
    };
    Kind kind = Kind::Unchanged;
    std::string label; ///< as MetricSeries::label
    std::string metric;
    std::string dataset;
    std::optional<double> before;
    std::optional<double> after;
    std::string beforeText; ///< as written, "" when absent
    std::string afterText;
    double delta = 0; ///< Changed only
};

/// The metrics of versions `from` and `to` of `table`, in the table's series order; a series
/// neither version has is left out. Out-of-range indices give an empty list.
std::vector<MetricChange> compareMetricVersions(const MetricTable &table, size_t from, size_t to);

} // namespace hub
