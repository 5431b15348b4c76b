#include "hub/cli/common.h"

#include "hub/core/strings.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace hub::cli {

void addCommon(Args &a)
{
    a.option("endpoint", "Hub URL (default: $HF_ENDPOINT or https://huggingface.co)", "URL")
        .option("token", "access token (default: $HF_TOKEN or the saved login)", "TOKEN")
        .flag("json", "print JSON instead of text")
        .flag("help", "show this help");
}

void addType(Args &a)
{
    a.option("type", "model, dataset or space (default: model; or write datasets/OWNER/NAME)", "TYPE");
}

int prepare(Args &a, const Spec &spec, const std::vector<std::string> &argv, Io io)
{
    spec.options(a);
    addCommon(a);
    if (!a.parse(argv)) {
        io.err << "hubdesk-cli: " << a.error() << "\nUsage: hubdesk-cli " << spec.usage << "\n";
        return 2;
    }
    if (a.has("help")) {
        io.out << "Usage: hubdesk-cli " << spec.usage << "\n\n" << spec.about << "\n\nOptions:\n" << a.optionsHelp();
        return 0;
    }
    return -1;
}

ClientConfig configFrom(const Args &a)
{
    ClientConfig c = ClientConfig::fromEnvironment();
    if (auto e = a.value("endpoint"))
        c.endpoint = ClientConfig::normalizeEndpoint(*e);
    if (auto t = a.value("token"))
        c.token = *t;
    return c;
}

int fail(Io io, const HubError &e)
{
    io.err << "hubdesk-cli: " << e.message << "\n";
    if (!e.detail.empty())
        io.err << "  (" << terminalSafe(e.detail) << ")\n";
    return 1;
}

Expected<RepoRef> repoArg(const Args &a, const std::string &text, const char *typeOption)
{
    RepoRef ref;
    std::string id = text;
    if (auto t = a.value(typeOption)) {
        auto type = parseRepoType(*t);
        if (!type)
            return HubError::make(ErrorCode::InvalidArgument,
                                  "--" + std::string(typeOption) + " must be model, dataset or space.");
        ref.type = *type;
    }
    for (RepoType t : {RepoType::Model, RepoType::Dataset, RepoType::Space}) {
        const std::string prefix = std::string(repoTypePlural(t)) + "/";
        if (startsWith(id, prefix) && split(id, '/').size() == 3) {
            ref.type = t;
            id = id.substr(prefix.size());
        }
    }
    auto parsed = RepoId::parse(id);
    if (!parsed)
        return HubError::make(ErrorCode::InvalidArgument,
                              "\"" + terminalSafe(text) +
                                  "\" is not a repository name: write OWNER/NAME, e.g. openai-community/gpt2.");
    ref.id = *parsed;
    return ref;
}

void printTable(std::ostream &out, const std::vector<std::vector<std::string>> &rows, const std::vector<bool> &right)
{
    if (rows.empty())
        return;
    std::vector<size_t> width(rows.front().size(), 0);
    for (const auto &r : rows)
        for (size_t i = 0; i < r.size() && i < width.size(); ++i)
            width[i] = std::max(width[i], r[i].size());
    for (const auto &r : rows) {
        std::string line;
        for (size_t i = 0; i < r.size(); ++i) {
            const bool last = i + 1 == r.size();
            const bool alignRight = i < right.size() && right[i];
            const size_t pad = width[i] - std::min(width[i], r[i].size());
            if (alignRight)
                line += std::string(pad, ' ') + r[i];
            else
                line += r[i] + (last ? "" : std::string(pad, ' '));
            if (!last)
                line += "  ";
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out << line << "\n";
    }
}

std::string shortDate(const std::string &iso)
{
    return iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) : iso;
}

namespace {

/// Length of the UTF-8 sequence starting at s[i] and its code point; 0 when not valid UTF-8.
size_t decodeUtf8(std::string_view s, size_t i, char32_t &cp)
{
    const auto b = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    if (b < 0x80) {
        cp = b;
        return 1;
    }
    if ((b & 0xE0) == 0xC0) {
        len = 2;
        cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
        len = 3;
        cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
        len = 4;
        cp = b & 0x07;
    } else {
        return 0;
    }
    if (i + len > s.size())
        return 0;
    for (size_t k = 1; k < len; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    static const char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < minimum[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

bool invisibleControl(char32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9F) ||                   // C1 controls (CSI, OSC...)
           cp == 0x061C || cp == 0x200E || cp == 0x200F || // bidi marks
           (cp >= 0x202A && cp <= 0x202E) ||               // bidi embeddings and overrides
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF; // bidi isolates, BOM
}

} // namespace

std::string terminalSafe(std::string_view text, bool multiline)
{
    std::string out;
    out.reserve(text.size());
    char buf[16];
    for (size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const size_t len = decodeUtf8(text, i, cp);
        if (len == 0) {
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(text[i]));
            out += buf;
            ++i;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F) {
            if (multiline && (cp == '\n' || cp == '\t'))
                out += static_cast<char>(cp);
            else if (cp == '\n')
                out += "\\n";
            else if (cp == '\t')
                out += "\\t";
            else if (cp == '\r')
                out += "\\r";
            else {
                std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
                out += buf;
            }
        } else if (invisibleControl(cp)) {
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
            out += buf;
        } else {
            out.append(text.substr(i, len));
        }
        i += len;
    }
    return out;
}

} // namespace hub::cli
