#pragma once
// One changed value in a structured comparison (JSON config, card metadata).

#include <string>

namespace hub {

struct ValueChange {
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    /// Where: "normalization.scale", "charset[3]", "license", "eval: F1 — IAM-DB (test)".
    std::string path;
    /// Values as compact text (JSON for JSON values); empty for the side that does not exist.
    std::string oldValue;
    std::string newValue;

    friend bool operator==(const ValueChange &, const ValueChange &) = default;
};

} // namespace hub
