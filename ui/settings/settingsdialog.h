#pragma once

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QLabel;
class QPushButton;

namespace hubui {

class Settings;

/// Edits the preferences through the typed Settings facade: Hub endpoint, cache location
/// (showing what the environment chooses when left empty), parallel transfers, bandwidth limit,
/// proxy, CA bundle and the project namespaces listed in the sidebar. Values are written on OK only.
class SettingsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    /// `settings` is not owned.
    explicit SettingsDialog(Settings *settings, QWidget *parent = nullptr);

    /// Writes the fields to the settings (called on accept; public for tests).
    void apply();

    QLineEdit *endpointEdit() const { return m_endpoint; }
    QLineEdit *cacheEdit() const { return m_cache; }
    QSpinBox *parallelBox() const { return m_parallel; }
    QSpinBox *bandwidthBox() const { return m_bandwidth; }
    QLineEdit *proxyEdit() const { return m_proxy; }
    QLineEdit *caBundleEdit() const { return m_caBundle; }
    QPlainTextEdit *namespacesEdit() const { return m_namespaces; }
    QPushButton *diagnosticLogButton() const { return m_diagnosticLog; }

signals:
    /// After apply(): the app re-reads what changed (engine limits, endpoint, cache dir).
    void settingsApplied();
    /// "Save a diagnostic log…" was clicked (the app asks where and writes it).
    void diagnosticLogRequested();

private:
    bool validate();

    Settings *m_settings;
    QLineEdit *m_endpoint;
    QLineEdit *m_cache;
    QLabel *m_cacheHint;
    QSpinBox *m_parallel;
    QSpinBox *m_bandwidth;
    QLineEdit *m_proxy;
    QLineEdit *m_caBundle;
    QPlainTextEdit *m_namespaces;
    QLabel *m_error;
    QPushButton *m_diagnosticLog;
};

} // namespace hubui
