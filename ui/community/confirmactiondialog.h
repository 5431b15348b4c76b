#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace hubui {

/// "Merge pull request #4?" with an optional comment posted with the action. Opened with open()
/// (never exec()), so the event loop and the transfers go on; accepted() starts the action.
class ConfirmActionDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfirmActionDialog)

public:
    ConfirmActionDialog(const QString &title, const QString &message, const QString &acceptText,
                        QWidget *parent = nullptr);

    QString comment() const;
    QPlainTextEdit *commentEdit() const { return m_comment; }
    QPushButton *acceptButton() const { return m_accept; }

private:
    QLabel *m_message;
    QPlainTextEdit *m_comment;
    QPushButton *m_accept;
};

} // namespace hubui
