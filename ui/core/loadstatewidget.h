#pragma once

#include "hub/core/error.h"

#include <QUrl>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedLayout;
class QTimer;

namespace hubui {

/// Wraps a content widget with the states of something that loads in the background: loading
/// (busy bar + what is loading + Cancel), failed (what happened as the title, the plain-language
/// message, and the next step as a button), empty (a hint saying what to do) and ready (the
/// content). Every view that waits on the Hub or the disk uses it, so no view shows a frozen
/// spinner, a blank pane or a dead end.
///
/// The next steps reuse the main window's actions, found by object name in window(): "signin"
/// (the sign-in dialog), "settings" (Settings, where the Network group is), "show-page:cache"
/// (the Local cache page). "Request access" opens the page set with setWebPage() in the browser;
/// "Try again" emits retryRequested(). The widget itself never touches the network or the disk.
class LoadStateWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadStateWidget)

public:
    enum class State { Ready, Loading, Failed, Empty };
    /// The button offered next to the message of a failed state.
    enum class NextStep { None, SignIn, RequestAccess, NetworkSettings, OpenLocalCache };

    explicit LoadStateWidget(QWidget *content, QWidget *parent = nullptr);

    void showLoading(const QString &what);
    /// A failure the Hub layer described: the title says what happened (from error.code), the
    /// text is error.message, and the buttons offer the next step.
    void showError(const hub::HubError &error);
    /// A failure with no error code: titled "This could not be loaded", with Try again.
    void showError(const QString &message);
    void showEmpty(const QString &hint);
    void showContent();
    /// The repo's page on the Hub, opened by "Request access" (hidden while unset).
    void setWebPage(const QUrl &url) { m_webPage = url; }

    State state() const { return m_state; }
    /// The text shown in the loading / failed / empty state.
    QString message() const;
    /// The title shown in the loading / failed / empty state.
    QString title() const;
    QWidget *content() const { return m_content; }
    /// The next-step button and "Try again" of the failed state (for tests).
    QPushButton *nextStepButton() const { return m_next; }
    QPushButton *retryButton() const { return m_retry; }
    NextStep nextStep() const { return m_nextStep; }

    /// What a failed state with this code is titled ("You are offline", ...); never empty.
    static QString titleFor(hub::ErrorCode code);
    static NextStep nextStepFor(hub::ErrorCode code);
    /// Whether "Try again" is offered for this code.
    static bool offersRetry(hub::ErrorCode code);

signals:
    void cancelRequested();
    void retryRequested();

private:
    void showMessagePage(State state, const QString &title, const QString &text);
    void runNextStep();
    void tickCountdown();

    State m_state = State::Ready;
    NextStep m_nextStep = NextStep::None;
    QUrl m_webPage;
    int m_secondsLeft = 0;
    QWidget *m_content;
    QStackedLayout *m_stack;
    QWidget *m_messagePage;
    QLabel *m_title;
    QLabel *m_text;
    QProgressBar *m_busy;
    QPushButton *m_cancel;
    QPushButton *m_next;
    QPushButton *m_retry;
    QTimer *m_countdown;
};

} // namespace hubui
