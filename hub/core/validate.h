#pragma once
// The one rule for names and ids a server gives us. Every answer of a Hub is untrusted input (a
// mirror can be compromised, an endpoint typed wrong): paths, content ids, commit ids and sizes
// are checked here, once, where they enter (the parsers of hub/api), so nothing downstream can
// be steered into writing, reading or allocating outside what the user asked for.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hub {

/// Longest repo path we accept (bytes), and longest single component (every Linux file system's
/// NAME_MAX).
inline constexpr size_t kMaxServerPathBytes = 4096;
inline constexpr size_t kMaxServerNameBytes = 255;
/// Largest file size a listing may claim (1 PiB). Anything larger is a lie: refusing it up front
/// keeps every later computation (ranges, progress, preallocation) far from overflow.
inline constexpr uint64_t kMaxServerFileSize = uint64_t{1} << 50;

/// Why `path` (a file or folder path inside a repo, as a server gave it) is unsafe to use on
/// disk, in plain words; nullopt when it is fine. Stricter than isSafeRepoPath: also refuses
/// control characters (terminal escapes, newlines), a ".git", ".hg" or ".svn" component in any
/// letter case (a work tree's config would run code), the ".cache/huggingface" metadata folder of
/// local-dir downloads, invalid UTF-8, and over-long paths or components.
std::optional<std::string> serverPathProblem(std::string_view path);
inline bool isSafeServerPath(std::string_view path)
{
    return !serverPathProblem(path);
}

/// A content id the cache may use as a file name: a git blob SHA-1 (40 hex) or a SHA-256
/// (64 hex), lowercase.
bool isContentId(std::string_view id);

/// `text` made safe to print: control characters (ESC, BEL, CR...), C1 controls, bidirectional
/// overrides and bytes that are not UTF-8 become visible escapes ("\x1b", "\r", "\u202e"), so a
/// name from a server can never move the cursor, recolour or retitle a terminal. Printable UTF-8
/// stays as it is. With keepNewlines, '\n' and '\t' pass (multi-line messages, comment bodies).
std::string escapeControls(std::string_view text, bool keepNewlines = false);

} // namespace hub
