#include "hub/transfer/taskrunner.h"

namespace hub::transfer_internal {

TaskRunner::TaskRunner() : m_thread([this] { run(); }) {}

TaskRunner::~TaskRunner()
{
    std::deque<Command> dropped; // destroyed outside the lock: they may own a lot
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        dropped.swap(m_queue);
    }
    m_cv.notify_all();
    m_thread.join();
}

void TaskRunner::post(Command task)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stop)
            return;
        m_queue.push_back(std::move(task));
    }
    m_cv.notify_one();
}

void TaskRunner::run()
{
    for (;;) {
        Command task;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [&] { return m_stop || !m_queue.empty(); });
            if (m_stop)
                return;
            task = std::move(m_queue.front());
            m_queue.pop_front();
        }
        task();
    }
}

} // namespace hub::transfer_internal
