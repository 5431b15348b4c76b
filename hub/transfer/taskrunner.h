#pragma once
// One helper thread running queued closures in order (Hub API calls, hashing, fsync + rename).

#include "hub/transfer/command.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace hub::transfer_internal {

/// Threading: post() from any thread; closures run on the runner's thread. The destructor runs
/// nothing more than the closure in progress and joins.
class TaskRunner {
public:
    TaskRunner();
    ~TaskRunner();
    TaskRunner(const TaskRunner &) = delete;
    TaskRunner &operator=(const TaskRunner &) = delete;

    void post(Command task);

private:
    void run();
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<Command> m_queue;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace hub::transfer_internal
