#include "ui/shell/startup.h"

#include "ui/core/settings.h"

#include "hub/sandbox/demo.h"
#include "hub/sandbox/server.h"

#include <QDir>
#include <QStandardPaths>

namespace hubui {

hub::Expected<Startup> prepareStartup(const CommandLineOptions &options, const Settings &settings)
{
    Startup out;
    auto &c = out.connection;
    c.client = hub::ClientConfig::fromEnvironment();
    c.client.userAgent = hub::ClientConfig::defaultUserAgent();
    if (!settings.endpoint().isEmpty())
        c.client.endpoint = hub::ClientConfig::normalizeEndpoint(settings.endpoint().toStdString());
    if (!options.endpoint.isEmpty())
        c.client.endpoint = hub::ClientConfig::normalizeEndpoint(options.endpoint.toStdString());
    if (!settings.proxy().isEmpty()) {
        // The proxy of Settings is for every request, like ALL_PROXY.
        c.client.proxy = settings.proxy().toStdString();
        c.client.httpProxy = c.client.proxy;
    }
    if (!settings.caBundle().isEmpty())
        c.client.caBundle = settings.caBundle().toStdString();
    c.cacheDir = settings.effectiveCacheDir();
    const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    c.stateDir = QDir(appData).filePath(QStringLiteral("transfers"));
    c.parallelTransfers = settings.parallelTransfers();
    c.bandwidthLimitBytesPerSec = static_cast<quint64>(settings.bandwidthLimitKiBps()) * 1024;

    if (options.sandbox) {
        const QDir root(QDir(appData).filePath(QStringLiteral("sandbox")));
        QDir().mkpath(root.filePath(QStringLiteral("data")));
        QDir().mkpath(root.filePath(QStringLiteral("cache")));
        hub::sandbox::ServerOptions so;
        so.demo = true;
        so.dataDir = root.filePath(QStringLiteral("data")).toStdString();
        auto server = hub::sandbox::Server::start(so);
        if (!server)
            return server.error();
        out.sandbox = std::shared_ptr<hub::sandbox::Server>(std::move(*server));
        c.client.endpoint = out.sandbox->baseUrl();
        c.client.token = hub::sandbox::demo::kDemoOwnerToken;
        c.client.offline = false;
        c.client.proxy.clear();
        c.client.httpProxy.clear();
        c.cacheDir = root.filePath(QStringLiteral("cache"));
        c.stateDir = root.filePath(QStringLiteral("transfers"));
        c.sandbox = true;
    }
    return out;
}

} // namespace hubui
