// The GUI's side of HTTPS and proxies: the CA bundle and proxy of Settings → Network reach the
// connection HubDesk starts with, and sign-in works against an HTTPS sandbox whose certificate
// comes from that CA; an untrusted certificate gives the sign-in dialog a sentence that says what
// to do.

#include "net_fixture.h"
#include "ui/core/settings.h"
#include "ui/settings/settingsdialog.h"
#include "ui/shell/startup.h"
#include "ui/signin/accountservice.h"
#include "ui/signin/signindialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <sys/stat.h>

using namespace hubui;
using namespace nettest;
namespace demo = hub::sandbox::demo;

class TestNetGui final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        qputenv("HF_HOME", m_dir.filePath(QStringLiteral("hf")).toLocal8Bit());
        for (const char *var :
             {"HF_TOKEN_PATH", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE", "HTTPS_PROXY", "https_proxy",
              "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy", "HF_ENDPOINT"})
            qunsetenv(var);
        const fs::path pki = fs::path(m_dir.path().toStdString()) / "pki";
        m_company = std::make_unique<TestCa>(pki, "company");
        m_stranger = std::make_unique<TestCa>(pki, "stranger");
        m_server = startTlsSandbox(m_company->issue("hub"));
        m_tokenFile = fs::path(m_dir.filePath(QStringLiteral("hf")).toStdString()) / "token";
    }

    void settingsNetwork_reachesTheConnection()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("config")));
        SettingsDialog dialog(&settings);
        const QString ca = QString::fromStdString(m_company->caFile().string());
        dialog.endpointEdit()->setText(QString::fromStdString(m_server->baseUrl()));
        dialog.caBundleEdit()->setText(ca);
        dialog.proxyEdit()->setText(QStringLiteral("http://proxy.example:3128"));
        dialog.apply();
        Settings reread(dir.filePath(QStringLiteral("config")));
        QCOMPARE(reread.caBundle(), ca);
        auto startup = prepareStartup(CommandLineOptions{}, reread);
        QVERIFY(startup.ok());
        QCOMPARE(startup->connection.client.caBundle, ca.toStdString());
        QCOMPARE(startup->connection.client.proxy, std::string("http://proxy.example:3128"));
        QCOMPARE(startup->connection.client.httpProxy, std::string("http://proxy.example:3128"));
        QCOMPARE(startup->connection.client.endpoint, m_server->baseUrl());

        // The environment's bundle applies while Settings has none; Settings wins over it.
        {
            ScopedEnv env({{"CURL_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt"}, {"SSL_CERT_FILE", ""}});
            Settings empty(dir.filePath(QStringLiteral("other")));
            QCOMPARE(prepareStartup(CommandLineOptions{}, empty)->connection.client.caBundle,
                     std::string("/etc/ssl/certs/ca-certificates.crt"));
            QCOMPARE(prepareStartup(CommandLineOptions{}, reread)->connection.client.caBundle, ca.toStdString());
        }

        // A bundle that is not a readable file is refused by the dialog; nothing is stored.
        SettingsDialog again(&reread);
        again.caBundleEdit()->setText(m_dir.filePath(QStringLiteral("missing.pem")));
        auto *buttons = again.findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        buttons->button(QDialogButtonBox::Ok)->click();
        QVERIFY(again.result() != QDialog::Accepted);
        bool shown = false;
        for (auto *label : again.findChildren<QLabel *>())
            shown = shown || (label->isVisibleTo(&again) && label->text().contains(QStringLiteral("CA bundle")));
        QVERIFY(shown);
        QCOMPARE(Settings(dir.filePath(QStringLiteral("config"))).caBundle(), ca);
    }

    void settingsFile_withAProxyPasswordIsReadableByItsOwnerOnly()
    {
        QTemporaryDir dir;
        const QString configDir = dir.filePath(QStringLiteral("config"));
        {
            Settings settings(configDir);
            SettingsDialog dialog(&settings);
            dialog.proxyEdit()->setText(QStringLiteral("http://me:pr0xy-s3cret@proxy.example:3128"));
            dialog.apply();
        }
        const auto mode = [](const QString &path) {
            struct stat st {};
            ::stat(path.toLocal8Bit().constData(), &st);
            return static_cast<int>(st.st_mode & 0777);
        };
        const QString file = QDir(configDir).filePath(QStringLiteral("hubdesk.ini"));
        QVERIFY(transfertest::readFile(file.toStdString()).find("pr0xy-s3cret") != std::string::npos);
        QCOMPARE(mode(file), 0600);
        QCOMPARE(mode(configDir), 0700);
        // A later write (QSettings replaces the file) keeps it closed.
        {
            Settings settings(configDir);
            settings.setParallelTransfers(3);
            settings.sync();
        }
        QCOMPARE(mode(file), 0600);
    }

    void signIn_overHttpsWithTheCaBundleOfSettings()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("config")));
        settings.setEndpoint(QString::fromStdString(m_server->baseUrl()));
        settings.setCaBundle(QString::fromStdString(m_company->caFile().string()));
        auto startup = prepareStartup(CommandLineOptions{}, settings);
        QVERIFY(startup.ok());
        AccountService service(startup->connection.client, m_tokenFile);
        SignInDialog dialog(&service, AccountInfo{});
        QSignalSpy signedIn(&service, &AccountService::signedIn);
        dialog.tokenEdit()->setText(QLatin1StringView(demo::kDemoOwnerToken));
        dialog.signInButton()->click();
        QVERIFY(signedIn.wait(20000));
        QCOMPARE(signedIn.at(0).at(0).value<AccountInfo>().user, QLatin1StringView(demo::kDemoOwnerUser));
    }

    void signIn_untrustedCertificateSaysWhatToDo()
    {
        auto stranger = startTlsSandbox(m_stranger->issue("intercepted"));
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("config")));
        settings.setEndpoint(QString::fromStdString(stranger->baseUrl()));
        settings.setCaBundle(QString::fromStdString(m_company->caFile().string()));
        auto startup = prepareStartup(CommandLineOptions{}, settings);
        QVERIFY(startup.ok());
        AccountService service(startup->connection.client, m_tokenFile);
        SignInDialog dialog(&service, AccountInfo{});
        QSignalSpy failed(&service, &AccountService::signInFailed);
        dialog.tokenEdit()->setText(QLatin1StringView(demo::kDemoOwnerToken));
        dialog.signInButton()->click();
        QVERIFY(failed.wait(20000));
        const QString text = dialog.statusLabel()->text();
        QVERIFY2(text.contains(QStringLiteral("127.0.0.1")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Settings → Network → CA bundle")), qPrintable(text));
        QVERIFY(!text.contains(QLatin1StringView(demo::kDemoOwnerToken)));
        QCOMPARE(stranger->tlsHandshakes(), uint64_t{1});
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestCa> m_company;
    std::unique_ptr<TestCa> m_stranger;
    std::unique_ptr<hub::sandbox::Server> m_server;
    fs::path m_tokenFile;
};

QTEST_MAIN(TestNetGui)
#include "tst_net_gui.moc"
