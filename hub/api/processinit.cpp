#include "hub/api/processinit.h"

#include "hub/api/curlsetup.h"

#include <csignal>
#include <mutex>

namespace hub {

void initProcess()
{
    static std::once_flag once;
    std::call_once(once, [] {
        curlGlobalInit();
        ::signal(SIGXFSZ, SIG_IGN);
    });
}

} // namespace hub
