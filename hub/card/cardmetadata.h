#pragma once
// Typed metadata of a model/dataset/Space card: the YAML front matter mapped to fields.

#include "hub/core/expected.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hub {

/// One top-level front matter key with its value as a display string, in file order, so a UI
/// can show every field (also the ones we have no typed member for).
struct MetadataField {
    std::string key;
    /// Scalars as written; lists of scalars as "a, b, c"; anything else as compact YAML flow.
    std::string display;
    friend bool operator==(const MetadataField &, const MetadataField &) = default;
};

/// One evaluation result of a `model-index` entry (Hub model card spec):
/// model-index[].results[].{task, dataset, metrics[]}.
struct EvalResult {
    std::string modelName;
    std::string taskType; // e.g. "object-detection"
    std::string taskName; // e.g. "Word detection"
    std::string datasetName;
    std::string datasetType; // usually a Hub dataset id
    std::string datasetConfig;
    std::string datasetSplit;
    std::string metricType; // e.g. "f1"
    std::string metricName; // e.g. "Validation F1"
    /// The value when it is a number; nullopt when it is text (e.g. "88 %") or missing.
    std::optional<double> value;
    /// The value as written (also for numbers), for display.
    std::string valueText;
    bool verified = false;
    std::string sourceName;
    std::string sourceUrl;

    /// "Validation F1" or the metric type when there is no name.
    std::string metricLabel() const;
    /// "IAM-DB (test)" style label: dataset name or type, plus the split when given.
    std::string datasetLabel() const;
};

/// Everything a card's front matter says, typed where the Hub defines a meaning.
struct CardMetadata {
    // Models and datasets
    std::string license;
    std::vector<std::string> languages; // `language`: a string or a list
    std::vector<std::string> tags;
    std::vector<std::string> datasets;
    std::vector<std::string> baseModels; // `base_model`: a string or a list
    std::string pipelineTag;
    std::string libraryName;
    // Spaces
    std::string title;
    std::string emoji;
    std::string sdk;
    std::string sdkVersion;
    std::string appFile;
    std::string shortDescription;

    /// Every top-level key in file order (typed ones included).
    std::vector<MetadataField> fields;
    /// Flattened `model-index` results.
    std::vector<EvalResult> evalResults;
    /// Shapes we did not expect (e.g. `tags` is a map), in plain language. Never fatal.
    std::vector<std::string> warnings;

    /// The display string of a top-level key, or nullptr.
    const std::string *field(std::string_view key) const;
};

/// Parses front matter YAML. Malformed YAML or a top level that is not a mapping is an
/// `InvalidArgument` error (never an exception); unexpected shapes of known keys are warnings.
/// Empty YAML gives empty metadata.
Expected<CardMetadata> parseCardMetadata(std::string_view yaml);

/// A whole card: front matter split off, metadata parsed. Never fails: a card with broken
/// YAML still has a body to show, and the problem is in `warnings`.
struct ModelCard {
    bool hasFrontMatter = false;
    std::string frontMatter;
    std::string body;
    size_t bodyOffset = 0;
    CardMetadata metadata;
    /// Problems with the card as a whole (broken YAML, unterminated front matter) plus the
    /// metadata warnings, in plain language.
    std::vector<std::string> warnings;
};

ModelCard parseModelCard(std::string_view text);

} // namespace hub
