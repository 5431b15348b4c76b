#pragma once
// Process-wide set-up that a library must not do behind its caller's back.

namespace hub {

/// Call once at the very start of main(), before any thread is started (libcurl's global init is
/// not thread-safe): initialises libcurl (TLS and all) for the whole process, and ignores SIGXFSZ
/// so that a write past RLIMIT_FSIZE fails with EFBIG (which the engine reports as a full disk)
/// instead of killing the program. Calling it again does nothing.
void initProcess();

} // namespace hub
