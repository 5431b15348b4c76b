#pragma once

#include "hub/core/types.h"

#include <QObject>

class QMimeData;
class QWidget;

#include <functional>
#include <optional>

namespace hubui {

class UploadController;

/// Makes a widget (a repo's Files tab, or the whole window) accept dropped files and folders
/// while a repo is open: install it as an event filter on the widget. The drop opens
/// UploadController's dialog for the repo that `currentRepo` names at drop time.
class UploadDropFilter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadDropFilter)

public:
    using CurrentRepo = std::function<std::optional<hub::RepoRef>()>;
    using CurrentBranch = std::function<QString()>;

    UploadDropFilter(UploadController *controller, CurrentRepo currentRepo, QObject *parent = nullptr);
    void setCurrentBranch(CurrentBranch branch) { m_branch = std::move(branch); }
    /// Installs the filter on `widget` and enables drops on it.
    void attach(QWidget *widget);

    /// Local paths of a drop's URLs; empty when any is not a local file.
    static QStringList localPaths(const QMimeData *mime);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    UploadController *m_controller;
    CurrentRepo m_currentRepo;
    CurrentBranch m_branch;
};

} // namespace hubui
