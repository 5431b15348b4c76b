// The token files shared with the hf CLI, and the configuration read from the environment.

#include "hub/api/config.h"
#include "hub/api/tokenstore.h"
#include "hub/cache/location.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/stat.h>

using namespace hub;
namespace fs = std::filesystem;

namespace {
std::string readAll(const fs::path &p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

unsigned mode(const fs::path &p)
{
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777;
}

/// Sets environment variables for one test and restores them afterwards.
class EnvGuard {
public:
    ~EnvGuard()
    {
        for (const auto &[k, v] : m_saved) {
            if (v)
                ::setenv(k.c_str(), v->c_str(), 1);
            else
                ::unsetenv(k.c_str());
        }
    }
    void set(const std::string &k, const std::optional<std::string> &v)
    {
        if (!m_saved.count(k)) {
            const char *old = std::getenv(k.c_str());
            m_saved[k] = old ? std::optional<std::string>(old) : std::nullopt;
        }
        if (v)
            ::setenv(k.c_str(), v->c_str(), 1);
        else
            ::unsetenv(k.c_str());
    }

private:
    std::map<std::string, std::optional<std::string>> m_saved;
};
} // namespace

class TestApiTokenStore final : public QObject {
    Q_OBJECT

private slots:
    void save_writesFilesLikeHfAuthLogin()
    {
        QTemporaryDir dir;
        const fs::path home = fs::path(dir.path().toStdString()) / "hf";
        TokenStore store(home / "token");
        QVERIFY(store.save("work", "hf_workTokenAAAA\n").ok());
        QVERIFY(store.save("ci-token", "hf_ciTokenBBBB", false).ok());
        // exactly what Python's configparser writes: sorted sections, "key = value", blank line after each
        QCOMPARE(readAll(home / "stored_tokens"),
                 std::string("[ci-token]\nhf_token = hf_ciTokenBBBB\n\n[work]\nhf_token = hf_workTokenAAAA\n\n"));
        QCOMPARE(readAll(home / "token"), std::string("hf_workTokenAAAA")); // no newline
        QCOMPARE(mode(home / "token"), 0600u);
        QCOMPARE(mode(home / "stored_tokens"), 0600u);
        QCOMPARE(mode(home), 0700u);
    }

    void list_switch_remove_manageNamedTokens()
    {
        QTemporaryDir dir;
        const fs::path home(dir.path().toStdString());
        TokenStore store(home / "token");
        QVERIFY(store.list()->empty());
        QVERIFY(!store.activeToken().value());
        QVERIFY(store.save("a", "hf_aaaaaaaa").ok());
        QVERIFY(store.save("b", "hf_bbbbbbbb").ok());
        auto tokens = store.list();
        QVERIFY(tokens.ok());
        QCOMPARE(tokens->size(), size_t(2));
        QVERIFY(!(*tokens)[0].active);
        QVERIFY((*tokens)[1].active); // the last login is active
        QVERIFY(store.switchTo("a").ok());
        QCOMPARE(**store.activeToken(), std::string("hf_aaaaaaaa"));
        QCOMPARE(store.switchTo("nope").error().code, ErrorCode::InvalidArgument);
        // removing a non-active token keeps the active one
        QVERIFY(store.remove("b").ok());
        QCOMPARE(**store.activeToken(), std::string("hf_aaaaaaaa"));
        // removing the active token signs out
        QVERIFY(store.remove("a").ok());
        QVERIFY(!store.activeToken().value());
        QVERIFY(!fs::exists(home / "token"));
        QVERIFY(store.list()->empty());
        QVERIFY(store.save("c", "hf_cccccccc").ok());
        QVERIFY(store.logoutAll().ok());
        QVERIFY(!fs::exists(home / "token"));
        QVERIFY(!fs::exists(home / "stored_tokens"));
    }

    void list_readsFilesWrittenByHf()
    {
        QTemporaryDir dir;
        const fs::path home(dir.path().toStdString());
        {
            std::ofstream(home / "stored_tokens")
                << "[oauth-alice]\nhf_token = hf_oauthTokenXYZ\nrefresh_token = rt_1\n"
                   "expires_at = 1767225600\n\n[Old Token]\nHF_TOKEN: hf_old12345\n\n";
            std::ofstream(home / "token") << "  hf_oauthTokenXYZ\r\n";
        }
        TokenStore store(home / "token");
        QCOMPARE(**store.activeToken(), std::string("hf_oauthTokenXYZ"));
        auto tokens = store.list();
        QVERIFY(tokens.ok());
        QCOMPARE(tokens->size(), size_t(2));
        QCOMPARE((*tokens)[0].name, std::string("Old Token"));
        QCOMPARE((*tokens)[0].token, std::string("hf_old12345"));
        QCOMPARE((*tokens)[1].name, std::string("oauth-alice"));
        QVERIFY((*tokens)[1].active);
        QCOMPARE((*tokens)[1].refreshToken, std::string("rt_1"));
        QCOMPARE((*tokens)[1].expiresAt.value_or(0), int64_t(1767225600));
        // rewriting keeps the other sections' extra keys
        QVERIFY(store.save("new", "hf_newnewnew", false).ok());
        QVERIFY(readAll(home / "stored_tokens").find("refresh_token = rt_1") != std::string::npos);
    }

    void save_rejectsBadNames()
    {
        QTemporaryDir dir;
        TokenStore store(fs::path(dir.path().toStdString()) / "token");
        QCOMPARE(store.save("", "hf_x").error().code, ErrorCode::InvalidArgument);
        QCOMPARE(store.save("a]b", "hf_x").error().code, ErrorCode::InvalidArgument);
        QCOMPARE(store.save("ok", "  \n").error().code, ErrorCode::InvalidArgument);
    }

    void hfHomeWithTilde_findsTheSameTokenAsTheCache()
    {
        // HF_HOME=~/hf: the cache was found at ~/hf/hub but the token was looked for in a folder
        // literally named "~". One environment module now answers both.
        std::map<std::string, std::string> vars = {{"HOME", "/home/ann"}, {"HF_HOME", "~/hf"}};
        const hub::EnvLookup env = [&](std::string_view name) -> std::optional<std::string> {
            auto it = vars.find(std::string(name));
            return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
        };
        QCOMPARE(TokenStore::fromEnvironment(env).tokenFile(), fs::path("/home/ann/hf/token"));
        QCOMPARE(hub::cache::CacheLocation::hubCacheDir(env), fs::path("/home/ann/hf/hub"));
        QCOMPARE(TokenStore::hfHome(env), hub::cache::CacheLocation::hfHome(env));
        vars["HF_HOME"] = "${HOME}/x/../hf2";
        QCOMPARE(TokenStore::fromEnvironment(env).tokenFile(), fs::path("/home/ann/hf2/token"));
        vars["HF_TOKEN_PATH"] = "~/secrets/hf";
        QCOMPARE(TokenStore::fromEnvironment(env).tokenFile(), fs::path("/home/ann/secrets/hf"));
    }

    void config_readsEnvironmentLikeHuggingfaceHub()
    {
        QTemporaryDir dir;
        const fs::path root(dir.path().toStdString());
        EnvGuard env;
        for (const char *k : {"HF_ENDPOINT", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_TOKEN_PATH", "HF_HOME",
                              "XDG_CACHE_HOME", "HF_HUB_OFFLINE", "HTTPS_PROXY", "https_proxy", "HTTP_PROXY",
                              "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy",
                              "HF_HUB_DISABLE_IMPLICIT_TOKEN", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE"})
            env.set(k, std::nullopt);
        env.set("HOME", root.string());

        ClientConfig c = ClientConfig::fromEnvironment();
        QCOMPARE(c.endpoint, std::string("https://huggingface.co"));
        QVERIFY(c.token.empty());
        QVERIFY(!c.offline);
        // A truthful agent: "hubdesk/<version>; libcurl/<version>" (a CDN treats default agents differently).
        QVERIFY(c.userAgent.rfind("hubdesk/", 0) == 0);
        QVERIFY(c.userAgent.find("; libcurl/") != std::string::npos);
        QCOMPARE(TokenStore::hfHome(), root / ".cache" / "huggingface");

        env.set("XDG_CACHE_HOME", (root / "xdg").string());
        QCOMPARE(TokenStore::hfHome(), root / "xdg" / "huggingface");
        QVERIFY(TokenStore::fromEnvironment().save("t", "hf_fromXdgCache").ok());
        QCOMPARE(ClientConfig::fromEnvironment().token, std::string("hf_fromXdgCache"));

        env.set("HF_HOME", (root / "home").string());
        QCOMPARE(TokenStore::fromEnvironment().tokenFile(), root / "home" / "token");
        QVERIFY(ClientConfig::fromEnvironment().token.empty());

        env.set("HF_TOKEN_PATH", (root / "elsewhere" / "tok").string());
        QVERIFY(TokenStore::fromEnvironment().save("t", "hf_fromTokenPath").ok());
        QVERIFY(fs::exists(root / "elsewhere" / "stored_tokens"));
        QCOMPARE(ClientConfig::fromEnvironment().token, std::string("hf_fromTokenPath"));
        env.set("HF_HUB_DISABLE_IMPLICIT_TOKEN", "1");
        QVERIFY(ClientConfig::fromEnvironment().token.empty());
        env.set("HF_HUB_DISABLE_IMPLICIT_TOKEN", std::nullopt);

        env.set("HF_TOKEN", " hf_fromEnvironment\n");
        env.set("HF_ENDPOINT", "http://127.0.0.1:8080//");
        env.set("HF_HUB_OFFLINE", "1");
        env.set("HTTPS_PROXY", "http://proxy:3128");
        env.set("http_proxy", "http://proxy:3129");
        env.set("NO_PROXY", "localhost,127.0.0.1");
        c = ClientConfig::fromEnvironment();
        QCOMPARE(c.token, std::string("hf_fromEnvironment"));
        QCOMPARE(c.endpoint, std::string("http://127.0.0.1:8080"));
        QVERIFY(c.offline);
        QCOMPARE(c.proxy, std::string("http://proxy:3128"));
        QCOMPARE(c.httpProxy, std::string("http://proxy:3129"));
        QCOMPARE(c.noProxy, std::string("localhost,127.0.0.1"));
    }
};

QTEST_GUILESS_MAIN(TestApiTokenStore)
#include "test_api_tokenstore.moc"
