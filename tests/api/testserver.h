#pragma once
// A tiny cpp-httplib server on 127.0.0.1 and a random port, for HTTP behaviour tests that need
// exact control over every answer (the sandbox Hub covers the realistic ones).

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hubtest {

class TestServer {
public:
    TestServer() : m_server(std::make_unique<httplib::Server>()) {}
    ~TestServer() { stop(); }
    TestServer(const TestServer &) = delete;
    TestServer &operator=(const TestServer &) = delete;

    httplib::Server &http() { return *m_server; }

    /// Binds to a random free loopback port and serves on a thread; returns false on failure.
    bool start()
    {
        m_port = m_server->bind_to_any_port("127.0.0.1");
        if (m_port <= 0)
            return false;
        m_thread = std::thread([this] { m_server->listen_after_bind(); });
        for (int i = 0; i < 500 && !m_server->is_running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        return m_server->is_running();
    }

    void stop()
    {
        if (m_thread.joinable()) {
            m_server->stop();
            m_thread.join();
        }
    }

    int port() const { return m_port; }
    /// "http://127.0.0.1:PORT"
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    /// Same server under another host name: another origin for the client.
    std::string localhostUrl() const { return "http://localhost:" + std::to_string(m_port); }

private:
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    int m_port = 0;
};

} // namespace hubtest
