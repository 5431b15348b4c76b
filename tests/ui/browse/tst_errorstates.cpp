// Offscreen GUI tests of the error states (issue 17, "No dead ends in the first hour"): every
// error code is titled by what happened and offers its next step as a button that does it, the
// sandbox's injected 503 and 429 answers show up that way and "Try again" loads again, no widget
// (and no ui/ source) says "Something went wrong", and a Local cache row opens its repo.

#include "sandboxfixture.h"

#include "ui/browser/repobrowserpage.h"
#include "ui/browser/repolistmodel.h"
#include "ui/cache/cachefiltermodel.h"
#include "ui/cache/cachemodel.h"
#include "ui/cache/cachepage.h"
#include "ui/core/loadstatewidget.h"
#include "ui/core/pageregistry.h"
#include "ui/repo/cardview.h"
#include "ui/repo/repopage.h"
#include "ui/settings/settingsdialog.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/registerpages.h"
#include "ui/signin/signindialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QDirIterator>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace hubui;
using hub::ErrorCode;
using NextStep = LoadStateWidget::NextStep;

Q_DECLARE_METATYPE(hub::ErrorCode)
Q_DECLARE_METATYPE(hubui::LoadStateWidget::NextStep)

namespace {
const QString kSomethingWentWrong = QStringLiteral("Something went wrong");

hub::HubError errorOf(ErrorCode code, int retryAfter = -1)
{
    hub::HubError e = hub::HubError::make(code, "What happened, in the Hub layer's words.");
    e.retryAfterSeconds = retryAfter;
    return e;
}
} // namespace

/// Receives the URLs QDesktopServices::openUrl() would hand to the browser.
class UrlCatcher final : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};

class ErrorStatesTest final : public QObject {
    Q_OBJECT

private:
    SandboxFixture m_f;
    std::unique_ptr<PageRegistry> m_registry;
    std::unique_ptr<MainWindow> m_window;
    UrlCatcher m_urls;

    LoadStateWidget *listState() const { return m_window->browser()->loadState(); }
    CachePage *cachePage() const
    {
        for (int i = 0; i < m_window->pages()->count(); ++i)
            if (auto *page = qobject_cast<CachePage *>(m_window->pages()->widget(i)))
                return page;
        return nullptr;
    }
    template <class Dialog> Dialog *openDialog() const
    {
        for (auto *d : m_window->findChildren<Dialog *>())
            if (d->isVisible())
                return d;
        return nullptr;
    }
    void closeDialogs() const
    {
        for (auto *d : m_window->findChildren<QDialog *>())
            d->close();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    bool browseAndWait()
    {
        QSignalSpy done(m_window->browser()->model(), &RepoListModel::loaded);
        QSignalSpy failed(m_window->browser()->model(), &RepoListModel::loadFailed);
        m_window->browse(hub::RepoType::Model, QStringLiteral("PellelNitram"));
        return QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, 20000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_f.start());
        m_registry = std::make_unique<PageRegistry>();
        registerBuiltInPages(*m_registry);
        m_window = std::make_unique<MainWindow>(*m_f.context, *m_registry);
        m_window->show();
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_urls, "open");
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_urls, "open");
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        m_window.reset();
    }

    void everyCode_isTitledAndOffersItsNextStep_data()
    {
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("title");
        QTest::addColumn<NextStep>("step");
        QTest::addColumn<QString>("button");
        QTest::addColumn<bool>("retry");
        const auto row = [](const char *name, ErrorCode c, const char *title, NextStep s, const char *button, bool r) {
            QTest::newRow(name) << c << QString::fromUtf8(title) << s << QString::fromUtf8(button) << r;
        };
        row("Offline", ErrorCode::Offline, "You are offline", NextStep::OpenLocalCache, "Open Local cache", false);
        row("Network", ErrorCode::Network, "The Hub cannot be reached", NextStep::NetworkSettings, "Network settings…",
            true);
        row("Timeout", ErrorCode::Timeout, "The Hub took too long to answer", NextStep::None, "", true);
        row("Unauthorized", ErrorCode::Unauthorized, "Sign-in needed", NextStep::SignIn, "Sign in…", true);
        row("Forbidden", ErrorCode::Forbidden, "Your account is not allowed to do this", NextStep::SignIn, "Sign in…",
            true);
        row("RepoNotFound", ErrorCode::RepoNotFound, "This repo does not exist or is private", NextStep::SignIn,
            "Sign in…", true);
        row("RateLimited", ErrorCode::RateLimited, "Too many requests", NextStep::None, "", true);
        row("ServerError", ErrorCode::ServerError, "The Hub had a problem", NextStep::None, "", true);
        row("BadResponse", ErrorCode::BadResponse, "The Hub sent an answer HubDesk cannot read", NextStep::None, "",
            true);
        row("Certificate", ErrorCode::Certificate, "The certificate could not be verified", NextStep::NetworkSettings,
            "Network settings…", true);
        row("Proxy", ErrorCode::Proxy, "The proxy refused the connection", NextStep::NetworkSettings,
            "Network settings…", true);
        row("DiskFull", ErrorCode::DiskFull, "The disk is full", NextStep::OpenLocalCache, "Open Local cache", true);
        row("Corrupt", ErrorCode::Corrupt, "Data on this computer is damaged", NextStep::OpenLocalCache,
            "Open Local cache", true);
        row("Refused", ErrorCode::Refused, "HubDesk refused an unsafe answer", NextStep::None, "", false);
        row("RevisionNotFound", ErrorCode::RevisionNotFound, "This revision does not exist", NextStep::None, "", false);
        row("Internal", ErrorCode::Internal, "HubDesk could not finish this", NextStep::None, "", true);
    }

    void everyCode_isTitledAndOffersItsNextStep()
    {
        QFETCH(ErrorCode, code);
        QFETCH(QString, title);
        QFETCH(NextStep, step);
        QFETCH(QString, button);
        QFETCH(bool, retry);
        m_window->pages()->setCurrentWidget(m_window->browser());
        LoadStateWidget *state = listState();
        state->showError(errorOf(code));
        QCOMPARE(state->state(), LoadStateWidget::State::Failed);
        QCOMPARE(state->title(), title);
        QCOMPARE(state->message(), QStringLiteral("What happened, in the Hub layer's words."));
        QCOMPARE(state->nextStep(), step);
        QCOMPARE(state->nextStepButton()->isVisible(), step != NextStep::None);
        if (step != NextStep::None)
            QCOMPARE(state->nextStepButton()->text(), button);
        QCOMPARE(state->retryButton()->isVisible(), retry);

        // The button does what it says.
        if (step == NextStep::SignIn) {
            QTest::mouseClick(state->nextStepButton(), Qt::LeftButton);
            QTRY_VERIFY(openDialog<SignInDialog>() != nullptr);
        } else if (step == NextStep::NetworkSettings) {
            QTest::mouseClick(state->nextStepButton(), Qt::LeftButton);
            QTRY_VERIFY(openDialog<SettingsDialog>() != nullptr);
        } else if (step == NextStep::OpenLocalCache) {
            QTest::mouseClick(state->nextStepButton(), Qt::LeftButton);
            QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(cachePage()));
            QVERIFY(m_window->sidebar()->currentItem());
            QCOMPARE(m_window->sidebar()->currentItem()->text(0), QStringLiteral("Local cache"));
        }
        closeDialogs();
    }

    // A real 503 from the sandbox: titled as the Hub's problem; Try again asks again and loads.
    void serverError_tryAgainLoadsTheList()
    {
        hub::sandbox::FaultSpec broken;
        broken.pathPrefix = "/api/models";
        broken.status = 503;
        broken.count = 1;
        m_f.server->addFault(broken);
        QVERIFY(browseAndWait());
        QCOMPARE(listState()->state(), LoadStateWidget::State::Failed);
        QCOMPARE(listState()->title(), QStringLiteral("The Hub had a problem"));
        QVERIFY(listState()->retryButton()->isVisible());
        QSignalSpy loaded(m_window->browser()->model(), &RepoListModel::loaded);
        QTest::mouseClick(listState()->retryButton(), Qt::LeftButton);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(listState()->state(), LoadStateWidget::State::Ready);
        QVERIFY(m_window->browser()->model()->rowCount() > 0);
        m_f.server->clearFaults();
    }

    // A real 429 with Retry-After: the button counts the wait down, then works and loads.
    void rateLimited_countsDownThenTriesAgain()
    {
        hub::sandbox::FaultSpec limited;
        limited.pathPrefix = "/api/models";
        limited.status = 429;
        limited.retryAfterSeconds = 2;
        limited.count = 1;
        m_f.server->addFault(limited);
        QVERIFY(browseAndWait());
        QCOMPARE(listState()->title(), QStringLiteral("Too many requests"));
        // The wait the Hub asked for (the sandbox's Retry-After, rounded up by the engine).
        QVERIFY2(QRegularExpression(QStringLiteral("^Try again in [1-9][0-9]* s$"))
                     .match(listState()->retryButton()->text())
                     .hasMatch(),
                 qPrintable(listState()->retryButton()->text()));
        QVERIFY(!listState()->retryButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(listState()->retryButton()->isEnabled(), 10000);
        QCOMPARE(listState()->retryButton()->text(), QStringLiteral("Try again"));
        QSignalSpy loaded(m_window->browser()->model(), &RepoListModel::loaded);
        QTest::mouseClick(listState()->retryButton(), Qt::LeftButton);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(listState()->state(), LoadStateWidget::State::Ready);
        m_f.server->clearFaults();
    }

    void gatedRepo_requestAccessOpensTheRepoPageOnTheHub()
    {
        const hub::RepoRef gated{hub::RepoType::Model, *hub::RepoId::parse(hub::sandbox::demo::kGatedModel)};
        m_window->openRepo(gated);
        LoadStateWidget *state = m_window->repoPage()->card()->loadState();
        state->showError(errorOf(ErrorCode::GatedRepo));
        QCOMPARE(state->title(), QStringLiteral("Access to this repo must be requested"));
        QCOMPARE(state->nextStepButton()->text(), QStringLiteral("Request access"));
        m_urls.urls.clear();
        QTest::mouseClick(state->nextStepButton(), Qt::LeftButton);
        QCOMPARE(m_urls.urls.size(), 1);
        QCOMPARE(m_urls.urls.first().toString(),
                 QString::fromStdString(m_f.server->baseUrl() + "/" + hub::sandbox::demo::kGatedModel));
        state->showContent();
    }

    void noWidgetAndNoSourceSaysSomethingWentWrong()
    {
        m_window->pages()->setCurrentWidget(m_window->browser());
        listState()->showError(QStringLiteral("A failure without a code."));
        QCOMPARE(listState()->title(), QStringLiteral("This could not be loaded"));
        QVERIFY(listState()->retryButton()->isVisible());
        for (QWidget *w : QApplication::allWidgets()) {
            if (auto *label = qobject_cast<QLabel *>(w))
                QVERIFY2(!label->text().contains(kSomethingWentWrong), qPrintable(label->objectName()));
            if (auto *button = qobject_cast<QAbstractButton *>(w))
                QVERIFY(!button->text().contains(kSomethingWentWrong));
        }
        int files = 0;
        QDirIterator it(QStringLiteral(HUBDESK_SOURCE_DIR "/ui"), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!QString::fromUtf8(f.readAll()).contains(kSomethingWentWrong), qPrintable(f.fileName()));
            ++files;
        }
        QVERIFY(files > 50);
        listState()->showContent();
    }

    // A repo in the Local cache opens its page on double-click, and on Enter.
    void cacheRow_opensItsRepo()
    {
        const hub::RepoRef words{hub::RepoType::Model, *hub::RepoId::parse(hub::sandbox::demo::kWordDetector)};
        hub::DownloadRequest request;
        request.repo = words;
        request.paths = {"config.json"};
        QSignalSpy finished(m_f.context.get(), &AppContext::downloadFinished);
        QVERIFY(m_f.context->submitDownload(request));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().value<hub::JobSnapshot>().state, hub::JobState::Done);

        CachePage *cache = cachePage();
        QVERIFY(cache);
        QVERIFY(m_window->showPage(QStringLiteral("cache")));
        const QString key = CacheModel::repoKey(words);
        QTRY_VERIFY_WITH_TIMEOUT(cache->model()->repoIndex(key).isValid(), 20000);
        const QModelIndex row = cache->filterModel()->mapFromSource(cache->model()->repoIndex(key));
        QVERIFY(row.isValid());
        QTreeView *view = cache->view();
        view->scrollTo(row);
        const QPoint at = view->visualRect(row).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(m_window->repoPage()));
        QCOMPARE(m_window->repoPage()->repo().id.str(), words.id.str());

        m_window->openRepo({hub::RepoType::Model, *hub::RepoId::parse(hub::sandbox::demo::kCarbune)});
        QVERIFY(m_window->showPage(QStringLiteral("cache")));
        view->setFocus();
        view->setCurrentIndex(row);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(m_window->repoPage()));
        QCOMPARE(m_window->repoPage()->repo().id.str(), words.id.str());
    }
};

QTEST_MAIN(ErrorStatesTest)
#include "tst_errorstates.moc"
