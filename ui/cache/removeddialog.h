#pragma once

#include <QDialog>

class QTableView;
class QPushButton;

namespace hubui {

class RemovedListModel;

/// The revisions deletions removed (repo and commit), with "Download again" and "Forget".
/// Downloading is requested through downloadRequested(); the dialog does no I/O itself.
class RemovedDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemovedDialog)

public:
    /// `model` is not owned.
    explicit RemovedDialog(RemovedListModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QPushButton *downloadButton() const { return m_download; }

signals:
    void downloadRequested(const QString &repoKey, const QString &commit);
    void forgetRequested(int row);

private:
    RemovedListModel *m_model;
    QTableView *m_view;
    QPushButton *m_download;
    QPushButton *m_forget;
};

} // namespace hubui
