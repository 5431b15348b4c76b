#include "hub/inspect/weights.h"

#include "hub/core/validate.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <set>

namespace hub {

using json = nlohmann::json;

namespace {

HubError refuse(const std::string &name, const std::string &why)
{
    return HubError::make(ErrorCode::Corrupt, name + " is not a readable safetensors file: " + why);
}

/// Bytes per element of the safetensors dtypes (0: a packed type whose size is not per element).
uint64_t dtypeBytes(const std::string &dtype)
{
    static const std::map<std::string, uint64_t> sizes = {
        {"BOOL", 1}, {"U8", 1},  {"I8", 1},   {"F8_E5M2", 1}, {"F8_E4M3", 1}, {"F8_E8M0", 1}, {"I16", 2},
        {"U16", 2},  {"F16", 2}, {"BF16", 2}, {"I32", 4},     {"U32", 4},     {"F32", 4},     {"I64", 8},
        {"U64", 8},  {"F64", 8}, {"C64", 8},  {"F4", 0},      {"F6_E2M3", 0}, {"F6_E3M2", 0},
    };
    const auto it = sizes.find(dtype);
    return it == sizes.end() ? UINT64_MAX : it->second;
}

bool mulOverflows(uint64_t a, uint64_t b, uint64_t &out)
{
    return __builtin_mul_overflow(a, b, &out);
}

} // namespace

std::string WeightsSummary::mainDtype() const
{
    if (parametersByDtype.empty())
        return {};
    std::vector<std::pair<uint64_t, std::string>> by;
    for (const auto &[d, n] : parametersByDtype)
        by.emplace_back(n, d);
    std::sort(by.rbegin(), by.rend());
    if (by.size() == 1 || (parameters > 0 && by[0].first >= parameters - parameters / 100))
        return by[0].second;
    std::string out = "mixed (";
    for (size_t i = 0; i < by.size() && i < 3; ++i)
        out += (i ? ", " : "") + by[i].second;
    return out + (by.size() > 3 ? ", ...)" : ")");
}

std::string formatParameterCount(uint64_t n)
{
    char buf[32];
    if (n >= 1'000'000'000)
        std::snprintf(buf, sizeof buf, "%.1f B", static_cast<double>(n) / 1e9);
    else if (n >= 1'000'000)
        std::snprintf(buf, sizeof buf, "%.1f M", static_cast<double>(n) / 1e6);
    else if (n >= 10'000)
        std::snprintf(buf, sizeof buf, "%.0f k", static_cast<double>(n) / 1e3);
    else
        std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(n));
    return buf;
}

Expected<WeightsSummary> parseSafetensorsHeader(std::string_view text, uint64_t headerLength, uint64_t fileSize,
                                                const std::string &name)
{
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return refuse(name, "its header is not a JSON object");
    if (j.size() > kMaxTensors + 1)
        return refuse(name, "its header lists more than " + std::to_string(kMaxTensors) + " tensors");
    const uint64_t dataBytes = fileSize - 8 - headerLength;
    WeightsSummary out;
    out.format = "safetensors";
    out.fileBytes = fileSize;
    out.headerBytes = 8 + headerLength;
    std::vector<std::pair<uint64_t, uint64_t>> ranges;
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (it.key() == "__metadata__") {
            if (!it->is_object())
                return refuse(name, "__metadata__ is not an object");
            for (auto m = it->begin(); m != it->end(); ++m)
                out.metadata[escapeControls(m.key())] =
                    escapeControls(m->is_string() ? m->get<std::string>() : m->dump());
            continue;
        }
        const json &t = *it;
        const std::string tname = escapeControls(it.key());
        if (!t.is_object() || !t.contains("dtype") || !t["dtype"].is_string() || !t.contains("shape") ||
            !t["shape"].is_array() || !t.contains("data_offsets") || !t["data_offsets"].is_array() ||
            t["data_offsets"].size() != 2)
            return refuse(name, "tensor \"" + tname + "\" lacks dtype, shape or data_offsets");
        TensorInfo info;
        info.name = tname;
        info.dtype = escapeControls(t["dtype"].get<std::string>());
        const uint64_t elem = dtypeBytes(info.dtype);
        if (elem == UINT64_MAX)
            return refuse(name, "tensor \"" + tname + "\" has the unknown dtype " + info.dtype);
        if (t["shape"].size() > 64)
            return refuse(name, "tensor \"" + tname + "\" has more than 64 dimensions");
        uint64_t count = 1;
        for (const json &d : t["shape"]) {
            if (!d.is_number_unsigned())
                return refuse(name, "tensor \"" + tname + "\" has a dimension that is not a whole number");
            const uint64_t dim = d.get<uint64_t>();
            info.shape.push_back(dim);
            if (mulOverflows(count, dim, count))
                return refuse(name, "tensor \"" + tname + "\" has a shape too large to exist");
        }
        const json &off = t["data_offsets"];
        if (!off[0].is_number_unsigned() || !off[1].is_number_unsigned())
            return refuse(name, "tensor \"" + tname + "\" has data offsets that are not whole numbers");
        const uint64_t begin = off[0].get<uint64_t>(), end = off[1].get<uint64_t>();
        if (begin > end || end > dataBytes)
            return refuse(name, "tensor \"" + tname + "\" points past the end of the file (bytes " +
                                    std::to_string(begin) + "–" + std::to_string(end) + " of " +
                                    std::to_string(dataBytes) + ")");
        uint64_t expected = 0;
        if (elem > 0 && (mulOverflows(count, elem, expected) || expected != end - begin))
            return refuse(name, "tensor \"" + tname + "\" is " + std::to_string(end - begin) + " bytes, but " +
                                    info.dtype + " of that shape needs " + std::to_string(expected));
        info.parameters = count;
        info.bytes = end - begin;
        ranges.emplace_back(begin, end);
        out.parameters += count;
        out.parametersByDtype[info.dtype] += count;
        out.tensors.push_back(std::move(info));
    }
    std::sort(ranges.begin(), ranges.end());
    for (size_t i = 1; i < ranges.size(); ++i)
        if (ranges[i].first < ranges[i - 1].second)
            return refuse(name, "two tensors share the same bytes (offsets overlap)");
    // The file's order is the author's; a table reads best by name (layers stay together).
    std::sort(out.tensors.begin(), out.tensors.end(),
              [](const TensorInfo &a, const TensorInfo &b) { return a.name < b.name; });
    return out;
}

Expected<WeightsSummary> inspectSafetensors(const ByteSource &source)
{
    if (source.size < 8)
        return refuse(source.name, "it is shorter than the 8-byte header length");
    auto head = source.readAt(0, 8);
    if (!head)
        return head.error();
    uint64_t length = 0;
    for (int i = 7; i >= 0; --i)
        length = (length << 8) | static_cast<unsigned char>((*head)[static_cast<size_t>(i)]);
    if (length > kMaxSafetensorsHeader)
        return HubError::make(ErrorCode::TooLarge, source.name + " says its header is " + std::to_string(length) +
                                                       " bytes; safetensors headers are at most 100 MB, so "
                                                       "HubDesk did not read it.");
    if (length > source.size - 8)
        return refuse(source.name, "its header (" + std::to_string(length) + " bytes) is longer than the file");
    auto text = source.readAt(8, static_cast<size_t>(length));
    if (!text)
        return text.error();
    return parseSafetensorsHeader(*text, length, source.size, source.name);
}

Expected<std::vector<std::string>> parseSafetensorsIndex(std::string_view text)
{
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("weight_map") || !j["weight_map"].is_object())
        return HubError::make(ErrorCode::Corrupt, "The safetensors index has no weight_map.");
    std::set<std::string> files;
    for (auto it = j["weight_map"].begin(); it != j["weight_map"].end(); ++it) {
        if (!it->is_string())
            return HubError::make(ErrorCode::Corrupt,
                                  "The safetensors index maps a tensor to something not a file name.");
        const std::string f = it->get<std::string>();
        if (auto why = serverPathProblem(f))
            return HubError::make(ErrorCode::Refused,
                                  "The safetensors index names a shard HubDesk will not open: " + *why);
        files.insert(f);
    }
    if (files.size() > 10'000)
        return HubError::make(ErrorCode::TooLarge, "The safetensors index names more than 10,000 shards.");
    return std::vector<std::string>(files.begin(), files.end());
}

WeightsSummary mergeShards(std::vector<std::pair<std::string, WeightsSummary>> shards)
{
    WeightsSummary out;
    out.format = "safetensors";
    for (auto &[file, s] : shards) {
        for (auto &t : s.tensors) {
            t.file = file;
            out.tensors.push_back(std::move(t));
        }
        out.parameters += s.parameters;
        for (const auto &[d, n] : s.parametersByDtype)
            out.parametersByDtype[d] += n;
        out.fileBytes += s.fileBytes;
        out.headerBytes += s.headerBytes;
        for (auto &[k, v] : s.metadata)
            out.metadata.emplace(k, v);
        for (auto &n : s.notes)
            out.notes.push_back(file + ": " + n);
    }
    std::sort(out.tensors.begin(), out.tensors.end(),
              [](const TensorInfo &a, const TensorInfo &b) { return a.name < b.name; });
    return out;
}

} // namespace hub
