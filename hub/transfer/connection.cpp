// The engine's libcurl connections: one easy handle per request in the multi, set up by the one
// HTTP policy (hub/api/curlsetup.h) and retried by the one retry policy (hub/api/retry.h).

#include "hub/api/curlsetup.h"
#include "hub/api/retry.h"
#include "hub/transfer/engineimpl.h"

#include <algorithm>
#include <unistd.h>

namespace hub {

using namespace transfer_internal;

TransferEngine::Impl::Conn *TransferEngine::Impl::newConn(Conn::Kind kind, Job &job, size_t fileIndex, size_t partIndex)
{
    auto owned = std::make_unique<Conn>();
    Conn *c = owned.get();
    c->kind = kind;
    c->impl = this;
    c->job = &job;
    c->fileIndex = fileIndex;
    c->partIndex = partIndex;
    c->easy = curl_easy_init();
    conns.emplace(c, std::move(owned));
    return c;
}

void TransferEngine::Impl::addConn(Conn *conn)
{
    curl_multi_add_handle(multi, conn->easy);
}

void TransferEngine::Impl::removeConn(Conn *conn)
{
    auto it = conns.find(conn);
    if (it == conns.end())
        return;
    curl_multi_remove_handle(multi, conn->easy);
    curl_easy_cleanup(conn->easy);
    curl_slist_free_all(conn->headerList);
    pausedConns.erase(std::remove(pausedConns.begin(), pausedConns.end(), conn), pausedConns.end());
    conns.erase(it);
}

bool TransferEngine::Impl::sameOriginAsEndpoint(const std::string &url) const
{
    return urlOrigin(url) == urlOrigin(options.clientConfig.endpoint);
}

Expected<void> TransferEngine::Impl::prepareConn(Conn *c, CurlRequest request)
{
    const auto &cfg = options.clientConfig;
    c->url = request.url;
    c->withToken = request.withToken && !cfg.token.empty() && sameOriginAsEndpoint(request.url);
    c->status = 0;
    c->headers = HttpHeaders();
    c->body.clear();
    c->abort = Conn::Abort::None;
    c->bytesThisAttempt = 0;
    request.privateData = c;
    request.header = &Impl::headerCallback;
    request.headerData = c;
    request.write = &Impl::writeCallback;
    request.writeData = c;
    request.errorBuffer = c->errorBuffer;
    request.lowSpeedTime = options.stallTimeout;
    request.bufferSize = 512L * 1024L;
    request.tcpKeepAlive = true;
    if (request.read) {
        request.readData = c;
        request.uploadBufferSize = 1024L * 1024L;
    }
    // The minimum-progress rule: below this rate for stallTimeout, the connection is dropped and
    // retried. A user's bandwidth limit may legitimately go below it.
    ClientConfig effective = cfg;
    effective.lowSpeedLimitBytes =
        bandwidth.limited() ? 1L : static_cast<long>(std::max<uint64_t>(1, options.minBytesPerSecond));
    curl_slist_free_all(c->headerList);
    c->headerList = nullptr;
    auto list = applyRequest(c->easy, effective, request);
    if (!list)
        return list.error();
    c->headerList = *list;
    return {};
}

TransferEngine::Impl::Clock::time_point TransferEngine::Impl::now() const
{
    return options.clock ? options.clock() : Clock::now();
}

std::optional<std::chrono::milliseconds> TransferEngine::Impl::retryDelayFor(int failures,
                                                                             const HttpHeaders *headers) const
{
    return retryDelay(options.clientConfig.retry, failures - 1, headers);
}

int TransferEngine::Impl::maxRetries() const
{
    return std::max(0, options.clientConfig.retry.maxRetries);
}

uint64_t TransferEngine::Impl::progressBytes() const
{
    return std::max<uint64_t>(1, options.minBytesPerSecond * static_cast<uint64_t>(options.stallTimeout.count()));
}

HubError TransferEngine::Impl::connFailure(const Conn &conn, CURLcode code) const
{
    const char *peer = sameOriginAsEndpoint(conn.url) ? "the Hub" : "the storage server";
    return curlFailure(conn.easy, code, options.clientConfig, conn.url, conn.errorBuffer, peer);
}

HubError TransferEngine::Impl::httpError(const Conn &conn, const Job &job, const std::string &path) const
{
    if (auto proxy = proxyAnswerError(conn.easy, conn.status, options.clientConfig, conn.url))
        return *proxy;
    HttpRequest req;
    req.url = conn.url;
    req.repoType = job.snap.repo.type;
    req.repoId = job.snap.repo.id.str();
    req.revision = job.snap.revision;
    req.path = path;
    HttpResponse resp;
    resp.status = static_cast<int>(conn.status);
    resp.headers = conn.headers;
    resp.body = conn.body;
    resp.url = conn.url;
    return mapHttpError(req, resp, conn.withToken);
}

size_t TransferEngine::Impl::headerCallback(char *data, size_t size, size_t count, void *user)
{
    auto *c = static_cast<Conn *>(user);
    const size_t n = size * count;
    const std::string_view line(data, n);
    if (parseHeaderLine(line).kind == HeaderLine::Kind::StatusLine)
        c->body.clear(); // a new response begins (after 100 Continue or a proxy's CONNECT answer)
    takeHeaderLine(line, c->status, c->headers);
    return n;
}

size_t TransferEngine::Impl::writeCallback(char *data, size_t size, size_t count, void *user)
{
    auto *c = static_cast<Conn *>(user);
    const size_t n = size * count;
    if (c->kind == Conn::Kind::Segment)
        return c->impl->onSegmentData(*c, data, n);
    if (c->body.size() < (size_t{1} << 20))
        c->body.append(data, std::min(n, (size_t{1} << 20) - c->body.size()));
    return n;
}

size_t TransferEngine::Impl::readCallback(char *data, size_t size, size_t count, void *user)
{
    auto *c = static_cast<Conn *>(user);
    Impl *impl = c->impl;
    const size_t room = size * count;
    const uint64_t left = c->length - c->sent;
    if (left == 0)
        return 0;
    const size_t want = static_cast<size_t>(std::min<uint64_t>(room, left));
    if (!impl->bandwidth.take(want)) {
        c->paused = true;
        impl->pausedConns.push_back(c);
        return CURL_READFUNC_PAUSE;
    }
    const ssize_t got = ::pread(c->fd, data, want, static_cast<off_t>(c->offset + c->sent));
    if (got <= 0)
        return CURL_READFUNC_ABORT;
    c->sent += static_cast<uint64_t>(got);
    c->bytesThisAttempt += static_cast<uint64_t>(got);
    impl->addProgress(*c->job, static_cast<uint64_t>(got));
    return static_cast<size_t>(got);
}

} // namespace hub
