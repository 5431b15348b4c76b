#pragma once
// A local HTTP server that speaks the Hugging Face Hub API (models, datasets, spaces) for tests,
// demos and benchmarks. See /work/shared/reference/hub-api.md §16 for the wire contract.
//
// Threading: start() returns once the socket listens; requests are served on the server's own
// thread pool. All public member functions are thread-safe.

#include "hub/core/expected.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hub::sandbox {

/// A token the server accepts, mapped to a user and a role.
struct TokenGrant {
    std::string token;
    std::string user;
    bool write = false;
};

/// Faults injected into responses; the same JSON object the admin route
/// `POST /__sandbox/faults` accepts (JSON field names in brackets). Several faults can be active;
/// each applies to requests whose path starts with `pathPrefix`.
struct FaultSpec {
    std::string pathPrefix;           ///< ["path"] only requests whose path starts with this ("" = all)
    int count = -1;                   ///< ["count"] how many matching requests it applies to (-1 = until cleared)
    int status = 0;                   ///< ["status"] answer this status (429 or 5xx) instead
    int retryAfterSeconds = 1;        ///< ["retryAfter"] Retry-After / RateLimit t= with a 429
    int64_t dropAfterBytes = -1;      ///< ["dropAfterBytes"] close the connection after N body bytes
    int latencyMs = 0;                ///< ["latencyMs"] wait this long before answering
    int64_t bandwidthBytesPerSec = 0; ///< ["bandwidth"] throttle bodies (0 = unlimited)
    bool malformedJson = false;       ///< ["malformedJson"] replace a JSON body with broken JSON
    bool truncateBody = false;        ///< ["truncate"] announce the full length, send half, close
};

/// Parses fault JSON as the admin route and `--fault` accept: one object or an array of them.
hub::Expected<std::vector<FaultSpec>> parseFaults(const std::string &json);

struct ServerOptions {
    std::string host = "127.0.0.1";     ///< API host name and bind address
    int port = 0;                       ///< 0 = random free port
    std::string blobHost = "localhost"; ///< LFS 302 targets use this different host name, same port
    std::filesystem::path dataDir;      ///< empty = a temporary directory removed on stop
    bool demo = false;                  ///< seed the demo world (see demo.h)
    bool bigModel = false;              ///< also a multi-GiB model for benchmarks
    /// Divides the size of the demo's LFS files (1 = realistic sizes, e.g. a 45 MB model.onnx).
    /// Unit tests use a large value to stay fast; ids stay deterministic for a given scale.
    int demoLfsScale = 1;
    std::vector<TokenGrant> tokens; ///< in addition to the demo tokens
    int listPageSize = 0;           ///< 0 = defaults (small, so pagination is exercised)
    /// LFS uploads above this size get a multipart batch answer (parts of this size).
    uint64_t multipartThreshold = 8ull * 1024 * 1024;
    std::vector<FaultSpec> faults; ///< active from the start
    /// Log one line per request to stderr (never tokens).
    bool verbose = false;
    /// Serve HTTPS with this PEM certificate (chain) and private key; both or neither. The
    /// certificate must name `host` and `blobHost` (subjectAltName) for clients to accept it.
    std::filesystem::path tlsCert;
    std::filesystem::path tlsKey;

    // --- The Hub's Xet-era answers (see /work/shared/reference/hub-xet.md §1) ------------------
    /// Lifetime of the signed storage URLs a resolve redirect or an LFS download href points at
    /// (the real Hub's last about an hour). After it the storage host answers 403.
    int signedUrlLifetimeSeconds = 3600;
    /// A resolve request with a Range gets a storage URL valid for that byte range only (its
    /// signed Policy holds the range); other ranges, or none, answer 403 "invalid range".
    bool bindSignedUrlsToRange = false;
    /// Resolve answers for LFS files carry X-Xet-Hash and a Link header (rel="xet-auth",
    /// rel="xet-reconstruction-info") like a Xet-backed file on the Hub, and tree entries a
    /// "xetHash". The sandbox serves no Xet protocol: clients must use the bridge (the redirect),
    /// as HubDesk does; the official clients need Xet turned off (HF_HUB_DISABLE_XET=1).
    bool xetEra = false;
    /// The LFS batch answers every upload with "transfer": "xet" (a repo that accepts uploads
    /// only through Xet), whatever the client offered.
    bool xetOnlyUploads = false;
};

/// What the storage host refused, for tests.
struct SignedUrlRefusals {
    uint64_t expired = 0;    ///< a signed URL used after its lifetime
    uint64_t wrongRange = 0; ///< a range-bound URL used for another range
    uint64_t invalid = 0;    ///< a bad or missing signature
};

/// One in-process Hub. Destroying it stops it.
class Server {
public:
    static hub::Expected<std::unique_ptr<Server>> start(const ServerOptions &options);
    ~Server(); ///< stops and joins
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    std::string baseUrl() const; ///< "http://127.0.0.1:PORT" (https:// with TLS), no trailing slash
    int port() const;
    /// True once any request to the blob host carried an Authorization header.
    bool blobHostSawAuthorization() const;
    void resetBlobHostSawAuthorization();
    void stop();

    // Fault injection, same as the admin route.
    void addFault(const FaultSpec &fault);
    void clearFaults();

    /// Lets `user` download a gated repo ("PellelNitram/xournalpp-htr-gated", type "model").
    hub::Status grantGatedAccess(const std::string &repoType, const std::string &repoId, const std::string &user);
    /// Current head commit of a branch, or an error if the repo or branch does not exist.
    hub::Expected<std::string> branchHead(const std::string &repoType, const std::string &repoId,
                                          const std::string &branch) const;
    /// Number of requests served so far (all routes).
    uint64_t requestCount() const;
    /// With TLS: TLS handshakes clients began (ClientHello messages received), whether or not
    /// they went on to send a request. A client that rejects the certificate makes exactly one.
    uint64_t tlsHandshakes() const;
    /// Storage URLs refused so far (403 answers of the blob route).
    SignedUrlRefusals signedUrlRefusals() const;
    /// Body bytes the storage route (/__lfs/) sent so far: what downloads cost the "CDN".
    uint64_t storageBytesServed() const;
    /// The "transfers" list of the last LFS batch request ("basic", "multipart", ...).
    std::vector<std::string> lastBatchTransfers() const;
    /// LFS upload PUTs received so far (single and multipart parts).
    uint64_t lfsUploadRequests() const;

    struct Impl;

private:
    explicit Server(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace hub::sandbox
