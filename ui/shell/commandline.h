#pragma once

#include <QString>
#include <QStringList>

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

} // namespace hubui
