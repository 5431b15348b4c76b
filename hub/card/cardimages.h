#pragma once
// Finds the images a card's Markdown body refers to, so the UI can fetch the repo ones.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hub {

enum class ImageRefKind {
    RepoRelative, // a path inside the repo ("assets/arch.png", "./x.png", "/x.png")
    AbsoluteUrl,  // http(s)://...
    DataUri,      // data:image/png;base64,...
    Invalid,      // escapes the repo ("../x.png"), other schemes (file:, javascript:), empty
};

struct ImageRef {
    ImageRefKind kind = ImageRefKind::Invalid;
    bool html = false;  // <img src=...> rather than ![alt](...)
    std::string alt;    // alt text (Markdown) or alt attribute (HTML)
    std::string target; // the URL/path exactly as written
    /// For RepoRelative: the normalized repo path ("assets/arch.png"), percent-decoded, without
    /// query or fragment. Empty otherwise.
    std::string repoPath;
    /// Position of `target` in the scanned text (to rewrite it).
    size_t offset = 0;
    size_t length = 0;
};

/// Scans Markdown for `![alt](target "title")`, `![alt](<target>)`, reference-style
/// `![alt][ref]` with `[ref]: target` definitions, and HTML `<img src="...">`. Code spans and
/// fenced/indented code blocks are skipped. Results are in text order.
std::vector<ImageRef> findImageReferences(std::string_view markdown);

/// Returns `markdown` with each image target replaced by what `replace` returns for it
/// (nullopt keeps the original), e.g. repo paths → local file URLs of fetched images.
std::string rewriteImageTargets(std::string_view markdown,
                                const std::function<std::optional<std::string>(const ImageRef &)> &replace);

} // namespace hub
