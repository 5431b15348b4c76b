#include "hub/card/frontmatter.h"

namespace hub {

namespace {

/// The line starting at `pos`: its content without "\n"/"\r\n", and where the next line starts.
struct Line {
    std::string_view content;
    size_t next = 0;
    bool hasNewline = false;
};

Line lineAt(std::string_view text, size_t pos)
{
    Line line;
    const size_t nl = text.find('\n', pos);
    const size_t end = nl == std::string_view::npos ? text.size() : nl;
    line.content = text.substr(pos, end - pos);
    if (!line.content.empty() && line.content.back() == '\r')
        line.content.remove_suffix(1);
    line.next = nl == std::string_view::npos ? text.size() : nl + 1;
    line.hasNewline = nl != std::string_view::npos;
    return line;
}

bool isDashLine(std::string_view content)
{
    // "---" with optional trailing blanks, as the Hub's own parser accepts.
    if (content.substr(0, 3) != "---")
        return false;
    for (char c : content.substr(3))
        if (c != ' ' && c != '\t')
            return false;
    return true;
}

bool isBlank(std::string_view content)
{
    for (char c : content)
        if (c != ' ' && c != '\t')
            return false;
    return true;
}

} // namespace

FrontMatter splitFrontMatter(std::string_view text)
{
    FrontMatter out;
    out.body = std::string(text);

    size_t pos = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        pos = 3;
    // Blank lines before the opening fence are tolerated.
    while (pos < text.size()) {
        const Line line = lineAt(text, pos);
        if (!isBlank(line.content) || !line.hasNewline)
            break;
        pos = line.next;
    }
    const Line open = lineAt(text, pos);
    if (!isDashLine(open.content) || !open.hasNewline)
        return out;

    const size_t yamlStart = open.next;
    size_t cur = yamlStart;
    while (cur < text.size()) {
        const Line line = lineAt(text, cur);
        if (isDashLine(line.content)) {
            out.hasFrontMatter = true;
            out.yaml = std::string(text.substr(yamlStart, cur - yamlStart));
            out.bodyOffset = line.next;
            out.body = std::string(text.substr(line.next));
            return out;
        }
        cur = line.next;
    }
    out.unterminated = true;
    return out;
}

} // namespace hub
