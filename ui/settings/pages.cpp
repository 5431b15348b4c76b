#include "ui/settings/pages.h"

#include "ui/core/appcontext.h"
#include "ui/core/pageregistry.h"
#include "ui/core/settings.h"
#include "ui/settings/diagnosticlog.h"
#include "ui/settings/settingsdialog.h"

#include <QMessageBox>

namespace hubui {

void registerPages_settings(PageRegistry &registry)
{
    registry.addAction({QStringLiteral("settings"), ActionMenu::Tools, QObject::tr("&Settings…"),
                        QStringLiteral("Ctrl+,"), [](AppContext &context, QWidget *window) {
                            Settings &settings = context.settings();
                            const QString endpoint = settings.endpoint();
                            const QString cache = settings.cacheDirOverride();
                            const QString proxy = settings.proxy();
                            const QString caBundle = settings.caBundle();
                            auto *dialog = new SettingsDialog(&settings, window);
                            dialog->setAttribute(Qt::WA_DeleteOnClose);
                            QObject::connect(dialog, &SettingsDialog::diagnosticLogRequested, dialog,
                                             [&context, dialog] { saveDiagnosticLog(context, dialog); });
                            QObject::connect(
                                dialog, &SettingsDialog::settingsApplied, &context,
                                [&context, window, endpoint, cache, proxy, caBundle] {
                                    Settings &s = context.settings();
                                    // Transfer limits apply at once; where HubDesk connects applies at the next start.
                                    hub::TransferEngine &engine = context.transferEngine();
                                    engine.setMaxParallelFiles(s.parallelTransfers());
                                    engine.setBandwidthLimit(static_cast<uint64_t>(s.bandwidthLimitKiBps()) * 1024);
                                    if (s.endpoint() != endpoint || s.cacheDirOverride() != cache ||
                                        s.proxy() != proxy || s.caBundle() != caBundle) {
                                        QMessageBox::information(
                                            window, QObject::tr("Settings"),
                                            QObject::tr("The new endpoint, cache folder, proxy and CA bundle are "
                                                        "used from the next start of HubDesk."));
                                    }
                                });
                            dialog->open();
                        }});
    registry.addAction({QStringLiteral("diagnostic-log"), ActionMenu::Help, QObject::tr("Save a &diagnostic log…"),
                        QString(), [](AppContext &context, QWidget *window) { saveDiagnosticLog(context, window); }});
}

} // namespace hubui
