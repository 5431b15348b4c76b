#include "ui/shell/commandline.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const auto opts = hubui::parseCommandLine(arguments);
    if (opts.exitNow)
        return opts.exitCode;

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("HubDesk"));
    QApplication::setOrganizationName(QStringLiteral("HubDesk"));
    QApplication::setDesktopFileName(QStringLiteral("hubdesk"));
    hubui::MainWindow window;
    window.show();
    return QApplication::exec();
}
