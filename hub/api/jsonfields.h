#pragma once
// Internal to hub/api's parsers: typed reading of nlohmann JSON with the first problem remembered.
// Not a public header: other libraries use hub/api/parse.h.

#include "hub/api/types.h"
#include "hub/core/expected.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hub::detail {

using json = nlohmann::json;

/// The BadResponse error every parser returns, naming `what` was being read.
HubError bad(std::string_view what, std::string detail);
/// False when brackets nest deeper than a sane limit (deep recursion in the DOM is a stack risk).
bool depthOk(std::string_view body);
/// Parses a body into a DOM; BadResponse when too large, too deep or not JSON.
Expected<json> parseJson(std::string_view body, std::string_view what);

/// Reads typed fields from one JSON object, remembering the first problem.
class Fields {
public:
    Fields(const json &obj, std::string ctx, std::string *error) : m_obj(obj), m_ctx(std::move(ctx)), m_error(error)
    {
        if (!obj.is_object())
            fail("", "is not an object");
    }

    const json *find(const char *key) const
    {
        if (!m_obj.is_object())
            return nullptr;
        auto it = m_obj.find(key);
        if (it == m_obj.end() || it->is_null())
            return nullptr;
        return &*it;
    }

    std::string str(const char *key, bool required = false)
    {
        const json *v = find(key);
        if (!v) {
            if (required)
                fail(key, "is missing");
            return {};
        }
        if (!v->is_string()) {
            fail(key, "is not a string");
            return {};
        }
        return v->get<std::string>();
    }

    std::optional<uint64_t> u64opt(const char *key, bool required = false)
    {
        const json *v = find(key);
        if (!v) {
            if (required)
                fail(key, "is missing");
            return std::nullopt;
        }
        if (v->is_number_unsigned())
            return v->get<uint64_t>();
        if (v->is_number_integer()) {
            const int64_t x = v->get<int64_t>();
            if (x >= 0)
                return static_cast<uint64_t>(x);
        }
        if (v->is_number_float()) {
            const double d = v->get<double>();
            if (d >= 0 && d < 1.8e19 && std::floor(d) == d)
                return static_cast<uint64_t>(d);
        }
        fail(key, "is not a non-negative integer");
        return std::nullopt;
    }
    uint64_t u64(const char *key, bool required = false) { return u64opt(key, required).value_or(0); }

    bool boolean(const char *key, bool fallback = false)
    {
        const json *v = find(key);
        if (!v)
            return fallback;
        if (!v->is_boolean()) {
            fail(key, "is not a boolean");
            return fallback;
        }
        return v->get<bool>();
    }

    std::vector<std::string> strings(const char *key)
    {
        std::vector<std::string> out;
        const json *v = find(key);
        if (!v)
            return out;
        if (!v->is_array()) {
            fail(key, "is not an array");
            return out;
        }
        for (const auto &e : *v)
            if (e.is_string())
                out.push_back(e.get<std::string>());
        return out;
    }

    const json *array(const char *key, bool required = false)
    {
        const json *v = find(key);
        if (!v) {
            if (required)
                fail(key, "is missing");
            return nullptr;
        }
        if (!v->is_array()) {
            fail(key, "is not an array");
            return nullptr;
        }
        return v;
    }

    const json *object(const char *key, bool required = false)
    {
        const json *v = find(key);
        if (!v) {
            if (required)
                fail(key, "is missing");
            return nullptr;
        }
        if (!v->is_object()) {
            fail(key, "is not an object");
            return nullptr;
        }
        return v;
    }

    /// false / "auto" / "manual" (true is read as "auto").
    std::string gated(const char *key)
    {
        const json *v = find(key);
        if (!v)
            return {};
        if (v->is_boolean())
            return v->get<bool>() ? "auto" : "";
        if (v->is_string())
            return v->get<std::string>();
        fail(key, "is neither a boolean nor a string");
        return {};
    }

    void fail(std::string_view key, std::string_view problem)
    {
        if (m_error && m_error->empty())
            *m_error = m_ctx + (key.empty() ? "" : "." + std::string(key)) + " " + std::string(problem);
    }
    const std::string &ctx() const { return m_ctx; }

private:
    const json &m_obj;
    std::string m_ctx;
    std::string *m_error;
};

template <class T> Expected<T> finish(T value, const std::string &err, std::string_view what)
{
    if (!err.empty())
        return bad(what, err);
    return value;
}

/// What every object endpoint's parser does around its own reading: parse `body` (BadResponse
/// naming `what` when it is not JSON), read it with `read(Fields &f, std::string &err)` (`ctx`
/// names the object in messages), and fail with the first problem the reading met.
template <class Read>
auto parseObject(std::string_view body, std::string_view what, const char *ctx, Read read)
    -> Expected<decltype(read(std::declval<Fields &>(), std::declval<std::string &>()))>
{
    auto j = parseJson(body, what);
    if (!j)
        return j.error();
    std::string err;
    Fields f(*j, ctx, &err);
    auto value = read(f, err);
    return finish(std::move(value), err, what);
}

/// The same for list endpoints: a JSON array whose items `readItem(const json &item, size_t index,
/// std::string &err)` turns into T.
template <class T, class ReadItem>
Expected<std::vector<T>> parseArray(std::string_view body, std::string_view what, ReadItem readItem)
{
    auto j = parseJson(body, what);
    if (!j)
        return j.error();
    if (!j->is_array())
        return bad(what, "not a JSON array");
    std::string err;
    std::vector<T> out;
    out.reserve(j->size());
    size_t i = 0;
    for (const auto &item : *j)
        out.push_back(readItem(item, i++, err));
    return finish(std::move(out), err, what);
}

/// An `lfs` object ({oid or sha256, size, pointerSize}) under `key`; nullopt when absent.
std::optional<LfsInfo> readLfs(Fields &f, const char *key, const char *oidKey);

} // namespace hub::detail
