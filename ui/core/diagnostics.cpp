#include "ui/core/diagnostics.h"

#include "hub/core/log.h"
#include "hub/core/redact.h"
#include "hub/core/version.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QSaveFile>
#include <QSysInfo>
#include <QUrl>

Q_LOGGING_CATEGORY(lcApp, "hubdesk.app")
Q_LOGGING_CATEGORY(lcUi, "hubdesk.ui")
Q_LOGGING_CATEGORY(lcEngine, "hubdesk.engine")
Q_LOGGING_CATEGORY(lcTransfers, "hubdesk.transfers")

namespace hubui {
namespace {

QtMessageHandler g_previous = nullptr;
// Set while an engine record is being shown through Qt: it is in the ring already.
thread_local bool t_forwarding = false;

hub::LogLevel levelOf(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return hub::LogLevel::Debug;
    case QtInfoMsg: return hub::LogLevel::Info;
    case QtWarningMsg: return hub::LogLevel::Warning;
    case QtCriticalMsg:
    case QtFatalMsg: return hub::LogLevel::Error;
    }
    return hub::LogLevel::Info;
}

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!t_forwarding) {
        const char *category = context.category ? context.category : "default";
        hub::recordLogMessage(levelOf(type), category, message.toStdString());
    }
    if (g_previous)
        g_previous(type, context, message);
}

void forwardEngineRecord(const hub::LogRecord &record)
{
    t_forwarding = true;
    const QString text =
        QString::fromStdString(record.category) + QStringLiteral(": ") + QString::fromStdString(record.text);
    switch (record.level) {
    case hub::LogLevel::Debug: qCDebug(lcEngine).noquote() << text; break;
    case hub::LogLevel::Info: qCInfo(lcEngine).noquote() << text; break;
    case hub::LogLevel::Warning:
    case hub::LogLevel::Error: qCWarning(lcEngine).noquote() << text; break;
    }
    t_forwarding = false;
}

} // namespace

void installDiagnosticLogging()
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    // The engine's info records (retries) are kept in the ring but not printed by default.
    QLoggingCategory::setFilterRules(QStringLiteral("hubdesk.*.debug=false\nhubdesk.engine.info=false"));
    g_previous = qInstallMessageHandler(handleMessage);
    hub::setLogSink(forwardEngineRecord);
}

QString diagnosticLogText(const DiagnosticContext &context)
{
    QStringList lines;
    lines << QStringLiteral("HubDesk diagnostic log");
    lines << QStringLiteral("Saved: %1").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    lines << QStringLiteral("HubDesk %1, Qt %2 (built with %3), %4 (%5)")
                 .arg(QStringLiteral(HUBDESK_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
                      QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture());
    // The endpoint without any user:password@ or query: where, not how.
    const QUrl endpoint(context.endpoint);
    lines << QStringLiteral("Hub: %1%2")
                 .arg(endpoint.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString(),
                      context.sandbox ? QStringLiteral(" (sandbox)") : QString());
    lines << QStringLiteral("Signed in: %1").arg(context.signedIn ? QStringLiteral("yes") : QStringLiteral("no"));
    lines << QStringLiteral("Proxy: %1").arg(context.proxySet ? QStringLiteral("set") : QStringLiteral("none"));
    lines << QStringLiteral("CA bundle: %1")
                 .arg(context.caBundle.isEmpty() ? QStringLiteral("the system's") : context.caBundle);
    lines << QStringLiteral("Cache: %1").arg(context.cacheDir);
    const auto records = hub::recentLogRecords();
    lines << QStringLiteral("Records: %1 (the most recent %2 are kept)").arg(records.size()).arg(hub::logRingCapacity);
    lines << QString();
    for (const auto &r : records)
        lines << QString::fromStdString(hub::formatLogRecord(r));
    QString text = QString::fromStdString(hub::redactSecrets(lines.join(u'\n').toStdString())) + u'\n';
    if (context.token.size() >= 8)
        text.replace(context.token, QStringLiteral("[redacted]"));
    return text;
}

QString writeDiagnosticLog(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return QCoreApplication::translate("hubui::Diagnostics", "“%1” cannot be written: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    const QByteArray bytes = text.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return QCoreApplication::translate("hubui::Diagnostics", "Saving “%1” failed: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

QString defaultDiagnosticLogPath()
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
    return QDir::home().filePath(QStringLiteral("hubdesk-diagnostic-%1.log").arg(stamp));
}

} // namespace hubui
