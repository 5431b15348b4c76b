#pragma once

#include "ui/core/appcontext.h"

#include <QDialog>

class QPushButton;

namespace hubui {

class Settings;

/// The first-run screen: what HubDesk does, and three ways in (sign in, try the sandbox Hub,
/// browse public repos without an account). Shown by main() when there is no token, no
/// --sandbox, and the person has not chosen "Browse without signing in" before.
class WelcomeDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomeDialog)

public:
    enum class Choice { SignIn, Sandbox, Browse };

    /// `hubName` names the Hub the app would use ("huggingface.co" or a mirror's host).
    explicit WelcomeDialog(const QString &hubName, QWidget *parent = nullptr);

    /// What was chosen; Browse when the dialog was closed another way (Esc, the window's ✕).
    Choice choice() const { return m_choice; }
    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *sandboxButton() const { return m_sandbox; }
    QPushButton *browseButton() const { return m_browse; }

    /// No token, no sandbox, not dismissed before.
    static bool shouldShow(const AppContext::Connection &connection, const Settings &settings);

private:
    Choice m_choice = Choice::Browse;
    QPushButton *m_signIn;
    QPushButton *m_sandbox;
    QPushButton *m_browse;
};

} // namespace hubui
