#include "ui/transfers/pages.h"

#include "ui/core/appcontext.h"
#include "ui/core/pageregistry.h"
#include "ui/transfers/desktopintegration.h"
#include "ui/transfers/transferadapter.h"
#include "ui/transfers/transfernotifier.h"
#include "ui/transfers/transferspage.h"
#include "ui/transfers/transferstatuswidget.h"

#include <QApplication>
#include <QMainWindow>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>

namespace hubui {

TransferAdapter *transferAdapterFor(AppContext &context)
{
    static const QString name = QStringLiteral("hubui.transferAdapter");
    if (auto *existing = context.findChild<TransferAdapter *>(name, Qt::FindDirectChildrenOnly))
        return existing;
    auto *adapter = new TransferAdapter(
        [&context]() -> hub::TransferEngine & { return context.transferEngine(); },
        [&context](std::shared_ptr<hub::EventSink> sink) { context.addTransferSink(std::move(sink)); }, &context);
    adapter->setObjectName(name);
    return adapter;
}

void registerPages_transfers(PageRegistry &registry)
{
    registry.addPage({QStringLiteral("transfers"), QObject::tr("Transfers"),
                      QIcon::fromTheme(QStringLiteral("folder-download")), 20,
                      [](AppContext &context, QWidget *parent) -> QWidget * {
                          return new TransfersPage(transferAdapterFor(context), parent);
                      }});
    registry.addWindowHook([](AppContext &context, QMainWindow *window) {
        TransferAdapter *adapter = transferAdapterFor(context);
        auto *status = new TransferStatusWidget(adapter->model(), window);
        window->statusBar()->addPermanentWidget(status);
        QObject::connect(status, &TransferStatusWidget::clicked, window, [window] {
            auto *stack = window->findChild<QStackedWidget *>();
            auto *page = window->findChild<TransfersPage *>();
            if (stack && page)
                stack->setCurrentWidget(page);
        });
        QSystemTrayIcon *tray = nullptr;
        if (QSystemTrayIcon::isSystemTrayAvailable()) {
            tray = new QSystemTrayIcon(QApplication::windowIcon(), window);
            tray->setToolTip(QObject::tr("HubDesk"));
            tray->show();
        }
        auto *notifier = new TransferNotifier(adapter, tray, window);
        notifier->setDesktop(new DesktopIntegration(QDBusConnection::sessionBus(), notifier));
        notifier->setForegroundCheck([window] { return window->isActiveWindow(); });
        QObject::connect(notifier, &TransferNotifier::bannerRequested, window,
                         [window](const QString &text) { window->statusBar()->showMessage(text, 20000); });
        QObject::connect(notifier, &TransferNotifier::attentionRequested, window,
                         [window] { QApplication::alert(window); });
    });
}

} // namespace hubui
