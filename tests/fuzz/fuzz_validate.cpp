// libFuzzer target: the rule for server-given names (hub/core/validate.h). Checks properties, not
// just "does not crash": an accepted name is safe to join under a folder, and escaping never lets
// a control character through.
#include "hub/core/types.h"
#include "hub/core/validate.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {
void require(bool ok)
{
    if (!ok)
        __builtin_trap();
}

bool hasControl(std::string_view s)
{
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f)
            return true;
    }
    return false;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    if (hub::isSafeServerPath(text)) {
        require(hub::isSafeRepoPath(text));
        require(!hasControl(text));
        require(text.size() <= hub::kMaxServerPathBytes);
        require(text.find("/../") == std::string_view::npos && text.substr(0, 3) != "../");
        std::string lower(text);
        for (auto &c : lower)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
        require(lower.substr(0, 5) != ".git/" && lower.find("/.git/") == std::string::npos && lower != ".git" &&
                (lower.size() < 5 || lower.substr(lower.size() - 5) != "/.git"));
    }
    const std::string shown = hub::escapeControls(text);
    require(!hasControl(shown));
    const std::string multi = hub::escapeControls(text, true);
    for (char c : multi)
        require(c == '\n' || c == '\t' || !(static_cast<unsigned char>(c) < 0x20 || c == 0x7f));
    (void)hub::isContentId(text);
    return 0;
}
