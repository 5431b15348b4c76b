#pragma once
// Where the Hugging Face hub cache lives, resolved exactly like Python huggingface_hub does
// (constants.py): HF_HUB_CACHE > HUGGINGFACE_HUB_CACHE > $HF_HOME/hub >
// $XDG_CACHE_HOME/huggingface/hub > ~/.cache/huggingface/hub, with "~" and "$VAR"/"${VAR}"
// expanded in the values. QStandardPaths is deliberately not used: it answers differently.

#include "hub/core/env.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hub::cache {

/// Reads one environment variable (hub/core/env.h).
using EnvLookup = hub::EnvLookup;

/// Resolves the cache directories. Stateless; all functions are thread-safe.
class CacheLocation {
public:
    /// The process environment (getenv).
    static EnvLookup processEnv();

    /// $HF_HOME (expanded) or $XDG_CACHE_HOME/huggingface or ~/.cache/huggingface.
    static std::filesystem::path hfHome(const EnvLookup &env = processEnv());
    /// The hub cache. `overrideDir` (from HubDesk's settings or --cache-dir) wins when non-empty
    /// and is expanded the same way; the result is made absolute but symlinks are not resolved.
    static std::filesystem::path hubCacheDir(const EnvLookup &env = processEnv(),
                                             const std::filesystem::path &overrideDir = {});
    /// $HF_XET_CACHE verbatim (Python does not expand it) or $HF_HOME/xet.
    static std::filesystem::path xetCacheDir(const EnvLookup &env = processEnv());

    /// "~" / "~/x" -> $HOME (from `env`), like os.path.expanduser.
    static std::string expandUser(std::string_view text, const EnvLookup &env = processEnv());
    /// "$VAR" and "${VAR}" -> value; unknown variables are left as written (os.path.expandvars).
    static std::string expandVars(std::string_view text, const EnvLookup &env = processEnv());
};

} // namespace hub::cache
