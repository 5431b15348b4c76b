#pragma once
// The token files shared with the official `hf` CLI ("hf auth login" / "hf auth switch" /
// "hf auth logout"), read and written in the same format.

#include "hub/core/env.h"
#include "hub/core/expected.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hub {

/// One named token of the `stored_tokens` INI file.
struct StoredToken {
    std::string name;  // section name: the token's displayName from whoami, or "oauth-<user>"
    std::string token; // hf_...
    /// OAuth logins only (refresh_token / expires_at keys); kept verbatim when rewriting.
    std::string refreshToken;
    std::optional<int64_t> expiresAt;
    /// True when this is the token in the `token` file (the active one).
    bool active = false;
};

/// Reads and writes `$HF_HOME/token` (the active token, no newline) and `stored_tokens` (an INI
/// file with one section per token: `hf_token = hf_...`) next to it, both mode 0600 with the
/// parent folder 0700, exactly like huggingface_hub. Not thread-safe; every call re-reads the
/// files, so several instances (or the hf CLI) can share them.
class TokenStore {
public:
    /// `tokenFile` is the active-token file; stored_tokens lives in the same folder.
    explicit TokenStore(std::filesystem::path tokenFile);
    /// HF_TOKEN_PATH, else $HF_HOME/token (HF_HOME: $XDG_CACHE_HOME/huggingface or
    /// ~/.cache/huggingface).
    static TokenStore fromEnvironment();
    /// The same, from `env` (tests): HF_TOKEN_PATH, else $HF_HOME/token, with "~" and "$VAR"
    /// expanded exactly as for the cache (hub/core/env.h), so HF_HOME=~/hf finds the same token
    /// as `hf auth login` wrote.
    static TokenStore fromEnvironment(const EnvLookup &env);
    /// $HF_HOME, or $XDG_CACHE_HOME/huggingface, or ~/.cache/huggingface.
    static std::filesystem::path hfHome();
    static std::filesystem::path hfHome(const EnvLookup &env);
    /// Removes '\r', '\n' and surrounding spaces, like huggingface_hub.
    static std::string cleanToken(std::string_view raw);

    const std::filesystem::path &tokenFile() const { return m_tokenFile; }
    std::filesystem::path storedTokensFile() const;

    /// The active token, nullopt when there is none (file missing or empty).
    Expected<std::optional<std::string>> activeToken() const;
    /// All named tokens, sorted by name, with `active` set for the one in the token file.
    Expected<std::vector<StoredToken>> list() const;
    /// Adds or replaces the named token in stored_tokens; makes it active when `makeActive`.
    Status save(const std::string &name, const std::string &token, bool makeActive = true);
    /// Makes a stored token the active one (writes the token file).
    Status switchTo(const std::string &name);
    /// Deletes one named token; if it was the active one the token file is removed too.
    Status remove(const std::string &name);
    /// Deletes both files (hf auth logout without a name).
    Status logoutAll();

private:
    std::filesystem::path m_tokenFile;
};

} // namespace hub
