#include "hub/core/env.h"

#include <cstdlib>
#include <system_error>

namespace hub {

namespace fs = std::filesystem;

namespace {
std::string homeDir(const EnvLookup &env)
{
    if (auto h = envNonEmpty(env, "HOME"))
        return *h;
    return "/";
}
} // namespace

EnvLookup processEnv()
{
    return [](std::string_view name) -> std::optional<std::string> {
        const char *v = std::getenv(std::string(name).c_str());
        if (!v)
            return std::nullopt;
        return std::string(v);
    };
}

std::optional<std::string> envNonEmpty(const EnvLookup &env, std::string_view name)
{
    auto v = env(name);
    if (v && v->empty())
        return std::nullopt;
    return v;
}

bool envTrue(const EnvLookup &env, std::string_view name)
{
    auto v = env(name);
    if (!v)
        return false;
    std::string l;
    for (char c : *v)
        l.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    return l == "1" || l == "true" || l == "yes" || l == "on";
}

std::string expandUser(std::string_view text, const EnvLookup &env)
{
    if (text.empty() || text.front() != '~')
        return std::string(text);
    const auto slash = text.find('/');
    // "~user/..." (another user's home) is left alone: HubDesk never resolves other accounts.
    if (slash != 1 && text.size() != 1)
        return std::string(text);
    std::string home = homeDir(env);
    while (home.size() > 1 && home.back() == '/')
        home.pop_back();
    return home + std::string(text.substr(1));
}

std::string expandVars(std::string_view text, const EnvLookup &env)
{
    auto isNameChar = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    };
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '$') {
            out.push_back(text[i++]);
            continue;
        }
        std::string name;
        size_t end = i + 1;
        if (end < text.size() && text[end] == '{') {
            const auto close = text.find('}', end);
            if (close == std::string_view::npos) {
                out.push_back(text[i++]);
                continue;
            }
            name = std::string(text.substr(end + 1, close - end - 1));
            end = close + 1;
        } else {
            while (end < text.size() && isNameChar(text[end]))
                ++end;
            name = std::string(text.substr(i + 1, end - i - 1));
        }
        auto value = name.empty() ? std::nullopt : env(name);
        if (value)
            out += *value;
        else
            out += text.substr(i, end - i);
        i = end;
    }
    return out;
}

fs::path expandPath(std::string_view text, const EnvLookup &env)
{
    const std::string p = expandVars(expandUser(text, env), env);
    std::error_code ec;
    fs::path out = fs::absolute(fs::path(p), ec);
    if (ec)
        out = fs::path(p);
    return out.lexically_normal();
}

fs::path hfHome(const EnvLookup &env)
{
    if (auto h = envNonEmpty(env, "HF_HOME"))
        return expandPath(*h, env);
    std::string base;
    if (auto x = envNonEmpty(env, "XDG_CACHE_HOME"))
        base = *x;
    else
        base = homeDir(env) + "/.cache";
    return expandPath(base + "/huggingface", env);
}

} // namespace hub
