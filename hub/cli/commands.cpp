#include "hub/cli/command.h"

#include "hub/core/version.h"

#include <ostream>

namespace hub::cli {
// One line per capability (cmd_<capability>.cpp), in the order --help lists them.
void registerCommands_api(std::vector<Command> &out);
void registerCommands_cache(std::vector<Command> &out);
void registerCommands_discussions(std::vector<Command> &out);
void registerCommands_inspect(std::vector<Command> &out);
void registerCommands_transfer(std::vector<Command> &out);
} // namespace hub::cli

namespace hub::cli {

const std::vector<Command> &commands()
{
    static const std::vector<Command> table = [] {
        std::vector<Command> out;
        registerCommands_api(out);
        registerCommands_cache(out);
        registerCommands_discussions(out);
        registerCommands_inspect(out);
        registerCommands_transfer(out);
        return out;
    }();
    return table;
}

namespace {
void printHelp(std::ostream &out)
{
    out << "Usage: hubdesk-cli [--version] [--help] COMMAND [ARGS...]\n\n"
           "HubDesk from a terminal: the same engine as the HubDesk app, for scripts and benchmarks.\n\n";
    if (commands().empty()) {
        out << "No commands are available in this build yet.\n";
    } else {
        out << "Commands:\n";
        for (const auto &c : commands()) {
            std::string name = std::string("  ") + c.name;
            if (name.size() < 16)
                name.resize(16, ' ');
            out << name << c.synopsis << "\n";
        }
        out << "\nRun 'hubdesk-cli COMMAND --help' for the options of a command.\n";
    }
    out << "\nEnvironment: HF_ENDPOINT, HF_TOKEN, HF_TOKEN_PATH, HF_HOME, HF_HUB_CACHE, HTTPS_PROXY.\n";
}
} // namespace

int runCli(int argc, char **argv, Io io)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        printHelp(io.err);
        return 2;
    }
    const std::string &first = args.front();
    if (first == "--help" || first == "-h" || first == "help") {
        printHelp(io.out);
        return 0;
    }
    if (first == "--version") {
        io.out << "hubdesk-cli " << HUBDESK_VERSION << "\n";
        return 0;
    }
    for (const auto &c : commands()) {
        if (first == c.name)
            return c.run(std::vector<std::string>(args.begin() + 1, args.end()), io);
    }
    io.err << "hubdesk-cli: unknown command '" << first << "'. Run 'hubdesk-cli --help' for the list.\n";
    return 2;
}

} // namespace hub::cli
