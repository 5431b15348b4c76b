#include "hub/card/cardimages.h"

#include "hub/core/strings.h"
#include "hub/core/types.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace hub {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Ranges [begin, end) of the text outside fenced code blocks.
std::vector<std::pair<size_t, size_t>> proseRanges(std::string_view text)
{
    std::vector<std::pair<size_t, size_t>> ranges;
    size_t pos = 0;
    size_t proseStart = 0;
    char fenceChar = 0;
    size_t fenceLen = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        const size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
        std::string_view line = text.substr(pos, end - pos);
        size_t indent = 0;
        while (indent < line.size() && indent < 4 && line[indent] == ' ')
            ++indent;
        const std::string_view rest = line.substr(indent);
        size_t run = 0;
        const char c = rest.empty() ? 0 : rest[0];
        if (indent < 4 && (c == '`' || c == '~'))
            while (run < rest.size() && rest[run] == c)
                ++run;
        if (fenceChar == 0) {
            if (run >= 3) {
                fenceChar = c;
                fenceLen = run;
                if (pos > proseStart)
                    ranges.emplace_back(proseStart, pos);
            }
        } else if (c == fenceChar && run >= fenceLen &&
                   std::all_of(rest.begin() + static_cast<std::ptrdiff_t>(run), rest.end(), isSpace)) {
            fenceChar = 0;
            proseStart = end;
        }
        pos = end;
    }
    if (fenceChar == 0 && text.size() > proseStart)
        ranges.emplace_back(proseStart, text.size());
    return ranges;
}

std::string normalizeLabel(std::string_view label)
{
    std::string out;
    bool space = false;
    for (char c : trim(label)) {
        if (isSpace(c)) {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out.push_back(' ');
        space = false;
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

struct Definition {
    size_t offset = 0;
    size_t length = 0;
    std::string target;
};

/// `[label]: target` lines (up to three spaces of indentation).
std::map<std::string, Definition> findDefinitions(std::string_view text,
                                                  const std::vector<std::pair<size_t, size_t>> &ranges)
{
    std::map<std::string, Definition> defs;
    for (const auto &[begin, endRange] : ranges) {
        size_t pos = begin;
        while (pos < endRange) {
            size_t nl = text.find('\n', pos);
            const size_t end = std::min(nl == std::string_view::npos ? text.size() : nl, endRange);
            std::string_view line = text.substr(pos, end - pos);
            size_t i = 0;
            while (i < line.size() && i < 3 && line[i] == ' ')
                ++i;
            if (i < line.size() && line[i] == '[') {
                const size_t close = line.find("]:", i + 1);
                if (close != std::string_view::npos && close > i + 1 && line[i + 1] != '^') {
                    size_t t = close + 2;
                    while (t < line.size() && (line[t] == ' ' || line[t] == '\t'))
                        ++t;
                    size_t tEnd = t;
                    size_t tStart = t;
                    if (t < line.size() && line[t] == '<') {
                        tStart = t + 1;
                        tEnd = line.find('>', tStart);
                    } else {
                        while (tEnd < line.size() && !isSpace(line[tEnd]))
                            ++tEnd;
                    }
                    if (tEnd != std::string_view::npos && tEnd > tStart) {
                        const std::string label = normalizeLabel(line.substr(i + 1, close - i - 1));
                        Definition def{pos + tStart, tEnd - tStart, std::string(line.substr(tStart, tEnd - tStart))};
                        defs.emplace(label, std::move(def)); // the first definition wins (CommonMark)
                    }
                }
            }
            pos = end + 1;
        }
    }
    return defs;
}

/// Index just past the ']' matching the '[' at `open`, or npos.
size_t matchBracket(std::string_view text, size_t open, size_t limit)
{
    int depth = 0;
    for (size_t i = open; i < limit; ++i) {
        const char c = text[i];
        if (c == '\\') {
            ++i;
            continue;
        }
        if (c == '[')
            ++depth;
        else if (c == ']' && --depth == 0)
            return i + 1;
        else if (c == '\n' && i + 1 < limit && text[i + 1] == '\n')
            return std::string_view::npos; // a blank line ends the paragraph
    }
    return std::string_view::npos;
}

void classify(ImageRef &ref)
{
    const std::string_view t = trim(ref.target);
    const std::string lower = toLower(t);
    if (t.empty()) {
        ref.kind = ImageRefKind::Invalid;
        return;
    }
    if (startsWith(lower, "http://") || startsWith(lower, "https://") || startsWith(lower, "//")) {
        ref.kind = ImageRefKind::AbsoluteUrl;
        return;
    }
    if (startsWith(lower, "data:")) {
        ref.kind = ImageRefKind::DataUri;
        return;
    }
    // Any other scheme (file:, javascript:, mailto:) is not something to fetch from the repo.
    const size_t colon = t.find(':');
    const size_t slash = t.find('/');
    if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash) &&
        std::isalpha(static_cast<unsigned char>(t[0]))) {
        bool scheme = true;
        for (size_t i = 0; i < colon; ++i) {
            const char c = t[i];
            scheme = scheme && (std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.');
        }
        if (scheme) {
            ref.kind = ImageRefKind::Invalid;
            return;
        }
    }
    std::string_view pathPart = t.substr(0, std::min(t.find('?'), t.find('#')));
    const std::string decoded = percentDecode(pathPart);
    std::vector<std::string> segments;
    for (const std::string &seg : split(decoded, '/')) {
        if (seg.empty() || seg == ".")
            continue;
        if (seg == "..") {
            if (segments.empty()) {
                ref.kind = ImageRefKind::Invalid;
                return;
            }
            segments.pop_back();
            continue;
        }
        segments.push_back(seg);
    }
    std::string path;
    for (const auto &seg : segments)
        path += (path.empty() ? "" : "/") + seg;
    if (path.empty() || !isSafeRepoPath(path)) {
        ref.kind = ImageRefKind::Invalid;
        return;
    }
    ref.kind = ImageRefKind::RepoRelative;
    ref.repoPath = path;
}

/// Parses `(target "title")` starting at `open` (the '('). Sets target offset/length; returns
/// the index after ')' or npos.
size_t parseInlineTarget(std::string_view text, size_t open, size_t limit, ImageRef &ref)
{
    size_t i = open + 1;
    while (i < limit && isSpace(text[i]))
        ++i;
    size_t tStart = i;
    size_t tEnd = i;
    if (i < limit && text[i] == '<') {
        tStart = i + 1;
        tEnd = text.find('>', tStart);
        if (tEnd == std::string_view::npos || tEnd >= limit)
            return std::string_view::npos;
        i = tEnd + 1;
    } else {
        int depth = 0;
        while (i < limit && !isSpace(text[i])) {
            if (text[i] == '\\' && i + 1 < limit) {
                i += 2;
                continue;
            }
            if (text[i] == '(')
                ++depth;
            else if (text[i] == ')' && depth-- == 0)
                break;
            ++i;
        }
        tEnd = i;
    }
    // Optional title, then ')'.
    while (i < limit && isSpace(text[i]))
        ++i;
    if (i < limit && (text[i] == '"' || text[i] == '\'' || text[i] == '(')) {
        const char closeQuote = text[i] == '(' ? ')' : text[i];
        const size_t q = text.find(closeQuote, i + 1);
        if (q == std::string_view::npos || q >= limit)
            return std::string_view::npos;
        i = q + 1;
        while (i < limit && isSpace(text[i]))
            ++i;
    }
    if (i >= limit || text[i] != ')')
        return std::string_view::npos;
    ref.offset = tStart;
    ref.length = tEnd - tStart;
    ref.target = std::string(text.substr(tStart, tEnd - tStart));
    return i + 1;
}

/// Reads the attributes of `<img ...>` starting after "<img"; returns index after '>' or npos.
size_t parseImgTag(std::string_view text, size_t i, size_t limit, ImageRef &ref, bool &hasSrc)
{
    while (i < limit) {
        while (i < limit && isSpace(text[i]))
            ++i;
        if (i >= limit)
            return std::string_view::npos;
        if (text[i] == '>')
            return i + 1;
        if (text[i] == '/') {
            ++i;
            continue;
        }
        const size_t nameStart = i;
        while (i < limit && !isSpace(text[i]) && text[i] != '=' && text[i] != '>' && text[i] != '/')
            ++i;
        const std::string name = toLower(text.substr(nameStart, i - nameStart));
        while (i < limit && isSpace(text[i]))
            ++i;
        if (i >= limit || text[i] != '=')
            continue;
        ++i;
        while (i < limit && isSpace(text[i]))
            ++i;
        size_t vStart = i;
        size_t vEnd = i;
        if (i < limit && (text[i] == '"' || text[i] == '\'')) {
            vStart = i + 1;
            vEnd = text.find(text[i], vStart);
            if (vEnd == std::string_view::npos || vEnd >= limit)
                return std::string_view::npos;
            i = vEnd + 1;
        } else {
            while (i < limit && !isSpace(text[i]) && text[i] != '>')
                ++i;
            vEnd = i;
        }
        const std::string_view value = text.substr(vStart, vEnd - vStart);
        if (name == "src" && !hasSrc) {
            hasSrc = true;
            ref.offset = vStart;
            ref.length = vEnd - vStart;
            ref.target = std::string(value);
        } else if (name == "alt") {
            ref.alt = std::string(value);
        }
    }
    return std::string_view::npos;
}

} // namespace

std::vector<ImageRef> findImageReferences(std::string_view text)
{
    std::vector<ImageRef> out;
    const auto ranges = proseRanges(text);
    const auto defs = findDefinitions(text, ranges);

    for (const auto &[begin, limit] : ranges) {
        size_t i = begin;
        while (i < limit) {
            const char c = text[i];
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '`') {
                // A code span: skip to the closing run of the same length.
                size_t run = 0;
                while (i + run < limit && text[i + run] == '`')
                    ++run;
                const std::string ticks(run, '`');
                const size_t close = text.find(ticks, i + run);
                i = (close == std::string_view::npos || close >= limit) ? i + run : close + run;
                continue;
            }
            if (c == '!' && i + 1 < limit && text[i + 1] == '[') {
                const size_t afterLabel = matchBracket(text, i + 1, limit);
                if (afterLabel == std::string_view::npos) {
                    i += 2;
                    continue;
                }
                ImageRef ref;
                ref.alt = std::string(text.substr(i + 2, afterLabel - i - 3));
                size_t next = std::string_view::npos;
                if (afterLabel < limit && text[afterLabel] == '(') {
                    next = parseInlineTarget(text, afterLabel, limit, ref);
                } else {
                    std::string label = ref.alt;
                    size_t after = afterLabel;
                    if (afterLabel < limit && text[afterLabel] == '[') {
                        const size_t close = text.find(']', afterLabel + 1);
                        if (close != std::string_view::npos && close < limit) {
                            if (close > afterLabel + 1)
                                label = std::string(text.substr(afterLabel + 1, close - afterLabel - 1));
                            after = close + 1;
                        }
                    }
                    const auto def = defs.find(normalizeLabel(label));
                    if (def != defs.end()) {
                        ref.offset = def->second.offset;
                        ref.length = def->second.length;
                        ref.target = def->second.target;
                        next = after;
                    }
                }
                if (next == std::string_view::npos) {
                    i += 2; // not an image after all; nested ones are still found
                    continue;
                }
                classify(ref);
                out.push_back(std::move(ref));
                i += 2; // rescan the label: `![![a](b)](c)` is rare but harmless
                continue;
            }
            if (c == '<' && i + 4 < limit && toLower(text.substr(i + 1, 3)) == "img" && isSpace(text[i + 4])) {
                ImageRef ref;
                ref.html = true;
                bool hasSrc = false;
                const size_t next = parseImgTag(text, i + 4, limit, ref, hasSrc);
                if (next != std::string_view::npos && hasSrc) {
                    classify(ref);
                    out.push_back(std::move(ref));
                    i = next;
                    continue;
                }
            }
            ++i;
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const ImageRef &a, const ImageRef &b) { return a.offset < b.offset; });
    return out;
}

std::string rewriteImageTargets(std::string_view markdown,
                                const std::function<std::optional<std::string>(const ImageRef &)> &replace)
{
    std::vector<ImageRef> refs = findImageReferences(markdown);
    // Reference-style images share their definition's target: rewrite it once.
    refs.erase(std::unique(refs.begin(), refs.end(),
                           [](const ImageRef &a, const ImageRef &b) { return a.offset == b.offset; }),
               refs.end());
    std::string out;
    out.reserve(markdown.size());
    size_t pos = 0;
    for (const ImageRef &ref : refs) {
        if (ref.offset < pos)
            continue;
        const std::optional<std::string> with = replace(ref);
        if (!with)
            continue;
        out.append(markdown.substr(pos, ref.offset - pos));
        out.append(*with);
        pos = ref.offset + ref.length;
    }
    out.append(markdown.substr(pos));
    return out;
}

} // namespace hub
