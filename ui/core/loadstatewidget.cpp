#include "ui/core/loadstatewidget.h"

#include "ui/core/diagnostics.h"
#include "ui/core/plaintext.h"

#include <QAction>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedLayout>
#include <QTimer>
#include <QVBoxLayout>

namespace hubui {

using hub::ErrorCode;

LoadStateWidget::LoadStateWidget(QWidget *content, QWidget *parent)
    : QWidget(parent), m_content(content), m_stack(new QStackedLayout(this)), m_messagePage(new QWidget(this)),
      m_title(plainLabel(m_messagePage)), m_text(plainLabel(m_messagePage)), m_busy(new QProgressBar(m_messagePage)),
      m_cancel(new QPushButton(tr("Cancel"), m_messagePage)), m_next(new QPushButton(m_messagePage)),
      m_retry(new QPushButton(tr("Try again"), m_messagePage)), m_countdown(new QTimer(this))
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
    m_title->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setMaximumWidth(560);
    // A word-wrapped label between stretches shrinks to its narrowest wrap (a word a line):
    // give it the width of a comfortable line, as far as the pane allows.
    m_text->setMinimumWidth(qMin(560, m_text->fontMetrics().averageCharWidth() * 56));
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
    row->addWidget(m_next);
    row->addWidget(m_retry);
    row->addStretch(1);
    box->addLayout(row);
    box->addStretch(2);
    m_stack->addWidget(m_messagePage);

    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &LoadStateWidget::tickCountdown);
    connect(m_cancel, &QPushButton::clicked, this, &LoadStateWidget::cancelRequested);
    connect(m_next, &QPushButton::clicked, this, &LoadStateWidget::runNextStep);
    connect(m_retry, &QPushButton::clicked, this, &LoadStateWidget::retryRequested);
    showContent();
}

QString LoadStateWidget::titleFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Offline: return tr("You are offline");
    case ErrorCode::NotCached: return tr("Not on this computer");
    case ErrorCode::Network: return tr("The Hub cannot be reached");
    case ErrorCode::Timeout: return tr("The Hub took too long to answer");
    case ErrorCode::Unauthorized: return tr("Sign-in needed");
    case ErrorCode::Forbidden: return tr("Your account is not allowed to do this");
    case ErrorCode::GatedRepo: return tr("Access to this repo must be requested");
    case ErrorCode::RepoNotFound: return tr("This repo does not exist or is private");
    case ErrorCode::RevisionNotFound: return tr("This revision does not exist");
    case ErrorCode::EntryNotFound: return tr("This file or folder does not exist");
    case ErrorCode::RateLimited: return tr("Too many requests");
    case ErrorCode::ServerError: return tr("The Hub had a problem");
    case ErrorCode::BadResponse: return tr("The Hub sent an answer HubDesk cannot read");
    case ErrorCode::Certificate: return tr("The certificate could not be verified");
    case ErrorCode::Proxy: return tr("The proxy refused the connection");
    case ErrorCode::Refused: return tr("HubDesk refused an unsafe answer");
    case ErrorCode::DiskFull: return tr("The disk is full");
    case ErrorCode::Io: return tr("A file on this computer could not be read or written");
    case ErrorCode::Corrupt: return tr("Data on this computer is damaged");
    case ErrorCode::Conflict: return tr("This changed on the Hub meanwhile");
    case ErrorCode::PreconditionFailed: return tr("The branch moved on the Hub meanwhile");
    case ErrorCode::BadRequest: return tr("The Hub refused the request");
    case ErrorCode::TooLarge: return tr("The request is too large for the Hub");
    case ErrorCode::Cancelled: return tr("Loading was cancelled");
    case ErrorCode::InvalidArgument: return tr("This request is not valid");
    case ErrorCode::NotSupported: return tr("This is not supported here");
    case ErrorCode::Internal: return tr("HubDesk could not finish this");
    }
    return tr("This could not be loaded");
}

LoadStateWidget::NextStep LoadStateWidget::nextStepFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Unauthorized:
    case ErrorCode::Forbidden:
    case ErrorCode::RepoNotFound: return NextStep::SignIn;
    case ErrorCode::GatedRepo: return NextStep::RequestAccess;
    case ErrorCode::Network: // "check your network connection, proxy and Hub address"
    case ErrorCode::Certificate:
    case ErrorCode::Proxy: return NextStep::NetworkSettings;
    case ErrorCode::Offline:
    case ErrorCode::DiskFull:
    case ErrorCode::Corrupt: return NextStep::OpenLocalCache;
    default: return NextStep::None;
    }
}

bool LoadStateWidget::offersRetry(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Offline:          // HF_HUB_OFFLINE: the same request gives the same answer
    case ErrorCode::NotCached:        // the banner offers Try again / Go online
    case ErrorCode::Refused:          // a hostile answer is not asked for again
    case ErrorCode::RevisionNotFound: // pick another revision instead
    case ErrorCode::EntryNotFound:
    case ErrorCode::InvalidArgument:
    case ErrorCode::NotSupported: return false;
    default: return true;
    }
}

void LoadStateWidget::showMessagePage(State state, const QString &title, const QString &text)
{
    m_state = state;
    m_countdown->stop();
    m_title->setText(title);
    m_text->setText(text);
    m_busy->setVisible(state == State::Loading);
    m_cancel->setVisible(state == State::Loading);
    if (state != State::Failed) {
        m_next->setVisible(false);
        m_retry->setVisible(false);
        m_nextStep = NextStep::None;
    }
    m_stack->setCurrentWidget(m_messagePage);
}

void LoadStateWidget::showLoading(const QString &what)
{
    showMessagePage(State::Loading, tr("Loading…"), what);
}

void LoadStateWidget::showError(const hub::HubError &error)
{
    qCWarning(lcUi).noquote() << QStringLiteral("shown as failed (%1): %2 [%3]")
                                     .arg(QString::fromStdString(std::string(hub::errorCodeName(error.code))),
                                          QString::fromStdString(error.message), QString::fromStdString(error.detail));
    showMessagePage(State::Failed, titleFor(error.code), QString::fromStdString(error.message));
    m_nextStep = nextStepFor(error.code);
    if (m_nextStep == NextStep::RequestAccess && !m_webPage.isValid())
        m_nextStep = NextStep::SignIn; // no page to open: signing in with an approved account is the way
    switch (m_nextStep) {
    case NextStep::SignIn: m_next->setText(tr("Sign in…")); break;
    case NextStep::RequestAccess: m_next->setText(tr("Request access")); break;
    case NextStep::NetworkSettings: m_next->setText(tr("Network settings…")); break;
    case NextStep::OpenLocalCache: m_next->setText(tr("Open Local cache")); break;
    case NextStep::None: break;
    }
    m_next->setAccessibleName(m_next->text());
    m_next->setVisible(m_nextStep != NextStep::None);
    m_retry->setVisible(offersRetry(error.code));
    m_retry->setEnabled(true);
    m_retry->setText(tr("Try again"));
    if (error.code == ErrorCode::RateLimited && error.retryAfterSeconds > 0) {
        m_secondsLeft = error.retryAfterSeconds;
        tickCountdown();
        m_countdown->start();
    }
    if (m_next->isVisible())
        m_next->setFocus();
    else if (m_retry->isVisible())
        m_retry->setFocus();
}

void LoadStateWidget::showError(const QString &message)
{
    qCWarning(lcUi).noquote() << QStringLiteral("shown as failed: %1").arg(message);
    showMessagePage(State::Failed, tr("This could not be loaded"), message);
    m_nextStep = NextStep::None;
    m_next->setVisible(false);
    m_retry->setVisible(true);
    m_retry->setEnabled(true);
    m_retry->setText(tr("Try again"));
    m_retry->setFocus();
}

void LoadStateWidget::tickCountdown()
{
    // Counts the server's Retry-After down on the button; the button works again at zero.
    if (m_secondsLeft > 0) {
        m_retry->setEnabled(false);
        m_retry->setText(tr("Try again in %1 s").arg(m_secondsLeft));
        --m_secondsLeft;
        return;
    }
    m_countdown->stop();
    m_retry->setEnabled(true);
    m_retry->setText(tr("Try again"));
    if (m_state == State::Failed && !m_next->isVisible())
        m_retry->setFocus();
}

void LoadStateWidget::runNextStep()
{
    const auto trigger = [this](const QString &name) {
        if (QWidget *top = window())
            if (auto *action = top->findChild<QAction *>(name))
                action->trigger();
    };
    switch (m_nextStep) {
    case NextStep::SignIn: trigger(QStringLiteral("signin")); break;
    case NextStep::RequestAccess: QDesktopServices::openUrl(m_webPage); break;
    case NextStep::NetworkSettings: trigger(QStringLiteral("settings")); break;
    case NextStep::OpenLocalCache: trigger(QStringLiteral("show-page:cache")); break;
    case NextStep::None: break;
    }
}

void LoadStateWidget::showEmpty(const QString &hint)
{
    showMessagePage(State::Empty, tr("Nothing here yet"), hint);
}

void LoadStateWidget::showContent()
{
    m_state = State::Ready;
    m_countdown->stop();
    m_stack->setCurrentWidget(m_content);
}

QString LoadStateWidget::message() const
{
    return m_state == State::Ready ? QString() : m_text->text();
}

QString LoadStateWidget::title() const
{
    return m_state == State::Ready ? QString() : m_title->text();
}

} // namespace hubui
