#pragma once
// One file of a repo revision, as the compare engine sees it, and what kind of file it is.

#include <cstdint>
#include <string>
#include <string_view>

namespace hub {

/// A file in a revision's tree. The GUI maps the API client's tree entries to this.
struct FileEntry {
    std::string path;
    std::string oid;    // git blob SHA-1 (40 hex)
    uint64_t size = 0;  // bytes of the real file (the LFS size for LFS files)
    std::string lfsOid; // SHA-256 of the content when stored through LFS/Xet, else empty

    bool isLfs() const { return !lfsOid.empty(); }
};

enum class FileKind {
    Weights, // model weights: LFS files and .onnx .safetensors .bin .pt .pth .ckpt .gguf .h5 ...
    Config,  // *.json, *.yaml, *.yml (outside data folders)
    Card,    // README.md at the repo root
    Data,    // files under data/ and data formats (.csv .parquet .jsonl .arrow .xopp ...)
    Other,
};

/// "weights", "config", "card", "data", "other"
std::string_view fileKindName(FileKind kind);

/// Card first, then known weight extensions, then data (a data/ folder or a data format),
/// then any other LFS file counts as weights, then config by extension, else other.
FileKind classifyFile(std::string_view path, bool isLfs);
inline FileKind classifyFile(const FileEntry &entry)
{
    return classifyFile(entry.path, entry.isLfs());
}

} // namespace hub
