#include "hub/core/version.h"

#include <cstring>
#include <iostream>

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0) {
            std::cout << "hubdesk-sandbox " << HUBDESK_VERSION << "\n";
            return 0;
        }
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::cout << "Usage: hubdesk-sandbox [--version] [--help]\n\n"
                         "A local server that speaks the Hugging Face Hub API (not implemented in this build yet).\n";
            return 0;
        }
    }
    std::cerr << "hubdesk-sandbox: the server is not part of this build yet.\n";
    return 1;
}
