#include "ui/signin/accountservice.h"

#include "hub/api/client.h"
#include "hub/api/tokenstore.h"

namespace hubui {

namespace {

struct SignInResult {
    bool ok = false;
    AccountInfo account;
    QString token;
    QString error;
};

AccountInfo toAccount(const hub::WhoAmI &who)
{
    AccountInfo a;
    a.user = QString::fromStdString(who.name);
    a.fullName = QString::fromStdString(who.fullname);
    for (const auto &org : who.orgs)
        a.orgs << QString::fromStdString(org.name);
    a.tokenName = QString::fromStdString(who.tokenName);
    a.tokenRole = QString::fromStdString(who.tokenRole);
    return a;
}

/// whoami with `token`; on success, optionally store it (hf auth login semantics).
SignInResult check(hub::ClientConfig config, const std::string &token, const std::filesystem::path &tokenFile,
                   bool store)
{
    SignInResult r;
    config.token = token;
    hub::HubClient client(config);
    auto who = client.whoami();
    if (!who) {
        r.error = QString::fromStdString(who.error().message);
        return r;
    }
    r.account = toAccount(*who);
    if (store) {
        // Same section name as `hf auth login`: the token's display name.
        const std::string name = who->tokenName.empty() ? "oauth-" + who->name : who->tokenName;
        hub::TokenStore tokens(tokenFile);
        if (auto saved = tokens.save(name, token, true); !saved) {
            r.error = QString::fromStdString(saved.error().message);
            return r;
        }
        r.account.tokenName = QString::fromStdString(name);
    }
    r.ok = true;
    r.token = QString::fromStdString(token);
    return r;
}

} // namespace

AccountService::AccountService(hub::ClientConfig client, std::filesystem::path tokenFile, QObject *parent)
    : QObject(parent), m_client(std::move(client)), m_tokenFile(std::move(tokenFile))
{
}

AccountService::~AccountService()
{
    m_job.cancel();
}

void AccountService::signIn(const QString &token)
{
    const std::string cleaned = hub::TokenStore::cleanToken(token.toStdString());
    if (cleaned.empty()) {
        emit signInFailed(tr("Paste a token first. You can create one at huggingface.co/settings/tokens."));
        return;
    }
    m_job.cancel();
    m_job = runJob(
        this,
        [config = m_client, cleaned, file = m_tokenFile](const std::shared_ptr<std::atomic<bool>> &) {
            return check(config, cleaned, file, true);
        },
        [this](SignInResult r) {
            if (!r.ok) {
                emit signInFailed(r.error);
                return;
            }
            emit activeTokenChanged(r.token);
            emit signedIn(r.account);
            refreshTokens();
        });
}

void AccountService::refreshTokens()
{
    runJob(
        this,
        [file = m_tokenFile](const std::shared_ptr<std::atomic<bool>> &) {
            QList<StoredTokenInfo> out;
            hub::TokenStore tokens(file);
            if (auto list = tokens.list()) {
                for (const hub::StoredToken &t : *list)
                    out << StoredTokenInfo{QString::fromStdString(t.name), t.active};
            }
            return out;
        },
        [this](QList<StoredTokenInfo> tokens) { emit tokensListed(tokens); });
}

void AccountService::switchTo(const QString &name)
{
    m_job.cancel();
    m_job = runJob(
        this,
        [config = m_client, name = name.toStdString(), file = m_tokenFile](const std::shared_ptr<std::atomic<bool>> &) {
            hub::TokenStore tokens(file);
            if (auto switched = tokens.switchTo(name); !switched) {
                SignInResult r;
                r.error = QString::fromStdString(switched.error().message);
                return r;
            }
            auto active = tokens.activeToken();
            if (!active || !active->has_value()) {
                SignInResult r;
                r.error = QObject::tr("The stored token could not be read.");
                return r;
            }
            SignInResult r = check(config, **active, file, false);
            r.account.tokenName = QString::fromStdString(name);
            if (!r.ok)
                r.token = QString::fromStdString(**active); // switched anyway; the Hub refused it
            return r;
        },
        [this](SignInResult r) {
            emit activeTokenChanged(r.token);
            if (r.ok)
                emit signedIn(r.account);
            else
                emit signInFailed(r.error);
            refreshTokens();
        });
}

void AccountService::signOut(const QString &name)
{
    runJob(
        this,
        [name = name.toStdString(), file = m_tokenFile](const std::shared_ptr<std::atomic<bool>> &) {
            hub::TokenStore tokens(file);
            bool wasActive = name.empty();
            if (!name.empty()) {
                if (auto list = tokens.list()) {
                    for (const auto &t : *list)
                        wasActive |= t.name == name && t.active;
                }
            }
            const hub::Status st = name.empty() ? tokens.logoutAll() : tokens.remove(name);
            return std::make_pair(st ? QString() : QString::fromStdString(st.error().message), wasActive);
        },
        [this](std::pair<QString, bool> r) {
            if (!r.first.isEmpty()) {
                emit failed(r.first);
            } else if (r.second) {
                emit activeTokenChanged(QString());
                emit signedOut();
            }
            refreshTokens();
        });
}

} // namespace hubui
