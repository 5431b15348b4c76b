// libFuzzer target: the weights header parsers (hub/inspect/weights.h) on arbitrary bytes. Checks
// properties, not just "does not crash": an accepted file's tensors fit in it and their counts add
// up, and no parser reads past the file or past its header bound.
#include "hub/inspect/weights.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {
void require(bool ok)
{
    if (!ok)
        __builtin_trap();
}

void check(const hub::ByteSource &src, const hub::Expected<hub::WeightsSummary> &s)
{
    require(*src.bytesRead <= src.size);
    if (!s)
        return;
    uint64_t sum = 0;
    for (const auto &t : s->tensors) {
        sum += t.parameters;
        require(t.bytes <= src.size);
    }
    require(sum == s->parameters);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string bytes(reinterpret_cast<const char *>(data), size);
    const auto st = hub::memoryByteSource("f.safetensors", bytes);
    check(st, hub::inspectSafetensors(st));
    const auto gg = hub::memoryByteSource("f.gguf", bytes);
    check(gg, hub::inspectGguf(gg));
    (void)hub::parseSafetensorsIndex(bytes);
    return 0;
}
