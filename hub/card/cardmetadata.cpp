#include "hub/card/cardmetadata.h"

#include "hub/card/frontmatter.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <exception>

namespace hub {

namespace {

// A card larger than this is not a card; refusing it bounds the parser's work.
constexpr size_t kMaxYamlBytes = 1024 * 1024;

std::string emitFlow(const YAML::Node &node)
{
    YAML::Emitter emitter;
    emitter.SetMapFormat(YAML::Flow);
    emitter.SetSeqFormat(YAML::Flow);
    emitter << node;
    return emitter.good() ? std::string(emitter.c_str()) : std::string("(unreadable value)");
}

bool allScalars(const YAML::Node &seq)
{
    for (const auto &item : seq)
        if (!item.IsScalar())
            return false;
    return true;
}

std::string displayOf(const YAML::Node &node)
{
    if (!node || node.IsNull())
        return {};
    if (node.IsScalar())
        return node.Scalar();
    if (node.IsSequence() && allScalars(node)) {
        std::string out;
        for (const auto &item : node) {
            if (!out.empty())
                out += ", ";
            out += item.Scalar();
        }
        return out;
    }
    return emitFlow(node);
}

/// A scalar as a string; anything else is a warning and "".
std::string scalarField(const YAML::Node &node, std::string_view key, std::vector<std::string> &warnings)
{
    if (!node || node.IsNull())
        return {};
    if (node.IsScalar())
        return node.Scalar();
    warnings.push_back("The card's \"" + std::string(key) + "\" should be a single value; it was ignored.");
    return {};
}

/// A scalar or a list of scalars as a list of strings.
std::vector<std::string> listField(const YAML::Node &node, std::string_view key, std::vector<std::string> &warnings)
{
    std::vector<std::string> out;
    if (!node || node.IsNull())
        return out;
    if (node.IsScalar()) {
        out.push_back(node.Scalar());
        return out;
    }
    if (node.IsSequence()) {
        bool skipped = false;
        for (const auto &item : node) {
            if (item.IsScalar())
                out.push_back(item.Scalar());
            else
                skipped = true;
        }
        if (skipped)
            warnings.push_back("Some entries of the card's \"" + std::string(key) +
                               "\" are not plain values and were ignored.");
        return out;
    }
    warnings.push_back("The card's \"" + std::string(key) + "\" should be a value or a list; it was ignored.");
    return out;
}

YAML::Node child(const YAML::Node &map, const char *key)
{
    if (!map || !map.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    return map[key];
}

std::string childScalar(const YAML::Node &map, const char *key)
{
    const YAML::Node node = child(map, key);
    return node && node.IsScalar() ? node.Scalar() : std::string();
}

std::optional<double> parseNumber(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '+'))
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    if (text.empty())
        return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

bool truthy(const YAML::Node &node)
{
    if (!node || !node.IsScalar())
        return false;
    const std::string &s = node.Scalar();
    return s == "true" || s == "True" || s == "TRUE" || s == "yes" || s == "on";
}

void parseModelIndex(const YAML::Node &index, CardMetadata &meta)
{
    if (!index.IsSequence()) {
        meta.warnings.push_back("The card's \"model-index\" should be a list of models; it was ignored.");
        return;
    }
    bool odd = false;
    for (const auto &model : index) {
        if (!model.IsMap()) {
            odd = true;
            continue;
        }
        const std::string modelName = childScalar(model, "name");
        const YAML::Node results = child(model, "results");
        if (!results || !results.IsSequence()) {
            odd = odd || results.IsDefined();
            continue;
        }
        for (const auto &result : results) {
            if (!result.IsMap()) {
                odd = true;
                continue;
            }
            const YAML::Node task = child(result, "task");
            const YAML::Node dataset = child(result, "dataset");
            const YAML::Node source = child(result, "source");
            const YAML::Node metrics = child(result, "metrics");
            if (!metrics || !metrics.IsSequence()) {
                odd = true;
                continue;
            }
            for (const auto &metric : metrics) {
                if (!metric.IsMap()) {
                    odd = true;
                    continue;
                }
                EvalResult r;
                r.modelName = modelName;
                r.taskType = childScalar(task, "type");
                r.taskName = childScalar(task, "name");
                r.datasetName = childScalar(dataset, "name");
                r.datasetType = childScalar(dataset, "type");
                r.datasetConfig = childScalar(dataset, "config");
                r.datasetSplit = childScalar(dataset, "split");
                r.metricType = childScalar(metric, "type");
                r.metricName = childScalar(metric, "name");
                const YAML::Node value = child(metric, "value");
                if (value && value.IsScalar()) {
                    r.valueText = value.Scalar();
                    r.value = parseNumber(r.valueText);
                } else if (value && !value.IsNull()) {
                    r.valueText = displayOf(value);
                }
                r.verified = truthy(child(metric, "verified"));
                r.sourceName = childScalar(source, "name");
                r.sourceUrl = childScalar(source, "url");
                if (r.metricType.empty() && r.metricName.empty()) {
                    odd = true;
                    continue;
                }
                meta.evalResults.push_back(std::move(r));
            }
        }
    }
    if (odd)
        meta.warnings.push_back("Some entries of the card's \"model-index\" do not follow the Hub's format and "
                                "were skipped.");
}

void fillTyped(const std::string &key, const YAML::Node &value, CardMetadata &meta)
{
    auto &w = meta.warnings;
    if (key == "license")
        meta.license = scalarField(value, key, w);
    else if (key == "language")
        meta.languages = listField(value, key, w);
    else if (key == "tags")
        meta.tags = listField(value, key, w);
    else if (key == "datasets")
        meta.datasets = listField(value, key, w);
    else if (key == "base_model")
        meta.baseModels = listField(value, key, w);
    else if (key == "pipeline_tag")
        meta.pipelineTag = scalarField(value, key, w);
    else if (key == "library_name")
        meta.libraryName = scalarField(value, key, w);
    else if (key == "title")
        meta.title = scalarField(value, key, w);
    else if (key == "emoji")
        meta.emoji = scalarField(value, key, w);
    else if (key == "sdk")
        meta.sdk = scalarField(value, key, w);
    else if (key == "sdk_version")
        meta.sdkVersion = scalarField(value, key, w);
    else if (key == "app_file")
        meta.appFile = scalarField(value, key, w);
    else if (key == "short_description")
        meta.shortDescription = scalarField(value, key, w);
    else if (key == "model-index" && value && !value.IsNull())
        parseModelIndex(value, meta);
}

std::string joinNonEmpty(const std::string &a, const std::string &b)
{
    if (b.empty())
        return a;
    if (a.empty())
        return b;
    return a + " (" + b + ")";
}

} // namespace

std::string EvalResult::metricLabel() const
{
    return metricName.empty() ? metricType : metricName;
}

std::string EvalResult::datasetLabel() const
{
    return joinNonEmpty(datasetName.empty() ? datasetType : datasetName, datasetSplit);
}

const std::string *CardMetadata::field(std::string_view key) const
{
    for (const auto &f : fields)
        if (f.key == key)
            return &f.display;
    return nullptr;
}

Expected<CardMetadata> parseCardMetadata(std::string_view yaml)
{
    CardMetadata meta;
    if (yaml.size() > kMaxYamlBytes)
        return HubError::make(ErrorCode::InvalidArgument, "The card's metadata is too large to read.",
                              std::to_string(yaml.size()) + " bytes of YAML");
    try {
        const YAML::Node root = YAML::Load(std::string(yaml));
        if (!root || root.IsNull())
            return meta;
        if (!root.IsMap())
            return HubError::make(ErrorCode::InvalidArgument,
                                  "The card's metadata is not a list of \"key: value\" fields. Fix the YAML "
                                  "between the --- lines at the top of README.md.",
                                  "top-level YAML node is not a mapping");
        for (const auto &kv : root) {
            const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : emitFlow(kv.first);
            meta.fields.push_back({key, displayOf(kv.second)});
            fillTyped(key, kv.second, meta);
        }
    } catch (const YAML::Exception &e) {
        return HubError::make(ErrorCode::InvalidArgument,
                              "The card's metadata (the YAML between the --- lines at the top of README.md) "
                              "is not valid YAML. Fix it so the Hub can read it.",
                              e.what());
    } catch (const std::exception &e) {
        return HubError::make(ErrorCode::InvalidArgument, "The card's metadata could not be read.", e.what());
    }
    return meta;
}

ModelCard parseModelCard(std::string_view text)
{
    ModelCard card;
    FrontMatter fm = splitFrontMatter(text);
    card.hasFrontMatter = fm.hasFrontMatter;
    card.frontMatter = std::move(fm.yaml);
    card.body = std::move(fm.body);
    card.bodyOffset = fm.bodyOffset;
    if (fm.unterminated)
        card.warnings.push_back("The card starts a metadata block with --- but never closes it with a second "
                                "--- line, so it has no metadata.");
    if (!card.hasFrontMatter)
        return card;
    auto meta = parseCardMetadata(card.frontMatter);
    if (!meta.ok()) {
        card.warnings.push_back(meta.error().describe());
        return card;
    }
    card.metadata = std::move(meta).value();
    card.warnings.insert(card.warnings.end(), card.metadata.warnings.begin(), card.metadata.warnings.end());
    return card;
}

} // namespace hub
