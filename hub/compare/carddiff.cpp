#include "hub/compare/carddiff.h"

#include <map>
#include <set>
#include <tuple>

namespace hub {

namespace {

using EvalKey = std::tuple<std::string, std::string, std::string>;

EvalKey keyOf(const EvalResult &r)
{
    return {r.metricType.empty() ? r.metricName : r.metricType, r.datasetType.empty() ? r.datasetName : r.datasetType,
            r.datasetSplit};
}

std::string evalPath(const EvalResult &r)
{
    const std::string dataset = r.datasetLabel();
    return "eval: " + r.metricLabel() + (dataset.empty() ? "" : " \u2014 " + dataset);
}

std::string evalValue(const EvalResult &r)
{
    return r.verified ? r.valueText + " (verified)" : r.valueText;
}

} // namespace

std::vector<ValueChange> diffCardMetadata(const CardMetadata &oldCard, const CardMetadata &newCard)
{
    std::vector<ValueChange> out;
    std::map<std::string, const std::string *> oldFields;
    for (const auto &f : oldCard.fields)
        oldFields.emplace(f.key, &f.display);
    std::set<std::string> seen;
    for (const auto &f : newCard.fields) {
        if (f.key == "model-index" || !seen.insert(f.key).second)
            continue;
        const auto it = oldFields.find(f.key);
        if (it == oldFields.end())
            out.push_back({ValueChange::Kind::Added, f.key, {}, f.display});
        else if (*it->second != f.display)
            out.push_back({ValueChange::Kind::Changed, f.key, *it->second, f.display});
    }
    for (const auto &f : oldCard.fields)
        if (f.key != "model-index" && !seen.count(f.key) && seen.insert(f.key).second)
            out.push_back({ValueChange::Kind::Removed, f.key, f.display, {}});

    std::map<EvalKey, const EvalResult *> oldEvals;
    for (const auto &r : oldCard.evalResults)
        oldEvals.emplace(keyOf(r), &r); // the first of duplicates wins, as in the Metrics view
    std::set<EvalKey> seenEvals;
    for (const auto &r : newCard.evalResults) {
        const EvalKey key = keyOf(r);
        if (!seenEvals.insert(key).second)
            continue;
        const auto it = oldEvals.find(key);
        if (it == oldEvals.end())
            out.push_back({ValueChange::Kind::Added, evalPath(r), {}, evalValue(r)});
        else if (evalValue(*it->second) != evalValue(r))
            out.push_back({ValueChange::Kind::Changed, evalPath(r), evalValue(*it->second), evalValue(r)});
    }
    for (const auto &r : oldCard.evalResults)
        if (seenEvals.insert(keyOf(r)).second)
            out.push_back({ValueChange::Kind::Removed, evalPath(r), evalValue(r), {}});
    return out;
}

} // namespace hub
