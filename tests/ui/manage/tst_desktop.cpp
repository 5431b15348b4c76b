// Desktop integration against a real D-Bus: a private dbus-daemon started by the test, a
// stand-in notification server on it (the freedesktop Notify method), and a listener for the
// launcher entry's Update signal. Then the TransferNotifier decides what goes where.
#include "ui/transfers/desktopintegration.h"
#include "ui/transfers/transferadapter.h"
#include "ui/transfers/transfermodel.h"
#include "ui/transfers/transfernotifier.h"

#include "hub/transfer/engine.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hubui;

/// The notification server: records every Notify call.
class FakeNotifications : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call {
        QString app, icon, summary, body;
        QVariantMap hints;
    };
    QList<Call> calls;

public slots:
    uint Notify(const QString &app, uint, const QString &icon, const QString &summary, const QString &body,
                const QStringList &, const QVariantMap &hints, int)
    {
        calls.push_back({app, icon, summary, body, hints});
        return static_cast<uint>(calls.size());
    }
};

/// Collects com.canonical.Unity.LauncherEntry.Update signals.
class LauncherListener : public QObject {
    Q_OBJECT

public:
    QList<std::pair<QString, QVariantMap>> updates;

public slots:
    void update(const QString &app, const QVariantMap &props) { updates.push_back({app, props}); }
};

class DesktopTest : public QObject {
    Q_OBJECT

    QProcess m_daemon;
    QString m_address;

    QDBusConnection bus(const QString &name) { return QDBusConnection::connectToBus(m_address, name); }

    static TransferJobInfo finishedJob(TransferJobInfo::State state)
    {
        TransferJobInfo job;
        job.id = 7;
        job.kind = TransferJobInfo::Kind::Download;
        job.title = QStringLiteral("model.onnx");
        job.repo = QStringLiteral("model/PellelNitram/xournalpp-htr-word-detector");
        job.state = state;
        job.error = QStringLiteral("The Hub could not be reached");
        job.startedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        job.finishedAt = QDateTime::currentDateTimeUtc();
        return job;
    }

private slots:
    void initTestCase()
    {
        const QString exe = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        QVERIFY2(!exe.isEmpty(), "dbus-daemon is missing: run packaging/install-deps.sh --test");
        m_daemon.start(exe, {QStringLiteral("--session"), QStringLiteral("--nofork"),
                             QStringLiteral("--print-address=1"), QStringLiteral("--address=unix:tmpdir=/tmp")});
        QVERIFY(m_daemon.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(m_daemon.canReadLine() || !m_daemon.waitForReadyRead(100), 10000);
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        QVERIFY2(m_address.startsWith(QStringLiteral("unix:")), qPrintable(m_address));
    }

    void cleanupTestCase()
    {
        m_daemon.terminate();
        m_daemon.waitForFinished(5000);
    }

    void notify_reachesTheFreedesktopServer()
    {
        QDBusConnection server = bus(QStringLiteral("server1"));
        QVERIFY(server.isConnected());
        FakeNotifications fake;
        QVERIFY(server.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &fake,
                                      QDBusConnection::ExportAllSlots));
        QVERIFY(server.registerService(QStringLiteral("org.freedesktop.Notifications")));

        DesktopIntegration desktop(bus(QStringLiteral("client1")));
        QSignalSpy delivered(&desktop, &DesktopIntegration::delivered);
        QSignalSpy undelivered(&desktop, &DesktopIntegration::undelivered);
        desktop.notify(QStringLiteral("Transfer failed"), QStringLiteral("a <b>bold</b> & name"), true);
        QVERIFY(delivered.wait(10000));
        QCOMPARE(undelivered.count(), 0);
        QCOMPARE(fake.calls.size(), 1);
        const auto &c = fake.calls.first();
        QCOMPARE(c.app, QStringLiteral("HubDesk"));
        QCOMPARE(c.icon, QString::fromLatin1(DesktopIntegration::kDesktopId));
        QCOMPARE(c.summary, QStringLiteral("Transfer failed"));
        QCOMPARE(c.body, QStringLiteral("a &lt;b&gt;bold&lt;/b&gt; &amp; name")); // never markup
        QCOMPARE(c.hints.value(QStringLiteral("desktop-entry")).toString(),
                 QString::fromLatin1(DesktopIntegration::kDesktopId));
        QCOMPARE(c.hints.value(QStringLiteral("urgency")).value<uchar>(), uchar(2));
        server.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
        QDBusConnection::disconnectFromBus(QStringLiteral("server1"));
    }

    void notify_withoutAServer_saysUndelivered()
    {
        DesktopIntegration desktop(bus(QStringLiteral("client2")));
        QSignalSpy undelivered(&desktop, &DesktopIntegration::undelivered);
        desktop.notify(QStringLiteral("Transfer finished"), QStringLiteral("done"), false);
        QVERIFY(undelivered.wait(10000));
        // No bus at all: also undelivered, without waiting for anything.
        DesktopIntegration none(QDBusConnection(QStringLiteral("not-connected")));
        QSignalSpy undeliveredNone(&none, &DesktopIntegration::undelivered);
        none.notify(QStringLiteral("x"), QStringLiteral("y"), false);
        QVERIFY(undeliveredNone.wait(5000));
    }

    void progress_updatesTheLauncherEntryOncePerPercent()
    {
        QDBusConnection listenerBus = bus(QStringLiteral("listener"));
        LauncherListener listener;
        QVERIFY(listenerBus.connect(QString(), QStringLiteral("/io/github/hubdesk/HubDesk"),
                                    QStringLiteral("com.canonical.Unity.LauncherEntry"), QStringLiteral("Update"),
                                    &listener, SLOT(update(QString, QVariantMap))));
        DesktopIntegration desktop(bus(QStringLiteral("client3")));
        desktop.setProgress(0.421, 2);
        desktop.setProgress(0.425, 2); // same whole percent: not sent again
        desktop.setProgress(std::nullopt, 0);
        QTRY_COMPARE_WITH_TIMEOUT(listener.updates.size(), 2, 10000);
        QCOMPARE(listener.updates[0].first, QStringLiteral("application://io.github.hubdesk.HubDesk.desktop"));
        QCOMPARE(listener.updates[0].second.value(QStringLiteral("progress")).toDouble(), 0.421);
        QVERIFY(listener.updates[0].second.value(QStringLiteral("progress-visible")).toBool());
        QCOMPARE(listener.updates[0].second.value(QStringLiteral("count")).toLongLong(), 2);
        QVERIFY(!listener.updates[1].second.value(QStringLiteral("progress-visible")).toBool());
    }

    void notifier_backgroundGoesToTheDesktop_foregroundStaysInTheWindow()
    {
        QDBusConnection server = bus(QStringLiteral("server4"));
        FakeNotifications fake;
        QVERIFY(server.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &fake,
                                      QDBusConnection::ExportAllSlots));
        QVERIFY(server.registerService(QStringLiteral("org.freedesktop.Notifications")));

        QTemporaryDir dir;
        hub::EngineOptions options;
        options.stateDir = dir.filePath(QStringLiteral("state")).toStdString();
        options.cacheDir = dir.filePath(QStringLiteral("cache")).toStdString();
        options.clientConfig.endpoint = "http://127.0.0.1:9"; // never called
        hub::TransferEngine engine(std::move(options));
        TransferAdapter adapter(engine, [&engine](std::shared_ptr<hub::EventSink> s) { engine.setEventSink(s); });
        TransferNotifier notifier(&adapter, nullptr);
        DesktopIntegration desktop(bus(QStringLiteral("client4")));
        QSignalSpy delivered(&desktop, &DesktopIntegration::delivered);
        notifier.setDesktop(&desktop);
        bool foreground = true;
        notifier.setForegroundCheck([&foreground] { return foreground; });
        QSignalSpy banners(&notifier, &TransferNotifier::bannerRequested);

        emit adapter.jobFinished(finishedJob(TransferJobInfo::State::Completed));
        QCOMPARE(banners.count(), 1); // in front: the window says it

        foreground = false;
        emit adapter.jobFinished(finishedJob(TransferJobInfo::State::Failed));
        QVERIFY(delivered.wait(10000));
        // The bus delivers in order, so exactly one call here also proves the first job (finished
        // while the window was in front) sent nothing.
        QCOMPARE(fake.calls.size(), 1);
        QCOMPARE(fake.calls[0].summary, QStringLiteral("Transfer failed"));
        QVERIFY2(fake.calls[0].body.contains(QStringLiteral("The Hub could not be reached")),
                 qPrintable(fake.calls[0].body));

        // The service goes away: the task bar is asked for attention instead.
        server.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
        QSignalSpy attention(&notifier, &TransferNotifier::attentionRequested);
        emit adapter.jobFinished(finishedJob(TransferJobInfo::State::Completed));
        QVERIFY(attention.wait(10000));
    }
};

QTEST_MAIN(DesktopTest)
#include "tst_desktop.moc"
