#include "ui/community/confirmactiondialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hubui {

ConfirmActionDialog::ConfirmActionDialog(const QString &title, const QString &message, const QString &acceptText,
                                         QWidget *parent)
    : QDialog(parent), m_message(new QLabel(message, this)), m_comment(new QPlainTextEdit(this)), m_accept(nullptr)
{
    setWindowTitle(title);
    setAttribute(Qt::WA_DeleteOnClose);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    auto *commentLabel = new QLabel(tr("&Comment (optional, Markdown):"), this);
    commentLabel->setBuddy(m_comment);
    m_comment->setAccessibleName(tr("Comment posted with this action"));
    m_comment->setTabChangesFocus(true);
    m_comment->setPlaceholderText(tr("Say why, for the people following this conversation"));
    m_comment->setFixedHeight(m_comment->fontMetrics().lineSpacing() * 5);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_accept = buttons->addButton(acceptText, QDialogButtonBox::AcceptRole);
    m_accept->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(commentLabel);
    layout->addWidget(m_comment);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(460, sizeHint().height());
}

QString ConfirmActionDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

} // namespace hubui
