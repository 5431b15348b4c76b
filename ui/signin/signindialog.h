#pragma once

#include "ui/signin/accountservice.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace hubui {

class StoredTokenModel;

/// Sign in by pasting a token (checked with whoami, stored like `hf auth login`), switch between
/// stored tokens, sign out. All work goes through AccountService; the dialog only renders.
class SignInDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    /// `service` is not owned. `current` = who is signed in now (empty user = nobody).
    SignInDialog(AccountService *service, const AccountInfo &current, QWidget *parent = nullptr);

    QLineEdit *tokenEdit() const { return m_token; }
    QPushButton *signInButton() const { return m_signIn; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *accountLabel() const { return m_account; }
    StoredTokenModel *tokenModel() const { return m_model; }

    static QString describe(const AccountInfo &account);

private:
    void setBusy(bool busy);
    QString selectedName() const;

    AccountService *m_service;
    StoredTokenModel *m_model;
    QLabel *m_account;
    QLineEdit *m_token;
    QPushButton *m_signIn;
    QListView *m_list;
    QPushButton *m_switch;
    QPushButton *m_signOut;
    QPushButton *m_signOutAll;
    QLabel *m_status;
};

} // namespace hubui
