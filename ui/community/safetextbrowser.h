#pragma once

#include <QTextBrowser>

namespace hubui {

/// A read-only rich-text view for text that came from the server (comments): it never loads a
/// resource by itself (no local files, no network: images it was not handed show as missing),
/// never follows a link in place, and opens only http(s) links, in the browser, when clicked.
class SafeTextBrowser final : public QTextBrowser {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SafeTextBrowser)

public:
    explicit SafeTextBrowser(QWidget *parent = nullptr);

    QVariant loadResource(int type, const QUrl &name) override;

signals:
    /// An http(s) link was clicked (already handed to the desktop's browser).
    void linkOpened(const QUrl &url);
};

} // namespace hubui
