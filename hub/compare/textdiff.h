#pragma once
// A line-based diff (Myers) with unified-diff hunks, for small text files.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hub {

struct DiffLine {
    enum class Op { Context, Added, Removed };
    Op op = Op::Context;
    std::string text; // without the line ending
    /// The last line of its file and not ended by '\n' ("\ No newline at end of file").
    bool noNewlineAtEnd = false;
};

struct DiffHunk {
    // 1-based start lines and counts, as in "@@ -oldStart,oldCount +newStart,newCount @@".
    size_t oldStart = 0;
    size_t oldCount = 0;
    size_t newStart = 0;
    size_t newCount = 0;
    std::vector<DiffLine> lines;

    std::string header() const;
};

struct TextDiffOptions {
    size_t contextLines = 3;
    /// Either side larger than this is not diffed (tooLarge).
    size_t maxBytes = 1024 * 1024;
    /// Give up (tooLarge) when the edit distance in lines exceeds this; bounds time and memory.
    size_t maxEditDistance = 4000;
};

struct TextDiff {
    std::vector<DiffHunk> hunks;
    size_t linesAdded = 0;
    size_t linesRemoved = 0;
    bool tooLarge = false; // not diffed: over the size or edit-distance cap
    bool binary = false;   // not diffed: a NUL byte in either side

    bool identical() const { return !tooLarge && !binary && hunks.empty(); }
    /// The whole diff as unified-diff text with ---/+++ headers ("" when identical).
    std::string unified(std::string_view oldName, std::string_view newName) const;
};

/// Lines end at '\n'; a '\r' before it is kept as part of the line (so a CRLF→LF change shows).
TextDiff diffText(std::string_view oldText, std::string_view newText, const TextDiffOptions &options = {});

} // namespace hub
