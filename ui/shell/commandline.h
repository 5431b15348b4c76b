#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace hubui {

/// What the hubdesk command line asked for. Parsed before the window exists.
struct CommandLineOptions {
    bool sandbox = false;
    QString endpoint;
    bool exitNow = false; // --help / --version answered, or an error was printed
    int exitCode = 0;
};

/// Parses the GUI's arguments (without needing a QApplication, so --help works headless).
CommandLineOptions parseCommandLine(const QStringList &arguments);

/// What to tell a person who started the GUI where no display can be reached (no DISPLAY, no
/// WAYLAND_DISPLAY and no QT_QPA_PLATFORM): Qt would otherwise abort with a plugin error. Empty
/// when a display (or an explicit platform such as offscreen) is there. `env` reads a variable.
QString noDisplayAdvice(const std::function<QByteArray(const char *)> &env);

} // namespace hubui
