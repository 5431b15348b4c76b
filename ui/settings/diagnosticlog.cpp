#include "ui/settings/diagnosticlog.h"

#include "ui/core/appcontext.h"
#include "ui/core/asyncjob.h"
#include "ui/core/diagnostics.h"
#include "ui/core/settings.h"

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPointer>

namespace hubui {

void saveDiagnosticLog(AppContext &context, QWidget *parent)
{
    const QString path =
        QFileDialog::getSaveFileName(parent, QObject::tr("Save a diagnostic log"), defaultDiagnosticLogPath(),
                                     QObject::tr("Log files (*.log *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    DiagnosticContext info;
    info.endpoint = context.endpoint();
    info.cacheDir = context.cacheDir();
    info.sandbox = context.isSandbox();
    info.signedIn = context.session().status == SessionState::Status::SignedIn;
    const hub::ClientConfig config = context.clientConfig();
    info.proxySet = !config.proxy.empty() || !config.httpProxy.empty();
    info.caBundle = QString::fromStdString(config.caBundle);
    info.token = QString::fromStdString(config.token);
    qCInfo(lcApp).noquote() << QStringLiteral("saving a diagnostic log to %1").arg(path);
    QPointer<QWidget> guard(parent);
    // Building the text (redacting up to the ring's 4,000 records) and writing it both happen
    // off the GUI thread. The job's handle is not kept: its answer is only shown while the window
    // is there.
    runJob(
        &context, [path, info](const auto &) { return writeDiagnosticLog(path, diagnosticLogText(info)); },
        [guard, path](const QString &error) {
            if (!guard)
                return;
            if (error.isEmpty())
                QMessageBox::information(
                    guard, QObject::tr("Diagnostic log saved"),
                    QObject::tr("The log is in “%1”. It holds what HubDesk did recently and why things failed, "
                                "never your token. Attach it to a bug report or send it to whoever helps you.")
                        .arg(QDir::toNativeSeparators(path)));
            else
                QMessageBox::warning(guard, QObject::tr("Diagnostic log not saved"),
                                     error + u'\n' + QObject::tr("Choose another folder and try again."));
        });
}

} // namespace hubui
