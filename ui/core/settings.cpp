#include "ui/core/settings.h"

#include "hub/cache/location.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <algorithm>

namespace hubui {

namespace {

// The key table: every key HubDesk stores, in one place. Defaults live in the getters below.
namespace key {
constexpr auto endpoint = QLatin1StringView("connection/endpoint");
constexpr auto proxy = QLatin1StringView("connection/proxy");
constexpr auto caBundle = QLatin1StringView("connection/caBundle");
constexpr auto cacheDir = QLatin1StringView("cache/dir");
constexpr auto parallelTransfers = QLatin1StringView("transfers/parallel");
constexpr auto bandwidthLimit = QLatin1StringView("transfers/bandwidthLimitKiBps");
constexpr auto namespaces = QLatin1StringView("browse/namespaces");
constexpr auto pinnedGroup = QLatin1StringView("pinned/");
constexpr auto pinnedCommits = QLatin1StringView("cache/pinnedCommits");
constexpr auto removalLog = QLatin1StringView("cache/removalLog");
constexpr auto windowGeometry = QLatin1StringView("window/geometry");
constexpr auto windowState = QLatin1StringView("window/state");
constexpr auto splitterState = QLatin1StringView("window/splitter");
constexpr auto welcomeDismissed = QLatin1StringView("window/welcomeDismissed");
} // namespace key

constexpr int kDefaultParallelTransfers = 4;
constexpr int kMaxParallelTransfers = 16;

// QSettings treats '/' as a group separator; a repo key such as "model/owner/name" must be one key.
QString pinnedKey(const QString &repoKey)
{
    QString escaped = repoKey;
    escaped.replace(u'/', u'|');
    return key::pinnedGroup + escaped;
}

} // namespace

Settings::Settings(const QString &configDir) : m_configDir(configDir.isEmpty() ? defaultConfigDir() : configDir)
{
    QDir().mkpath(m_configDir);
    // The file can hold a proxy password (http://user:password@proxy:3128): only its owner may
    // read it. The folder is closed too, as QSettings replaces the file on every write.
    QFile::setPermissions(m_configDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_settings =
        std::make_unique<QSettings>(QDir(m_configDir).filePath(QStringLiteral("hubdesk.ini")), QSettings::IniFormat);
}

Settings::~Settings()
{
    sync();
}

QString Settings::defaultConfigDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
}

QString Settings::fileName() const
{
    return m_settings->fileName();
}

QString Settings::endpoint() const
{
    return m_settings->value(key::endpoint).toString();
}

void Settings::setEndpoint(const QString &url)
{
    m_settings->setValue(key::endpoint, url.trimmed());
}

QString Settings::proxy() const
{
    return m_settings->value(key::proxy).toString();
}

void Settings::setProxy(const QString &url)
{
    m_settings->setValue(key::proxy, url.trimmed());
}

QString Settings::caBundle() const
{
    return m_settings->value(key::caBundle).toString();
}

void Settings::setCaBundle(const QString &path)
{
    m_settings->setValue(key::caBundle, path.trimmed());
}

QString Settings::cacheDirOverride() const
{
    return m_settings->value(key::cacheDir).toString();
}

void Settings::setCacheDirOverride(const QString &dir)
{
    m_settings->setValue(key::cacheDir, dir);
}

QString Settings::effectiveCacheDir() const
{
    const auto path = hub::cache::CacheLocation::hubCacheDir(hub::cache::CacheLocation::processEnv(),
                                                             cacheDirOverride().toStdString());
    return QString::fromStdString(path.string());
}

int Settings::parallelTransfers() const
{
    const int n = m_settings->value(key::parallelTransfers, kDefaultParallelTransfers).toInt();
    return std::clamp(n, 1, kMaxParallelTransfers);
}

void Settings::setParallelTransfers(int count)
{
    m_settings->setValue(key::parallelTransfers, std::clamp(count, 1, kMaxParallelTransfers));
}

int Settings::bandwidthLimitKiBps() const
{
    return std::max(0, m_settings->value(key::bandwidthLimit, 0).toInt());
}

void Settings::setBandwidthLimitKiBps(int kib)
{
    m_settings->setValue(key::bandwidthLimit, std::max(0, kib));
}

QStringList Settings::projectNamespaces() const
{
    return m_settings->value(key::namespaces, QStringList{QStringLiteral("PellelNitram")}).toStringList();
}

void Settings::setProjectNamespaces(const QStringList &namespaces)
{
    QStringList cleaned;
    for (const QString &ns : namespaces) {
        const QString t = ns.trimmed();
        if (!t.isEmpty() && !cleaned.contains(t))
            cleaned << t;
    }
    m_settings->setValue(key::namespaces, cleaned);
}

QString Settings::pinnedRevision(const QString &repoKey) const
{
    return m_settings->value(pinnedKey(repoKey)).toString();
}

void Settings::setPinnedRevision(const QString &repoKey, const QString &revision)
{
    if (revision.isEmpty())
        m_settings->remove(pinnedKey(repoKey));
    else
        m_settings->setValue(pinnedKey(repoKey), revision);
}

QStringList Settings::pinnedCommits() const
{
    return m_settings->value(key::pinnedCommits).toStringList();
}

void Settings::setPinnedCommits(const QStringList &commits)
{
    QStringList unique = commits;
    unique.removeDuplicates();
    m_settings->setValue(key::pinnedCommits, unique);
}

QByteArray Settings::cacheRemovalLog() const
{
    return m_settings->value(key::removalLog).toByteArray();
}

void Settings::setCacheRemovalLog(const QByteArray &json)
{
    m_settings->setValue(key::removalLog, json);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(key::windowGeometry).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(key::windowGeometry, geometry);
}

bool Settings::welcomeDismissed() const
{
    return m_settings->value(key::welcomeDismissed, false).toBool();
}

void Settings::setWelcomeDismissed(bool dismissed)
{
    m_settings->setValue(key::welcomeDismissed, dismissed);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(key::windowState).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(key::windowState, state);
}

QByteArray Settings::splitterState() const
{
    return m_settings->value(key::splitterState).toByteArray();
}

void Settings::setSplitterState(const QByteArray &state)
{
    m_settings->setValue(key::splitterState, state);
}

void Settings::sync()
{
    m_settings->sync();
    if (QFile::exists(m_settings->fileName()))
        QFile::setPermissions(m_settings->fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

} // namespace hubui
