#include "hub/api/processinit.h"
#include "hub/cli/command.h"

#include <iostream>

int main(int argc, char **argv)
{
    hub::initProcess();
    return hub::cli::runCli(argc, argv, hub::cli::Io{std::cout, std::cerr});
}
