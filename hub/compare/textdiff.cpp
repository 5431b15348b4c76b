#include "hub/compare/textdiff.h"

#include <algorithm>
#include <unordered_map>

namespace hub {

namespace {

struct Lines {
    std::vector<std::string_view> text; // without '\n'
    std::vector<int> ids;               // interned (text + whether it ends with '\n')
    bool lastUnterminated = false;
};

Lines splitLines(std::string_view s, std::unordered_map<std::string, int> &intern)
{
    Lines out;
    size_t pos = 0;
    while (pos < s.size()) {
        const size_t nl = s.find('\n', pos);
        const bool terminated = nl != std::string_view::npos;
        const size_t end = terminated ? nl : s.size();
        const std::string_view line = s.substr(pos, end - pos);
        std::string key(line);
        if (terminated)
            key.push_back('\n');
        const auto [it, inserted] = intern.emplace(std::move(key), static_cast<int>(intern.size()));
        out.text.push_back(line);
        out.ids.push_back(it->second);
        out.lastUnterminated = !terminated;
        pos = terminated ? nl + 1 : s.size();
    }
    return out;
}

enum class Op { Equal, Insert, Delete };

/// Myers' O(ND) shortest edit script over a[lo..) and b[lo..) ranges given as id vectors.
/// Returns false when the edit distance exceeds maxD.
bool myers(const std::vector<int> &a, const std::vector<int> &b, size_t maxD, std::vector<Op> &script)
{
    const long n = static_cast<long>(a.size());
    const long m = static_cast<long>(b.size());
    const long limit = std::min<long>(n + m, static_cast<long>(maxD));
    const long offset = limit + 1;
    std::vector<long> v(static_cast<size_t>(2 * limit + 3), 0);
    std::vector<std::vector<long>> trace; // trace[d] = v[-d..d] after step d
    auto at = [&](long k) -> long & { return v[static_cast<size_t>(k + offset)]; };

    long found = -1;
    for (long d = 0; d <= limit && found < 0; ++d) {
        for (long k = -d; k <= d; k += 2) {
            long x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
            long y = x - k;
            while (x < n && y < m && a[static_cast<size_t>(x)] == b[static_cast<size_t>(y)]) {
                ++x;
                ++y;
            }
            at(k) = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    }
    if (found < 0)
        return false;

    std::vector<Op> reversed;
    long x = n;
    long y = m;
    for (long d = found; d > 0; --d) {
        const std::vector<long> &prev = trace[static_cast<size_t>(d - 1)];
        auto pv = [&](long k) { return prev[static_cast<size_t>(k + d - 1)]; };
        const long k = x - y;
        const long prevK = (k == -d || (k != d && pv(k - 1) < pv(k + 1))) ? k + 1 : k - 1;
        const long prevX = pv(prevK);
        const long prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            reversed.push_back(Op::Equal);
            --x;
            --y;
        }
        reversed.push_back(x == prevX ? Op::Insert : Op::Delete);
        x = prevX;
        y = prevY;
    }
    while (x > 0 && y > 0) {
        reversed.push_back(Op::Equal);
        --x;
        --y;
    }
    script.assign(reversed.rbegin(), reversed.rend());
    return true;
}

struct Step {
    DiffLine::Op op;
    size_t oldIdx; // valid for Context/Removed
    size_t newIdx; // valid for Context/Added
};

} // namespace

std::string DiffHunk::header() const
{
    auto range = [](size_t start, size_t count) {
        return count == 1 ? std::to_string(start) : std::to_string(start) + "," + std::to_string(count);
    };
    return "@@ -" + range(oldStart, oldCount) + " +" + range(newStart, newCount) + " @@";
}

std::string TextDiff::unified(std::string_view oldName, std::string_view newName) const
{
    if (hunks.empty())
        return {};
    std::string out = "--- " + std::string(oldName) + "\n+++ " + std::string(newName) + "\n";
    for (const auto &h : hunks) {
        out += h.header() + "\n";
        for (const auto &l : h.lines) {
            out += l.op == DiffLine::Op::Added ? '+' : l.op == DiffLine::Op::Removed ? '-' : ' ';
            out += l.text;
            out += '\n';
            if (l.noNewlineAtEnd)
                out += "\\ No newline at end of file\n";
        }
    }
    return out;
}

TextDiff diffText(std::string_view oldText, std::string_view newText, const TextDiffOptions &options)
{
    TextDiff result;
    if (oldText.size() > options.maxBytes || newText.size() > options.maxBytes) {
        result.tooLarge = true;
        return result;
    }
    if (oldText.find('\0') != std::string_view::npos || newText.find('\0') != std::string_view::npos) {
        result.binary = true;
        return result;
    }
    std::unordered_map<std::string, int> intern;
    const Lines a = splitLines(oldText, intern);
    const Lines b = splitLines(newText, intern);

    // Common prefix and suffix need no search; Myers runs on the middle only.
    size_t prefix = 0;
    while (prefix < a.ids.size() && prefix < b.ids.size() && a.ids[prefix] == b.ids[prefix])
        ++prefix;
    size_t suffix = 0;
    while (suffix < a.ids.size() - prefix && suffix < b.ids.size() - prefix &&
           a.ids[a.ids.size() - 1 - suffix] == b.ids[b.ids.size() - 1 - suffix])
        ++suffix;
    const std::vector<int> midA(a.ids.begin() + static_cast<std::ptrdiff_t>(prefix),
                                a.ids.end() - static_cast<std::ptrdiff_t>(suffix));
    const std::vector<int> midB(b.ids.begin() + static_cast<std::ptrdiff_t>(prefix),
                                b.ids.end() - static_cast<std::ptrdiff_t>(suffix));
    std::vector<Op> script;
    if (!myers(midA, midB, options.maxEditDistance, script)) {
        result.tooLarge = true;
        return result;
    }

    std::vector<Step> steps;
    steps.reserve(prefix + script.size() + suffix);
    size_t i = 0;
    size_t j = 0;
    for (; i < prefix; ++i, ++j)
        steps.push_back({DiffLine::Op::Context, i, j});
    for (Op op : script) {
        switch (op) {
        case Op::Equal: steps.push_back({DiffLine::Op::Context, i++, j++}); break;
        case Op::Delete: steps.push_back({DiffLine::Op::Removed, i++, j}); break;
        case Op::Insert: steps.push_back({DiffLine::Op::Added, i, j++}); break;
        }
    }
    for (; i < a.ids.size(); ++i, ++j)
        steps.push_back({DiffLine::Op::Context, i, j});

    const size_t ctx = options.contextLines;
    size_t s = 0;
    while (s < steps.size()) {
        if (steps[s].op == DiffLine::Op::Context) {
            ++s;
            continue;
        }
        const size_t hunkStart = s > ctx ? s - ctx : 0;
        size_t lastChange = s;
        size_t e = s;
        while (e < steps.size()) {
            if (steps[e].op != DiffLine::Op::Context)
                lastChange = e;
            else if (e - lastChange > 2 * ctx)
                break;
            ++e;
        }
        const size_t hunkEnd = std::min(steps.size(), lastChange + 1 + ctx);

        DiffHunk h;
        const size_t oldBefore = steps[hunkStart].oldIdx;
        const size_t newBefore = steps[hunkStart].newIdx;
        for (size_t t = hunkStart; t < hunkEnd; ++t) {
            const Step &st = steps[t];
            DiffLine line;
            line.op = st.op;
            if (st.op == DiffLine::Op::Added) {
                line.text = std::string(b.text[st.newIdx]);
                line.noNewlineAtEnd = b.lastUnterminated && st.newIdx + 1 == b.text.size();
                ++h.newCount;
                ++result.linesAdded;
            } else {
                line.text = std::string(a.text[st.oldIdx]);
                line.noNewlineAtEnd = a.lastUnterminated && st.oldIdx + 1 == a.text.size();
                ++h.oldCount;
                if (st.op == DiffLine::Op::Removed)
                    ++result.linesRemoved;
                else
                    ++h.newCount;
            }
            h.lines.push_back(std::move(line));
        }
        h.oldStart = h.oldCount ? oldBefore + 1 : oldBefore;
        h.newStart = h.newCount ? newBefore + 1 : newBefore;
        result.hunks.push_back(std::move(h));
        s = hunkEnd;
    }
    return result;
}

} // namespace hub
