#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace hubui {

class TransferModel;

/// Total progress of the active jobs, for the main window's status bar ("2 transfers, 45%").
/// Hidden when nothing runs. Clicking it emits clicked() (the shell shows the Transfers page).
class TransferStatusWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferStatusWidget)

public:
    explicit TransferStatusWidget(TransferModel *model, QWidget *parent = nullptr);

    QString text() const;
    int percent() const;

signals:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void refresh();

    TransferModel *m_model;
    QLabel *m_label;
    QProgressBar *m_bar;
};

} // namespace hubui
