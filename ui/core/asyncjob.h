#pragma once
// One-shot background jobs for the GUI (house-style rule 11): QtConcurrent::run on a shared
// pool, a QFutureWatcher to come back to the GUI thread, and a cancel flag the work can poll.

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>
#include <optional>
#include <utility>

namespace hubui {

/// The pool every one-shot job runs on (network and disk bound, so a few more threads than
/// cores). Owned by the application; destroyed (and waited for) at exit.
QThreadPool *jobPool();

/// A handle to a running job. Copyable; cancelling through any copy stops the result from
/// being delivered and sets the flag the work function polls (and hands to HubClient).
class JobHandle {
public:
    JobHandle() = default;

    /// Asks the work to stop and drops its result; the done callback will not run.
    void cancel() const
    {
        if (m_cancel)
            m_cancel->store(true);
    }
    /// True from start until the done callback ran (or was dropped).
    bool isRunning() const { return m_running && m_running->load(); }

    /// The flag (shared with the worker).
    std::shared_ptr<std::atomic<bool>> cancelFlag() const { return m_cancel; }

    explicit JobHandle(std::shared_ptr<std::atomic<bool>> cancel, std::shared_ptr<std::atomic<bool>> running)
        : m_cancel(std::move(cancel)), m_running(std::move(running))
    {
    }

private:
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<bool>> m_running;
};

/// Runs `work(const std::shared_ptr<std::atomic<bool>> &cancelled)` on the job pool and then
/// `done(result)` on `context`'s thread (the GUI thread). `done` is not called when the job was
/// cancelled or `context` was destroyed meanwhile. `work` must not touch widgets or models:
/// capture plain values only.
template <class Work, class Done> JobHandle runJob(QObject *context, Work work, Done done)
{
    using Result = decltype(work(std::shared_ptr<std::atomic<bool>>{}));
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    auto running = std::make_shared<std::atomic<bool>>(true);
    // The result travels in a shared slot, so Result needs neither a default constructor nor
    // QFuture's result store (hub::Expected has no default constructor).
    auto slot = std::make_shared<std::optional<Result>>();

    auto *watcher = new QFutureWatcher<void>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, cancel, running, slot, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         running->store(false);
                         if (!cancel->load() && slot->has_value())
                             done(std::move(**slot));
                     });
    watcher->setFuture(QtConcurrent::run(jobPool(), [cancel, slot, work = std::move(work)]() mutable {
        if (!cancel->load())
            slot->emplace(work(cancel));
    }));
    return JobHandle(cancel, running);
}

} // namespace hubui
