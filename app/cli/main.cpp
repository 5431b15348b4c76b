#include "hub/api/processinit.h"
#include "hub/cli/command.h"
#include "hub/core/log.h"

#include <cstdlib>
#include <iostream>

int main(int argc, char **argv)
{
    hub::initProcess();
    // HUBDESK_LOG=1: the engine's diagnostic records (retries, failures with their detail,
    // redacted) on stderr, one per line.
    if (const char *log = std::getenv("HUBDESK_LOG"); log && *log && std::string_view(log) != "0")
        hub::setLogSink([](const hub::LogRecord &r) { std::cerr << hub::formatLogRecord(r) << '\n'; });
    return hub::cli::runCli(argc, argv, hub::cli::Io{std::cout, std::cerr});
}
