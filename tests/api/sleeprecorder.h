#pragma once
// Records the waits a client asks for instead of sleeping (HttpClient::setSleepFunction), so
// tests assert backoff and Retry-After exactly, with no timing.

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace hubtest {

struct SleepRecorder {
    std::shared_ptr<std::vector<std::chrono::milliseconds>> waits =
        std::make_shared<std::vector<std::chrono::milliseconds>>();
    std::function<void(std::chrono::milliseconds)> fn()
    {
        auto w = waits;
        return [w](std::chrono::milliseconds d) { w->push_back(d); };
    }
    /// Total requested wait (the client sleeps in slices).
    std::chrono::milliseconds total() const
    {
        std::chrono::milliseconds t{0};
        for (auto d : *waits)
            t += d;
        return t;
    }
};

} // namespace hubtest
