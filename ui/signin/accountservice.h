#pragma once

#include "ui/core/asyncjob.h"

#include "hub/api/config.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <filesystem>

namespace hubui {

/// Who a token belongs to, as whoami answered.
struct AccountInfo {
    QString user;
    QString fullName;
    QStringList orgs;
    QString tokenName; ///< the token's display name (its stored_tokens section)
    QString tokenRole; ///< "read", "write", "fineGrained"...
    bool canWrite() const { return tokenRole != QStringLiteral("read"); }
};

/// One entry of stored_tokens, without the secret.
struct StoredTokenInfo {
    QString name;
    bool active = false;
};

/// Sign-in, token switching and sign-out, sharing the token files with the `hf` CLI
/// (hub::TokenStore: `$HF_HOME/token` and `stored_tokens`, 0600 in a 0700 folder). Every call
/// runs off the GUI thread (whoami is a network call, the token files are disk I/O) and answers
/// with a signal. Tokens pass through this class only in memory and never reach a log or a
/// message.
class AccountService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountService)

public:
    /// `client` = endpoint and network settings (its token is ignored); `tokenFile` = where
    /// the active token lives (TokenStore::fromEnvironment().tokenFile() in the app).
    AccountService(hub::ClientConfig client, std::filesystem::path tokenFile, QObject *parent = nullptr);
    ~AccountService() override;

    void setClientConfig(const hub::ClientConfig &client) { m_client = client; }
    const std::filesystem::path &tokenFile() const { return m_tokenFile; }

    /// Checks `token` with whoami; if the Hub accepts it, stores it under its display name and
    /// makes it active (signedIn), else signInFailed with the reason. Nothing is stored on failure.
    void signIn(const QString &token);
    /// Lists the stored tokens (tokensListed).
    void refreshTokens();
    /// Makes a stored token active and asks whoami about it (signedIn / signInFailed).
    void switchTo(const QString &name);
    /// Removes one stored token (signedOut when it was the active one), or all with an empty name.
    void signOut(const QString &name = {});

signals:
    void signedIn(const hubui::AccountInfo &account);
    void signInFailed(const QString &message);
    /// The active token changed (empty = signed out). The app hands it to AppContext::setToken.
    void activeTokenChanged(const QString &token);
    void tokensListed(const QList<hubui::StoredTokenInfo> &tokens);
    void signedOut();
    void failed(const QString &message);

private:
    hub::ClientConfig m_client;
    std::filesystem::path m_tokenFile;
    JobHandle m_job;
};

} // namespace hubui

Q_DECLARE_METATYPE(hubui::AccountInfo)
Q_DECLARE_METATYPE(hubui::StoredTokenInfo)
