#include "ui/signin/signindialog.h"
#include "ui/core/plaintext.h"

#include "ui/signin/storedtokenmodel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace hubui {

QString SignInDialog::describe(const AccountInfo &a)
{
    if (a.user.isEmpty())
        return tr("Not signed in: only public repositories are visible, and nothing can be uploaded.");
    QString text = tr("Signed in as %1").arg(a.user);
    if (!a.fullName.isEmpty() && a.fullName != a.user)
        text += QStringLiteral(" (") % a.fullName % u')';
    if (!a.tokenName.isEmpty())
        text += QStringLiteral(" — ") % tr("token “%1”, %2 access").arg(a.tokenName, a.tokenRole);
    if (!a.orgs.isEmpty())
        text += QStringLiteral(". ") % tr("Organisations: %1").arg(a.orgs.join(QStringLiteral(", ")));
    return text;
}

SignInDialog::SignInDialog(AccountService *service, const AccountInfo &current, QWidget *parent)
    : QDialog(parent), m_service(service), m_model(new StoredTokenModel(this)), m_account(plainLabel(this)),
      m_token(new QLineEdit(this)), m_signIn(new QPushButton(tr("&Sign in"), this)), m_list(new QListView(this)),
      m_switch(new QPushButton(tr("S&witch to"), this)), m_signOut(new QPushButton(tr("Sign &out"), this)),
      m_signOutAll(new QPushButton(tr("Sign out of &all"), this)), m_status(plainLabel(this))
{
    setWindowTitle(tr("Sign in to the Hub"));
    m_account->setText(describe(current));
    m_account->setWordWrap(true);
    m_account->setAccessibleName(tr("Current account"));

    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(QStringLiteral("hf_…"));
    m_token->setAccessibleName(tr("Access token"));
    m_token->setClearButtonEnabled(true);
    m_signIn->setDefault(true);
    m_signIn->setAccessibleName(tr("Sign in"));
    auto *help = new QLabel(tr("Paste an access token from your Hub settings (Access Tokens). It is checked with "
                               "the Hub, then stored where the hf command-line tool keeps it, so both share it."),
                            this);
    help->setWordWrap(true);
    if (qEnvironmentVariableIsSet("HF_TOKEN")) {
        help->setText(help->text() % u'\n' %
                      tr("Note: the HF_TOKEN environment variable is set; programs that read it use that token "
                         "instead of the stored one."));
    }

    auto *tokenRow = new QHBoxLayout();
    auto *tokenLabel = new QLabel(tr("&Token:"), this);
    tokenLabel->setBuddy(m_token);
    tokenRow->addWidget(tokenLabel);
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_signIn);

    m_list->setModel(m_model);
    m_list->setAccessibleName(tr("Stored tokens"));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *stored = new QGroupBox(tr("Stored tokens"), this);
    auto *storedLayout = new QVBoxLayout(stored);
    storedLayout->addWidget(m_list);
    auto *storedButtons = new QHBoxLayout();
    storedButtons->addWidget(m_switch);
    storedButtons->addWidget(m_signOut);
    storedButtons->addStretch(1);
    storedButtons->addWidget(m_signOutAll);
    storedLayout->addLayout(storedButtons);
    for (QPushButton *b : {m_switch, m_signOut, m_signOutAll})
        b->setAccessibleName(b->text().remove(u'&'));

    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Sign-in status"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_account);
    layout->addWidget(help);
    layout->addLayout(tokenRow);
    layout->addWidget(m_status);
    layout->addWidget(stored, 1);
    layout->addWidget(buttons);

    auto updateButtons = [this] {
        const bool selected = m_list->currentIndex().isValid();
        m_switch->setEnabled(selected && !m_list->currentIndex().data(StoredTokenModel::ActiveRole).toBool());
        m_signOut->setEnabled(selected);
        m_signOutAll->setEnabled(m_model->rowCount() > 0);
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, updateButtons);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, updateButtons);

    connect(m_signIn, &QPushButton::clicked, this, [this] {
        setBusy(true);
        m_status->setText(tr("Checking the token with the Hub…"));
        m_service->signIn(m_token->text());
    });
    connect(m_token, &QLineEdit::returnPressed, m_signIn, &QPushButton::click);
    connect(m_switch, &QPushButton::clicked, this, [this] {
        setBusy(true);
        m_status->setText(tr("Switching…"));
        m_service->switchTo(selectedName());
    });
    connect(m_signOut, &QPushButton::clicked, this, [this] { m_service->signOut(selectedName()); });
    connect(m_signOutAll, &QPushButton::clicked, this, [this] { m_service->signOut(); });

    connect(m_service, &AccountService::signedIn, this, [this](const AccountInfo &account) {
        setBusy(false);
        m_token->clear();
        m_account->setText(describe(account));
        m_status->setText(tr("Signed in. HubDesk now acts as %1.").arg(account.user));
    });
    connect(m_service, &AccountService::signInFailed, this, [this](const QString &message) {
        setBusy(false);
        m_status->setText(tr("Not signed in: %1").arg(message));
    });
    connect(m_service, &AccountService::signedOut, this, [this] {
        m_account->setText(describe(AccountInfo()));
        m_status->setText(tr("Signed out."));
    });
    connect(m_service, &AccountService::failed, this, [this](const QString &message) { m_status->setText(message); });
    connect(m_service, &AccountService::tokensListed, m_model, &StoredTokenModel::setTokens);
    m_service->refreshTokens();
    updateButtons();
    resize(560, 420);
}

void SignInDialog::setBusy(bool busy)
{
    m_signIn->setEnabled(!busy);
    m_token->setEnabled(!busy);
}

QString SignInDialog::selectedName() const
{
    return m_list->currentIndex().data(StoredTokenModel::NameRole).toString();
}

} // namespace hubui
