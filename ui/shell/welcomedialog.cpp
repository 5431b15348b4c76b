#include "ui/shell/welcomedialog.h"

#include "ui/core/plaintext.h"
#include "ui/core/settings.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace hubui {

WelcomeDialog::WelcomeDialog(const QString &hubName, QWidget *parent)
    : QDialog(parent), m_signIn(new QPushButton(tr("&Sign in…"), this)),
      m_sandbox(new QPushButton(tr("&Try the sandbox Hub"), this)),
      m_browse(new QPushButton(tr("&Browse without signing in"), this))
{
    setWindowTitle(tr("Welcome to HubDesk"));
    setWindowIcon(QApplication::windowIcon());

    auto *title = plainLabel(this);
    title->setText(tr("Welcome to HubDesk"));
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.5);
    tf.setBold(true);
    title->setFont(tf);

    auto *what = plainLabel(this);
    what->setWordWrap(true);
    what->setText(tr("HubDesk shows the models and datasets your team keeps on the Hugging Face Hub: their "
                     "model cards and evaluation results, every version and what changed between two of them, "
                     "and the pull requests that propose the next one. It downloads into the same cache Python "
                     "uses (a model fetched here loads in transformers offline), shows what takes space on this "
                     "computer, and publishes files you drop onto a repo as a commit or a pull request."));

    auto explain = [this](QPushButton *button, const QString &text) {
        auto *label = plainLabel(this);
        label->setWordWrap(true);
        label->setText(text);
        label->setBuddy(button);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        button->setAccessibleDescription(text);
        button->setMinimumWidth(230);
        auto *row = new QHBoxLayout;
        row->addWidget(button, 0, Qt::AlignTop);
        row->addWidget(label, 1);
        return row;
    };
    m_signIn->setDefault(true);
    m_signIn->setAccessibleName(tr("Sign in"));
    m_sandbox->setAccessibleName(tr("Try the sandbox Hub"));
    m_browse->setAccessibleName(tr("Browse without signing in"));

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(what);
    layout->addLayout(explain(m_signIn, tr("Use an access token from your account on %1 (Settings → Access Tokens); "
                                           "private repos and uploads need one.")
                                            .arg(hubName)));
    layout->addLayout(explain(m_sandbox, tr("A demo Hub on this computer with a small project in it: no account and "
                                            "no network needed, and nothing you do there reaches the real Hub.")));
    layout->addLayout(
        explain(m_browse, tr("Public models and datasets on %1; sign in later from the Account menu.").arg(hubName)));
    layout->addStretch(1);
    setMinimumWidth(560);
    resize(640, heightForWidth(640) > 0 ? heightForWidth(640) : sizeHint().height());

    connect(m_signIn, &QPushButton::clicked, this, [this] {
        m_choice = Choice::SignIn;
        accept();
    });
    connect(m_sandbox, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Sandbox;
        accept();
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Browse;
        accept();
    });
}

bool WelcomeDialog::shouldShow(const AppContext::Connection &connection, const Settings &settings)
{
    return connection.client.token.empty() && !connection.sandbox && !settings.welcomeDismissed();
}

} // namespace hubui
