// libFuzzer target: file and history answers (tree, paths-info, commits, compare).
#include "hub/api/parse.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view body(reinterpret_cast<const char *>(data), size);
    if (auto tree = hub::parseTree(body); tree.ok()) {
        for (const auto &e : *tree)
            (void)e.contentId();
    }
    (void)hub::parseCommits(body);
    (void)hub::parseCompare(body);
    return 0;
}
