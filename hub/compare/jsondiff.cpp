#include "hub/compare/jsondiff.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <set>

namespace hub {

namespace {

using nlohmann::json;

bool isIdentifier(const std::string &key)
{
    if (key.empty() || std::isdigit(static_cast<unsigned char>(key[0])))
        return false;
    for (char c : key)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-')
            return false;
    return true;
}

std::string childPath(const std::string &parent, const std::string &key)
{
    if (isIdentifier(key))
        return parent.empty() ? key : parent + "." + key;
    return parent + "[" + json(key).dump() + "]";
}

std::string text(const json &v)
{
    // Replace invalid UTF-8 rather than throw: config files are not always clean.
    return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// Numbers compare by value (1 == 1.0), everything else structurally.
bool sameScalar(const json &a, const json &b)
{
    if (a.is_number() && b.is_number())
        return a.get<double>() == b.get<double>();
    return a == b;
}

void diffInto(const json &a, const json &b, const std::string &path, std::vector<ValueChange> &out)
{
    if (a.is_object() && b.is_object()) {
        std::set<std::string> keys;
        for (auto it = a.begin(); it != a.end(); ++it)
            keys.insert(it.key());
        for (auto it = b.begin(); it != b.end(); ++it)
            keys.insert(it.key());
        for (const auto &key : keys) {
            const auto ia = a.find(key);
            const auto ib = b.find(key);
            const std::string p = childPath(path, key);
            if (ia == a.end())
                out.push_back({ValueChange::Kind::Added, p, {}, text(*ib)});
            else if (ib == b.end())
                out.push_back({ValueChange::Kind::Removed, p, text(*ia), {}});
            else
                diffInto(*ia, *ib, p, out);
        }
        return;
    }
    if (a.is_array() && b.is_array()) {
        const size_t common = std::min(a.size(), b.size());
        for (size_t i = 0; i < common; ++i)
            diffInto(a[i], b[i], path + "[" + std::to_string(i) + "]", out);
        for (size_t i = common; i < a.size(); ++i)
            out.push_back({ValueChange::Kind::Removed, path + "[" + std::to_string(i) + "]", text(a[i]), {}});
        for (size_t i = common; i < b.size(); ++i)
            out.push_back({ValueChange::Kind::Added, path + "[" + std::to_string(i) + "]", {}, text(b[i])});
        return;
    }
    if (!sameScalar(a, b))
        out.push_back({ValueChange::Kind::Changed, path, text(a), text(b)});
}

} // namespace

std::vector<ValueChange> diffJson(const json &oldValue, const json &newValue)
{
    std::vector<ValueChange> out;
    diffInto(oldValue, newValue, {}, out);
    return out;
}

Expected<std::vector<ValueChange>> diffJsonText(std::string_view oldText, std::string_view newText)
{
    const json a = json::parse(oldText, nullptr, false);
    if (a.is_discarded())
        return HubError::make(ErrorCode::InvalidArgument,
                              "The older version of this file is not valid JSON, so it cannot be compared "
                              "key by key. Compare it as text instead.",
                              "old side: JSON parse error");
    const json b = json::parse(newText, nullptr, false);
    if (b.is_discarded())
        return HubError::make(ErrorCode::InvalidArgument,
                              "The newer version of this file is not valid JSON, so it cannot be compared "
                              "key by key. Compare it as text instead.",
                              "new side: JSON parse error");
    return diffJson(a, b);
}

} // namespace hub
