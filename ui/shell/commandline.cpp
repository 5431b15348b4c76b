#include "ui/shell/commandline.h"

#include "hub/core/version.h"

#include <cstdio>

namespace hubui {

CommandLineOptions parseCommandLine(const QStringList &arguments)
{
    CommandLineOptions opts;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == u"--version") {
            std::printf("hubdesk %s\n", HUBDESK_VERSION);
            opts.exitNow = true;
            return opts;
        }
        if (a == u"--help" || a == u"-h") {
            std::printf("Usage: hubdesk [--sandbox] [--endpoint URL] [--version] [--help]\n\n"
                        "HubDesk: a desktop app for Hugging Face Hub repos.\n\n"
                        "  --sandbox        start the built-in sandbox Hub with the demo world and use it\n"
                        "  --endpoint URL   use this Hub endpoint instead of HF_ENDPOINT / huggingface.co\n"
                        "  --version        print the version and exit\n"
                        "  --help           print this help and exit\n");
            opts.exitNow = true;
            return opts;
        }
        if (a == u"--sandbox") {
            opts.sandbox = true;
        } else if (a == u"--endpoint" && i + 1 < arguments.size()) {
            opts.endpoint = arguments.at(++i);
        } else if (a.startsWith(u"--endpoint=")) {
            opts.endpoint = a.mid(11);
        } else if (a.startsWith(u"-")) {
            std::fprintf(stderr, "hubdesk: unknown option %s (try --help)\n", qPrintable(a));
            opts.exitNow = true;
            opts.exitCode = 2;
            return opts;
        }
    }
    return opts;
}

QString noDisplayAdvice(const std::function<QByteArray(const char *)> &env)
{
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        if (!env(name).isEmpty())
            return {};
    return QStringLiteral(
        "hubdesk: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set).\n"
        "  - On a desktop, start HubDesk from the desktop session, or set DISPLAY (for example DISPLAY=:0).\n"
        "  - Over ssh, connect with \"ssh -X\", or run it in a virtual display:\n"
        "        xvfb-run -a ./build/release/app/hubdesk --sandbox   (Debian package xvfb)\n"
        "  - Without any display, the same engine works from a terminal: hubdesk-cli --help\n");
}

} // namespace hubui
