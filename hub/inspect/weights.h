#pragma once
// What a weights file holds, from its header alone: safetensors (8-byte length + JSON header;
// sharded models through model.safetensors.index.json) and GGUF (llama.cpp's format: metadata
// keys and tensor infos before the data). Nothing past the header is read, and every number a
// header gives is checked before it is used: a hostile header (huge length, bad JSON, offsets
// past the end or overlapping, shapes that overflow) is refused with a plain message.

#include "hub/core/expected.h"
#include "hub/inspect/bytesource.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hub {

struct TensorInfo {
    std::string name;
    std::string dtype; ///< "F32", "BF16", "Q4_K", ...
    std::vector<uint64_t> shape;
    uint64_t parameters = 0; ///< product of the shape (1 for a scalar)
    uint64_t bytes = 0;      ///< size of its data in the file (0 when the format does not say)
    std::string file;        ///< the shard it lives in (sharded safetensors), else empty
};

struct WeightsSummary {
    std::string format; ///< "safetensors", "gguf"
    std::vector<TensorInfo> tensors;
    /// safetensors __metadata__, or GGUF metadata (scalars as text, arrays as "[N × type]").
    std::map<std::string, std::string> metadata;
    uint64_t parameters = 0;
    std::map<std::string, uint64_t> parametersByDtype;
    uint64_t fileBytes = 0;         ///< size of the file(s)
    uint64_t headerBytes = 0;       ///< bytes read to know all this
    std::vector<std::string> notes; ///< plain sentences ("metadata value tokenizer.ggml.tokens not shown: 32000 items")

    /// "F32" when one dtype holds (nearly) all parameters, else "mixed (F32, F16)".
    std::string mainDtype() const;
};

/// Bounds: a safetensors header is at most 100 MB (the format's own limit); a GGUF header is read
/// up to 64 MiB; at most a million tensors.
inline constexpr uint64_t kMaxSafetensorsHeader = 100'000'000;
inline constexpr uint64_t kMaxGgufHeader = uint64_t{64} << 20;
inline constexpr size_t kMaxTensors = 1'000'000;

/// Reads the header of a .safetensors file from `source` (two reads: the length, then the JSON).
Expected<WeightsSummary> inspectSafetensors(const ByteSource &source);
/// Parses a safetensors JSON header for a file of `fileSize` bytes whose header is `headerLength`.
Expected<WeightsSummary> parseSafetensorsHeader(std::string_view json, uint64_t headerLength, uint64_t fileSize,
                                                const std::string &name);
/// Reads the header of a .gguf file (versions 2 and 3) from `source`.
Expected<WeightsSummary> inspectGguf(const ByteSource &source);

/// The shard files a model.safetensors.index.json names (weight_map values, each once, sorted).
/// Names that leave the repo ("../x", absolute) are refused.
Expected<std::vector<std::string>> parseSafetensorsIndex(std::string_view json);
/// One summary of a sharded model: the shards' tensors, totals and notes together.
WeightsSummary mergeShards(std::vector<std::pair<std::string, WeightsSummary>> shards);

/// "11.2 M", "1.3 B", "950 k", "12"
std::string formatParameterCount(uint64_t parameters);

} // namespace hub
