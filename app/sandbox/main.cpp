// hubdesk-sandbox: runs the sandbox Hub until SIGINT/SIGTERM. The first stdout line is the base URL.
#include "hub/core/strings.h"
#include "hub/core/version.h"
#include "hub/sandbox/server.h"

#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

namespace {

const char *kUsage =
    "Usage: hubdesk-sandbox [options]\n\n"
    "A local server that speaks the Hugging Face Hub API (models, datasets, spaces).\n"
    "It prints its base URL as the first line of stdout and runs until SIGINT/SIGTERM.\n\n"
    "Options:\n"
    "  --port N                  port to listen on (0 = a random free port; default 0)\n"
    "  --host H                  API host name and bind address (default 127.0.0.1)\n"
    "  --blob-host H             host name used in LFS download redirects (default localhost)\n"
    "  --data DIR                keep state in DIR (uploads survive a restart); default: a temp dir\n"
    "  --demo                    seed the demo world (PellelNitram's repos; see hub/sandbox/demo.h)\n"
    "  --big-model               also a 2 GiB model for benchmarks (with --demo)\n"
    "  --demo-lfs-scale N        divide the demo's LFS file sizes by N (default 1)\n"
    "  --token TOKEN=USER:ROLE   accept TOKEN (must start with hf_) for USER, ROLE read or write\n"
    "  --page-size N             page size of every listing (default: Hub-like, small for repo lists)\n"
    "  --multipart-threshold B   LFS uploads above B bytes use multipart (default 8388608)\n"
    "  --tls-cert FILE           serve HTTPS with this PEM certificate (it must name --host and\n"
    "                            --blob-host); needs --tls-key\n"
    "  --tls-key FILE            the certificate's PEM private key\n"
    "  --xet-era                 answer like a Xet-backed Hub: X-Xet-Hash and Link on LFS resolves,\n"
    "                            xetHash in trees (no Xet protocol: clients use the bridge redirect)\n"
    "  --signed-url-lifetime S   storage download URLs expire after S seconds (default 3600)\n"
    "  --bind-url-ranges         a storage URL from a ranged resolve is valid for that range only\n"
    "  --xet-only-uploads        the LFS batch answers every upload with \"transfer\": \"xet\"\n"
    "  --fault JSON              inject a fault, e.g. '{\"path\":\"/api/models\",\"status\":429,\"count\":2}'\n"
    "  --verbose                 log one line per request to stderr\n"
    "  --version, --help\n\n"
    "Demo tokens: hf_sandbox_PellelNitram_write (owner), hf_sandbox_annotator_read (reader),\n"
    "hf_sandbox_githubharald_write (collaborator).\n"
    "Admin routes (loopback only): POST/DELETE/GET /__sandbox/faults, POST /__sandbox/gated,\n"
    "GET /__sandbox/state, POST /__sandbox/reset-blob-authorization.\n";

bool parseInt(const char *text, long long &out)
{
    uint64_t v = 0;
    if (!hub::parseUint64(text, v)) {
        return false;
    }
    out = static_cast<long long>(v);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    hub::sandbox::ServerOptions options;
    options.port = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&]() -> const char * {
            if (i + 1 >= argc) {
                std::cerr << "hubdesk-sandbox: " << arg << " needs a value (see --help).\n";
                std::exit(2);
            }
            return argv[++i];
        };
        long long n = 0;
        if (arg == "--version") {
            std::cout << "hubdesk-sandbox " << HUBDESK_VERSION << "\n";
            return 0;
        } else if (arg == "--help" || arg == "-h") {
            std::cout << kUsage;
            return 0;
        } else if (arg == "--port") {
            if (!parseInt(value(), n) || n > 65535) {
                std::cerr << "hubdesk-sandbox: --port needs a number from 0 to 65535.\n";
                return 2;
            }
            options.port = static_cast<int>(n);
        } else if (arg == "--host") {
            options.host = value();
        } else if (arg == "--blob-host") {
            options.blobHost = value();
        } else if (arg == "--data") {
            options.dataDir = value();
        } else if (arg == "--tls-cert") {
            options.tlsCert = value();
        } else if (arg == "--tls-key") {
            options.tlsKey = value();
        } else if (arg == "--xet-era") {
            options.xetEra = true;
        } else if (arg == "--bind-url-ranges") {
            options.bindSignedUrlsToRange = true;
        } else if (arg == "--xet-only-uploads") {
            options.xetOnlyUploads = true;
        } else if (arg == "--signed-url-lifetime") {
            if (!parseInt(value(), n) || n < 1 || n > 7 * 86400) {
                std::cerr << "hubdesk-sandbox: --signed-url-lifetime needs seconds from 1 to 604800.\n";
                return 2;
            }
            options.signedUrlLifetimeSeconds = static_cast<int>(n);
        } else if (arg == "--demo") {
            options.demo = true;
        } else if (arg == "--big-model") {
            options.bigModel = true;
        } else if (arg == "--verbose") {
            options.verbose = true;
        } else if (arg == "--demo-lfs-scale") {
            if (!parseInt(value(), n) || n < 1) {
                std::cerr << "hubdesk-sandbox: --demo-lfs-scale needs a positive number.\n";
                return 2;
            }
            options.demoLfsScale = static_cast<int>(n);
        } else if (arg == "--page-size") {
            if (!parseInt(value(), n) || n < 1) {
                std::cerr << "hubdesk-sandbox: --page-size needs a positive number.\n";
                return 2;
            }
            options.listPageSize = static_cast<int>(n);
        } else if (arg == "--multipart-threshold") {
            if (!parseInt(value(), n) || n < 1) {
                std::cerr << "hubdesk-sandbox: --multipart-threshold needs a positive number of bytes.\n";
                return 2;
            }
            options.multipartThreshold = static_cast<uint64_t>(n);
        } else if (arg == "--token") {
            const std::string spec = value();
            const auto eq = spec.find('=');
            const auto colon = spec.rfind(':');
            if (eq == std::string::npos || colon == std::string::npos || colon < eq || spec.rfind("hf_", 0) != 0) {
                std::cerr << "hubdesk-sandbox: --token needs hf_TOKEN=USER:read or hf_TOKEN=USER:write.\n";
                return 2;
            }
            const std::string role = spec.substr(colon + 1);
            if (role != "read" && role != "write") {
                std::cerr << "hubdesk-sandbox: the token role must be read or write.\n";
                return 2;
            }
            options.tokens.push_back({spec.substr(0, eq), spec.substr(eq + 1, colon - eq - 1), role == "write"});
        } else if (arg == "--fault") {
            auto faults = hub::sandbox::parseFaults(value());
            if (!faults) {
                std::cerr << "hubdesk-sandbox: " << faults.error().message << "\n";
                return 2;
            }
            options.faults.insert(options.faults.end(), faults->begin(), faults->end());
        } else {
            std::cerr << "hubdesk-sandbox: unknown option " << arg << " (see --help).\n";
            return 2;
        }
    }

    if (options.tlsCert.empty() != options.tlsKey.empty()) {
        std::cerr << "hubdesk-sandbox: --tls-cert and --tls-key go together (see --help).\n";
        return 2;
    }

    // Block the stop signals before any thread starts, then wait for them here.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    auto server = hub::sandbox::Server::start(options);
    if (!server) {
        std::cerr << "hubdesk-sandbox: " << server.error().describe() << "\n";
        return 1;
    }
    std::cout << (*server)->baseUrl() << std::endl;
    std::fflush(stdout);
    int sig = 0;
    sigwait(&stopSignals, &sig);
    (*server)->stop();
    return 0;
}
