#include "ui/cache/pages.h"

#include "ui/cache/cachemodel.h"
#include "ui/cache/cachepage.h"
#include "ui/cache/cacheservice.h"
#include "ui/core/appcontext.h"
#include "ui/core/pageregistry.h"
#include "ui/transfers/pages.h"
#include "ui/transfers/transferadapter.h"

#include "hub/cache/location.h"

namespace hubui {

void registerPages_cache(PageRegistry &registry)
{
    registry.addPage(
        {QStringLiteral("cache"), QObject::tr("Local cache"), QIcon::fromTheme(QStringLiteral("drive-harddisk")), 10,
         [](AppContext &context, QWidget *parent) -> QWidget * {
             const QString xet = QString::fromStdString(hub::cache::CacheLocation::xetCacheDir().string());
             auto *service = new CacheService(context.cacheDir(), xet);
             auto *page = new CachePage(service, &context.settings(), parent);
             service->setParent(page);
             QObject::connect(page, &CachePage::downloadRequested, page,
                              [&context, page](const QString &repoKey, const QString &commit) {
                                  const auto repo = CacheModel::parseRepoKey(repoKey);
                                  if (!repo)
                                      return;
                                  hub::DownloadRequest request;
                                  request.repo = *repo;
                                  request.revision = commit.toStdString();
                                  auto id = transferAdapterFor(context)->submit(std::move(request));
                                  if (!id)
                                      page->setStatusText(QString::fromStdString(id.error().message));
                              });
             QObject::connect(page, &CachePage::repoOpenRequested, &context, [&context](const QString &repoKey) {
                 if (const auto repo = CacheModel::parseRepoKey(repoKey))
                     context.requestOpenRepo(*repo);
             });
             QObject::connect(page, &CachePage::cacheChanged, &context, [&context](const QString &key) {
                 if (const auto repo = CacheModel::parseRepoKey(key))
                     context.notifyCacheChanged(*repo);
             });
             // Downloads finishing elsewhere change the cache: rescan (cheap, off-thread).
             QObject::connect(&context, &AppContext::downloadFinished, service, [service] {
                 if (!service->isScanning() && !service->isDeleting())
                     service->scan();
             });
             return page;
         }});
}

} // namespace hubui
