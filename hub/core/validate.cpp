#include "hub/core/validate.h"

#include "hub/core/types.h"

#include <cstdio>

namespace hub {

namespace {

/// Length of the UTF-8 sequence starting at s[i], or 0 when it is not a valid one (overlong
/// forms, surrogates and code points above U+10FFFF are invalid).
size_t utf8Length(std::string_view s, size_t i)
{
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80)
        return 1;
    size_t n = 0;
    uint32_t cp = 0;
    if ((c & 0xe0) == 0xc0) {
        n = 2;
        cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
        n = 3;
        cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + n > s.size())
        return 0;
    for (size_t k = 1; k < n; ++k) {
        const auto d = static_cast<unsigned char>(s[i + k]);
        if ((d & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (d & 0x3f);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10ffff ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        if (x >= 'A' && x <= 'Z')
            x = static_cast<char>(x - 'A' + 'a');
        if (x != b[i])
            return false;
    }
    return true;
}

} // namespace

std::optional<std::string> serverPathProblem(std::string_view path)
{
    if (path.empty())
        return "the name is empty";
    if (path.size() > kMaxServerPathBytes)
        return "the name is longer than " + std::to_string(kMaxServerPathBytes) + " bytes";
    for (size_t i = 0; i < path.size();) {
        const auto c = static_cast<unsigned char>(path[i]);
        if (c < 0x20 || c == 0x7f)
            return "the name contains a control character";
        const size_t n = utf8Length(path, i);
        if (n == 0)
            return "the name is not valid UTF-8";
        i += n;
    }
    if (!isSafeRepoPath(path))
        return "the name is absolute, or has an empty, \".\" or \"..\" part, or a backslash";
    size_t start = 0;
    bool first = true;
    std::string_view previous;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        const auto seg = path.substr(start, end - start);
        if (seg.size() > kMaxServerNameBytes)
            return "a part of the name is longer than " + std::to_string(kMaxServerNameBytes) + " bytes";
        for (const char *vcs : {".git", ".hg", ".svn"})
            if (equalsNoCase(seg, vcs))
                return std::string("the name has a \"") + vcs + "\" part (version-control metadata)";
        if (!first && equalsNoCase(previous, ".cache") && equalsNoCase(seg, "huggingface") &&
            previous.data() == path.data())
            return "the name is inside \".cache/huggingface\" (download metadata)";
        previous = seg;
        first = false;
        start = end + 1;
    }
    return std::nullopt;
}

bool isContentId(std::string_view id)
{
    return isCommitId(id) || isSha256(id);
}

namespace {
/// The code point of a valid 2- or 3-byte UTF-8 sequence (0 for other lengths).
uint32_t codePoint(std::string_view seq)
{
    const auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(seq[k])); };
    if (seq.size() == 2)
        return ((b(0) & 0x1fu) << 6) | (b(1) & 0x3fu);
    if (seq.size() == 3)
        return ((b(0) & 0x0fu) << 12) | ((b(1) & 0x3fu) << 6) | (b(2) & 0x3fu);
    return 0;
}

/// Code points that are not control characters yet change how a terminal or a text view shows
/// what follows: C1 controls (CSI, OSC...), bidirectional marks, embeddings, overrides and
/// isolates, and the BOM.
bool invisibleControl(uint32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9f) || cp == 0x061c || cp == 0x200e || cp == 0x200f ||
           (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}
} // namespace

std::string escapeControls(std::string_view text, bool keepNewlines)
{
    std::string out;
    out.reserve(text.size());
    char buf[16];
    for (size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const size_t n = utf8Length(text, i);
        if (n == 0) {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
            ++i;
            continue;
        }
        if (c < 0x20 || c == 0x7f) {
            if (keepNewlines && (c == '\n' || c == '\t'))
                out += static_cast<char>(c);
            else if (c == '\n')
                out += "\\n";
            else if (c == '\t')
                out += "\\t";
            else if (c == '\r')
                out += "\\r";
            else {
                std::snprintf(buf, sizeof buf, "\\x%02x", c);
                out += buf;
            }
        } else if (const uint32_t cp = codePoint(text.substr(i, n)); invisibleControl(cp)) {
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
            out += buf;
        } else {
            out.append(text.substr(i, n));
        }
        i += n;
    }
    return out;
}

} // namespace hub
