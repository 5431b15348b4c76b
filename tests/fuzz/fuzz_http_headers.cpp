// libFuzzer target: header and URL parsing (Link rel=next, Location resolution, origins,
// Retry-After / RateLimit) on hostile header values.
#include "hub/api/http.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view in(reinterpret_cast<const char *>(data), size);
    const auto nl = in.find('\n');
    const std::string_view a = in.substr(0, nl);
    const std::string_view b = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
    (void)hub::parseLinkNext(a, b);
    (void)hub::parseLinkNext(b, "https://huggingface.co/api/models");
    (void)hub::resolveUrl(b, a);
    (void)hub::urlOrigin(a);
    hub::HttpHeaders h;
    h.add("RateLimit", std::string(a));
    h.add("Retry-After", std::string(b));
    const int delay = hub::serverRetryDelaySeconds(h);
    if (delay < -1 || delay > 86401)
        __builtin_trap();
    return 0;
}
