#include "ui/settings/settingsdialog.h"
#include "ui/core/plaintext.h"

#include "ui/core/settings.h"

#include "hub/cache/location.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace hubui {

SettingsDialog::SettingsDialog(Settings *settings, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_endpoint(new QLineEdit(this)), m_cache(new QLineEdit(this)),
      m_cacheHint(plainLabel(this)), m_parallel(new QSpinBox(this)), m_bandwidth(new QSpinBox(this)),
      m_proxy(new QLineEdit(this)), m_caBundle(new QLineEdit(this)), m_namespaces(new QPlainTextEdit(this)),
      m_error(plainLabel(this))
{
    setWindowTitle(tr("Settings"));

    m_endpoint->setText(m_settings->endpoint());
    m_endpoint->setPlaceholderText(qEnvironmentVariable("HF_ENDPOINT", QStringLiteral("https://huggingface.co")));
    m_endpoint->setAccessibleName(tr("Hub endpoint"));

    // What the environment picks when the field is empty (HF_HUB_CACHE, HF_HOME, XDG_CACHE_HOME...).
    const QString envCache = QString::fromStdString(hub::cache::CacheLocation::hubCacheDir().string());
    m_cache->setText(m_settings->cacheDirOverride());
    m_cache->setPlaceholderText(envCache);
    m_cache->setAccessibleName(tr("Cache folder"));
    QString hint = tr("Leave empty to use the same cache as the hf tools: %1").arg(envCache);
    for (const char *var : {"HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "HF_HOME"}) {
        if (qEnvironmentVariableIsSet(var)) {
            hint += u'\n' % tr("(%1 is set in the environment.)").arg(QLatin1StringView(var));
            break;
        }
    }
    m_cacheHint->setText(hint);
    m_cacheHint->setWordWrap(true);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setAccessibleName(tr("Choose cache folder"));
    auto *cacheRow = new QHBoxLayout();
    cacheRow->addWidget(m_cache, 1);
    cacheRow->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Cache folder"), m_cache->text());
        if (!dir.isEmpty())
            m_cache->setText(dir);
    });

    m_parallel->setRange(1, 16);
    m_parallel->setValue(m_settings->parallelTransfers());
    m_parallel->setAccessibleName(tr("Parallel transfers"));
    m_bandwidth->setRange(0, 10 * 1024 * 1024);
    m_bandwidth->setSingleStep(256);
    m_bandwidth->setSuffix(tr(" KiB/s"));
    m_bandwidth->setSpecialValueText(tr("Unlimited"));
    m_bandwidth->setValue(m_settings->bandwidthLimitKiBps());
    m_bandwidth->setAccessibleName(tr("Bandwidth limit"));

    m_proxy->setText(m_settings->proxy());
    m_proxy->setPlaceholderText(tr("From the environment (HTTPS_PROXY)"));
    m_proxy->setAccessibleName(tr("Proxy"));
    m_proxy->setToolTip(
        tr("For every request, e.g. http://proxy.example:3128 or http://user:password@proxy.example:3128. "
           "Secure connections go through the proxy as tunnels (CONNECT): it never sees your token."));

    m_caBundle->setText(m_settings->caBundle());
    m_caBundle->setPlaceholderText(tr("From CURL_CA_BUNDLE / SSL_CERT_FILE, else the system's"));
    m_caBundle->setAccessibleName(tr("CA bundle"));
    m_caBundle->setToolTip(tr("A PEM file with your company's certificate authority, if it inspects secure "
                              "connections. Certificates are always verified."));
    auto *browseCa = new QPushButton(tr("B&rowse…"), this);
    browseCa->setAccessibleName(tr("Choose CA bundle"));
    auto *caRow = new QHBoxLayout();
    caRow->addWidget(m_caBundle, 1);
    caRow->addWidget(browseCa);
    connect(browseCa, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("CA bundle"), m_caBundle->text(),
                                                          tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!file.isEmpty())
            m_caBundle->setText(file);
    });

    m_namespaces->setPlainText(m_settings->projectNamespaces().join(u'\n'));
    m_namespaces->setAccessibleName(tr("Project namespaces, one per line"));
    m_namespaces->setTabChangesFocus(true);
    m_namespaces->setMaximumHeight(90);

    auto *form = new QFormLayout();
    form->addRow(tr("Hub &endpoint:"), m_endpoint);
    form->addRow(tr("&Cache folder:"), cacheRow);
    form->addRow(QString(), m_cacheHint);
    form->addRow(tr("&Parallel transfers:"), m_parallel);
    form->addRow(tr("&Bandwidth limit:"), m_bandwidth);
    form->addRow(tr("Project &namespaces:"), m_namespaces);
    // The buddy of the cache row label is the line edit inside the row.
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(cacheRow)))
        label->setBuddy(m_cache);

    // "Network" is the name the engine's proxy and certificate messages point at.
    auto *network = new QGroupBox(tr("Network"), this);
    auto *networkForm = new QFormLayout(network);
    networkForm->addRow(tr("Pro&xy:"), m_proxy);
    networkForm->addRow(tr("C&A bundle:"), caRow);
    if (auto *label = qobject_cast<QLabel *>(networkForm->labelForField(caRow)))
        label->setBuddy(m_caBundle);

    // When something fails: what HubDesk did and why, to send to whoever helps (never the token).
    auto *troubleshooting = new QGroupBox(tr("Troubleshooting"), this);
    auto *troubleRow = new QHBoxLayout(troubleshooting);
    auto *troubleText = new QLabel(
        tr("A diagnostic log says what HubDesk did recently and why something failed. It never contains your token."),
        troubleshooting);
    troubleText->setWordWrap(true);
    m_diagnosticLog = new QPushButton(tr("Save a &diagnostic log…"), troubleshooting);
    m_diagnosticLog->setAccessibleDescription(troubleText->text());
    troubleRow->addWidget(troubleText, 1);
    troubleRow->addWidget(m_diagnosticLog);
    connect(m_diagnosticLog, &QPushButton::clicked, this, &SettingsDialog::diagnosticLogRequested);

    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Settings problems"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!validate())
            return;
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(network);
    layout->addWidget(troubleshooting);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(620, 500);
}

bool SettingsDialog::validate()
{
    QStringList problems;
    const QString endpoint = m_endpoint->text().trimmed();
    if (!endpoint.isEmpty()) {
        const QUrl url(endpoint, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
            problems << tr("The endpoint must be a web address such as https://huggingface.co.");
    }
    const QString proxy = m_proxy->text().trimmed();
    if (!proxy.isEmpty() && !QUrl(proxy, QUrl::StrictMode).isValid())
        problems << tr("The proxy must be an address such as http://proxy.example:3128.");
    const QString ca = m_caBundle->text().trimmed();
    if (!ca.isEmpty() && !(QFileInfo(ca).isFile() && QFileInfo(ca).isReadable()))
        problems << tr("The CA bundle “%1” is not a file HubDesk can read.").arg(ca);
    static const QRegularExpression nsPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    for (const QString &ns : m_namespaces->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        if (!nsPattern.match(ns.trimmed()).hasMatch())
            problems << tr("“%1” is not a valid namespace (letters, digits, '-', '_', '.').").arg(ns.trimmed());
    }
    m_error->setText(problems.join(u'\n'));
    m_error->setVisible(!problems.isEmpty());
    return problems.isEmpty();
}

void SettingsDialog::apply()
{
    m_settings->setEndpoint(m_endpoint->text());
    m_settings->setCacheDirOverride(m_cache->text().trimmed());
    m_settings->setParallelTransfers(m_parallel->value());
    m_settings->setBandwidthLimitKiBps(m_bandwidth->value());
    m_settings->setProxy(m_proxy->text());
    m_settings->setCaBundle(m_caBundle->text());
    QStringList namespaces;
    for (const QString &ns : m_namespaces->toPlainText().split(u'\n', Qt::SkipEmptyParts))
        namespaces << ns.trimmed();
    m_settings->setProjectNamespaces(namespaces);
    m_settings->sync();
    emit settingsApplied();
}

} // namespace hubui
