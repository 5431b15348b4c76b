#pragma once
// Compares two JSON documents key by key (config.json between revisions).

#include "hub/compare/valuechange.h"
#include "hub/core/expected.h"

#include <nlohmann/json_fwd.hpp>

#include <string_view>
#include <vector>

namespace hub {

/// Objects are compared key by key (sorted by key), arrays index by index; a value whose type
/// changed is one Changed entry. Paths join keys with '.', indexes as "[i]"; a key that is not
/// a plain identifier is quoted: `a["b.c"]`. The root itself has the path "" (e.g. when one
/// side is not an object).
std::vector<ValueChange> diffJson(const nlohmann::json &oldValue, const nlohmann::json &newValue);

/// Parses both texts first; invalid JSON is an InvalidArgument error naming the side.
Expected<std::vector<ValueChange>> diffJsonText(std::string_view oldText, std::string_view newText);

} // namespace hub
