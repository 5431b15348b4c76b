#include "hub/cli/common.h"

#include "hub/core/strings.h"
#include "hub/core/validate.h"

#include <algorithm>
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
    // Messages quote names from the server: control characters are shown, never obeyed.
    io.err << "hubdesk-cli: " << terminalSafe(e.message, true) << "\n";
    if (!e.detail.empty())
        io.err << "  (" << terminalSafe(e.detail, true) << ")\n";
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

void printSafeTable(std::ostream &out, const std::vector<std::vector<std::string>> &rows,
                    const std::vector<bool> &right)
{
    std::vector<std::vector<std::string>> shown;
    shown.reserve(rows.size());
    for (const auto &r : rows) {
        auto &row = shown.emplace_back();
        for (const auto &cell : r)
            row.push_back(terminalSafe(cell));
    }
    printTable(out, shown, right);
}

std::string shortDate(const std::string &iso)
{
    return iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) : iso;
}

std::string terminalSafe(std::string_view text, bool multiline)
{
    return escapeControls(text, multiline); // the one rule, hub/core/validate.h
}

} // namespace hub::cli
