#include "hub/compare/fileentry.h"

#include "hub/core/strings.h"

#include <array>

namespace hub {

std::string_view fileKindName(FileKind kind)
{
    switch (kind) {
    case FileKind::Weights: return "weights";
    case FileKind::Config: return "config";
    case FileKind::Card: return "card";
    case FileKind::Data: return "data";
    case FileKind::Other: return "other";
    }
    return "other";
}

namespace {

bool hasAnySuffix(std::string_view lowerPath, const auto &suffixes)
{
    for (std::string_view s : suffixes)
        if (endsWith(lowerPath, s))
            return true;
    return false;
}

} // namespace

FileKind classifyFile(std::string_view path, bool isLfs)
{
    static constexpr std::array<std::string_view, 14> kWeights = {
        ".onnx", ".safetensors", ".bin",    ".pt",        ".pth",     ".ckpt", ".gguf",
        ".h5",   ".msgpack",     ".tflite", ".onnx_data", ".mlmodel", ".pb",   ".keras"};
    static constexpr std::array<std::string_view, 18> kData = {
        ".csv", ".tsv", ".parquet", ".arrow", ".jsonl", ".jsonl.gz", ".ndjson", ".xopp", ".xoj",
        ".zip", ".tar", ".tar.gz",  ".tgz",   ".wav",   ".flac",     ".mp3",    ".npy",  ".npz"};
    static constexpr std::array<std::string_view, 3> kConfig = {".json", ".yaml", ".yml"};

    const std::string lower = toLower(path);
    if (lower == "readme.md")
        return FileKind::Card;
    if (hasAnySuffix(lower, kWeights))
        return FileKind::Weights;
    if (startsWith(lower, "data/") || lower.find("/data/") != std::string::npos || hasAnySuffix(lower, kData))
        return FileKind::Data;
    if (isLfs)
        return FileKind::Weights;
    if (hasAnySuffix(lower, kConfig))
        return FileKind::Config;
    return FileKind::Other;
}

} // namespace hub
