#include "hub/card/metricseries.h"

#include "hub/card/cardmetadata.h"

#include <map>
#include <tuple>

namespace hub {

namespace {

using SeriesKey = std::tuple<std::string, std::string, std::string>; // metric, dataset, split

SeriesKey keyOf(const EvalResult &r)
{
    return {r.metricType.empty() ? r.metricName : r.metricType, r.datasetType.empty() ? r.datasetName : r.datasetType,
            r.datasetSplit};
}

} // namespace

MetricTable buildMetricTable(const std::vector<CardVersion> &versions)
{
    MetricTable table;
    std::map<SeriesKey, size_t> index;
    const size_t n = versions.size();
    table.versions.reserve(n);

    for (size_t v = 0; v < n; ++v) {
        const CardVersion &version = versions[v];
        table.versions.push_back({version.label, version.commit});
        const ModelCard card = parseModelCard(version.cardText);
        for (const auto &warning : card.warnings)
            table.warnings.push_back(version.label + ": " + warning);

        std::map<SeriesKey, bool> seenHere;
        for (const EvalResult &r : card.metadata.evalResults) {
            const SeriesKey key = keyOf(r);
            if (seenHere[key]) {
                table.warnings.push_back(version.label + ": the card lists " + r.metricLabel() + " on " +
                                         r.datasetLabel() + " more than once; the first value is shown.");
                continue;
            }
            seenHere[key] = true;
            auto it = index.find(key);
            if (it == index.end()) {
                MetricSeries s;
                s.metricType = r.metricType;
                s.datasetType = r.datasetType;
                s.split = r.datasetSplit;
                s.values.assign(n, std::nullopt);
                s.texts.assign(n, std::string());
                it = index.emplace(key, table.series.size()).first;
                table.series.push_back(std::move(s));
            }
            MetricSeries &s = table.series[it->second];
            // The newest label wins, so a renamed metric shows its current name.
            s.metric = r.metricLabel();
            s.dataset = r.datasetLabel();
            s.values[v] = r.value;
            s.texts[v] = r.valueText;
        }
    }
    for (auto &s : table.series)
        s.label = s.dataset.empty() ? s.metric : s.metric + " \u2014 " + s.dataset;
    return table;
}

std::vector<MetricChange> compareMetricVersions(const MetricTable &table, size_t from, size_t to)
{
    std::vector<MetricChange> out;
    const size_t n = table.versions.size();
    if (from >= n || to >= n)
        return out;
    for (const MetricSeries &s : table.series) {
        if (s.values.size() != n || s.texts.size() != n)
            continue;
        const bool had = !s.texts[from].empty() || s.values[from].has_value();
        const bool has = !s.texts[to].empty() || s.values[to].has_value();
        if (!had && !has)
            continue;
        MetricChange c;
        c.label = s.label;
        c.metric = s.metric;
        c.dataset = s.dataset;
        c.before = s.values[from];
        c.after = s.values[to];
        c.beforeText = s.texts[from];
        c.afterText = s.texts[to];
        if (!had)
            c.kind = MetricChange::Kind::Added;
        else if (!has)
            c.kind = MetricChange::Kind::Removed;
        else if (c.before && c.after) {
            c.delta = *c.after - *c.before;
            c.kind = *c.before == *c.after ? MetricChange::Kind::Unchanged : MetricChange::Kind::Changed;
        } else
            c.kind = c.beforeText == c.afterText ? MetricChange::Kind::Unchanged : MetricChange::Kind::Rewritten;
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace hub
