#pragma once

#include "ui/upload/uploadcontroller.h"

#include <QFrame>

namespace hubui {

/// The end of an upload, in the window: a link to the new commit or pull request, the files,
/// and "Show in History" (or "Open the pull request", shown in the app's Community tab).
/// Closes with its ✕ button or Escape.
class UploadResultBanner final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadResultBanner)

public:
    explicit UploadResultBanner(const UploadOutcome &outcome, QWidget *parent = nullptr);
    static QString text(const UploadOutcome &outcome);

signals:
    void showHistoryRequested(const hubui::UploadOutcome &outcome);
    void showPullRequestRequested(const hubui::UploadOutcome &outcome);
};

} // namespace hubui
