#pragma once
// Shared helpers of the network tests (TLS, proxies, expiring storage URLs): sandboxes with a
// certificate, client and engine configs that trust a test CA, and environment overrides.

#include "net/testpki.h"
#include "transfer/transfer_fixture.h"

#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nettest {

inline constexpr const char *kSans = "DNS:localhost,IP:127.0.0.1,IP:::1";

inline bool contains(const std::string &haystack, const std::string &needle)
{
    return haystack.find(needle) != std::string::npos;
}

inline std::string pseudoRandom(size_t n, uint32_t seed)
{
    std::string s(n, '\0');
    uint32_t x = seed * 2654435761u + 1;
    for (auto &c : s) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = static_cast<char>(x & 0xff);
    }
    return s;
}

/// Sets (or, with an empty value, unsets) environment variables for one scope.
class ScopedEnv {
public:
    explicit ScopedEnv(std::vector<std::pair<std::string, std::string>> values)
    {
        for (const auto &[name, value] : values) {
            const char *old = std::getenv(name.c_str());
            m_old.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
            if (value.empty())
                ::unsetenv(name.c_str());
            else
                ::setenv(name.c_str(), value.c_str(), 1);
        }
    }
    ~ScopedEnv()
    {
        for (auto it = m_old.rbegin(); it != m_old.rend(); ++it) {
            if (it->second)
                ::setenv(it->first.c_str(), it->second->c_str(), 1);
            else
                ::unsetenv(it->first.c_str());
        }
    }
    ScopedEnv(const ScopedEnv &) = delete;
    ScopedEnv &operator=(const ScopedEnv &) = delete;

private:
    std::vector<std::pair<std::string, std::optional<std::string>>> m_old;
};

/// The demo sandbox over HTTPS with `files` (or over plain HTTP when `files` is empty).
inline std::unique_ptr<hub::sandbox::Server> startTlsSandbox(const TestCa::ServerFiles &files,
                                                             hub::sandbox::ServerOptions o = {})
{
    o.tlsCert = files.cert;
    o.tlsKey = files.key;
    o.multipartThreshold = 256 * 1024;
    return transfertest::startSandbox(o);
}

inline hub::ClientConfig tlsConfig(const hub::sandbox::Server &server, const fs::path &caBundle,
                                   const std::string &token = {})
{
    hub::ClientConfig c = transfertest::clientConfig(server, token);
    c.caBundle = caBundle.string();
    return c;
}

inline hub::EngineOptions tlsEngineOptions(const hub::sandbox::Server &server, const QTemporaryDir &dir,
                                           const fs::path &caBundle, const std::string &token = {})
{
    hub::EngineOptions o = transfertest::engineOptions(server, dir, token);
    o.clientConfig.caBundle = caBundle.string();
    return o;
}

} // namespace nettest
