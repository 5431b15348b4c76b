#include "ui/signin/pages.h"

#include "ui/core/appcontext.h"
#include "ui/core/pageregistry.h"
#include "ui/signin/accountservice.h"
#include "ui/signin/signindialog.h"

#include "hub/api/tokenstore.h"

namespace hubui {

void registerPages_signin(PageRegistry &registry)
{
    registry.addAction({QStringLiteral("signin"), ActionMenu::Account, QObject::tr("&Sign in or switch account…"),
                        QStringLiteral("Ctrl+Shift+S"), [](AppContext &context, QWidget *window) {
                            auto *service = new AccountService(context.clientConfig(),
                                                               hub::TokenStore::fromEnvironment().tokenFile());
                            AccountInfo current;
                            const SessionState &s = context.session();
                            if (s.status == SessionState::Status::SignedIn) {
                                current.user = s.user;
                                current.fullName = s.fullName;
                                current.orgs = s.orgs;
                                current.tokenRole = s.tokenRole;
                            }
                            auto *dialog = new SignInDialog(service, current, window);
                            service->setParent(dialog);
                            dialog->setAttribute(Qt::WA_DeleteOnClose);
                            QObject::connect(service, &AccountService::activeTokenChanged, &context,
                                             [&context](const QString &token) { context.setToken(token); });
                            dialog->open();
                        }});
}

} // namespace hubui
