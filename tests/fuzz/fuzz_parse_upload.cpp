// libFuzzer target: upload protocol answers (preupload, LFS batch, commit, create repo).
#include "hub/api/parse.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view body(reinterpret_cast<const char *>(data), size);
    (void)hub::parsePreupload(body);
    if (auto batch = hub::parseLfsBatch(body); batch.ok()) {
        for (const auto &o : batch->objects)
            if (o.isMultipart() && o.chunkSize == 0)
                __builtin_trap(); // a multipart object always has a usable chunk size
    }
    (void)hub::parseCommitResult(body);
    (void)hub::parseCreateRepo(body);
    return 0;
}
