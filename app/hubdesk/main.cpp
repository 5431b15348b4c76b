#include "ui/core/appcontext.h"
#include "ui/core/pageregistry.h"
#include "ui/core/settings.h"
#include "ui/shell/commandline.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/registerpages.h"
#include "ui/shell/startup.h"

#include <QApplication>
#include <QMessageBox>

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

    hubui::Settings settings;
    auto startup = hubui::prepareStartup(opts, settings);
    if (!startup) {
        QMessageBox::critical(nullptr, QObject::tr("HubDesk cannot start"),
                              QString::fromStdString(startup.error().message));
        return 1;
    }
    hubui::AppContext context(settings, startup->connection);
    hubui::PageRegistry registry;
    hubui::registerBuiltInPages(registry);
    hubui::MainWindow window(context, registry);
    window.show();
    context.refreshSession();
    const int rc = QApplication::exec();
    return rc;
}
