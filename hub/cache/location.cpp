#include "hub/cache/location.h"

#include <cstdlib>
#include <system_error>

namespace hub::cache {

namespace fs = std::filesystem;

namespace {
fs::path absolutePath(const std::string &p)
{
    std::error_code ec;
    fs::path out = fs::absolute(fs::path(p), ec);
    if (ec)
        out = fs::path(p);
    return out.lexically_normal();
}
} // namespace

// The environment rules live in hub/core/env (shared with the token store and the client
// configuration); CacheLocation keeps its names for the cache's callers.
EnvLookup CacheLocation::processEnv()
{
    return hub::processEnv();
}

std::string CacheLocation::expandUser(std::string_view text, const EnvLookup &env)
{
    return hub::expandUser(text, env);
}

std::string CacheLocation::expandVars(std::string_view text, const EnvLookup &env)
{
    return hub::expandVars(text, env);
}

fs::path CacheLocation::hfHome(const EnvLookup &env)
{
    return hub::hfHome(env);
}

fs::path CacheLocation::hubCacheDir(const EnvLookup &env, const fs::path &overrideDir)
{
    if (!overrideDir.empty())
        return expandPath(overrideDir.string(), env);
    if (auto v = envNonEmpty(env, "HF_HUB_CACHE"))
        return expandPath(*v, env);
    if (auto v = envNonEmpty(env, "HUGGINGFACE_HUB_CACHE"))
        return expandPath(*v, env);
    return hfHome(env) / "hub";
}

fs::path CacheLocation::xetCacheDir(const EnvLookup &env)
{
    if (auto v = envNonEmpty(env, "HF_XET_CACHE"))
        return absolutePath(*v);
    return hfHome(env) / "xet";
}

} // namespace hub::cache
