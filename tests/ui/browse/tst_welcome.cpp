// The first-run screen: when it shows, what it says, and that each of its three ways in answers.
#include "ui/core/settings.h"
#include "ui/shell/welcomedialog.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hubui;

class WelcomeTest : public QObject {
    Q_OBJECT

private slots:
    void shouldShow_onlyWithoutTokenSandboxOrEarlierChoice()
    {
        QTemporaryDir dir;
        Settings settings(dir.path());
        AppContext::Connection c;
        QVERIFY(WelcomeDialog::shouldShow(c, settings));
        c.client.token = "hf_x";
        QVERIFY(!WelcomeDialog::shouldShow(c, settings)); // signed in before (HF_TOKEN, the token file)
        c.client.token.clear();
        c.sandbox = true;
        QVERIFY(!WelcomeDialog::shouldShow(c, settings)); // --sandbox: straight in
        c.sandbox = false;
        settings.setWelcomeDismissed(true);
        QVERIFY(!WelcomeDialog::shouldShow(c, settings));
        Settings again(dir.path()); // remembered across starts
        QVERIFY(again.welcomeDismissed());
    }

    void dialog_saysWhatHubDeskDoesAndOffersThreeWaysIn()
    {
        WelcomeDialog d(QStringLiteral("huggingface.co"));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QStringList texts;
        for (auto *l : d.findChildren<QLabel *>())
            texts << l->text();
        const QString all = texts.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("model cards")), qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("huggingface.co")));
        QVERIFY(all.contains(QStringLiteral("no account")));
        for (QPushButton *b : {d.signInButton(), d.sandboxButton(), d.browseButton()}) {
            QVERIFY(b->isVisible() && b->isEnabled());
            QVERIFY(!b->accessibleName().isEmpty());
            QVERIFY(!b->accessibleDescription().isEmpty());
        }
        QVERIFY(d.signInButton()->isDefault());
        // Tab reaches each way in, in the order they are shown.
        d.signInButton()->setFocus();
        QTest::keyClick(&d, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), d.sandboxButton());
        QTest::keyClick(&d, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), d.browseButton());
    }

    void eachButton_isAnAnswer_data()
    {
        QTest::addColumn<int>("button");
        QTest::addColumn<int>("choice");
        QTest::newRow("sign in") << 0 << int(WelcomeDialog::Choice::SignIn);
        QTest::newRow("sandbox") << 1 << int(WelcomeDialog::Choice::Sandbox);
        QTest::newRow("browse") << 2 << int(WelcomeDialog::Choice::Browse);
    }

    void eachButton_isAnAnswer()
    {
        QFETCH(int, button);
        QFETCH(int, choice);
        WelcomeDialog d(QStringLiteral("huggingface.co"));
        QSignalSpy accepted(&d, &QDialog::accepted);
        d.show();
        QPushButton *buttons[] = {d.signInButton(), d.sandboxButton(), d.browseButton()};
        QTest::mouseClick(buttons[button], Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(int(d.choice()), choice);
    }

    void escape_meansBrowseThisTime()
    {
        WelcomeDialog d(QStringLiteral("hub.example.org"));
        QSignalSpy rejected(&d, &QDialog::rejected);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QTest::keyClick(&d, Qt::Key_Escape);
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(d.choice(), WelcomeDialog::Choice::Browse);
    }
};

QTEST_MAIN(WelcomeTest)
#include "tst_welcome.moc"
