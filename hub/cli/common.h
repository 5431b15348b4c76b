#pragma once
// Helpers every Hub-talking hubdesk-cli command shares: the common options, parsing argv with
// --help, the client configuration, plain-word failures, repo arguments, aligned tables, and
// making text from the server safe to print on a terminal.

#include "hub/api/config.h"
#include "hub/cli/args.h"
#include "hub/cli/command.h"
#include "hub/core/error.h"
#include "hub/core/expected.h"
#include "hub/core/types.h"

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace hub::cli {

/// Usage line, one-paragraph description, and the command's own options.
struct Spec {
    const char *usage;
    const char *about;
    std::function<void(Args &)> options;
};

/// --endpoint, --token, --json, --help.
void addCommon(Args &a);
/// --type model|dataset|space.
void addType(Args &a);

/// Parses argv for a command; returns -1 to continue, else the exit status (help or usage error).
int prepare(Args &a, const Spec &spec, const std::vector<std::string> &argv, Io io);

/// The environment's configuration with --endpoint and --token applied.
ClientConfig configFrom(const Args &a);

/// Prints the error's sentence (and its detail in parentheses) and returns 1.
int fail(Io io, const HubError &e);

/// "datasets/acme/x", or "acme/x" with the repo type from `typeOption` (default: model).
Expected<RepoRef> repoArg(const Args &a, const std::string &text, const char *typeOption = "type");

/// Left-aligned columns, the last one unpadded; `right` marks right-aligned columns (sizes).
/// Widths count bytes: escape cells with terminalSafe() first.
void printTable(std::ostream &out, const std::vector<std::vector<std::string>> &rows,
                const std::vector<bool> &right = {});

/// printTable with every cell made safe to print first (the cells hold names from the server or
/// from folder names on disk).
void printSafeTable(std::ostream &out, const std::vector<std::vector<std::string>> &rows,
                    const std::vector<bool> &right = {});

/// "2026-12-03 10:15" from an ISO-8601 time.
std::string shortDate(const std::string &iso);

/// Text from the server made safe to print: control characters (ESC, BEL, CR, ...), C1 controls,
/// bidirectional overrides and bytes that are not UTF-8 become visible escapes (\x1b, \u202e),
/// so a title or a name can never move the cursor, recolour or retitle the terminal. With
/// `multiline`, newlines and tabs are kept (comment bodies); otherwise they show as \n and \t.
std::string terminalSafe(std::string_view text, bool multiline = false);

} // namespace hub::cli
