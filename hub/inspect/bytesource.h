#pragma once
// A file read by ranges: from the Hub (HTTP Range through HubClient::fetchRange), from the cache
// or from a local file. Parsers ask for the bytes they need and nothing else.

#include "hub/core/expected.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace hub {

struct ByteSource {
    /// Name for messages ("model.safetensors").
    std::string name;
    /// Size of the whole file in bytes.
    uint64_t size = 0;
    /// Up to `length` bytes from `offset` (fewer only at the end of the file).
    std::function<Expected<std::string>(uint64_t offset, size_t length)> read;
    /// Bytes handed out so far (for "this preview read 4.2 kB of 10 GB").
    std::shared_ptr<uint64_t> bytesRead = std::make_shared<uint64_t>(0);

    /// Reads and counts; refuses a range past the end.
    Expected<std::string> readAt(uint64_t offset, size_t length) const;
};

/// A local file (opened per read, so the source can be copied between threads).
Expected<ByteSource> fileByteSource(const std::string &path);
/// Bytes in memory (tests, small files already fetched).
ByteSource memoryByteSource(std::string name, std::string bytes);

} // namespace hub
