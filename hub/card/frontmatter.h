#pragma once
// Splits a model card (README.md) into its YAML front matter and its Markdown body.

#include <string>
#include <string_view>

namespace hub {

/// The two parts of a card. When the text has no (complete) front matter, `yaml` is empty,
/// `hasFrontMatter` is false and `body` is the whole text.
struct FrontMatter {
    bool hasFrontMatter = false;
    /// The YAML between the two `---` lines, without them (line endings kept as written).
    std::string yaml;
    /// The Markdown after the closing `---` line.
    std::string body;
    /// Byte offset of the body in the original text (to map positions back).
    size_t bodyOffset = 0;
    /// True when the text opens with `---` but never closes it; the whole text is then the body.
    bool unterminated = false;
};

/// Front matter is a `---` line at the very start (after an optional UTF-8 BOM and blank lines,
/// as the Hub accepts), then YAML, then a line that is exactly `---`. CRLF and LF both work.
FrontMatter splitFrontMatter(std::string_view text);

} // namespace hub
