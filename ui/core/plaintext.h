#pragma once
// Text from a Hub (file names, commit titles, error messages, user names) is shown, never
// interpreted: QLabel and QMessageBox guess "rich text" from a leading tag by default, so a file
// named "<img src=...>" would render as markup. Every label that shows dynamic text is made with
// plainLabel(), and every message box with showPlainMessage().

#include <QLabel>
#include <QMessageBox>

namespace hubui {

inline QLabel *plainLabel(QWidget *parent = nullptr)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    return label;
}

/// A modal message box whose text is plain text; returns the button pressed.
inline QMessageBox::StandardButton showPlainMessage(QWidget *parent, QMessageBox::Icon icon, const QString &title,
                                                    const QString &text,
                                                    QMessageBox::StandardButtons buttons = QMessageBox::Ok)
{
    QMessageBox box(icon, title, text, buttons, parent);
    box.setTextFormat(Qt::PlainText);
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

} // namespace hubui
