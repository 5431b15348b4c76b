// Builds the .deb with CPack, unpacks it with dpkg-deb into a temporary root and checks it.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

namespace {

struct Run {
    int exitCode = -1;
    bool finished = false;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args, int timeoutMs = 60'000, const QString &workDir = {},
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10'000)) {
        r.err = program + QStringLiteral(": cannot start");
        return r;
    }
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5'000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString describe(const Run &r)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.exitCode).arg(r.out.left(4000), r.err.left(4000));
}

} // namespace

class TestPackaging final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_deb;
    QString m_root;
    QString m_appId = QStringLiteral(HUBDESK_APP_ID);

    QString rootPath(const QString &rel) const { return m_root + QLatin1Char('/') + rel; }

    /// An environment that keeps the programs away from the real home, cache and network.
    QProcessEnvironment isolatedEnv() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString home = m_tmp.path() + QStringLiteral("/home");
        QDir().mkpath(home);
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        env.insert(QStringLiteral("HF_HOME"), home + QStringLiteral("/hf"));
        env.insert(QStringLiteral("HF_ENDPOINT"), QStringLiteral("http://127.0.0.1:9"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.remove(QStringLiteral("HF_TOKEN"));
        return env;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        const QString out = m_tmp.path() + QStringLiteral("/out");
        // The same command `make package` runs, but with the output in a temporary directory.
        const Run cpack = run(QStringLiteral(HUBDESK_CPACK_COMMAND),
                              {QStringLiteral("--config"), QStringLiteral(HUBDESK_BINARY_DIR "/CPackConfig.cmake"),
                               QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), out},
                              1'200'000, QStringLiteral(HUBDESK_BINARY_DIR));
        QVERIFY2(cpack.finished && cpack.exitCode == 0, qPrintable(describe(cpack)));
        const QStringList debs = QDir(out).entryList({QStringLiteral("*.deb")}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        m_deb = out + QLatin1Char('/') + debs.first();
        QVERIFY2(debs.first().startsWith(QStringLiteral("hubdesk_" HUBDESK_VERSION "_")), qPrintable(debs.first()));

        m_root = m_tmp.path() + QStringLiteral("/root");
        const Run x = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root});
        QVERIFY2(x.exitCode == 0, qPrintable(describe(x)));
    }

    void control_hasComputedRuntimeDependencies()
    {
        const Run f = run(QStringLiteral("dpkg-deb"),
                          {QStringLiteral("-f"), m_deb, QStringLiteral("Package"), QStringLiteral("Version"),
                           QStringLiteral("Depends"), QStringLiteral("Installed-Size")});
        QVERIFY2(f.exitCode == 0, qPrintable(describe(f)));
        QVERIFY2(f.out.contains(QStringLiteral("Package: hubdesk\n")), qPrintable(f.out));
        QVERIFY2(f.out.contains(QStringLiteral("Version: " HUBDESK_VERSION)), qPrintable(f.out));
        // dpkg-shlibdeps found these from the binaries (versioned, Debian 12 names).
        for (const char *lib : {"libc6 (>=", "libstdc++6 (>=", "libqt6widgets6 (>=", "libqt6core6 (>=", "libcurl4 (>=",
                                "libyaml-cpp0.7 (>=", "libssl3 (>="}) {
            QVERIFY2(f.out.contains(QLatin1String(lib)),
                     qPrintable(QStringLiteral("missing %1 in\n%2").arg(QLatin1String(lib), f.out)));
        }
        QVERIFY(f.out.contains(QStringLiteral("libqt6svg6")));
    }

    void files_installUnderUsr()
    {
        const Run c = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
        QVERIFY2(c.exitCode == 0, qPrintable(describe(c)));
        for (const QString &path : {QStringLiteral("./usr/bin/hubdesk\n"), QStringLiteral("./usr/bin/hubdesk-cli\n"),
                                    QStringLiteral("./usr/bin/hubdesk-sandbox\n")})
            QVERIFY2(c.out.contains(path), qPrintable(path));
        // Nothing outside /usr, nothing from the build or test tree.
        for (const QString &line : c.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QString path = line.section(QLatin1Char(' '), -1);
            QVERIFY2(path == QStringLiteral("./") || path.startsWith(QStringLiteral("./usr/")), qPrintable(line));
            QVERIFY2(!path.contains(QStringLiteral("test")), qPrintable(line));
        }
    }

    void programs_startFromThePackage()
    {
        const QProcessEnvironment env = isolatedEnv();
        for (const char *prog : {"hubdesk-cli", "hubdesk-sandbox", "hubdesk"}) {
            const Run v = run(rootPath(QStringLiteral("usr/bin/") + QLatin1String(prog)), {QStringLiteral("--version")},
                              30'000, {}, env);
            QVERIFY2(v.exitCode == 0, qPrintable(describe(v)));
            QVERIFY2(QString(v.out + v.err).contains(QStringLiteral(HUBDESK_VERSION)), qPrintable(describe(v)));
        }
    }

    void gui_staysUpOffscreen()
    {
        QProcess gui;
        gui.setProcessEnvironment(isolatedEnv());
        gui.start(rootPath(QStringLiteral("usr/bin/hubdesk")), {});
        QVERIFY(gui.waitForStarted(10'000));
        // It must still be running after a moment: it built its window and entered the event loop.
        const bool exited = gui.waitForFinished(3'000);
        QVERIFY2(!exited, qPrintable(QStringLiteral("hubdesk exited early (code %1): %2")
                                         .arg(gui.exitCode())
                                         .arg(QString::fromUtf8(gui.readAllStandardError()))));
        gui.terminate();
        if (!gui.waitForFinished(10'000)) {
            gui.kill();
            gui.waitForFinished(5'000);
        }
    }

    void desktopEntry_validates()
    {
        const QString desktop =
            rootPath(QStringLiteral("usr/share/applications/") + m_appId + QStringLiteral(".desktop"));
        QVERIFY2(QFile::exists(desktop), qPrintable(desktop));
        const Run v = run(QStringLiteral("desktop-file-validate"), {desktop});
        QVERIFY2(v.exitCode == 0 && !v.out.contains(QStringLiteral("error")), qPrintable(describe(v)));
        QFile f(desktop);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(QStringLiteral("\nExec=hubdesk")));
        QVERIFY(text.contains(QStringLiteral("\nIcon=") + m_appId + QLatin1Char('\n')));
    }

    void metainfo_validates()
    {
        const QString metainfo =
            rootPath(QStringLiteral("usr/share/metainfo/") + m_appId + QStringLiteral(".metainfo.xml"));
        QVERIFY2(QFile::exists(metainfo), qPrintable(metainfo));
        const Run v = run(QStringLiteral("appstreamcli"), {QStringLiteral("validate"), QStringLiteral("--no-net"),
                                                           QStringLiteral("--explain"), metainfo});
        QVERIFY2(v.exitCode == 0, qPrintable(describe(v)));
        QFile f(metainfo);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(QStringLiteral("<screenshot type=\"default\">")));
        QVERIFY(text.contains(QStringLiteral("<release version=\"" HUBDESK_VERSION "\"")));
        QVERIFY(!text.contains(QLatin1Char('@'))); // every @VAR@ was filled in
    }

    void icons_coverTheThemeSizes()
    {
        const QString base = rootPath(QStringLiteral("usr/share/icons/hicolor/"));
        QVERIFY(QFile::exists(base + QStringLiteral("scalable/apps/") + m_appId + QStringLiteral(".svg")));
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
            const QString png = base + QStringLiteral("%1x%1/apps/").arg(size) + m_appId + QStringLiteral(".png");
            QImage image;
            QVERIFY2(image.load(png), qPrintable(png));
            QCOMPARE(image.size(), QSize(size, size));
            QVERIFY(image.hasAlphaChannel());
            // Not blank: the centre (the hub) is opaque, the corner (outside the rounded square) is not.
            QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255);
            QVERIFY(qAlpha(image.pixel(0, 0)) < 128);
        }
    }

    void manPages_matchHelp()
    {
        const QProcessEnvironment env = isolatedEnv();
        for (const char *prog : {"hubdesk-cli", "hubdesk-sandbox", "hubdesk"}) {
            const QString page =
                rootPath(QStringLiteral("usr/share/man/man1/") + QLatin1String(prog) + QStringLiteral(".1.gz"));
            const Run man = run(QStringLiteral("gzip"), {QStringLiteral("-dc"), page});
            QVERIFY2(man.exitCode == 0, qPrintable(describe(man)));
            QVERIFY2(man.out.contains(QStringLiteral(".TH ") + QString::fromLatin1(prog).toUpper()),
                     qPrintable(man.out.left(400)));
            QVERIFY(man.out.contains(QStringLiteral(HUBDESK_VERSION)));
            // Every option/command the program's --help lists is in its man page.
            const Run help = run(rootPath(QStringLiteral("usr/bin/") + QLatin1String(prog)), {QStringLiteral("--help")},
                                 30'000, {}, env);
            QVERIFY2(help.exitCode == 0, qPrintable(describe(help)));
            static const QRegularExpression item(QStringLiteral("^\\s{2}(--?[a-z][a-z-]*|[a-z][a-z-]+)\\b"),
                                                 QRegularExpression::MultilineOption);
            int checked = 0;
            for (auto it = item.globalMatch(help.out); it.hasNext();) {
                const QString word = it.next().captured(1);
                // man escapes '-' as '\-'.
                QString escaped = word;
                escaped.replace(QLatin1Char('-'), QStringLiteral("\\-"));
                QVERIFY2(
                    man.out.contains(word) || man.out.contains(escaped),
                    qPrintable(
                        QStringLiteral("%1: '%2' from --help is not in the man page").arg(QLatin1String(prog), word)));
                ++checked;
            }
            QVERIFY2(checked > 0, qPrintable(help.out));
        }
    }

    void translations_areInstalled()
    {
        const QString qm = rootPath(QStringLiteral("usr/share/hubdesk/translations/hubdesk_de.qm"));
        QVERIFY2(QFile::exists(qm), qPrintable(qm));
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::German), QStringLiteral("hubdesk"), QStringLiteral("_"),
                                rootPath(QStringLiteral("usr/share/hubdesk/translations"))));
        QVERIFY(!translator.isEmpty());
        QCOMPARE(translator.language(), QStringLiteral("de_DE"));

        // English: the plural forms, as the GUI loads them under an English or C locale.
        QTranslator english;
        QVERIFY(english.load(QLocale(QLocale::English), QStringLiteral("hubdesk"), QStringLiteral("_"),
                             rootPath(QStringLiteral("usr/share/hubdesk/translations"))));
        QVERIFY(QCoreApplication::installTranslator(&english));
        QCOMPARE(QCoreApplication::translate("hubui::CacheModel", "%n file(s)", nullptr, 1), QStringLiteral("1 file"));
        QCOMPARE(QCoreApplication::translate("hubui::CacheModel", "%n file(s)", nullptr, 3), QStringLiteral("3 files"));
        QCOMPARE(QCoreApplication::translate("hubui::DeletePlanDialog", "%n repository(s)", nullptr, 2),
                 QStringLiteral("2 repositories"));
        QCOMPARE(QCoreApplication::translate("hubui::format", "%n day(s) ago", nullptr, 1),
                 QStringLiteral("1 day ago"));
        QCoreApplication::removeTranslator(&english);
    }
};

QTEST_GUILESS_MAIN(TestPackaging)
#include "test_packaging.moc"
