#include "ui/core/loadstatewidget.h"
#include "ui/core/plaintext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace hubui {

LoadStateWidget::LoadStateWidget(QWidget *content, QWidget *parent)
    : QWidget(parent), m_content(content), m_stack(new QStackedLayout(this)), m_messagePage(new QWidget(this)),
      m_title(plainLabel(m_messagePage)), m_text(plainLabel(m_messagePage)), m_busy(new QProgressBar(m_messagePage)),
      m_cancel(new QPushButton(tr("Cancel"), m_messagePage)), m_retry(new QPushButton(tr("Try again"), m_messagePage))
{
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_content);

    auto *box = new QVBoxLayout(m_messagePage);
    box->addStretch(1);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setMaximumWidth(560);
    m_busy->setRange(0, 0); // busy indicator
    m_busy->setMaximumWidth(260);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Loading"));
    m_cancel->setAccessibleName(tr("Cancel loading"));
    m_retry->setAccessibleName(tr("Try again"));
    box->addWidget(m_title);
    auto *textRow = new QHBoxLayout;
    textRow->addStretch(1);
    textRow->addWidget(m_text);
    textRow->addStretch(1);
    box->addLayout(textRow);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_busy);
    row->addWidget(m_cancel);
    row->addWidget(m_retry);
    row->addStretch(1);
    box->addLayout(row);
    box->addStretch(2);
    m_stack->addWidget(m_messagePage);

    connect(m_cancel, &QPushButton::clicked, this, &LoadStateWidget::cancelRequested);
    connect(m_retry, &QPushButton::clicked, this, &LoadStateWidget::retryRequested);
    showContent();
}

void LoadStateWidget::showMessagePage(State state, const QString &text)
{
    m_state = state;
    m_text->setText(text);
    m_busy->setVisible(state == State::Loading);
    m_cancel->setVisible(state == State::Loading);
    m_retry->setVisible(state == State::Failed);
    switch (state) {
    case State::Loading: m_title->setText(tr("Loading…")); break;
    case State::Failed: m_title->setText(tr("Something went wrong")); break;
    case State::Empty: m_title->setText(tr("Nothing here yet")); break;
    case State::Ready: break;
    }
    m_stack->setCurrentWidget(m_messagePage);
}

void LoadStateWidget::showLoading(const QString &what)
{
    showMessagePage(State::Loading, what);
}

void LoadStateWidget::showError(const QString &message)
{
    showMessagePage(State::Failed, message);
    m_retry->setFocus();
}

void LoadStateWidget::showEmpty(const QString &hint)
{
    showMessagePage(State::Empty, hint);
}

void LoadStateWidget::showContent()
{
    m_state = State::Ready;
    m_stack->setCurrentWidget(m_content);
}

QString LoadStateWidget::message() const
{
    return m_state == State::Ready ? QString() : m_text->text();
}

} // namespace hubui
