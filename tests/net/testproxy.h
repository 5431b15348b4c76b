#pragma once
// A small HTTP proxy for the tests, bound to 127.0.0.1 and reaching only loopback: CONNECT
// tunnels (how HTTPS goes through a proxy) and absolute-form plain-HTTP requests, optional Basic
// authentication, or a refusal of everything with a chosen status. It records what it could read
// in clear (request heads, and every byte a client sent through it), so a test can prove that a
// token never travelled in clear and that a tunnel was used.

#include <QByteArray>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace nettest {

struct ProxyOptions {
    std::string user; ///< with password: require "Proxy-Authorization: Basic ..."
    std::string password;
    int refuseStatus = 0; ///< answer every request with this status (403...), reach nothing
};

class TestProxy {
public:
    using Options = ProxyOptions;

    explicit TestProxy(Options options = {}) : m_options(std::move(options))
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        int one = 1;
        ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (::bind(m_listen, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 || ::listen(m_listen, 64) != 0)
            qFatal("test proxy: cannot listen on 127.0.0.1");
        socklen_t len = sizeof a;
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&a), &len);
        m_port = ntohs(a.sin_port);
        if (::pipe2(m_stopPipe, O_CLOEXEC) != 0)
            qFatal("test proxy: pipe");
        m_acceptor = std::thread([this] { acceptLoop(); });
    }

    ~TestProxy()
    {
        m_stopping = true;
        (void)!::write(m_stopPipe[1], "x", 1);
        m_acceptor.join();
        std::vector<std::thread> workers;
        {
            std::lock_guard lock(m_mutex);
            workers.swap(m_workers);
        }
        for (auto &w : workers)
            w.join();
        ::close(m_listen);
        ::close(m_stopPipe[0]);
        ::close(m_stopPipe[1]);
    }
    TestProxy(const TestProxy &) = delete;
    TestProxy &operator=(const TestProxy &) = delete;

    int port() const { return m_port; }
    std::string hostPort() const { return "127.0.0.1:" + std::to_string(m_port); }
    /// "http://127.0.0.1:PORT", or with the configured user and password in it.
    std::string url(bool withCredentials = false) const
    {
        if (withCredentials && !m_options.user.empty())
            return "http://" + m_options.user + ":" + m_options.password + "@" + hostPort();
        return "http://" + hostPort();
    }

    int connections() const { return m_connections.load(); }
    /// The first lines of the requests the proxy received ("CONNECT 127.0.0.1:443 HTTP/1.1").
    std::vector<std::string> requestLines() const
    {
        std::lock_guard lock(m_mutex);
        return m_lines;
    }
    /// Everything clients sent that the proxy could read: request heads, and the bytes it relayed
    /// (for a tunnel, TLS records).
    std::string seen() const
    {
        std::lock_guard lock(m_mutex);
        return m_seen;
    }
    int tunnels() const { return m_tunnels.load(); }

private:
    void acceptLoop()
    {
        for (;;) {
            pollfd fds[2] = {{m_listen, POLLIN, 0}, {m_stopPipe[0], POLLIN, 0}};
            if (::poll(fds, 2, -1) < 0)
                continue;
            if (fds[1].revents || m_stopping)
                return;
            const int c = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
            if (c < 0)
                continue;
            ++m_connections;
            std::lock_guard lock(m_mutex);
            m_workers.emplace_back([this, c] {
                serve(c);
                ::close(c);
            });
        }
    }

    void record(const char *data, size_t n)
    {
        std::lock_guard lock(m_mutex);
        if (m_seen.size() < (size_t{64} << 20))
            m_seen.append(data, n);
    }

    static bool sendAll(int fd, const std::string &s)
    {
        size_t off = 0;
        while (off < s.size()) {
            const ssize_t w = ::send(fd, s.data() + off, s.size() - off, MSG_NOSIGNAL);
            if (w <= 0)
                return false;
            off += static_cast<size_t>(w);
        }
        return true;
    }

    static void answer(int fd, int status, const std::string &reason, const std::string &extra = {})
    {
        const std::string body = "proxy says " + std::to_string(status) + "\n";
        sendAll(fd, "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n" + extra +
                        "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    }

    static std::string header(const std::string &head, const std::string &name)
    {
        size_t pos = 0;
        while ((pos = head.find("\r\n", pos)) != std::string::npos) {
            pos += 2;
            const size_t end = head.find("\r\n", pos);
            const std::string line = head.substr(pos, end - pos);
            const size_t colon = line.find(':');
            if (colon != std::string::npos && QByteArray::fromStdString(line.substr(0, colon)).toLower() ==
                                                  QByteArray::fromStdString(name).toLower()) {
                size_t v = colon + 1;
                while (v < line.size() && line[v] == ' ')
                    ++v;
                return line.substr(v);
            }
        }
        return {};
    }

    /// Connects to a loopback "host:port" (anything else is refused: tests reach nothing else).
    static int connectLoopback(const std::string &hostPort)
    {
        const size_t colon = hostPort.rfind(':');
        if (colon == std::string::npos)
            return -1;
        std::string host = hostPort.substr(0, colon);
        if (host != "127.0.0.1" && host != "localhost" && host != "[::1]")
            return -1;
        const int port = std::atoi(hostPort.c_str() + colon + 1);
        const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(static_cast<uint16_t>(port));
        if (::connect(s, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
            ::close(s);
            return -1;
        }
        return s;
    }

    void relay(int client, int server)
    {
        char buf[65536];
        for (;;) {
            pollfd fds[3] = {{client, POLLIN, 0}, {server, POLLIN, 0}, {m_stopPipe[0], POLLIN, 0}};
            if (::poll(fds, 3, 60000) <= 0 || fds[2].revents)
                return;
            for (int i = 0; i < 2; ++i) {
                if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                    continue;
                const ssize_t n = ::recv(fds[i].fd, buf, sizeof buf, 0);
                if (n <= 0)
                    return;
                if (i == 0)
                    record(buf, static_cast<size_t>(n));
                if (!sendAll(i == 0 ? server : client, std::string(buf, static_cast<size_t>(n))))
                    return;
            }
        }
    }

    void serve(int client)
    {
        std::string head;
        char buf[4096];
        while (head.find("\r\n\r\n") == std::string::npos && head.size() < 65536) {
            pollfd p[2] = {{client, POLLIN, 0}, {m_stopPipe[0], POLLIN, 0}};
            if (::poll(p, 2, 30000) <= 0 || p[1].revents)
                return;
            const ssize_t n = ::recv(client, buf, sizeof buf, 0);
            if (n <= 0)
                return;
            head.append(buf, static_cast<size_t>(n));
        }
        const size_t headEnd = head.find("\r\n\r\n");
        if (headEnd == std::string::npos)
            return;
        const std::string rest = head.substr(headEnd + 4);
        head.resize(headEnd + 2);
        record(head.data(), head.size());
        const std::string first = head.substr(0, head.find("\r\n"));
        {
            std::lock_guard lock(m_mutex);
            m_lines.push_back(first);
        }
        if (m_options.refuseStatus) {
            answer(client, m_options.refuseStatus, "Forbidden by the test proxy");
            return;
        }
        if (!m_options.user.empty()) {
            const std::string expected =
                "Basic " +
                QByteArray::fromStdString(m_options.user + ":" + m_options.password).toBase64().toStdString();
            if (header(head, "Proxy-Authorization") != expected) {
                answer(client, 407, "Proxy Authentication Required",
                       "Proxy-Authenticate: Basic realm=\"HubDesk test proxy\"\r\n");
                return;
            }
        }
        const size_t sp1 = first.find(' ');
        const size_t sp2 = first.find(' ', sp1 + 1);
        if (sp1 == std::string::npos || sp2 == std::string::npos) {
            answer(client, 400, "Bad Request");
            return;
        }
        const std::string method = first.substr(0, sp1);
        const std::string target = first.substr(sp1 + 1, sp2 - sp1 - 1);
        if (method == "CONNECT") {
            const int server = connectLoopback(target);
            if (server < 0) {
                answer(client, 502, "Bad Gateway");
                return;
            }
            ++m_tunnels;
            sendAll(client, "HTTP/1.1 200 Connection established\r\n\r\n");
            if (!rest.empty()) {
                record(rest.data(), rest.size());
                sendAll(server, rest);
            }
            relay(client, server);
            ::close(server);
            return;
        }
        // Absolute form: "GET http://host:port/path HTTP/1.1" -> origin form, one request.
        if (target.rfind("http://", 0) != 0) {
            answer(client, 400, "Bad Request");
            return;
        }
        const size_t pathStart = target.find('/', 7);
        const std::string hostPort =
            target.substr(7, pathStart == std::string::npos ? std::string::npos : pathStart - 7);
        const int server = connectLoopback(hostPort.find(':') == std::string::npos ? hostPort + ":80" : hostPort);
        if (server < 0) {
            answer(client, 502, "Bad Gateway");
            return;
        }
        std::string forward = method + " " + (pathStart == std::string::npos ? "/" : target.substr(pathStart)) +
                              first.substr(sp2) + "\r\n";
        size_t pos = head.find("\r\n") + 2;
        while (pos < head.size()) {
            const size_t end = head.find("\r\n", pos);
            const std::string line = head.substr(pos, end - pos);
            pos = end + 2;
            const std::string lower = QByteArray::fromStdString(line).toLower().toStdString();
            if (lower.rfind("proxy-", 0) == 0 || lower.rfind("connection:", 0) == 0)
                continue;
            forward += line + "\r\n";
        }
        forward += "Connection: close\r\n\r\n" + rest;
        sendAll(server, forward);
        relay(client, server);
        ::close(server);
    }

    Options m_options;
    int m_listen = -1;
    int m_port = 0;
    int m_stopPipe[2] = {-1, -1};
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_connections{0};
    std::atomic<int> m_tunnels{0};
    std::thread m_acceptor;
    mutable std::mutex m_mutex;
    std::vector<std::thread> m_workers;
    std::vector<std::string> m_lines;
    std::string m_seen;
};

} // namespace nettest
