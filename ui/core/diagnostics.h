#pragma once
// The GUI's logging: Qt logging categories for the app's own messages, the engine's records
// (hub/core/log.h) forwarded into them, and the diagnostic log a person saves and sends when
// something went wrong ("Save a diagnostic log…" in Help and in Settings).
//
// Everything goes through the engine's redacting ring (bounded, in memory), so the saved log
// holds the recent history of the whole program and never a token, a proxy password or the
// query of a signed URL.

#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcApp)       // "hubdesk.app": start, settings, session
Q_DECLARE_LOGGING_CATEGORY(lcUi)        // "hubdesk.ui": what the views show (every error state)
Q_DECLARE_LOGGING_CATEGORY(lcEngine)    // "hubdesk.engine": the engine's records (http, transfer, cache)
Q_DECLARE_LOGGING_CATEGORY(lcTransfers) // "hubdesk.transfers": the transfer list and notifications

namespace hubui {

/// Installs the Qt message handler (every message also kept in the redacting ring) and the
/// engine's sink (its records shown under hubdesk.engine). Call once, early in main(), on the
/// GUI thread. Messages still reach the previous handler (stderr), filtered by QT_LOGGING_RULES.
void installDiagnosticLogging();

/// What the saved log says about this installation, besides the records.
struct DiagnosticContext {
    QString endpoint;
    QString cacheDir;
    bool sandbox = false;
    bool signedIn = false;
    bool proxySet = false;
    QString caBundle;
    /// The current token, removed from the text once more should any pattern miss it (never
    /// written).
    QString token;
};

/// The log's text: a header (HubDesk, Qt and OS versions, the context) and the ring's records,
/// oldest first. Redacted again as a whole (regex work over up to the whole ring: call it off
/// the GUI thread, as saveDiagnosticLog does).
QString diagnosticLogText(const DiagnosticContext &context);

/// Writes `text` to `path` atomically (QSaveFile). Disk I/O: call it off the GUI thread (runJob).
/// Returns an empty string on success, else what went wrong in plain words.
QString writeDiagnosticLog(const QString &path, const QString &text);

/// A suggested file name: "hubdesk-diagnostic-20261203-1830.log" in the home folder.
QString defaultDiagnosticLogPath();

} // namespace hubui
