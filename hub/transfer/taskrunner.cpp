#include "hub/transfer/taskrunner.h"

namespace hub::transfer_internal {

TaskRunner::TaskRunner() : m_thread([this] { run(); }) {}

TaskRunner::~TaskRunner()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_queue.clear();
    }
    m_cv.notify_all();
    m_thread.join();
}

void TaskRunner::post(std::function<void()> task)
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
        std::function<void()> task;
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
