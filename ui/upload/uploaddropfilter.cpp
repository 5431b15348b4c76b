#include "ui/upload/uploaddropfilter.h"

#include "ui/upload/uploadcontroller.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace hubui {

UploadDropFilter::UploadDropFilter(UploadController *controller, CurrentRepo currentRepo, QObject *parent)
    : QObject(parent), m_controller(controller), m_currentRepo(std::move(currentRepo))
{
}

void UploadDropFilter::attach(QWidget *widget)
{
    widget->setAcceptDrops(true);
    widget->installEventFilter(this);
}

QStringList UploadDropFilter::localPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            return {};
        paths << url.toLocalFile();
    }
    return paths;
}

bool UploadDropFilter::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (m_currentRepo() && !localPaths(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
        return false;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const auto repo = m_currentRepo();
        const QStringList paths = localPaths(drop->mimeData());
        if (!repo || paths.isEmpty())
            return false;
        drop->acceptProposedAction();
        auto *widget = qobject_cast<QWidget *>(watched);
        m_controller->startUpload(*repo, paths, widget ? widget->window() : nullptr,
                                  m_branch ? m_branch() : QStringLiteral("main"));
        return true;
    }
    default: return QObject::eventFilter(watched, event);
    }
}

} // namespace hubui
