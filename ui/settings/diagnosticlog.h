#pragma once

class QWidget;

namespace hubui {

class AppContext;

/// "Save a diagnostic log…": asks where, writes the redacted log off the GUI thread, and says
/// where it went (or why it could not be written). The log never contains the token.
void saveDiagnosticLog(AppContext &context, QWidget *parent);

} // namespace hubui
