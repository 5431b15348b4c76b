#pragma once
// Compares the metadata of two card versions field by field.

#include "hub/card/cardmetadata.h"
#include "hub/compare/valuechange.h"

#include <vector>

namespace hub {

/// Top-level fields compared by their display strings, in the new card's order then removed
/// ones (the raw `model-index` field is skipped: evaluation results are compared one by one,
/// matched like the Metrics view matches them, with paths "eval: <metric> — <dataset>").
std::vector<ValueChange> diffCardMetadata(const CardMetadata &oldCard, const CardMetadata &newCard);

} // namespace hub
