#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>

namespace hubui {

/// The one typed facade over HubDesk's stored preferences (house-style rule 12): every key, its
/// type and its default live in this class, and nobody else touches QSettings.
///
/// The values are stored in `<configDir>/hubdesk.ini`. The config dir defaults to
/// QStandardPaths::AppConfigLocation and can be moved (tests pass a QTemporaryDir).
/// Not thread-safe: use it on the GUI thread and hand plain values to workers.
///
/// Adding a key (part 2 does this surgically): add a getter/setter pair below and one entry in
/// the key table in settings.cpp; keep defaults in that table only.
class Settings final {
    Q_DISABLE_COPY_MOVE(Settings)

public:
    /// `configDir` empty = the platform's config location for HubDesk.
    explicit Settings(const QString &configDir = {});
    ~Settings();

    static QString defaultConfigDir();
    QString configDir() const { return m_configDir; }
    /// Path of the INI file (for the About box and bug reports).
    QString fileName() const;

    // --- Connection --------------------------------------------------------------------------
    /// Hub endpoint chosen by the user; empty = HF_ENDPOINT or https://huggingface.co.
    QString endpoint() const;
    void setEndpoint(const QString &url);
    /// Proxy URL for all requests; empty = the environment's (HTTPS_PROXY ...). It may carry a
    /// password, so the settings file is 0600 in a 0700 folder.
    QString proxy() const;
    void setProxy(const QString &url);
    /// PEM file of extra certificate authorities (a company CA); empty = the environment's
    /// (CURL_CA_BUNDLE, REQUESTS_CA_BUNDLE, SSL_CERT_FILE) or the system store. Verification is
    /// always on.
    QString caBundle() const;
    void setCaBundle(const QString &path);

    // --- Cache -------------------------------------------------------------------------------
    /// Cache directory chosen by the user; empty = the Hugging Face default (HF_HUB_CACHE ...).
    QString cacheDirOverride() const;
    void setCacheDirOverride(const QString &dir);
    /// The cache directory in effect: the override if set, else resolved exactly like
    /// huggingface_hub (HF_HUB_CACHE > HUGGINGFACE_HUB_CACHE > $HF_HOME/hub > ...).
    QString effectiveCacheDir() const;

    // --- Transfers ---------------------------------------------------------------------------
    /// How many files download at the same time (1..16, default 4).
    int parallelTransfers() const;
    void setParallelTransfers(int count);
    /// Download bandwidth limit in KiB/s; 0 = unlimited (default).
    int bandwidthLimitKiBps() const;
    void setBandwidthLimitKiBps(int kib);

    // --- Browsing ----------------------------------------------------------------------------
    /// Namespaces the user added to the sidebar (besides their own user and organisations).
    /// Default: {"PellelNitram"}, the project HubDesk is first built for.
    QStringList projectNamespaces() const;
    void setProjectNamespaces(const QStringList &namespaces);
    /// The revision the user pinned for a repo ("model/owner/name" key), empty = none.
    QString pinnedRevision(const QString &repoKey) const;
    void setPinnedRevision(const QString &repoKey, const QString &revision);
    /// Cache revisions (40-hex commit ids) the user pinned in the cache manager: prune never
    /// removes them. Default: none.
    QStringList pinnedCommits() const;
    void setPinnedCommits(const QStringList &commits);
    /// What cache deletions removed (JSON written by ui/cache's RemovedRevision), for
    /// "download it again". Default: empty.
    QByteArray cacheRemovalLog() const;
    void setCacheRemovalLog(const QByteArray &json);

    // --- Window ------------------------------------------------------------------------------
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);
    /// The first-run screen was answered with "Browse without signing in" (it is not shown again).
    bool welcomeDismissed() const;
    void setWelcomeDismissed(bool dismissed);

    /// Writes pending changes to disk (also done on destruction).
    void sync();

private:
    QString m_configDir;
    std::unique_ptr<QSettings> m_settings;
};

} // namespace hubui
