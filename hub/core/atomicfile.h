#pragma once
// Crash-safe small-file writes, shared by the token store, the cache writer and the transfer journal.

#include <filesystem>
#include <functional>
#include <string_view>

namespace hub {

/// Writes `content` to `file` so that a crash leaves either the old or the new content, never a
/// mix: a unique temporary file next to it (created with `mode`, less the umask), write, fsync,
/// rename over `file`, fsync of the folder. The folder must exist. Returns 0 on success, else the
/// errno of the step that failed (the temporary file is removed); callers turn it into their own
/// plain-language error, since "the cache disk is full" and "your login could not be saved" differ.
/// `sync` replaces ::fsync of the file (0 or an errno): tests pass a slow or failing disk.
using FileSync = std::function<int(int fd)>;
int writeFileAtomically(const std::filesystem::path &file, std::string_view content, unsigned mode = 0666,
                        const FileSync &sync = {});

} // namespace hub
