// GGUF (llama.cpp, ggml): "GGUF", version, tensor count, metadata count, then the metadata
// key/value pairs and the tensor infos, all little-endian, before the tensor data. Read
// sequentially through a buffered range reader that never goes past kMaxGgufHeader.
#include "hub/inspect/weights.h"

#include "hub/core/validate.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace hub {

namespace {

HubError refuse(const std::string &name, const std::string &why)
{
    return HubError::make(ErrorCode::Corrupt, name + " is not a readable GGUF file: " + why);
}

/// Reads forward through the source in growing chunks, within the header bound.
class Reader {
public:
    explicit Reader(const ByteSource &source) : m_source(source) {}

    uint64_t position() const { return m_pos; }

    /// Makes `n` bytes available at the current position.
    Expected<void> need(uint64_t n)
    {
        if (m_pos + n > m_source.size)
            return refuse(m_source.name, "it ends in the middle of its header");
        if (m_pos + n > kMaxGgufHeader)
            return HubError::make(ErrorCode::TooLarge, m_source.name + ": the GGUF header is larger than " +
                                                           std::to_string(kMaxGgufHeader >> 20) +
                                                           " MiB; HubDesk stopped reading it.");
        while (m_bufStart + m_buf.size() < m_pos + n) {
            const uint64_t from = m_bufStart + m_buf.size();
            m_chunk = std::min<uint64_t>(m_chunk * 2, 4 << 20);
            const uint64_t len = std::min<uint64_t>({m_chunk, m_source.size - from, kMaxGgufHeader - from});
            auto more = m_source.readAt(from, static_cast<size_t>(len));
            if (!more)
                return more.error();
            // Drop what is behind the position: memory stays at a few chunks.
            if (m_pos > m_bufStart) {
                m_buf.erase(0, static_cast<size_t>(m_pos - m_bufStart));
                m_bufStart = m_pos;
            }
            m_buf += *more;
        }
        return {};
    }

    template <class T> Expected<T> number()
    {
        if (auto ok = need(sizeof(T)); !ok)
            return ok.error();
        T v;
        std::memcpy(&v, m_buf.data() + (m_pos - m_bufStart), sizeof(T)); // little-endian host
        m_pos += sizeof(T);
        return v;
    }

    Expected<std::string> string(uint64_t maxLength)
    {
        auto len = number<uint64_t>();
        if (!len)
            return len.error();
        if (*len > maxLength)
            return refuse(m_source.name, "a string in its header is " + std::to_string(*len) + " bytes long");
        if (auto ok = need(*len); !ok)
            return ok.error();
        std::string s = m_buf.substr(static_cast<size_t>(m_pos - m_bufStart), static_cast<size_t>(*len));
        m_pos += *len;
        return s;
    }

    Expected<void> skip(uint64_t n)
    {
        if (auto ok = need(n); !ok)
            return ok.error();
        m_pos += n;
        return {};
    }

private:
    const ByteSource &m_source;
    std::string m_buf;
    uint64_t m_bufStart = 0;
    uint64_t m_pos = 0;
    uint64_t m_chunk = 32 * 1024;
};

const char *valueTypeName(uint32_t t)
{
    static const char *names[] = {"uint8", "int8",   "uint16", "int16",  "uint32", "int32",  "float32",
                                  "bool",  "string", "array",  "uint64", "int64",  "float64"};
    return t < 13 ? names[t] : "unknown";
}

uint64_t scalarSize(uint32_t t)
{
    static const uint64_t sizes[] = {1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8};
    return t < 13 ? sizes[t] : 0;
}

Expected<std::string> readScalar(Reader &r, uint32_t type)
{
    switch (type) {
    case 0: {
        auto v = r.number<uint8_t>();
        if (!v)
            return v.error();
        return std::to_string(*v);
    }
    case 1: {
        auto v = r.number<int8_t>();
        if (!v)
            return v.error();
        return std::to_string(*v);
    }
    case 2: {
        auto v = r.number<uint16_t>();
        if (!v)
            return v.error();
        return std::to_string(*v);
    }
    case 3: {
        auto v = r.number<int16_t>();
        if (!v)
            return v.error();
        return std::to_string(*v);
    }
    case 4: {
        auto v = r.number<uint32_t>();
        if (!v)
            return v.error();
        return std::to_string(*v);
    }
    case 5: {
        auto v = r.number<int32_t>();
        if (!v)
            return v.error();
        return std::to_string(*v);
    }
    case 6: {
        auto v = r.number<float>();
        if (!v)
            return v.error();
        char b[32];
        std::snprintf(b, sizeof b, "%g", double(*v));
        return std::string(b);
    }
    case 7: {
        auto v = r.number<uint8_t>();
        if (!v)
            return v.error();
        return std::string(*v ? "true" : "false");
    }
    case 8: {
        auto s = r.string(kMaxGgufHeader);
        if (!s)
            return s.error();
        return escapeControls(*s);
    }
    case 10: {
        auto v = r.number<uint64_t>();
        if (!v)
            return v.error();
        return std::to_string(*v);
    }
    case 11: {
        auto v = r.number<int64_t>();
        if (!v)
            return v.error();
        return std::to_string(*v);
    }
    case 12: {
        auto v = r.number<double>();
        if (!v)
            return v.error();
        char b[32];
        std::snprintf(b, sizeof b, "%g", *v);
        return std::string(b);
    }
    default: return HubError::make(ErrorCode::Corrupt, "unknown metadata value type " + std::to_string(type));
    }
}

/// ggml tensor types: name, block size (elements), bytes per block.
struct GgmlType {
    const char *name;
    uint64_t block;
    uint64_t bytes;
};

const GgmlType *ggmlType(uint32_t t)
{
    static const GgmlType types[] = {
        {"F32", 1, 4},      {"F16", 1, 2},        {"Q4_0", 32, 18},    {"Q4_1", 32, 20},     {nullptr, 0, 0},
        {nullptr, 0, 0},    {"Q5_0", 32, 22},     {"Q5_1", 32, 24},    {"Q8_0", 32, 34},     {"Q8_1", 32, 36},
        {"Q2_K", 256, 84},  {"Q3_K", 256, 110},   {"Q4_K", 256, 144},  {"Q5_K", 256, 176},   {"Q6_K", 256, 210},
        {"Q8_K", 256, 292}, {"IQ2_XXS", 256, 66}, {"IQ2_XS", 256, 74}, {"IQ3_XXS", 256, 98}, {"IQ1_S", 256, 50},
        {"IQ4_NL", 32, 18}, {"IQ3_S", 256, 110},  {"IQ2_S", 256, 82},  {"IQ4_XS", 256, 136}, {"I8", 1, 1},
        {"I16", 1, 2},      {"I32", 1, 4},        {"I64", 1, 8},       {"F64", 1, 8},        {"IQ1_M", 256, 56},
        {"BF16", 1, 2},
    };
    return t < sizeof types / sizeof types[0] && types[t].name ? &types[t] : nullptr;
}

} // namespace

Expected<WeightsSummary> inspectGguf(const ByteSource &source)
{
    Reader r(source);
    if (auto ok = r.need(4); !ok)
        return ok.error();
    auto magic = r.number<uint32_t>();
    if (!magic)
        return magic.error();
    if (*magic != 0x46554747u) // "GGUF"
        return refuse(source.name, "it does not start with \"GGUF\"");
    auto version = r.number<uint32_t>();
    if (!version)
        return version.error();
    if (*version < 2 || *version > 3)
        return refuse(source.name,
                      "it is GGUF version " + std::to_string(*version) + "; HubDesk reads versions 2 and 3");
    auto tensorCount = r.number<uint64_t>();
    auto kvCount = tensorCount ? r.number<uint64_t>() : Expected<uint64_t>(tensorCount.error());
    if (!kvCount)
        return kvCount.error();
    if (*tensorCount > kMaxTensors)
        return refuse(source.name, "it says it has " + std::to_string(*tensorCount) + " tensors");
    if (*kvCount > 1'000'000)
        return refuse(source.name, "it says it has " + std::to_string(*kvCount) + " metadata keys");

    WeightsSummary out;
    out.format = "gguf";
    out.fileBytes = source.size;
    out.metadata["gguf.version"] = std::to_string(*version);
    uint64_t alignment = 32;
    for (uint64_t i = 0; i < *kvCount; ++i) {
        auto key = r.string(65536);
        if (!key)
            return key.error();
        auto type = r.number<uint32_t>();
        if (!type)
            return type.error();
        const std::string k = escapeControls(*key);
        if (*type == 9) { // array: element type, count, elements
            auto elemType = r.number<uint32_t>();
            auto count = elemType ? r.number<uint64_t>() : Expected<uint64_t>(elemType.error());
            if (!count)
                return count.error();
            if (*elemType == 9)
                return refuse(source.name, "metadata key " + k + " holds nested arrays");
            if (*elemType == 8) {
                for (uint64_t e = 0; e < *count; ++e) {
                    auto len = r.number<uint64_t>();
                    if (!len)
                        return len.error();
                    if (auto ok = r.skip(*len); !ok)
                        return ok.error();
                }
            } else {
                const uint64_t size = scalarSize(*elemType);
                uint64_t total = 0;
                if (size == 0 || __builtin_mul_overflow(size, *count, &total))
                    return refuse(source.name, "metadata key " + k + " holds an array HubDesk cannot size");
                if (auto ok = r.skip(total); !ok)
                    return ok.error();
            }
            out.metadata[k] = "[" + std::to_string(*count) + " × " + valueTypeName(*elemType) + "]";
            continue;
        }
        auto value = readScalar(r, *type);
        if (!value)
            return refuse(source.name, "metadata key " + k + ": " + value.error().message);
        if (k == "general.alignment") {
            alignment = std::strtoull(value->c_str(), nullptr, 10);
            if (alignment == 0 || (alignment & (alignment - 1)) != 0 || alignment > 65536)
                return refuse(source.name, "general.alignment is " + *value);
        }
        out.metadata[k] = value->size() > 500 ? value->substr(0, 500) + "…" : *value;
    }
    std::vector<std::pair<uint64_t, uint64_t>> ranges;
    for (uint64_t i = 0; i < *tensorCount; ++i) {
        auto name = r.string(65536);
        if (!name)
            return name.error();
        auto dims = r.number<uint32_t>();
        if (!dims)
            return dims.error();
        if (*dims > 8)
            return refuse(source.name,
                          "tensor " + escapeControls(*name) + " has " + std::to_string(*dims) + " dimensions");
        TensorInfo t;
        t.name = escapeControls(*name);
        uint64_t count = 1;
        for (uint32_t d = 0; d < *dims; ++d) {
            auto dim = r.number<uint64_t>();
            if (!dim)
                return dim.error();
            t.shape.push_back(*dim);
            if (__builtin_mul_overflow(count, *dim, &count))
                return refuse(source.name, "tensor " + t.name + " has a shape too large to exist");
        }
        auto type = r.number<uint32_t>();
        auto offset = type ? r.number<uint64_t>() : Expected<uint64_t>(type.error());
        if (!offset)
            return offset.error();
        const GgmlType *g = ggmlType(*type);
        t.dtype = g ? g->name : "type " + std::to_string(*type);
        t.parameters = count;
        if (g && count % g->block == 0) {
            uint64_t bytes = 0;
            if (__builtin_mul_overflow(count / g->block, g->bytes, &bytes))
                return refuse(source.name, "tensor " + t.name + " is too large to exist");
            t.bytes = bytes;
            ranges.emplace_back(*offset, *offset + bytes);
        }
        out.parameters += count;
        out.parametersByDtype[t.dtype] += count;
        out.tensors.push_back(std::move(t));
    }
    // Tensor data starts at the next multiple of the alignment; every tensor must fit in the file.
    const uint64_t dataStart = (r.position() + alignment - 1) / alignment * alignment;
    out.headerBytes = r.position();
    std::sort(ranges.begin(), ranges.end());
    for (size_t i = 0; i < ranges.size(); ++i) {
        if (ranges[i].second < ranges[i].first || dataStart + ranges[i].second > source.size)
            return refuse(source.name, "a tensor points past the end of the file");
        if (i > 0 && ranges[i].first < ranges[i - 1].second)
            return refuse(source.name, "two tensors share the same bytes (offsets overlap)");
    }
    std::sort(out.tensors.begin(), out.tensors.end(),
              [](const TensorInfo &a, const TensorInfo &b) { return a.name < b.name; });
    return out;
}

} // namespace hub
