// The Transfers view against the in-process sandbox Hub: a throttled download paused and resumed
// from the page's buttons, total progress in the status widget, the finished-job banner, and
// jobs left from a previous run reappearing and finishing.

#include "transfer/transfer_fixture.h"
#include "ui/transfers/transferadapter.h"
#include "ui/transfers/transfermodel.h"
#include "ui/transfers/transfernotifier.h"
#include "ui/transfers/transferspage.h"
#include "ui/transfers/transferstatuswidget.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>

using namespace hubui;
using namespace transfertest;
namespace demo = hub::sandbox::demo;

class TestTransfers final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = startSandbox();
    }
    void cleanupTestCase() { m_server.reset(); }
    void cleanup() { m_server->clearFaults(); }

    void throttledDownload_pauseAndResumeFromThePage();
    void jobsFromAPreviousRunReappearAndFinish();

private:
    static QPushButton *button(QWidget *page, const QString &name)
    {
        for (auto *b : page->findChildren<QPushButton *>()) {
            if (b->accessibleName() == name)
                return b;
        }
        return nullptr;
    }
    static TransferJobInfo job(TransferAdapter &adapter, quint64 id)
    {
        const int row = adapter.model()->rowOf(id);
        return row < 0 ? TransferJobInfo{} : adapter.model()->jobAt(row);
    }

    std::unique_ptr<hub::sandbox::Server> m_server;
};

void TestTransfers::throttledDownload_pauseAndResumeFromThePage()
{
    QTemporaryDir dir;
    hub::sandbox::FaultSpec slow;
    slow.pathPrefix = "/__lfs/";
    slow.bandwidthBytesPerSec = 120 * 1024;
    m_server->addFault(slow);

    hub::TransferEngine engine(engineOptions(*m_server, dir));
    TransferAdapter adapter(engine, [&engine](std::shared_ptr<hub::EventSink> s) { engine.setEventSink(s); });
    TransfersPage page(&adapter);
    TransferStatusWidget status(adapter.model());
    TransferNotifier notifier(&adapter, nullptr);
    notifier.setMinimumDuration(0);
    QSignalSpy banners(&notifier, &TransferNotifier::bannerRequested);
    page.resize(1100, 400);
    page.show();

    hub::DownloadRequest request;
    request.repo = repo(demo::kWordDetector);
    request.paths = {"model.onnx"};
    auto id = adapter.submit(request);
    QVERIFY(id.ok());
    QTRY_VERIFY_WITH_TIMEOUT(
        job(adapter, *id).state == TransferJobInfo::State::Running && job(adapter, *id).bytesDone > 0, 20000);
    QVERIFY(status.isVisible());
    QVERIFY(status.percent() >= 0 && status.percent() < 100);

    page.selectJob(*id);
    QPushButton *pause = button(&page, QStringLiteral("Pause"));
    QPushButton *resume = button(&page, QStringLiteral("Resume"));
    QVERIFY(pause && resume);
    QVERIFY(pause->isEnabled());
    QVERIFY(!resume->isEnabled());
    // The progress delegate paints a bar with the text of the Progress column.
    const QString progressText = page.view()->model()->index(0, TransferModel::Progress).data().toString();
    QVERIFY2(progressText.contains(QStringLiteral(" of ")), qPrintable(progressText));
    QVERIFY(!page.view()->grab().isNull());

    pause->click();
    QTRY_COMPARE_WITH_TIMEOUT(job(adapter, *id).state, TransferJobInfo::State::Paused, 20000);
    const qint64 pausedAt = job(adapter, *id).bytesDone;
    QVERIFY(pausedAt > 0);
    QVERIFY(resume->isEnabled());
    QCOMPARE(page.view()->model()->index(0, TransferModel::State).data().toString(),
             QStringLiteral("Download · Paused"));

    m_server->clearFaults();
    resume->click();
    QTRY_COMPARE_WITH_TIMEOUT(job(adapter, *id).state, TransferJobInfo::State::Completed, 60000);
    const TransferJobInfo done = job(adapter, *id);
    QCOMPARE(done.bytesDone, done.bytesTotal);
    QVERIFY(!done.resultPath.isEmpty());
    QVERIFY(!status.isVisible());
    QTRY_COMPARE(banners.count(), 1);
    QVERIFY(banners.at(0).at(0).toString().contains(QStringLiteral("downloaded")));

    hub::HubClient client(clientConfig(*m_server));
    const auto snapshot = engine.job(*id);
    QVERIFY(snapshot);
    QString why;
    QVERIFY2(snapshotMatchesHub(client, request.repo, *snapshot, &why), qPrintable(why));
}

void TestTransfers::jobsFromAPreviousRunReappearAndFinish()
{
    QTemporaryDir dir;
    hub::sandbox::FaultSpec slow;
    slow.pathPrefix = "/__lfs/";
    slow.bandwidthBytesPerSec = 100 * 1024;
    m_server->addFault(slow);
    quint64 id = 0;
    {
        hub::TransferEngine engine(engineOptions(*m_server, dir));
        TransferAdapter adapter(engine, [&engine](std::shared_ptr<hub::EventSink> s) { engine.setEventSink(s); });
        hub::DownloadRequest request;
        request.repo = repo(demo::kSimpleHtr);
        auto submitted = adapter.submit(request);
        QVERIFY(submitted.ok());
        id = *submitted;
        QTRY_VERIFY_WITH_TIMEOUT(job(adapter, id).bytesDone > 0, 20000);
        // The app quits here: the engine persists the job as resumable.
    }
    m_server->clearFaults();
    hub::TransferEngine engine(engineOptions(*m_server, dir));
    TransferAdapter adapter(engine, [&engine](std::shared_ptr<hub::EventSink> s) { engine.setEventSink(s); });
    // The new engine restores the job from the journal before the adapter is made, so the list
    // shows it at once, under its old id, marked as left from the previous run.
    QVERIFY(adapter.model()->rowOf(id) >= 0);
    QVERIFY(job(adapter, id).resumedFromJournal);
    QTRY_COMPARE_WITH_TIMEOUT(job(adapter, id).state, TransferJobInfo::State::Completed, 60000);
    QCOMPARE(job(adapter, id).repo, QStringLiteral("model/") + QLatin1StringView(demo::kSimpleHtr));
}

QTEST_MAIN(TestTransfers)
#include "tst_transfers.moc"
