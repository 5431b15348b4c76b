// Sign-in against the in-process sandbox Hub: a pasted token is checked with whoami and stored
// exactly where and how `hf auth login` stores it; switching and signing out; and private repos
// appear in the repo browser once signed in.

#include "transfer/transfer_fixture.h"
#include "ui/browser/repobrowserpage.h"
#include "ui/browser/repolistmodel.h"
#include "ui/core/appcontext.h"
#include "ui/core/diagnostics.h"
#include "ui/core/loadstatewidget.h"
#include "ui/core/settings.h"
#include "ui/settings/settingsdialog.h"
#include "ui/signin/accountservice.h"
#include "ui/signin/signindialog.h"
#include "ui/signin/storedtokenmodel.h"

#include "hub/api/client.h"
#include "hub/api/tokenstore.h"
#include "hub/core/log.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>

#include <sys/stat.h>

using namespace hubui;
using namespace transfertest;
namespace demo = hub::sandbox::demo;

class TestSignIn final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.reset(); }
    void pastedToken_isCheckedAndStoredLikeHfAuthLogin();
    void wrongToken_isRefusedAndNothingIsStored();
    void switchAndSignOut();
    void signingIn_privateReposAppearInTheBrowser();
    void settingsDialog_writesThroughTheFacade();
    void diagnosticLog_explainsAFailureAndNeverHoldsTheToken();

private:
    static int mode(const fs::path &p)
    {
        struct stat st {};
        ::stat(p.c_str(), &st);
        return static_cast<int>(st.st_mode & 0777);
    }

    std::unique_ptr<hub::sandbox::Server> m_server;
    std::unique_ptr<QTemporaryDir> m_home;
    fs::path m_tokenFile;
};

void TestSignIn::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_home = std::make_unique<QTemporaryDir>();
    qputenv("HF_HOME", m_home->filePath(QStringLiteral("hf")).toLocal8Bit());
    qunsetenv("HF_TOKEN_PATH");
    m_tokenFile = fs::path(m_home->filePath(QStringLiteral("hf")).toStdString()) / "token";
    QCOMPARE(hub::TokenStore::fromEnvironment().tokenFile(), m_tokenFile);
    m_server = startSandbox();
}

void TestSignIn::pastedToken_isCheckedAndStoredLikeHfAuthLogin()
{
    AccountService service(clientConfig(*m_server), m_tokenFile);
    SignInDialog dialog(&service, AccountInfo{});
    QSignalSpy signedIn(&service, &AccountService::signedIn);
    QSignalSpy tokens(&service, &AccountService::activeTokenChanged);
    QTest::keyClicks(dialog.tokenEdit(), QStringLiteral("  ") + QLatin1StringView(demo::kDemoOwnerToken));
    QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);
    QVERIFY(signedIn.wait(10000));
    const auto account = signedIn.at(0).at(0).value<AccountInfo>();
    QCOMPARE(account.user, QLatin1StringView(demo::kDemoOwnerUser));
    QCOMPARE(tokens.at(0).at(0).toString(), QLatin1StringView(demo::kDemoOwnerToken));
    QVERIFY(dialog.accountLabel()->text().contains(QLatin1StringView(demo::kDemoOwnerUser)));
    QVERIFY(dialog.tokenEdit()->text().isEmpty());

    // Same files, same format, same permissions as huggingface_hub's login.
    QCOMPARE(readFile(m_tokenFile), std::string(demo::kDemoOwnerToken));
    QCOMPARE(mode(m_tokenFile), 0600);
    const fs::path stored = m_tokenFile.parent_path() / "stored_tokens";
    QCOMPARE(mode(stored), 0600);
    QCOMPARE(mode(m_tokenFile.parent_path()), 0700);
    const std::string ini = readFile(stored);
    QVERIFY2(ini.find("[" + account.tokenName.toStdString() + "]") != std::string::npos, ini.c_str());
    QVERIFY(ini.find(std::string("hf_token = ") + demo::kDemoOwnerToken) != std::string::npos);
    QTRY_COMPARE(dialog.tokenModel()->rowCount(), 1);
}

void TestSignIn::wrongToken_isRefusedAndNothingIsStored()
{
    const std::string before = readFile(m_tokenFile);
    AccountService service(clientConfig(*m_server), m_tokenFile);
    SignInDialog dialog(&service, AccountInfo{});
    QSignalSpy failed(&service, &AccountService::signInFailed);
    dialog.tokenEdit()->setText(QStringLiteral("hf_this_token_does_not_exist"));
    dialog.signInButton()->click();
    QVERIFY(failed.wait(10000));
    QVERIFY(dialog.statusLabel()->text().startsWith(QStringLiteral("Not signed in")));
    QVERIFY(!dialog.statusLabel()->text().contains(QStringLiteral("hf_this_token")));
    QCOMPARE(readFile(m_tokenFile), before);
}

void TestSignIn::switchAndSignOut()
{
    AccountService service(clientConfig(*m_server), m_tokenFile);
    QSignalSpy signedIn(&service, &AccountService::signedIn);
    service.signIn(QString::fromLatin1(demo::kDemoReaderToken));
    QVERIFY(signedIn.wait(10000));
    QCOMPARE(signedIn.at(0).at(0).value<AccountInfo>().user, QLatin1StringView(demo::kDemoReaderUser));
    QCOMPARE(readFile(m_tokenFile), std::string(demo::kDemoReaderToken));

    hub::TokenStore store(m_tokenFile);
    auto list = store.list();
    QVERIFY(list.ok());
    QCOMPARE(list->size(), size_t(2));
    std::string ownerName;
    for (const auto &t : *list) {
        if (t.token == demo::kDemoOwnerToken)
            ownerName = t.name;
    }
    QVERIFY(!ownerName.empty());

    service.switchTo(QString::fromStdString(ownerName));
    QVERIFY(signedIn.wait(10000));
    QCOMPARE(signedIn.last().at(0).value<AccountInfo>().user, QLatin1StringView(demo::kDemoOwnerUser));
    QCOMPARE(readFile(m_tokenFile), std::string(demo::kDemoOwnerToken));

    QSignalSpy out(&service, &AccountService::signedOut);
    service.signOut(QString::fromStdString(ownerName));
    QVERIFY(out.wait(10000));
    QVERIFY(!fs::exists(m_tokenFile));
    QCOMPARE(hub::TokenStore(m_tokenFile).list()->size(), size_t(1));
}

void TestSignIn::signingIn_privateReposAppearInTheBrowser()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("config")));
    AppContext::Connection connection;
    connection.client = clientConfig(*m_server);
    connection.cacheDir = dir.filePath(QStringLiteral("cache"));
    connection.stateDir = dir.filePath(QStringLiteral("state"));
    AppContext context(settings, connection);
    RepoBrowserPage browser(context);
    auto privateShown = [&browser] {
        for (int r = 0; r < browser.model()->rowCount(); ++r) {
            if (browser.model()->index(r, 0).data(RepoListModel::RepoIdRole).toString() ==
                QLatin1StringView(demo::kPrivateDataset))
                return true;
        }
        return false;
    };
    browser.show(hub::RepoType::Dataset, QString::fromLatin1(demo::kDemoOwnerUser));
    QTRY_VERIFY_WITH_TIMEOUT(browser.model()->rowCount() > 0, 10000);
    QVERIFY(!privateShown());

    AccountService service(context.clientConfig(), m_tokenFile);
    connect(&service, &AccountService::activeTokenChanged, &context,
            [&context](const QString &token) { context.setToken(token); });
    SignInDialog dialog(&service, AccountInfo{});
    QSignalSpy session(&context, &AppContext::sessionChanged);
    dialog.tokenEdit()->setText(QString::fromLatin1(demo::kDemoOwnerToken));
    dialog.signInButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(context.session().status == SessionState::Status::SignedIn, 10000);
    QCOMPARE(context.session().user, QLatin1StringView(demo::kDemoOwnerUser));

    browser.show(hub::RepoType::Dataset, QString::fromLatin1(demo::kDemoOwnerUser));
    QTRY_VERIFY_WITH_TIMEOUT(privateShown(), 10000);
}

void TestSignIn::settingsDialog_writesThroughTheFacade()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("config")));
    SettingsDialog dialog(&settings);
    QSignalSpy applied(&dialog, &SettingsDialog::settingsApplied);
    dialog.endpointEdit()->setText(QString::fromStdString(m_server->baseUrl()));
    dialog.parallelBox()->setValue(6);
    dialog.bandwidthBox()->setValue(2048);
    dialog.namespacesEdit()->setPlainText(QStringLiteral("PellelNitram\ngithubharald\n"));
    dialog.apply();
    QCOMPARE(applied.count(), 1);
    Settings reread(dir.filePath(QStringLiteral("config")));
    QCOMPARE(reread.endpoint(), QString::fromStdString(m_server->baseUrl()));
    QCOMPARE(reread.parallelTransfers(), 6);
    QCOMPARE(reread.bandwidthLimitKiBps(), 2048);
    QCOMPARE(reread.projectNamespaces(), (QStringList{QStringLiteral("PellelNitram"), QStringLiteral("githubharald")}));
}

// What a person sends when something failed: the failing request with its code and detail and
// what the window showed, and never the token (whatever pattern it has, however it was logged).
void TestSignIn::diagnosticLog_explainsAFailureAndNeverHoldsTheToken()
{
    installDiagnosticLogging();
    hub::clearLogRecords();
    hub::ClientConfig config = clientConfig(*m_server, demo::kDemoOwnerToken);
    hub::HubClient client(config);
    const auto missing =
        client.repoInfo(hub::RepoRef{hub::RepoType::Model, *hub::RepoId::parse("PellelNitram/no-such-model")});
    QVERIFY(!missing.ok());
    LoadStateWidget state(new QWidget);
    state.showError(missing.error());
    // Careless logging of secrets elsewhere in the app: a Hub token, and a token of a form no
    // pattern knows (a mirror's own), which the saved log removes because it is the current one.
    const QString oddToken = QStringLiteral("mirror-secret-4f9a2c81e7");
    qCWarning(lcApp) << "debugging" << QString::fromLatin1(demo::kDemoOwnerToken) << oddToken;

    DiagnosticContext info;
    info.endpoint = QString::fromStdString(m_server->baseUrl());
    info.signedIn = true;
    info.token = oddToken;
    const QString text = diagnosticLogText(info);
    QVERIFY2(text.contains(QStringLiteral("RepoNotFound")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("/api/models/PellelNitram/no-such-model")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("shown as failed (RepoNotFound)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Signed in: yes")), qPrintable(text));
    QVERIFY2(!text.contains(QString::fromLatin1(demo::kDemoOwnerToken)), qPrintable(text));
    QVERIFY2(!text.contains(oddToken), qPrintable(text));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hubdesk.log"));
    QCOMPARE(writeDiagnosticLog(path, text), QString());
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(saved.readAll()), text);
    // A folder that does not exist: a sentence naming the file, nothing written.
    const QString bad = dir.filePath(QStringLiteral("missing/hubdesk.log"));
    const QString error = writeDiagnosticLog(bad, text);
    QVERIFY2(error.contains(QStringLiteral("hubdesk.log")), qPrintable(error));
    QVERIFY(!QFile::exists(bad));

    Settings settings(dir.filePath(QStringLiteral("config")));
    SettingsDialog dialog(&settings);
    QSignalSpy requested(&dialog, &SettingsDialog::diagnosticLogRequested);
    QVERIFY(!dialog.diagnosticLogButton()->accessibleDescription().isEmpty());
    dialog.diagnosticLogButton()->click();
    QCOMPARE(requested.count(), 1);
}

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
