// libFuzzer target: file and history answers (tree, paths-info, commits, compare).
#include "hub/api/parse.h"
#include "hub/core/types.h"
#include "hub/core/validate.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view body(reinterpret_cast<const char *>(data), size);
    if (auto tree = hub::parseTree(body); tree.ok()) {
        // What the parser accepts, the disk may take: a safe name and a hash id for every file.
        for (const auto &e : *tree) {
            if (!hub::isSafeServerPath(e.path))
                __builtin_trap();
            if (e.type == hub::TreeEntry::Type::File && !hub::isContentId(e.contentId()))
                __builtin_trap();
        }
    }
    (void)hub::parseCommits(body);
    (void)hub::parseCompare(body);
    return 0;
}
