// The only file that includes cpp-httplib: it turns HTTP exchanges into HttpRequest/HttpResponse
// for HubApp, streams files, injects faults, and serves HTTPS (httplib's OpenSSL server).
#include "hub/sandbox/server.h"

#include "hub/core/hash.h"
#include "hub/core/strings.h"
#include "hub/sandbox/hubapp.h"

#include <httplib.h>
#include <openssl/ssl.h>

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <thread>

using nlohmann::json;
namespace fs = std::filesystem;

namespace hub::sandbox {
namespace {

constexpr size_t kMaxInMemoryBody = 256ull * 1024 * 1024;

FaultSpec faultFromJson(const json &j)
{
    FaultSpec f;
    f.pathPrefix = j.value("path", std::string());
    f.count = j.value("count", -1);
    f.status = j.value("status", 0);
    f.retryAfterSeconds = j.value("retryAfter", 1);
    f.dropAfterBytes = j.value("dropAfterBytes", int64_t{-1});
    f.latencyMs = j.value("latencyMs", 0);
    f.bandwidthBytesPerSec = j.value("bandwidth", int64_t{0});
    f.malformedJson = j.value("malformedJson", false);
    f.truncateBody = j.value("truncate", false);
    return f;
}

json faultToJson(const FaultSpec &f)
{
    return json{{"path", f.pathPrefix},
                {"count", f.count},
                {"status", f.status},
                {"retryAfter", f.retryAfterSeconds},
                {"dropAfterBytes", f.dropAfterBytes},
                {"latencyMs", f.latencyMs},
                {"bandwidth", f.bandwidthBytesPerSec},
                {"malformedJson", f.malformedJson},
                {"truncate", f.truncateBody}};
}

std::string hostName(const std::string &hostHeader)
{
    if (startsWith(hostHeader, "[")) {
        const auto end = hostHeader.find(']');
        return hostHeader.substr(1, end == std::string::npos ? std::string::npos : end - 1);
    }
    return hostHeader.substr(0, hostHeader.find(':'));
}

} // namespace

/// Parses the fault JSON the admin route and `--fault` accept (an object or an array).
Expected<std::vector<FaultSpec>> parseFaults(const std::string &text)
{
    const json j = json::parse(text, nullptr, false);
    std::vector<FaultSpec> out;
    try {
        if (j.is_object()) {
            out.push_back(faultFromJson(j));
        } else if (j.is_array()) {
            for (const auto &f : j) {
                out.push_back(faultFromJson(f));
            }
        } else {
            return HubError::make(ErrorCode::InvalidArgument,
                                  "A fault must be a JSON object such as {\"status\": 503}.");
        }
    } catch (const std::exception &e) {
        return HubError::make(ErrorCode::InvalidArgument, "A fault field has the wrong type.", e.what());
    }
    return out;
}

struct Server::Impl {
    ServerOptions options;
    fs::path dataDir;
    bool ownsDataDir = false;
    std::unique_ptr<HubApp> app;
    std::unique_ptr<httplib::Server> http4;
    std::unique_ptr<httplib::Server> http6;
    bool has6 = false;
    std::thread thread4;
    std::thread thread6;
    std::atomic<bool> done4{false};
    std::atomic<bool> done6{false};
    int port = 0;
    std::mutex faultMutex;
    std::vector<FaultSpec> faults;
    std::atomic<uint64_t> requests{0};
    std::atomic<uint64_t> handshakes{0};
    std::atomic<uint64_t> storageBytes{0};
    bool stopped = false;

    bool tls() const { return !options.tlsCert.empty(); }

    /// A plain or an HTTPS server; nullptr (with `error` set) when the certificate or key is
    /// unusable.
    std::unique_ptr<httplib::Server> makeServer(std::string &error)
    {
        if (!tls())
            return std::make_unique<httplib::Server>();
        auto s = std::make_unique<httplib::SSLServer>(options.tlsCert.c_str(), options.tlsKey.c_str());
        if (!s->is_valid()) {
            error = "The sandbox could not use the certificate " + options.tlsCert.string() + " with the key " +
                    options.tlsKey.string() + ": check that both are PEM files and belong together.";
            return nullptr;
        }
        // Count handshakes as they begin, so a test can tell one refused attempt from a retry loop.
        SSL_CTX_set_client_hello_cb(
            s->ssl_context(),
            [](SSL *, int *, void *arg) {
                ++*static_cast<std::atomic<uint64_t> *>(arg);
                return SSL_CLIENT_HELLO_SUCCESS;
            },
            &handshakes);
        return s;
    }

    /// The faults that apply to this request, consuming one use of each.
    std::vector<FaultSpec> takeFaults(const std::string &path)
    {
        std::lock_guard lock(faultMutex);
        std::vector<FaultSpec> out;
        for (auto it = faults.begin(); it != faults.end();) {
            if (!startsWith(path, it->pathPrefix) || it->count == 0) {
                ++it;
                continue;
            }
            out.push_back(*it);
            if (it->count > 0 && --it->count == 0) {
                it = faults.erase(it);
            } else {
                ++it;
            }
        }
        return out;
    }

    void setup(httplib::Server &s)
    {
        s.new_task_queue = [] { return new httplib::ThreadPool(24); };
        s.set_keep_alive_max_count(1000);
        // Headers and body go out in separate writes; without TCP_NODELAY, Nagle + delayed ACK
        // holds every small answer back ~40 ms, which would make the sandbox what limits clients.
        s.set_tcp_nodelay(true);
        s.set_payload_max_length(std::numeric_limits<size_t>::max());
        s.set_read_timeout(60, 0);
        s.set_write_timeout(60, 0);
        const auto plain = [this](const httplib::Request &req, httplib::Response &res) { serve(req, res, nullptr); };
        const auto withBody = [this](const httplib::Request &req, httplib::Response &res,
                                     const httplib::ContentReader &reader) { serve(req, res, &reader); };
        s.Get(".*", plain);
        s.Post(".*", withBody);
        s.Put(".*", withBody);
        s.Delete(".*", withBody);
        s.Patch(".*", withBody);
        s.set_exception_handler([](const httplib::Request &, httplib::Response &res, std::exception_ptr) {
            res.status = 500;
            res.set_content(R"({"error":"Internal error in the sandbox"})", "application/json; charset=utf-8");
        });
    }

    void serve(const httplib::Request &hreq, httplib::Response &res, const httplib::ContentReader *reader)
    {
        ++requests;
        // We answer ranges ourselves; stop httplib from slicing our bodies a second time.
        const_cast<httplib::Request &>(hreq).ranges.clear();
        HttpRequest req;
        req.method = hreq.method;
        const std::string &target = hreq.target;
        const auto qpos = target.find('?');
        req.rawPath = target.substr(0, qpos);
        for (const auto &seg : split(req.rawPath, '/')) {
            if (!seg.empty()) {
                req.segments.push_back(percentDecode(seg));
            }
        }
        if (qpos != std::string::npos) {
            for (const auto &part : split(target.substr(qpos + 1), '&')) {
                if (part.empty()) {
                    continue;
                }
                const auto eq = part.find('=');
                std::string key = percentDecode(part.substr(0, eq), true);
                if (endsWith(key, "[]")) {
                    key.resize(key.size() - 2);
                }
                req.query.emplace(key,
                                  eq == std::string::npos ? std::string() : percentDecode(part.substr(eq + 1), true));
            }
        }
        for (const auto &[k, v] : hreq.headers) {
            req.headers[k] = v;
        }
        req.loopback =
            hreq.remote_addr == "127.0.0.1" || hreq.remote_addr == "::1" || startsWith(hreq.remote_addr, "::ffff:127.");
        const std::string host = toLower(hostName(hreq.get_header_value("Host")));
        req.toBlobHost = host == toLower(options.blobHost) && toLower(options.blobHost) != toLower(options.host);
        if (req.toBlobHost && !req.header("Authorization").empty()) {
            app->noteBlobHostAuthorization();
        }
        const bool admin = !req.segments.empty() && req.segments[0] == "__sandbox";

        // Body: PUT bodies stream to a file (LFS uploads), others are read into memory.
        if (reader) {
            if (hreq.method == "PUT") {
                std::error_code ec;
                fs::create_directories(dataDir / "uploads", ec);
                static std::atomic<uint64_t> counter{0};
                req.bodyFile = dataDir / "uploads" /
                               ("put-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".tmp");
                std::ofstream out(req.bodyFile, std::ios::binary | std::ios::trunc);
                Hasher hasher(HashAlgo::Sha256);
                (*reader)([&](const char *data, size_t n) {
                    hasher.update(data, n);
                    out.write(data, static_cast<std::streamsize>(n));
                    req.bodySize += n;
                    return static_cast<bool>(out);
                });
                out.close();
                req.bodySha256 = hasher.finalHex();
            } else {
                bool tooLarge = false;
                (*reader)([&](const char *data, size_t n) {
                    if (req.body.size() + n > kMaxInMemoryBody) {
                        tooLarge = true;
                        return false;
                    }
                    req.body.append(data, n);
                    return true;
                });
                if (tooLarge) {
                    write(errorResponse(413, "The request body is too large for this endpoint."), res, {}, hreq);
                    return;
                }
            }
        }

        if (admin) {
            write(handleAdmin(req), res, {}, hreq);
            return;
        }
        const auto active = takeFaults(req.rawPath);
        for (const auto &f : active) {
            if (f.latencyMs > 0) {
                std::this_thread::sleep_for(std::chrono::milliseconds(f.latencyMs));
            }
        }
        for (const auto &f : active) {
            if (f.status >= 400) {
                HttpResponse r =
                    errorResponse(f.status, f.status == 429 ? "You have exceeded our rate limit. Retry later."
                                                            : "The sandbox was told to fail this request.");
                if (f.status == 429) {
                    const std::string t = std::to_string(f.retryAfterSeconds);
                    r.setHeader("Retry-After", t);
                    r.setHeader("RateLimit", "\"api\";r=0;t=" + t);
                    r.setHeader("RateLimit-Policy", "\"fixed window\";\"api\";q=10;w=300");
                }
                if (!req.bodyFile.empty()) {
                    std::error_code ec;
                    fs::remove(req.bodyFile, ec);
                }
                write(std::move(r), res, active, hreq);
                return;
            }
        }
        HttpResponse r = app->handle(req);
        if (!req.bodyFile.empty()) {
            std::error_code ec;
            fs::remove(req.bodyFile, ec); // consumed files were moved away already
        }
        if (options.verbose) {
            std::cerr << req.method << " " << req.rawPath << " -> " << r.status << "\n";
        }
        write(std::move(r), res, active, hreq);
    }

    HttpResponse handleAdmin(const HttpRequest &req)
    {
        if (!req.loopback) {
            return errorResponse(403, "The sandbox admin routes only answer loopback clients.");
        }
        const std::string what = req.segments.size() > 1 ? req.segments[1] : std::string();
        HttpResponse r;
        if (what == "faults" && req.method == "POST") {
            auto parsed = parseFaults(req.body);
            if (!parsed) {
                return errorResponse(400, parsed.error().message);
            }
            std::lock_guard lock(faultMutex);
            faults.insert(faults.end(), parsed->begin(), parsed->end());
            r.setJson(R"({"ok":true})");
            return r;
        }
        if (what == "faults" && req.method == "DELETE") {
            std::lock_guard lock(faultMutex);
            faults.clear();
            r.setJson(R"({"ok":true})");
            return r;
        }
        if (what == "faults" && req.method == "GET") {
            std::lock_guard lock(faultMutex);
            json arr = json::array();
            for (const auto &f : faults) {
                arr.push_back(faultToJson(f));
            }
            r.setJson(arr.dump());
            return r;
        }
        if (what == "gated" && req.method == "POST") {
            const json b = json::parse(req.body, nullptr, false);
            if (b.is_discarded() || !b.is_object() || !b.contains("repo") || !b.contains("user")) {
                return errorResponse(400, "Send {\"type\": \"model\", \"repo\": \"ns/name\", \"user\": \"name\"}.");
            }
            auto st = app->grantGatedAccess(b.value("type", std::string("model")), b.value("repo", std::string()),
                                            b.value("user", std::string()));
            if (!st) {
                return errorResponse(404, st.error().message, "RepoNotFound");
            }
            r.setJson(R"({"ok":true})");
            return r;
        }
        if (what == "state" && req.method == "GET") {
            const SignedUrlRefusals refused = app->signedUrlRefusals();
            r.setJson(
                json{{"blobHostSawAuthorization", app->blobHostSawAuthorization()},
                     {"requests", requests.load()},
                     {"storageBytesServed", storageBytes.load()},
                     {"refusedUrls",
                      {{"expired", refused.expired}, {"wrongRange", refused.wrongRange}, {"invalid", refused.invalid}}}}
                    .dump());
            return r;
        }
        if (what == "reset-blob-authorization" && req.method == "POST") {
            app->resetBlobHostSawAuthorization();
            r.setJson(R"({"ok":true})");
            return r;
        }
        return errorResponse(404, "Unknown sandbox admin route.");
    }

    void write(HttpResponse r, httplib::Response &res, const std::vector<FaultSpec> &active,
               const httplib::Request &hreq)
    {
        int64_t dropAfter = -1;
        int64_t bandwidth = 0;
        bool truncate = false;
        bool malformed = false;
        for (const auto &f : active) {
            if (f.dropAfterBytes >= 0) {
                dropAfter = dropAfter < 0 ? f.dropAfterBytes : std::min(dropAfter, f.dropAfterBytes);
            }
            bandwidth = std::max(bandwidth, f.bandwidthBytesPerSec);
            truncate = truncate || f.truncateBody;
            malformed = malformed || f.malformedJson;
        }
        if (malformed && startsWith(r.contentType, "application/json") && r.file.empty()) {
            r.body = r.body.substr(0, r.body.size() / 2) + "<<not json";
        }
        res.status = r.status;
        for (const auto &[k, v] : r.headers) {
            res.set_header(k, v);
        }
        const std::string type = r.contentType.empty() ? std::string("application/octet-stream") : r.contentType;
        const bool isHead = hreq.method == "HEAD";
        if (isHead && r.headLength) {
            res.set_content_provider(static_cast<size_t>(*r.headLength), type,
                                     [](size_t, size_t, httplib::DataSink &) { return true; });
            return;
        }
        const bool streamed = !r.file.empty() || dropAfter >= 0 || bandwidth > 0 || truncate;
        if (!streamed) {
            if (r.body.empty() && r.contentType.empty()) {
                return;
            }
            res.set_content(r.body, type);
            return;
        }
        const uint64_t total = r.file.empty() ? r.body.size() : r.fileLength;
        uint64_t limit = total;
        if (truncate) {
            limit = total / 2;
        }
        if (dropAfter >= 0) {
            limit = std::min<uint64_t>(limit, static_cast<uint64_t>(dropAfter));
        }
        struct Source {
            int fd = -1;
            std::string body;
            uint64_t offset = 0;
            ~Source()
            {
                if (fd >= 0) {
                    ::close(fd);
                }
            }
        };
        auto src = std::make_shared<Source>();
        src->offset = r.fileOffset;
        if (!r.file.empty()) {
            src->fd = ::open(r.file.c_str(), O_RDONLY | O_CLOEXEC);
            if (src->fd < 0) {
                res.status = 500;
                res.set_content(R"({"error":"The sandbox could not open a stored file."})",
                                "application/json; charset=utf-8");
                return;
            }
        } else {
            src->body = std::move(r.body);
        }
        const auto start = std::chrono::steady_clock::now();
        std::atomic<uint64_t> *served = startsWith(hreq.path, "/__lfs/") ? &storageBytes : nullptr;
        res.set_content_provider(
            static_cast<size_t>(total), type,
            [src, limit, bandwidth, start, served](size_t off, size_t len, httplib::DataSink &sink) {
                if (off >= limit) {
                    return false; // fault: drop the connection here
                }
                size_t n = std::min<size_t>(len, 1 << 20);
                n = std::min<size_t>(n, static_cast<size_t>(limit - off));
                if (bandwidth > 0) {
                    n = std::min<size_t>(n, static_cast<size_t>(std::max<int64_t>(1, bandwidth / 10)));
                    const double due = static_cast<double>(off) / static_cast<double>(bandwidth);
                    const double elapsed =
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                    if (due > elapsed) {
                        std::this_thread::sleep_for(std::chrono::duration<double>(due - elapsed));
                    }
                }
                if (src->fd < 0) {
                    return sink.write(src->body.data() + off, n);
                }
                thread_local std::vector<char> buf(1 << 20);
                const ssize_t got = ::pread(src->fd, buf.data(), n, static_cast<off_t>(src->offset + off));
                if (got <= 0) {
                    return false;
                }
                if (served) {
                    *served += static_cast<uint64_t>(got);
                }
                return sink.write(buf.data(), static_cast<size_t>(got));
            });
    }
};

Server::Server(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Server::~Server()
{
    stop();
}

Expected<std::unique_ptr<Server>> Server::start(const ServerOptions &options)
{
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    impl->faults = options.faults;
    std::error_code ec;
    if (options.dataDir.empty()) {
        std::string templ = (fs::temp_directory_path(ec) / "hubdesk-sandbox-XXXXXX").string();
        if (!::mkdtemp(templ.data())) {
            return HubError::make(ErrorCode::Io, "The sandbox could not create a temporary data directory.");
        }
        impl->dataDir = templ;
        impl->ownsDataDir = true;
    } else {
        impl->dataDir = options.dataDir;
        fs::create_directories(impl->dataDir, ec);
        if (ec) {
            return HubError::make(ErrorCode::Io, "The sandbox could not create its data directory.",
                                  impl->dataDir.string());
        }
    }
    fs::create_directories(impl->dataDir / "uploads", ec);
    impl->app = std::make_unique<HubApp>(options, impl->dataDir);
    if (auto st = impl->app->init(); !st) {
        if (impl->ownsDataDir) {
            fs::remove_all(impl->dataDir, ec);
        }
        return st.error();
    }
    if (options.tlsCert.empty() != options.tlsKey.empty()) {
        if (impl->ownsDataDir) {
            fs::remove_all(impl->dataDir, ec);
        }
        return HubError::make(ErrorCode::InvalidArgument, "HTTPS needs both a certificate and its private key.");
    }
    std::string tlsError;
    impl->http4 = impl->makeServer(tlsError);
    if (!impl->http4) {
        if (impl->ownsDataDir) {
            fs::remove_all(impl->dataDir, ec);
        }
        return HubError::make(ErrorCode::InvalidArgument, tlsError);
    }
    impl->setup(*impl->http4);
    if (options.port == 0) {
        impl->port = impl->http4->bind_to_any_port(options.host);
    } else {
        impl->port = impl->http4->bind_to_port(options.host, options.port) ? options.port : -1;
    }
    if (impl->port <= 0) {
        if (impl->ownsDataDir) {
            fs::remove_all(impl->dataDir, ec);
        }
        return HubError::make(ErrorCode::Network, "The sandbox could not listen on " + options.host + ":" +
                                                      std::to_string(options.port) +
                                                      "; pick another port or pass --port 0.");
    }
    const std::string scheme = impl->tls() ? "https://" : "http://";
    const std::string origin = scheme + options.host + ":" + std::to_string(impl->port);
    impl->app->setOrigin(origin, scheme + options.blobHost + ":" + std::to_string(impl->port));
    // Clients may resolve the blob host "localhost" to ::1 first; answer there too when we can.
    if (options.host == "127.0.0.1" && options.blobHost == "localhost") {
        impl->http6 = impl->makeServer(tlsError);
        if (impl->http6) {
            impl->setup(*impl->http6);
            impl->has6 = impl->http6->bind_to_port("::1", impl->port);
        }
    }
    Impl *raw = impl.get();
    impl->thread4 = std::thread([raw] {
        raw->http4->listen_after_bind();
        raw->done4 = true;
    });
    if (impl->has6) {
        impl->thread6 = std::thread([raw] {
            raw->http6->listen_after_bind();
            raw->done6 = true;
        });
    }
    for (int i = 0; i < 2000 && !impl->http4->is_running(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return std::unique_ptr<Server>(new Server(std::move(impl)));
}

std::string Server::baseUrl() const
{
    return (m_impl->tls() ? "https://" : "http://") + m_impl->options.host + ":" + std::to_string(m_impl->port);
}

int Server::port() const
{
    return m_impl->port;
}

bool Server::blobHostSawAuthorization() const
{
    return m_impl->app->blobHostSawAuthorization();
}

void Server::resetBlobHostSawAuthorization()
{
    m_impl->app->resetBlobHostSawAuthorization();
}

void Server::stop()
{
    if (!m_impl || m_impl->stopped) {
        return;
    }
    m_impl->stopped = true;
    // httplib's stop() does nothing until its listener thread has marked itself running; a stop
    // that comes earlier (a loaded machine, a test that starts and stops at once) would leave
    // that thread blocked in accept() for ever. So wait until it runs (or has ended), then stop.
    const auto stopWhenRunning = [](httplib::Server &server, const std::atomic<bool> &done) {
        while (!done && !server.is_running()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        if (!done) {
            server.stop();
        }
    };
    stopWhenRunning(*m_impl->http4, m_impl->done4);
    if (m_impl->has6) {
        stopWhenRunning(*m_impl->http6, m_impl->done6);
    }
    if (m_impl->thread4.joinable()) {
        m_impl->thread4.join();
    }
    if (m_impl->thread6.joinable()) {
        m_impl->thread6.join();
    }
    if (m_impl->ownsDataDir) {
        std::error_code ec;
        fs::remove_all(m_impl->dataDir, ec);
    }
}

void Server::addFault(const FaultSpec &fault)
{
    std::lock_guard lock(m_impl->faultMutex);
    m_impl->faults.push_back(fault);
}

void Server::clearFaults()
{
    std::lock_guard lock(m_impl->faultMutex);
    m_impl->faults.clear();
}

Status Server::grantGatedAccess(const std::string &repoType, const std::string &repoId, const std::string &user)
{
    return m_impl->app->grantGatedAccess(repoType, repoId, user);
}

Expected<std::string> Server::branchHead(const std::string &repoType, const std::string &repoId,
                                         const std::string &branch) const
{
    return m_impl->app->branchHead(repoType, repoId, branch);
}

uint64_t Server::requestCount() const
{
    return m_impl->requests.load();
}

uint64_t Server::tlsHandshakes() const
{
    return m_impl->handshakes.load();
}

SignedUrlRefusals Server::signedUrlRefusals() const
{
    return m_impl->app->signedUrlRefusals();
}

uint64_t Server::storageBytesServed() const
{
    return m_impl->storageBytes.load();
}

std::vector<std::string> Server::lastBatchTransfers() const
{
    return m_impl->app->lastBatchTransfers();
}

uint64_t Server::lfsUploadRequests() const
{
    return m_impl->app->lfsUploadRequests();
}

} // namespace hub::sandbox
