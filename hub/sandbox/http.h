#pragma once
// The sandbox's own view of an HTTP exchange, so that route code does not depend on the HTTP
// library (cpp-httplib stays inside server.cpp).

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hub::sandbox {

struct CaseLess {
    bool operator()(const std::string &a, const std::string &b) const;
};

struct HttpRequest {
    std::string method;                            ///< "GET", "HEAD", ...
    std::string rawPath;                           ///< path as sent, not decoded, without the query
    std::vector<std::string> segments;             ///< rawPath split on '/', each percent-decoded
    std::multimap<std::string, std::string> query; ///< decoded; "key[]" is stored as "key"
    std::map<std::string, std::string, CaseLess> headers;
    std::string body;               ///< small bodies (everything but LFS PUTs)
    std::filesystem::path bodyFile; ///< PUT bodies are streamed to this file
    std::string bodySha256;         ///< hex SHA-256 of the streamed body
    uint64_t bodySize = 0;          ///< size of the streamed body
    bool loopback = false;          ///< the peer is 127.0.0.1 or ::1
    bool toBlobHost = false;        ///< the Host header names the blob host

    std::string header(const std::string &name) const;
    std::optional<std::string> param(const std::string &key) const;
    std::vector<std::string> params(const std::string &key) const;
    /// true/1 are true; false/0 and absence are `fallback` only when absent.
    bool flag(const std::string &key, bool fallback = false) const;
};

struct HttpResponse {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string contentType;
    std::string body;
    /// When set, the body is `fileLength` bytes of this file from `fileOffset`, streamed.
    std::filesystem::path file;
    uint64_t fileOffset = 0;
    uint64_t fileLength = 0;
    /// Content-Length to announce for HEAD responses that have no body here.
    std::optional<uint64_t> headLength;

    void setHeader(const std::string &name, const std::string &value);
    void setJson(const std::string &text, int code = 200);
};

/// Parses "bytes=a-b", "bytes=a-", "bytes=-n" against a total size. nullopt = no/ignored header;
/// a pair with first > second = unsatisfiable.
std::optional<std::pair<uint64_t, uint64_t>> parseRange(const std::string &header, uint64_t total, bool *unsatisfiable);

} // namespace hub::sandbox
