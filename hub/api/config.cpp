#include "hub/api/config.h"

#include "hub/api/tokenstore.h"
#include "hub/core/env.h"
#include "hub/core/strings.h"
#include "hub/core/version.h"

#include <curl/curl.h>

#include <cstdlib>

namespace hub {

namespace {
// The environment is read through hub/core/env (one set of rules with the cache and tokens).
std::string env(const char *name)
{
    return processEnv()(name).value_or(std::string());
}

bool envTrue(const char *name)
{
    return hub::envTrue(
        [](std::string_view n) -> std::optional<std::string> {
            auto v = processEnv()(n);
            if (v)
                v = std::string(trim(*v));
            return v;
        },
        name);
}

std::string firstEnv(std::initializer_list<const char *> names)
{
    for (const char *n : names) {
        std::string v = env(n);
        if (!v.empty())
            return v;
    }
    return {};
}
} // namespace

std::string ClientConfig::defaultUserAgent()
{
    const curl_version_info_data *curl = curl_version_info(CURLVERSION_NOW);
    return std::string("hubdesk/") + HUBDESK_VERSION + "; libcurl/" + (curl && curl->version ? curl->version : "?");
}

std::string ClientConfig::normalizeEndpoint(std::string endpoint)
{
    while (!endpoint.empty() && endpoint.back() == '/')
        endpoint.pop_back();
    return endpoint;
}

ClientConfig ClientConfig::fromEnvironment()
{
    ClientConfig c;
    c.userAgent = defaultUserAgent();
    if (std::string e = env("HF_ENDPOINT"); !e.empty())
        c.endpoint = normalizeEndpoint(e);
    if (!envTrue("HF_HUB_DISABLE_IMPLICIT_TOKEN")) {
        std::string t = TokenStore::cleanToken(firstEnv({"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"}));
        if (t.empty()) {
            if (auto stored = TokenStore::fromEnvironment().activeToken(); stored && *stored)
                t = **stored;
        }
        c.token = t;
    }
    c.proxy = firstEnv({"HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"});
    c.httpProxy = firstEnv({"HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"});
    c.noProxy = firstEnv({"NO_PROXY", "no_proxy"});
    c.caBundle = firstEnv({"CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE"});
    c.offline = envTrue("HF_HUB_OFFLINE");
    return c;
}

} // namespace hub
