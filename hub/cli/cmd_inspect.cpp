// hubdesk-cli inspect: what is inside a weights file, read from its header through HTTP ranges
// (a 10 GB safetensors file costs a few kB), optionally compared with another revision.
#include "hub/api/client.h"
#include "hub/cli/common.h"
#include "hub/compare/weightsdiff.h"
#include "hub/core/strings.h"
#include "hub/inspect/weights.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace hub::cli {

namespace {

using json = nlohmann::json;

bool endsWith(const std::string &s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// The file at `revision` read by ranges through `client` (one HEAD for its size first).
Expected<ByteSource> hubSource(HubClient &client, const RepoRef &repo, const std::string &revision,
                               const std::string &path)
{
    auto meta = client.fileMetadata(repo, revision, path);
    if (!meta)
        return meta.error();
    ByteSource s;
    s.name = path;
    s.size = meta->size;
    s.read = [&client, repo, revision, path](uint64_t offset, size_t length) -> Expected<std::string> {
        auto r = client.fetchRange(repo, revision, path, offset, length);
        if (!r)
            return r.error();
        return std::move(r->bytes);
    };
    return s;
}

/// The summary of `path` at `revision`: one safetensors or GGUF file, or every shard an index names.
Expected<WeightsSummary> inspectAt(HubClient &client, const RepoRef &repo, const std::string &revision,
                                   const std::string &path, uint64_t &bytesRead)
{
    if (endsWith(path, ".safetensors.index.json")) {
        auto index = client.fetchSmallFile(repo, revision, path, size_t{16} << 20);
        if (!index)
            return index.error();
        bytesRead += index->size();
        auto shards = parseSafetensorsIndex(*index);
        if (!shards)
            return shards.error();
        const std::string dir = path.find('/') == std::string::npos ? "" : path.substr(0, path.rfind('/') + 1);
        std::vector<std::pair<std::string, WeightsSummary>> parts;
        for (const auto &shard : *shards) {
            auto src = hubSource(client, repo, revision, dir + shard);
            if (!src)
                return src.error();
            auto s = inspectSafetensors(*src);
            bytesRead += *src->bytesRead;
            if (!s)
                return s.error();
            parts.emplace_back(shard, std::move(*s));
        }
        return mergeShards(std::move(parts));
    }
    const bool gguf = endsWith(path, ".gguf");
    if (!gguf && !endsWith(path, ".safetensors"))
        return HubError::make(ErrorCode::NotSupported,
                              "hubdesk-cli inspect reads .safetensors, .safetensors.index.json and .gguf files; " +
                                  path + " is none of them.");
    auto src = hubSource(client, repo, revision, path);
    if (!src)
        return src.error();
    auto s = gguf ? inspectGguf(*src) : inspectSafetensors(*src);
    bytesRead += *src->bytesRead;
    return s;
}

std::string shapeText(const std::vector<uint64_t> &shape)
{
    std::string out = "[";
    for (size_t i = 0; i < shape.size(); ++i)
        out += (i ? ", " : "") + std::to_string(shape[i]);
    return out + "]";
}

json summaryJson(const WeightsSummary &s, uint64_t bytesRead)
{
    json tensors = json::array();
    for (const auto &t : s.tensors) {
        json j{{"name", t.name}, {"dtype", t.dtype}, {"shape", t.shape}, {"parameters", t.parameters}};
        if (t.bytes)
            j["bytes"] = t.bytes;
        if (!t.file.empty())
            j["file"] = t.file;
        tensors.push_back(std::move(j));
    }
    return json{{"format", s.format},         {"parameters", s.parameters}, {"parametersByDtype", s.parametersByDtype},
                {"mainDtype", s.mainDtype()}, {"fileBytes", s.fileBytes},   {"bytesRead", bytesRead},
                {"tensors", tensors},         {"metadata", s.metadata},     {"notes", s.notes}};
}

int runInspect(const std::vector<std::string> &argv, Io io)
{
    static const Spec spec{
        "inspect REPO PATH [--revision REV] [--against REV2] [--type TYPE] [--json]",
        "Shows what a weights file holds (tensors, shapes, dtypes, parameters; GGUF metadata) from its "
        "header alone, read with HTTP ranges; --against compares it with the same file at another revision.",
        [](Args &a) {
            addType(a);
            a.option("revision", "branch, tag or commit (default: main)", "REV")
                .option("against", "compare with the file at this revision", "REV2");
        }};
    Args a;
    if (int rc = prepare(a, spec, argv, io); rc >= 0)
        return rc;
    if (a.positionals().size() != 2)
        return fail(io, HubError::make(ErrorCode::InvalidArgument,
                                       "Name a repository and a file, e.g. hubdesk-cli inspect acme/tiny "
                                       "model.safetensors."));
    auto repo = repoArg(a, a.positionals()[0]);
    if (!repo)
        return fail(io, repo.error());
    const std::string path = a.positionals()[1];
    const std::string revision = a.valueOr("revision", "main");
    HubClient client(configFrom(a));
    uint64_t bytesRead = 0;
    auto summary = inspectAt(client, *repo, revision, path, bytesRead);
    if (!summary)
        return fail(io, summary.error());

    if (a.has("against")) {
        const std::string other = a.valueOr("against", "");
        uint64_t otherRead = 0;
        auto before = inspectAt(client, *repo, other, path, otherRead);
        if (!before)
            return fail(io, before.error());
        const WeightsDiff d = diffWeights(*before, *summary);
        if (a.has("json")) {
            json changes = json::array();
            for (const auto &c : d.changes) {
                static const char *kinds[] = {"added", "removed", "reshaped", "retyped"};
                changes.push_back({{"kind", kinds[static_cast<int>(c.kind)]},
                                   {"name", c.name},
                                   {"before", c.before},
                                   {"after", c.after}});
            }
            io.out << json{{"from", other},
                           {"to", revision},
                           {"parametersBefore", d.parametersBefore},
                           {"parametersAfter", d.parametersAfter},
                           {"unchanged", d.unchanged},
                           {"changes", changes},
                           {"summary", d.summary()},
                           {"bytesRead", bytesRead + otherRead}}
                          .dump(2)
                   << "\n";
            return 0;
        }
        io.out << terminalSafe(path) << ", " << terminalSafe(other) << " → " << terminalSafe(revision) << ": "
               << d.summary() << "\n";
        if (!d.changes.empty()) {
            static const char *kinds[] = {"added", "removed", "reshaped", "retyped"};
            std::vector<std::vector<std::string>> rows = {{"CHANGE", "TENSOR", "BEFORE", "AFTER"}};
            for (const auto &c : d.changes)
                rows.push_back({kinds[static_cast<int>(c.kind)], terminalSafe(c.name), c.before, c.after});
            printTable(io.out, rows);
        }
        io.out << "Read " << humanBytes(bytesRead + otherRead) << " of headers.\n";
        return 0;
    }

    if (a.has("json")) {
        io.out << summaryJson(*summary, bytesRead).dump(2) << "\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows = {{"TENSOR", "DTYPE", "SHAPE", "PARAMETERS"}};
    for (const auto &t : summary->tensors)
        rows.push_back({terminalSafe(t.name), t.dtype, shapeText(t.shape), std::to_string(t.parameters)});
    printTable(io.out, rows, {false, false, false, true});
    io.out << summary->tensors.size() << " tensors, " << formatParameterCount(summary->parameters) << " parameters";
    if (!summary->mainDtype().empty())
        io.out << ", " << summary->mainDtype();
    io.out << " (" << summary->format << ", " << humanBytes(summary->fileBytes) << ").\n";
    for (const auto &[dtype, n] : summary->parametersByDtype)
        io.out << "  " << dtype << ": " << formatParameterCount(n) << " parameters\n";
    for (const auto &[k, v] : summary->metadata)
        io.out << "  " << terminalSafe(k) << " = " << terminalSafe(v) << "\n";
    for (const auto &n : summary->notes)
        io.out << "Note: " << terminalSafe(n) << "\n";
    io.out << "Read " << humanBytes(bytesRead) << " of " << humanBytes(summary->fileBytes) << ".\n";
    return 0;
}

} // namespace

void registerCommands_inspect(std::vector<Command> &out)
{
    out.push_back({"inspect", "show the tensors of a weights file from its header (ranges only)", &runInspect});
}

} // namespace hub::cli
