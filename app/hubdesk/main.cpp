#include "ui/core/appcontext.h"
#include "ui/core/pageregistry.h"
#include "ui/core/plaintext.h"
#include "ui/core/settings.h"
#include "ui/shell/commandline.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/registerpages.h"
#include "ui/shell/startup.h"

#include "hub/api/processinit.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include <cstdio>

int main(int argc, char **argv)
{
    hub::initProcess();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const auto opts = hubui::parseCommandLine(arguments);
    if (opts.exitNow)
        return opts.exitCode;
    if (const QString advice = hubui::noDisplayAdvice([](const char *name) { return qgetenv(name); });
        !advice.isEmpty()) {
        std::fputs(advice.toLocal8Bit().constData(), stderr);
        return 3;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("HubDesk"));
    QApplication::setOrganizationName(QStringLiteral("HubDesk"));
    // The installed desktop entry's id (resources/desktop/), so Wayland/X11 match window and entry.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.hubdesk.HubDesk"));

    // Our translations sit next to the binary's prefix (build tree and /usr alike); Qt's own
    // (standard dialogs and buttons) come from Qt's translations folder.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    // English has a file too: the plural forms of "%n file(s)". The C locale (LANG=C) reads English.
    const QString translations =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/hubdesk/translations");
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("hubdesk"), QStringLiteral("_"), translations) ||
        (QLocale().language() == QLocale::C &&
         translator.load(QLocale(QLocale::English), QStringLiteral("hubdesk"), QStringLiteral("_"), translations)))
        QCoreApplication::installTranslator(&translator);

    hubui::Settings settings;
    auto startup = hubui::prepareStartup(opts, settings);
    if (!startup) {
        hubui::showPlainMessage(nullptr, QMessageBox::Critical, QObject::tr("HubDesk cannot start"),
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
