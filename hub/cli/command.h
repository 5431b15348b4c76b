#pragma once
// The subcommands of hubdesk-cli. Each capability adds its commands in its own file
// (cmd_<capability>.cpp) and one line to the table in commands.cpp.

#include <iosfwd>
#include <string>
#include <vector>

namespace hub::cli {

struct Io {
    std::ostream &out;
    std::ostream &err;
};

using CommandFn = int (*)(const std::vector<std::string> &args, Io io);

struct Command {
    const char *name;
    const char *synopsis; // one line for the top-level --help
    CommandFn run;
};

/// All registered commands, in the order --help lists them.
const std::vector<Command> &commands();

/// Entry point of hubdesk-cli: parses argv and dispatches. Returns the process exit status.
int runCli(int argc, char **argv, Io io);

} // namespace hub::cli
