#include "hub/compare/weightsdiff.h"

#include <algorithm>
#include <map>

namespace hub {

std::string describeTensor(const TensorInfo &t)
{
    std::string out = t.dtype + " [";
    for (size_t i = 0; i < t.shape.size(); ++i)
        out += (i ? ", " : "") + std::to_string(t.shape[i]);
    return out + "]";
}

WeightsDiff diffWeights(const WeightsSummary &before, const WeightsSummary &after)
{
    WeightsDiff d;
    d.parametersBefore = before.parameters;
    d.parametersAfter = after.parameters;
    d.tensorsBefore = before.tensors.size();
    d.tensorsAfter = after.tensors.size();
    std::map<std::string, const TensorInfo *> old, now;
    for (const auto &t : before.tensors)
        old.emplace(t.name, &t);
    for (const auto &t : after.tensors)
        now.emplace(t.name, &t);
    for (const auto &[name, t] : old) {
        const auto it = now.find(name);
        if (it == now.end()) {
            d.changes.push_back({TensorChange::Kind::Removed, name, describeTensor(*t), {}});
            continue;
        }
        const TensorInfo &n = *it->second;
        if (n.shape != t->shape)
            d.changes.push_back({TensorChange::Kind::Reshaped, name, describeTensor(*t), describeTensor(n)});
        else if (n.dtype != t->dtype)
            d.changes.push_back({TensorChange::Kind::Retyped, name, describeTensor(*t), describeTensor(n)});
        else
            ++d.unchanged;
    }
    for (const auto &[name, t] : now)
        if (!old.count(name))
            d.changes.push_back({TensorChange::Kind::Added, name, {}, describeTensor(*t)});
    std::sort(d.changes.begin(), d.changes.end(),
              [](const TensorChange &a, const TensorChange &b) { return a.name < b.name; });
    return d;
}

std::string WeightsDiff::summary() const
{
    if (changes.empty())
        return "Architecture unchanged: " + formatParameterCount(parametersAfter) +
               " parameters, every tensor the "
               "same shape and type, so the weights were retrained (or are identical).";
    size_t added = 0, removed = 0, reshaped = 0, retyped = 0;
    for (const auto &c : changes) {
        added += c.kind == TensorChange::Kind::Added;
        removed += c.kind == TensorChange::Kind::Removed;
        reshaped += c.kind == TensorChange::Kind::Reshaped;
        retyped += c.kind == TensorChange::Kind::Retyped;
    }
    auto part = [](size_t n, const char *what) {
        return std::to_string(n) + (n == 1 ? " tensor " : " tensors ") + what;
    };
    std::string out;
    for (const auto &[n, what] : {std::pair{added, "added"}, std::pair{removed, "removed"},
                                  std::pair{reshaped, "reshaped"}, std::pair{retyped, "given another type"}})
        if (n > 0)
            out += (out.empty() ? "" : ", ") + part(n, what);
    const bool onlyRetyped = added == 0 && removed == 0 && reshaped == 0;
    std::string params =
        formatParameterCount(parametersBefore) + " → " + formatParameterCount(parametersAfter) + " parameters";
    if (parametersAfter != parametersBefore) {
        const bool more = parametersAfter > parametersBefore;
        params += " (" + std::string(more ? "+" : "−") +
                  formatParameterCount(more ? parametersAfter - parametersBefore : parametersBefore - parametersAfter) +
                  ")";
    }
    return out + "; " + params +
           (onlyRetyped ? ": the same architecture in another precision." : ": the architecture changed.");
}

} // namespace hub
