// libFuzzer target: repository-level answers (list, info, whoami, refs) must never crash.
#include "hub/api/parse.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view body(reinterpret_cast<const char *>(data), size);
    (void)hub::parseRepoList(body, hub::RepoType::Model);
    (void)hub::parseRepoInfo(body, hub::RepoType::Dataset);
    (void)hub::parseWhoAmI(body);
    (void)hub::parseRefs(body);
    (void)hub::parseErrorMessage(body);
    return 0;
}
