#pragma once
// The environment, read the way huggingface_hub reads it (constants.py): one place for HF_HOME,
// "~" and "$VAR" expansion and boolean variables, used by the cache location, the token store
// and the client configuration, so HF_HOME=~/hf finds the same cache AND the same token.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hub {

/// Reads one environment variable; nullopt when unset. Injected so tests never touch the real
/// environment or the real home directory.
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

/// The process environment (getenv).
EnvLookup processEnv();

/// `name` when set and not empty.
std::optional<std::string> envNonEmpty(const EnvLookup &env, std::string_view name);

/// "1", "true", "yes", "on" (any case), like huggingface_hub's _is_true.
bool envTrue(const EnvLookup &env, std::string_view name);

/// "~" / "~/x" -> $HOME (from `env`), like os.path.expanduser ("~user" is left alone).
std::string expandUser(std::string_view text, const EnvLookup &env);
/// "$VAR" and "${VAR}" -> value; unknown variables are left as written (os.path.expandvars).
std::string expandVars(std::string_view text, const EnvLookup &env);
/// expandVars(expandUser(text)), made absolute and normal (symlinks are not resolved).
std::filesystem::path expandPath(std::string_view text, const EnvLookup &env);

/// $HF_HOME (expanded) or $XDG_CACHE_HOME/huggingface or ~/.cache/huggingface.
std::filesystem::path hfHome(const EnvLookup &env);

} // namespace hub
