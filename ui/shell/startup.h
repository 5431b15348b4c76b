#pragma once

#include "ui/core/appcontext.h"
#include "ui/shell/commandline.h"

#include <QString>

#include <memory>

namespace hub::sandbox {
class Server;
}

namespace hubui {

class Settings;

/// What main() needs to run the window: the connection and, with --sandbox, the in-process
/// sandbox Hub (kept alive as long as this object).
struct Startup {
    AppContext::Connection connection;
    std::shared_ptr<hub::sandbox::Server> sandbox;
};

/// Builds the connection from the environment (HF_ENDPOINT, HF_TOKEN, HF_HUB_CACHE ...), the
/// settings and the command line. With --sandbox, starts the demo world on a random loopback
/// port with its own data and cache under AppLocalDataLocation/sandbox/{data,cache} (never the
/// real Hugging Face cache: sandbox commits must not shadow real models of the same name) and
/// signs in with the demo owner token so private repos show.
hub::Expected<Startup> prepareStartup(const CommandLineOptions &options, const Settings &settings);

} // namespace hubui
