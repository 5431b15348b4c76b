#include "hub/api/tokenstore.h"

#include "hub/core/atomicfile.h"

#include "hub/core/strings.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace hub {

namespace fs = std::filesystem;

namespace {

HubError ioError(const std::string &what, const fs::path &path, int err)
{
    return HubError::make(ErrorCode::Io,
                          "Could not " + what + " " + path.string() + ": check that the folder exists and is writable.",
                          std::strerror(err));
}

Expected<std::optional<std::string>> readFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (errno == ENOENT || !fs::exists(path))
            return std::optional<std::string>{};
        return ioError("read", path, errno);
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return std::optional<std::string>(ss.str());
}

/// Writes with mode 0600 through a temp file + rename; the parent folder is made 0700 like
/// huggingface_hub does.
Status writePrivateFile(const fs::path &path, const std::string &content)
{
    std::error_code ec;
    const fs::path dir = path.parent_path();
    if (!dir.empty()) {
        fs::create_directories(dir, ec);
        if (ec)
            return ioError("create the folder", dir, ec.value());
        ::chmod(dir.c_str(), 0700);
    }
    if (const int err = writeFileAtomically(path, content, 0600); err != 0)
        return ioError("write", path, err);
    return {};
}

Status removeFile(const fs::path &path)
{
    std::error_code ec;
    fs::remove(path, ec);
    if (ec)
        return ioError("delete", path, ec.value());
    return {};
}

struct Section {
    std::string name;
    std::vector<std::pair<std::string, std::string>> keys; // in file order, keys lowercased
    std::string get(const std::string &key) const
    {
        for (const auto &[k, v] : keys)
            if (k == key)
                return v;
        return {};
    }
    void set(const std::string &key, const std::string &value)
    {
        for (auto &[k, v] : keys)
            if (k == key) {
                v = value;
                return;
            }
        keys.emplace_back(key, value);
    }
};

/// configparser-compatible subset: [section], "key = value" / "key: value", ';'/'#' comments,
/// keys case-folded, continuation lines appended.
std::vector<Section> parseIni(const std::string &text)
{
    std::vector<Section> out;
    std::string lastKey;
    for (const auto &rawLine : split(text, '\n')) {
        std::string line = rawLine;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const std::string_view t = trim(line);
        if (t.empty() || t.front() == '#' || t.front() == ';') {
            lastKey.clear();
            continue;
        }
        if (t.front() == '[' && t.back() == ']') {
            out.push_back(Section{std::string(t.substr(1, t.size() - 2)), {}});
            lastKey.clear();
            continue;
        }
        if (out.empty())
            continue;
        const bool continuation = !line.empty() && (line.front() == ' ' || line.front() == '\t');
        if (continuation && !lastKey.empty()) {
            out.back().set(lastKey, out.back().get(lastKey) + "\n" + std::string(t));
            continue;
        }
        const auto sep = t.find_first_of("=:");
        if (sep == std::string_view::npos)
            continue;
        lastKey = toLower(trim(t.substr(0, sep)));
        out.back().set(lastKey, std::string(trim(t.substr(sep + 1))));
    }
    return out;
}

std::string writeIni(std::vector<Section> sections)
{
    std::sort(sections.begin(), sections.end(), [](const Section &a, const Section &b) { return a.name < b.name; });
    std::string out;
    for (const auto &s : sections) {
        out += "[" + s.name + "]\n";
        for (const auto &[k, v] : s.keys)
            out += k + " = " + v + "\n";
        out += "\n"; // configparser ends each section with a blank line
    }
    return out;
}

bool validName(const std::string &name)
{
    return !name.empty() && name.find_first_of("[]\r\n") == std::string::npos && trim(name) == name;
}

} // namespace

TokenStore::TokenStore(fs::path tokenFile) : m_tokenFile(std::move(tokenFile)) {}

fs::path TokenStore::hfHome()
{
    return hfHome(processEnv());
}

fs::path TokenStore::hfHome(const EnvLookup &env)
{
    return hub::hfHome(env);
}

TokenStore TokenStore::fromEnvironment()
{
    return fromEnvironment(processEnv());
}

TokenStore TokenStore::fromEnvironment(const EnvLookup &env)
{
    if (auto p = envNonEmpty(env, "HF_TOKEN_PATH"))
        return TokenStore(expandPath(*p, env));
    return TokenStore(hfHome(env) / "token");
}

std::string TokenStore::cleanToken(std::string_view raw)
{
    std::string s;
    for (char c : raw)
        if (c != '\r' && c != '\n')
            s.push_back(c);
    return std::string(trim(s));
}

fs::path TokenStore::storedTokensFile() const
{
    return m_tokenFile.parent_path() / "stored_tokens";
}

Expected<std::optional<std::string>> TokenStore::activeToken() const
{
    auto content = readFile(m_tokenFile);
    if (!content)
        return content.error();
    if (!*content)
        return std::optional<std::string>{};
    std::string t = cleanToken(**content);
    if (t.empty())
        return std::optional<std::string>{};
    return std::optional<std::string>(std::move(t));
}

Expected<std::vector<StoredToken>> TokenStore::list() const
{
    auto content = readFile(storedTokensFile());
    if (!content)
        return content.error();
    auto active = activeToken();
    if (!active)
        return active.error();
    std::vector<StoredToken> out;
    if (!*content)
        return out;
    for (const auto &s : parseIni(**content)) {
        StoredToken t;
        t.name = s.name;
        t.token = cleanToken(s.get("hf_token"));
        t.refreshToken = s.get("refresh_token");
        uint64_t exp = 0;
        if (parseUint64(s.get("expires_at"), exp))
            t.expiresAt = static_cast<int64_t>(exp);
        t.active = *active && **active == t.token && !t.token.empty();
        out.push_back(std::move(t));
    }
    std::sort(out.begin(), out.end(), [](const StoredToken &a, const StoredToken &b) { return a.name < b.name; });
    return out;
}

Status TokenStore::save(const std::string &name, const std::string &token, bool makeActive)
{
    const std::string clean = cleanToken(token);
    if (!validName(name))
        return HubError::make(
            ErrorCode::InvalidArgument,
            "A token name must not be empty, start or end with spaces, or contain [ ] or line breaks.");
    if (clean.empty())
        return HubError::make(ErrorCode::InvalidArgument,
                              "The token is empty: paste the token from your Hub settings.");
    auto content = readFile(storedTokensFile());
    if (!content)
        return content.error();
    std::vector<Section> sections = *content ? parseIni(**content) : std::vector<Section>{};
    auto it = std::find_if(sections.begin(), sections.end(), [&](const Section &s) { return s.name == name; });
    if (it == sections.end()) {
        sections.push_back(Section{name, {}});
        it = sections.end() - 1;
    } else {
        // a new token for the name replaces any OAuth refresh data of the old one
        it->keys.clear();
    }
    it->set("hf_token", clean);
    if (auto st = writePrivateFile(storedTokensFile(), writeIni(sections)); !st)
        return st;
    if (makeActive)
        return writePrivateFile(m_tokenFile, clean);
    return {};
}

Status TokenStore::switchTo(const std::string &name)
{
    auto tokens = list();
    if (!tokens)
        return tokens.error();
    for (const auto &t : *tokens)
        if (t.name == name)
            return writePrivateFile(m_tokenFile, t.token);
    return HubError::make(ErrorCode::InvalidArgument,
                          "There is no saved token named \"" + name + "\": sign in again to save it.");
}

Status TokenStore::remove(const std::string &name)
{
    auto content = readFile(storedTokensFile());
    if (!content)
        return content.error();
    std::vector<Section> sections = *content ? parseIni(**content) : std::vector<Section>{};
    auto it = std::find_if(sections.begin(), sections.end(), [&](const Section &s) { return s.name == name; });
    if (it == sections.end())
        return HubError::make(ErrorCode::InvalidArgument, "There is no saved token named \"" + name + "\".");
    const std::string removed = cleanToken(it->get("hf_token"));
    sections.erase(it);
    if (auto st = writePrivateFile(storedTokensFile(), writeIni(sections)); !st)
        return st;
    auto active = activeToken();
    if (active && *active && **active == removed)
        return removeFile(m_tokenFile);
    return {};
}

Status TokenStore::logoutAll()
{
    if (auto st = removeFile(m_tokenFile); !st)
        return st;
    return removeFile(storedTokensFile());
}

} // namespace hub
