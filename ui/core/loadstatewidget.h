#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedLayout;

namespace hubui {

/// Wraps a content widget with the states of something that loads in the background: loading
/// (busy bar + what is loading + Cancel), failed (plain-language message + Retry), empty (a
/// hint saying what to do) and ready (the content). Every view that waits on the Hub or the disk
/// uses it, so no view shows a frozen spinner or a blank pane.
class LoadStateWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadStateWidget)

public:
    enum class State { Ready, Loading, Failed, Empty };

    explicit LoadStateWidget(QWidget *content, QWidget *parent = nullptr);

    void showLoading(const QString &what);
    void showError(const QString &message);
    void showEmpty(const QString &hint);
    void showContent();

    State state() const { return m_state; }
    /// The text shown in the loading / failed / empty state.
    QString message() const;
    QWidget *content() const { return m_content; }

signals:
    void cancelRequested();
    void retryRequested();

private:
    void showMessagePage(State state, const QString &text);

    State m_state = State::Ready;
    QWidget *m_content;
    QStackedLayout *m_stack;
    QWidget *m_messagePage;
    QLabel *m_title;
    QLabel *m_text;
    QProgressBar *m_busy;
    QPushButton *m_cancel;
    QPushButton *m_retry;
};

} // namespace hubui
