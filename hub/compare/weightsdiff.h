#pragma once
// What changed between two versions of a weights file, from their headers alone: tensors added,
// removed, reshaped or retyped, and the parameters before and after, told in one sentence
// ("Architecture unchanged: 11.2 M parameters, every tensor the same shape and type, so the
// weights were retrained." or "2 tensors added (+4.2 k parameters): the architecture changed.").

#include "hub/inspect/weights.h"

#include <string>
#include <vector>

namespace hub {

struct TensorChange {
    enum class Kind { Added, Removed, Reshaped, Retyped };
    Kind kind = Kind::Added;
    std::string name;
    std::string before; ///< "F32 [64, 128]" (empty when added)
    std::string after;  ///< empty when removed
};

struct WeightsDiff {
    uint64_t parametersBefore = 0;
    uint64_t parametersAfter = 0;
    size_t tensorsBefore = 0;
    size_t tensorsAfter = 0;
    size_t unchanged = 0;              ///< same name, shape and type
    std::vector<TensorChange> changes; ///< by name
    bool architectureUnchanged() const { return changes.empty(); }
    /// The sentence above.
    std::string summary() const;
};

WeightsDiff diffWeights(const WeightsSummary &before, const WeightsSummary &after);
/// "F32 [64, 128]"
std::string describeTensor(const TensorInfo &t);

} // namespace hub
