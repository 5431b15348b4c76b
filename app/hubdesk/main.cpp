#include "ui/core/appcontext.h"
#include "ui/core/diagnostics.h"
#include "ui/core/pageregistry.h"
#include "ui/core/plaintext.h"
#include "ui/core/settings.h"
#include "ui/shell/commandline.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/registerpages.h"
#include "ui/shell/startup.h"
#include "ui/shell/welcomedialog.h"

#include "hub/api/processinit.h"

#include <QAction>
#include <QApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTimer>
#include <QTranslator>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>

namespace {

/// Runs prepareStartup() off the GUI thread. Starting the sandbox builds its demo world the first
/// time (several seconds): a busy window says so instead of a blank screen.
hub::Expected<hubui::Startup> prepareWithProgress(const hubui::CommandLineOptions &options,
                                                  const hubui::Settings &settings)
{
    if (!options.sandbox)
        return hubui::prepareStartup(options, settings);
    QProgressDialog busy(QObject::tr("Starting the sandbox Hub on this computer… (the first time it builds its "
                                     "demo project, which takes a few seconds)"),
                         QString(), 0, 0);
    busy.setWindowTitle(QObject::tr("HubDesk"));
    busy.setCancelButton(nullptr);
    busy.setMinimumWidth(460);
    QTimer::singleShot(400, &busy, &QWidget::show); // a quick start shows nothing
    QFutureWatcher<hub::Expected<hubui::Startup>> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([&options, &settings] { return hubui::prepareStartup(options, settings); }));
    if (!watcher.isFinished())
        loop.exec();
    return watcher.result();
}

} // namespace

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
    hubui::installDiagnosticLogging();
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
    auto startup = prepareWithProgress(opts, settings);
    // First run without a token: say what HubDesk does and offer the three ways in.
    auto choice = hubui::WelcomeDialog::Choice::Browse;
    if (startup && hubui::WelcomeDialog::shouldShow(startup->connection, settings)) {
        hubui::WelcomeDialog welcome(QUrl(QString::fromStdString(startup->connection.client.endpoint)).host());
        // Closed without choosing (Esc, ✕): browse this time, and ask again next time.
        const bool chose = welcome.exec() == QDialog::Accepted;
        choice = welcome.choice();
        if (choice == hubui::WelcomeDialog::Choice::Sandbox) {
            auto sandboxOptions = opts;
            sandboxOptions.sandbox = true;
            startup = prepareWithProgress(sandboxOptions, settings);
        } else if (choice == hubui::WelcomeDialog::Choice::Browse && chose) {
            settings.setWelcomeDismissed(true);
        }
    }
    if (!startup) {
        hubui::showPlainMessage(nullptr, QMessageBox::Critical, QObject::tr("HubDesk cannot start"),
                                QString::fromStdString(startup.error().message));
        return 1;
    }
    qCInfo(lcApp).noquote() << QStringLiteral("started on %1%2")
                                   .arg(QUrl(QString::fromStdString(startup->connection.client.endpoint))
                                            .adjusted(QUrl::RemoveUserInfo)
                                            .toString(),
                                        startup->connection.sandbox ? QStringLiteral(" (sandbox)") : QString());
    hubui::AppContext context(settings, startup->connection);
    hubui::PageRegistry registry;
    hubui::registerBuiltInPages(registry);
    hubui::MainWindow window(context, registry);
    window.show();
    context.refreshSession();
    if (choice == hubui::WelcomeDialog::Choice::SignIn) {
        QTimer::singleShot(0, &window, [&window] {
            if (auto *signIn = window.findChild<QAction *>(QStringLiteral("signin")))
                signIn->trigger();
        });
    }
    const int rc = QApplication::exec();
    return rc;
}
