#include "hub/api/jsonfields.h"

#include "hub/api/parse.h"

namespace hub::detail {

namespace {
constexpr int kMaxDepth = 256;
} // namespace

HubError bad(std::string_view what, std::string detail)
{
    return HubError::make(ErrorCode::BadResponse,
                          "The Hub sent an answer HubDesk cannot read (" + std::string(what) +
                              "): try again, and check that the Hub address points to a Hugging Face Hub.",
                          std::move(detail));
}

/// Rejects absurd nesting before nlohmann sees it (deep recursion in the DOM is a stack risk).

bool depthOk(std::string_view body)
{
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth)
                return false;
        } else if (c == ']' || c == '}')
            --depth;
    }
    return true;
}

Expected<json> parseJson(std::string_view body, std::string_view what)
{
    if (body.size() > kMaxParseBytes)
        return bad(what, "body of " + std::to_string(body.size()) + " bytes is larger than the parse limit");
    if (!depthOk(body))
        return bad(what, "JSON nested too deeply");
    json j = json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_discarded())
        return bad(what, "invalid JSON");
    return j;
}

std::optional<LfsInfo> readLfs(Fields &f, const char *key, const char *oidKey)
{
    const json *l = f.object(key);
    if (!l)
        return std::nullopt;
    std::string err;
    Fields lf(*l, f.ctx() + "." + key, &err);
    LfsInfo info;
    info.oid = lf.str(oidKey, true);
    info.size = lf.u64("size", true);
    info.pointerSize = lf.u64("pointerSize");
    if (!err.empty()) {
        f.fail(key, err);
        return std::nullopt;
    }
    return info;
}

} // namespace hub::detail
