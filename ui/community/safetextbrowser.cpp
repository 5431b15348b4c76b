#include "ui/community/safetextbrowser.h"

#include <QDesktopServices>

namespace hubui {

SafeTextBrowser::SafeTextBrowser(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setUndoRedoEnabled(false);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() != u"http" && url.scheme() != u"https")
            return; // javascript:, file:, data: ... are not followed
        QDesktopServices::openUrl(url);
        emit linkOpened(url);
    });
}

QVariant SafeTextBrowser::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(type);
    Q_UNUSED(name);
    return {}; // only what was added to the document with addResource() is shown
}

} // namespace hubui
