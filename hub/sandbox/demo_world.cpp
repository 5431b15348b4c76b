// The demo world (first-users.md §5), built deterministically: fixed dates, fixed contents,
// LFS bytes from a seeded PRNG, so every start gives the same commit ids.
#include "hub/core/hash.h"
#include "hub/core/timeutil.h"
#include "hub/sandbox/demo.h"
#include "hub/sandbox/hubapp.h"

#include <cstdio>
#include <fstream>

using nlohmann::json;
namespace fs = std::filesystem;

namespace hub::sandbox {
namespace {

constexpr int64_t kBase = 1721988000; // 2024-07-26T10:00:00Z
constexpr int64_t kDay = 86400;

uint64_t fnv1a(const std::string &s)
{
    uint64_t h = 1469598103934665603ull;
    for (unsigned char ch : s) {
        h = (h ^ ch) * 1099511628211ull;
    }
    return h;
}

// splitmix64: fast, deterministic, good enough for filler bytes.
struct Prng {
    uint64_t state;
    uint64_t next()
    {
        uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
};

std::string randomBytes(const std::string &seed, size_t size)
{
    Prng rng{fnv1a(seed)};
    std::string out(size, '\0');
    for (size_t i = 0; i < size; i += 8) {
        const uint64_t v = rng.next();
        for (size_t k = 0; k < 8 && i + k < size; ++k) {
            out[i + k] = static_cast<char>((v >> (8 * k)) & 0xFF);
        }
    }
    return out;
}

class Builder {
public:
    Builder(HubApp &app, RepoType type, const std::string &id, bool isPrivate, int64_t created,
            const std::string &sdk = {})
        : m_app(app), m_date(created)
    {
        const auto slash = id.find('/');
        auto r = app.store().createRepo(type, id.substr(0, slash), id.substr(slash + 1), isPrivate, created, sdk);
        if (!r) {
            m_error = r.error();
            return;
        }
        m_repo = *r;
        m_head = m_repo->branches["main"];
    }

    Builder &file(const std::string &path, std::string content)
    {
        Operation op;
        op.path = path;
        op.content = std::move(content);
        m_ops.push_back(std::move(op));
        return *this;
    }

    Builder &lfs(const std::string &path, const std::string &seed, uint64_t size, const std::string &prefix = {})
    {
        if (m_error) {
            return *this;
        }
        auto oid = generateLfsObject(m_app.store(), seed, size, prefix);
        if (!oid) {
            m_error = oid.error();
            return *this;
        }
        Operation op;
        op.kind = Operation::Kind::Lfs;
        op.path = path;
        op.lfsOid = *oid;
        op.size = size;
        m_ops.push_back(std::move(op));
        return *this;
    }

    Builder &remove(const std::string &path)
    {
        Operation op;
        op.kind = Operation::Kind::Delete;
        op.path = path;
        m_ops.push_back(std::move(op));
        return *this;
    }

    Builder &commit(const std::string &title, const std::string &author = demo::kDemoOwnerUser,
                    const std::string &message = {})
    {
        if (m_error || !m_repo) {
            return *this;
        }
        m_date += kDay / 3;
        auto id = m_app.commitOperations(m_head, m_ops, author, m_date, title, message);
        m_ops.clear();
        if (!id) {
            m_error = id.error();
            return *this;
        }
        m_head = *id;
        m_repo->branches["main"] = m_head;
        return *this;
    }

    Builder &tag(const std::string &name)
    {
        if (m_repo) {
            m_repo->tags[name] = m_head;
        }
        return *this;
    }

    /// Commits the pending operations as refs/pr/N on top of main (main does not move) and opens
    /// pull request #N with `description` as its first comment.
    Builder &pullRequest(int num, const std::string &title, const std::string &author,
                         const std::string &description = {})
    {
        return prCommit(num, m_head, title, author, description);
    }

    /// Commits the pending operations on top of refs/pr/N (a commit pushed to the pull request).
    Builder &pushToPullRequest(int num, const std::string &title, const std::string &author)
    {
        if (m_error || !m_repo) {
            return *this;
        }
        return prCommit(num, m_repo->pullRequests[num], title, author, {});
    }

    /// A comment on discussion or pull request #N, a few hours after the previous event.
    Builder &comment(int num, const std::string &author, const std::string &text)
    {
        if (m_repo) {
            m_date += kDay / 8;
            demoComment(m_app, *m_repo, num, author, m_date, text);
        }
        return *this;
    }

    /// Closes #N, or marks it merged into main's current head.
    Builder &status(int num, const std::string &author, const std::string &status)
    {
        if (m_repo) {
            m_date += kDay / 8;
            demoStatus(m_app, *m_repo, num, author, m_date, status, status == "merged" ? m_head : std::string());
        }
        return *this;
    }

    /// A discussion (not a pull request) #N.
    Builder &discussion(int num, const std::string &title, const std::string &author, const std::string &text)
    {
        if (m_repo) {
            m_date += kDay / 8;
            demoDiscussion(m_app, *m_repo, num, title, author, m_date, text);
        }
        return *this;
    }

    Builder &setup(const std::string &gated, int64_t downloads, int64_t likes)
    {
        if (m_repo) {
            m_repo->gated = gated;
            m_repo->downloads = downloads;
            m_repo->likes = likes;
        }
        return *this;
    }

    Builder &prCommit(int num, const std::string &parent, const std::string &title, const std::string &author,
                      const std::string &description)
    {
        if (m_error || !m_repo) {
            return *this;
        }
        m_date += kDay / 3;
        auto id = m_app.commitOperations(parent, m_ops, author, m_date, title, "");
        m_ops.clear();
        if (!id) {
            m_error = id.error();
            return *this;
        }
        m_repo->pullRequests[num] = *id;
        m_app.notePullRequestCommit(*m_repo, num, m_head, *m_app.store().commit(*id), description);
        return *this;
    }

    Status finish()
    {
        if (m_error) {
            return *m_error;
        }
        return m_app.store().saveRepo(*m_repo);
    }

private:
    HubApp &m_app;
    RepoState *m_repo = nullptr;
    std::string m_head;
    int64_t m_date;
    std::vector<Operation> m_ops;
    std::optional<HubError> m_error;
};

std::string wordDetectorConfig(double threshold, int maxNum)
{
    json j{{"model_name", "word_detector"},
           {"input_size", {{"height", 448}, {"width", 448}}},
           {"output_size", {{"height", 224}, {"width", 224}}},
           {"fg_cc_threshold", threshold},
           {"fg_cc_max_num", maxNum},
           {"normalization", {{"scale", 0.00392156862745098}, {"shift", -0.5}}},
           {"map_ordering",
            {{"SEG_WORD", 0},
             {"SEG_SURROUNDING", 1},
             {"SEG_BACKGROUND", 2},
             {"GEO_TOP", 3},
             {"GEO_BOTTOM", 4},
             {"GEO_LEFT", 5},
             {"GEO_RIGHT", 6},
             {"NUM_MAPS", 7}}}};
    return j.dump(2) + "\n";
}

/// The header of a real safetensors file of carbune's BiLSTM with `layers` layers (F32, hidden
/// size 64, 20 input features, 41 output classes), and the size of the whole file.
std::pair<std::string, uint64_t> carbuneSafetensors(int layers)
{
    json header = json::object();
    uint64_t offset = 0;
    auto tensor = [&](const std::string &name, std::vector<uint64_t> shape) {
        uint64_t n = 1;
        for (uint64_t d : shape)
            n *= d;
        header[name] = {{"dtype", "F32"}, {"shape", shape}, {"data_offsets", {offset, offset + n * 4}}};
        offset += n * 4;
    };
    for (int l = 0; l < layers; ++l) {
        const uint64_t in = l == 0 ? 20 : 128;
        for (const char *dir : {"", "_reverse"}) {
            const std::string p = "lstm.weight_ih_l" + std::to_string(l) + dir;
            tensor(p, {256, in});
            tensor("lstm.weight_hh_l" + std::to_string(l) + dir, {256, 64});
            tensor("lstm.bias_ih_l" + std::to_string(l) + dir, {256});
            tensor("lstm.bias_hh_l" + std::to_string(l) + dir, {256});
        }
    }
    tensor("fc.weight", {41, 128});
    tensor("fc.bias", {41});
    header["__metadata__"] = {{"format", "pt"}};
    std::string text = header.dump();
    text.resize((text.size() + 7) / 8 * 8, ' '); // data 8-byte aligned, as the writers do
    std::string out(8, '\0');
    uint64_t len = text.size();
    for (int i = 0; i < 8; ++i)
        out[static_cast<size_t>(i)] = static_cast<char>((len >> (8 * i)) & 0xff);
    out += text;
    return {out, out.size() + offset};
}

std::string wordDetectorCard(const std::string &version, double f1, double precision, double recall)
{
    char metrics[600];
    std::snprintf(metrics, sizeof metrics,
                  "    metrics:\n    - type: f1\n      value: %.2f\n      name: F1\n"
                  "    - type: precision\n      value: %.2f\n      name: Precision\n"
                  "    - type: recall\n      value: %.2f\n      name: Recall\n",
                  f1, precision, recall);
    char f1Text[16];
    std::snprintf(f1Text, sizeof f1Text, "%.2f", f1);
    return "---\nlanguage: en\nlicense: mit\ntags:\n- word-detection\n- handwriting\n- onnx\n- xournalpp\n"
           "library_name: onnxruntime\npipeline_tag: object-detection\ndatasets:\n- PellelNitram/xournalpp_htr_IAM_DB\n"
           "model-index:\n- name: xournalpp-htr-word-detector\n  results:\n  - task:\n      type: object-detection\n"
           "      name: Word detection\n    dataset:\n      name: IAM Handwriting Database\n"
           "      type: PellelNitram/xournalpp_htr_IAM_DB\n      split: test\n" +
           std::string(metrics) + "---\n\n# Xournal++ HTR word detector (" + version +
           ")\n\nFinds handwritten words on a page so that the recogniser can read them one by one.\n\n"
           "## Model details\n\n| Property | Value |\n| --- | --- |\n| Architecture | ResNet18 encoder, FPN decoder |\n"
           "| Input | `image`, 1×1×448×448, grey, scaled to [-0.5, 0.5] |\n| Output | `maps` (softmax baked in) |\n"
           "| Format | ONNX, opset 17 |\n| Parameters | ~11.2M, fp32 |\n"
           "| Training data | [IAM_DB](https://huggingface.co/datasets/PellelNitram/xournalpp_htr_IAM_DB) |\n"
           "| Best val F1 | " +
           f1Text +
           " |\n| License | MIT |\n\n## Usage\n\n```python\nfrom xournalpp_htr.models import WordDetector\n"
           "detector = WordDetector.from_pretrained(\"PellelNitram/xournalpp-htr-word-detector\", revision=\"" +
           version +
           "\")\n```\n\n## How it works\n\nThe network predicts per-pixel maps; connected components above "
           "`fg_cc_threshold` become word boxes.\n\n## Training\n\n| Hyperparameter | Value |\n| --- | --- |\n"
           "| Epochs | 100 |\n| Batch size | 32 |\n| Optimiser | Adam, lr 1e-3 |\n\n## Intended use\n\n"
           "Detecting words in handwritten Xournal++ notes before recognition.\n";
}

std::string simpleHtrConfig()
{
    json charset = json::array();
    const std::string chars = " !\"#&'()*+,-./0123456789:;?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    for (char ch : chars) {
        charset.push_back(std::string(1, ch));
    }
    json j{{"model_name", "simple_htr"},
           {"input_size", {{"height", 32}, {"width", 128}}},
           {"charset", charset},
           {"num_classes", charset.size() + 1},
           {"normalization", {{"scale", 255.0}, {"shift", -0.5}}}};
    return j.dump(2) + "\n";
}

std::string gtJson(const std::string &stem, int page)
{
    json anns = json::array();
    for (int i = 0; i < 6; ++i) {
        anns.push_back({{"class", "word"},
                        {"page_index", 0},
                        {"layer_index", 0},
                        {"stroke_indices", {i * 3, i * 3 + 1, i * 3 + 2}},
                        {"text", std::string("word") + std::to_string(i)}});
    }
    json j{{"schema_version", "1.0.0"},
           {"annotator_id", "annotator"},
           {"created_at", formatIsoUtc(kBase + page * kDay)},
           {"source_document", {{"filename", stem + ".xopp"}, {"sha256", sha256Hex(randomBytes(stem, 12000))}}},
           {"annotations", anns}};
    return j.dump(2) + "\n";
}

} // namespace

Expected<std::string> generateLfsObject(Store &store, const std::string &seed, uint64_t size, const std::string &prefix)
{
    std::error_code ec;
    fs::create_directories(store.uploadsDir(), ec);
    const fs::path tmp = store.uploadsDir() / ("gen-" + std::to_string(fnv1a(seed)) + ".tmp");
    Hasher hasher(HashAlgo::Sha256);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        // A real file header first (a safetensors header, ...), then pseudo-random bytes.
        const size_t head = static_cast<size_t>(std::min<uint64_t>(prefix.size(), size));
        hasher.update(prefix.data(), head);
        out.write(prefix.data(), static_cast<std::streamsize>(head));
        Prng rng{fnv1a(seed)};
        std::vector<uint64_t> buf(1 << 17); // 1 MiB
        uint64_t left = size - head;
        while (left > 0) {
            for (auto &w : buf) {
                w = rng.next();
            }
            const size_t n = static_cast<size_t>(std::min<uint64_t>(left, buf.size() * 8));
            hasher.update(buf.data(), n);
            out.write(reinterpret_cast<const char *>(buf.data()), static_cast<std::streamsize>(n));
            left -= n;
        }
        if (!out) {
            return HubError::make(ErrorCode::DiskFull,
                                  "The sandbox could not write its demo files; free some disk space.", tmp.string());
        }
    }
    const std::string oid = hasher.finalHex();
    uint64_t have = 0;
    if (store.hasLfs(oid, &have) && have == size) {
        fs::remove(tmp, ec);
        return oid;
    }
    if (auto st = store.adoptLfsFile(tmp, oid); !st) {
        return st.error();
    }
    return oid;
}

static Status seedBigModel(HubApp &app)
{
    if (!app.options().bigModel || app.store().repo(RepoType::Model, demo::kBigModel)) {
        return {};
    }
    Builder big(app, RepoType::Model, demo::kBigModel, false, kBase + 40 * kDay);
    big.lfs("model.safetensors", "big-model", 2ull * 1024 * 1024 * 1024).commit("Upload model.safetensors");
    return big.finish();
}

Status seedDemoWorld(HubApp &app)
{
    Store &store = app.store();
    if (store.repo(RepoType::Model, demo::kWordDetector)) {
        return seedBigModel(app); // the base world is already in this data directory
    }
    const uint64_t scale = static_cast<uint64_t>(std::max(1, app.options().demoLfsScale));
    const auto mb = [scale](double megabytes) {
        return std::max<uint64_t>(64, static_cast<uint64_t>(megabytes * 1000 * 1000) / scale);
    };
    const std::string owner = demo::kDemoOwnerUser;

    // Word detector: one commit per file, three tagged releases, and a Community tab: a merged pull
    // request (v1.2.0's config), a question, a closed pull request and an open one under review.
    const std::string harald = demo::kDemoCollaboratorUser;
    const std::string reader = demo::kDemoReaderUser;
    Builder wd(app, RepoType::Model, demo::kWordDetector, false, kBase);
    wd.lfs("model.onnx", "word-detector-weights-1", mb(44.9)).commit("Upload model.onnx with huggingface_hub");
    wd.file("README.md", wordDetectorCard("v1.0.0", 0.84, 0.86, 0.82)).commit("Create README.md");
    wd.file("config.json", wordDetectorConfig(0.5, 1000))
        .commit("Upload config.json with huggingface_hub")
        .tag("v1.0.0");
    wd.lfs("model.onnx", "word-detector-weights-2", mb(44.9)).commit("Upload model.onnx with huggingface_hub");
    wd.file("README.md", wordDetectorCard("v1.1.0", 0.87, 0.88, 0.86)).commit("Update README.md");
    wd.file("config.json", wordDetectorConfig(0.45, 1000))
        .commit("Upload config.json with huggingface_hub")
        .tag("v1.1.0");
    wd.file("README.md", wordDetectorCard("v1.2.0", 0.88, 0.89, 0.87)).commit("Update README.md");
    wd.file("config.json", wordDetectorConfig(0.42, 1200))
        .pullRequest(1, "Lower fg_cc_threshold to 0.42 and allow 1200 words", harald,
                     "Dense lecture notes have more than 1000 words per page, so the detector dropped the last "
                     "lines. This raises `fg_cc_max_num` to **1200** and lowers the threshold a little.")
        .comment(1, owner, "Checked on the benchmark pages: no page is cut off any more. Merging for v1.2.0.");
    wd.file("config.json", wordDetectorConfig(0.42, 1200))
        .commit("Lower fg_cc_threshold to 0.42 and allow 1200 words (#1)")
        .tag("v1.2.0")
        .status(1, owner, "merged");
    wd.discussion(2, "Which Xournal++ version does the detector need?", reader,
                  "I'm on Xournal++ 1.1.3. Does the plugin work there, or do I need 1.2?")
        .comment(2, owner, "1.2.0 or newer: the plugin API it uses arrived in 1.2.");
    wd.lfs("onnx/model_fp16.onnx", "word-detector-fp16", mb(22.4))
        .pullRequest(3, "Add an fp16 export of model.onnx", harald,
                     "Half the size, and onnxruntime runs it on the GPU.")
        .comment(3, owner,
                 "Thanks! The fp16 export loses 0.02 F1 on the benchmark, so we'll keep fp32 for now. "
                 "Closing; let's revisit with quantisation-aware training.")
        .status(3, owner, "closed");
    wd.file("config.json", wordDetectorConfig(0.4, 1200))
        .pullRequest(4, "Lower fg_cc_threshold to 0.4", harald,
                     "Faint pencil strokes are still missed at 0.42. Lowering the threshold to **0.4** picks "
                     "them up.\n\n- tested on the benchmark dataset\n- no change to the weights")
        .comment(4, owner, "Looks good. Could you add the new eval numbers to the card, so Metrics shows them?")
        .comment(4, harald, "Sure, pushing them now.");
    wd.file("README.md", wordDetectorCard("v1.3.0", 0.89, 0.88, 0.90))
        .pushToPullRequest(4, "Update the eval results in README.md", harald);
    wd.setup("false", 1234, 7);
    if (auto st = wd.finish(); !st) {
        return st;
    }

    Builder sh(app, RepoType::Model, demo::kSimpleHtr, false, kBase + 10 * kDay);
    sh.lfs("model.onnx", "simple-htr-weights", mb(12.8)).commit("Upload model.onnx with huggingface_hub");
    sh.file("config.json", simpleHtrConfig()).commit("Upload config.json with huggingface_hub");
    sh.file("README.md",
            "---\nlanguage: en\nlicense: mit\ntags:\n- handwriting-recognition\n- onnx\n- xournalpp\n"
            "library_name: onnxruntime\npipeline_tag: image-to-text\n---\n\n# SimpleHTR for Xournal++ HTR\n\n"
            "Reads one handwritten word image (1×1×32×128) and outputs CTC `log_probs`.\n")
        .commit("Create README.md");
    sh.setup("false", 321, 3);
    if (auto st = sh.finish(); !st) {
        return st;
    }

    Builder cb(app, RepoType::Model, demo::kCarbune, false, kBase + 20 * kDay);
    cb.lfs("model.onnx", "carbune-weights", mb(4.2))
        .file("config.json", json{{"model_name", "carbune"}, {"hidden_size", 64}, {"num_layers", 3}}.dump(2) + "\n")
        .file("alphabet.json", json{{"alphabet", "abcdefghijklmnopqrstuvwxyz0123456789 .,"}}.dump() + "\n")
        .commit("Upload folder using huggingface_hub");
    cb.lfs("checkpoints/last.ckpt", "carbune-ckpt", mb(24.0))
        .commit("Upload checkpoints/last.ckpt with huggingface_hub");
    cb.file("README.md",
            "---\nlicense: mit\ntags:\n- handwriting-recognition\n- onnx\nlibrary_name: onnxruntime\n---\n\n"
            "# Carbune et al. online HTR (BiLSTM)\n")
        .commit("Create README.md");
    // The PyTorch weights as safetensors, then a version with one more LSTM layer: Compare tells
    // the added tensors from the headers alone.
    const auto [st3, st3Size] = carbuneSafetensors(3);
    cb.lfs("model.safetensors", "carbune-st-3", st3Size, st3)
        .commit("Upload model.safetensors with huggingface_hub")
        .tag("v1.0.0");
    const auto [st4, st4Size] = carbuneSafetensors(4);
    cb.lfs("model.safetensors", "carbune-st-4", st4Size, st4)
        .file("config.json", json{{"model_name", "carbune"}, {"hidden_size", 64}, {"num_layers", 4}}.dump(2) + "\n")
        .commit("Add a fourth LSTM layer")
        .tag("v1.1.0");
    cb.setup("false", 12, 1);
    if (auto st = cb.finish(); !st) {
        return st;
    }

    Builder gm(app, RepoType::Model, demo::kGatedModel, false, kBase + 25 * kDay);
    gm.lfs("model.onnx", "gated-weights", mb(8.0))
        .file("config.json", wordDetectorConfig(0.5, 800))
        .file("README.md", "---\nlicense: other\ntags:\n- onnx\nextra_gated_prompt: Please describe your use case.\n"
                           "library_name: onnxruntime\n---\n\n# Gated Xournal++ HTR model\n\nAsk for access first.\n")
        .commit("Upload folder using huggingface_hub");
    gm.setup("manual", 5, 0);
    if (auto st = gm.finish(); !st) {
        return st;
    }

    Builder ex(app, RepoType::Model, demo::kLongHistoryModel, false, kBase + 30 * kDay);
    std::string csv = "run,f1\n";
    for (int i = 1; i < demo::kLongHistoryCommits; ++i) {
        char row[64];
        std::snprintf(row, sizeof row, "%d,%.4f\n", i, 0.6 + 0.28 * i / demo::kLongHistoryCommits);
        csv += row;
        char name[64];
        std::snprintf(name, sizeof name, "runs/run-%03d.json", i);
        ex.file(name,
                json{{"run", i}, {"lr", 0.001 * (1 + i % 5)}, {"f1", 0.6 + 0.28 * i / demo::kLongHistoryCommits}}.dump(
                    2) +
                    "\n")
            .file("metrics.csv", csv)
            .commit("Log experiment run " + std::to_string(i));
    }
    ex.setup("false", 2, 0);
    if (auto st = ex.finish(); !st) {
        return st;
    }

    Builder hm(app, RepoType::Model, demo::kCollaboratorModel, false, kBase - 300 * kDay);
    hm.lfs("model.onnx", "harald-word-detector", mb(2.0))
        .file("README.md", "---\nlicense: mit\ntags:\n- word-detection\n---\n\n# WordDetectorNN\n\nThe original "
                           "word detector by Harald Scheidl.\n")
        .commit("Upload folder using huggingface_hub", demo::kDemoCollaboratorUser);
    hm.setup("false", 99, 12);
    if (auto st = hm.finish(); !st) {
        return st;
    }

    // Datasets
    Builder exd(app, RepoType::Dataset, demo::kExamplesDataset, false, kBase + 2 * kDay);
    exd.file("README.md", "---\nlicense: mit\ntask_categories:\n- image-to-text\npretty_name: Xournal++ HTR examples\n"
                          "---\n\n# Xournal++ HTR examples\n\nSmall .xopp/.xoj documents used in tests and demos.\n")
        .file("data/2024-07-26_minimal.xopp", randomBytes("2024-07-26_minimal", 23456))
        .file("data/first_upload.xoj", randomBytes("first_upload", 8123))
        .commit("Upload folder using huggingface_hub");
    exd.file("data/empty.xopp", randomBytes("empty.xopp", 312))
        .file("data/empty.xoj", randomBytes("empty.xoj", 298))
        .file("data/empty_and_not_empty.xopp", randomBytes("empty_and_not_empty", 4711))
        .commit("Add empty examples");
    exd.setup("false", 57, 2);
    if (auto st = exd.finish(); !st) {
        return st;
    }

    Builder bd(app, RepoType::Dataset, demo::kBenchmarkDataset, false, kBase + 3 * kDay);
    bd.file("README.md", "---\nlicense: mit\npretty_name: Xournal++ HTR benchmark\n---\n\n# Benchmark\n\n"
                         "Pairs of documents and ground truth (`.gt.json`).\n")
        .commit("Create README.md");
    int page = 0;
    for (const char *stem : {"2024-07-26_minimal", "2024-08-02_lecture", "2024-08-09_shopping", "2024-08-16_letter"}) {
        ++page;
        bd.file(std::string("data/") + stem + ".xopp", randomBytes(stem, 9000 + 1000 * static_cast<size_t>(page)))
            .file(std::string("data/") + stem + ".gt.json", gtJson(stem, page))
            .commit("Add annotated page " + std::string(stem), demo::kDemoReaderUser);
    }
    bd.setup("false", 40, 1);
    if (auto st = bd.finish(); !st) {
        return st;
    }

    Builder iam(app, RepoType::Dataset, demo::kPrivateDataset, true, kBase + 4 * kDay);
    iam.file("README.md", "---\nlicense: other\npretty_name: IAM Handwriting Database (raw)\n---\n\n# IAM_DB\n\n"
                          "Raw IAM files. Private: you need a token.\n")
        .commit("Create README.md");
    std::string words = "#--- words.txt: word id, segmentation, grey level, bbox, tag, transcription\n";
    int made = 0;
    for (int form = 1; made < demo::kPrivateDatasetWordFiles; ++form) {
        char formDir[16];
        std::snprintf(formDir, sizeof formDir, "a%02d", (form - 1) / 10 + 1);
        char doc[64];
        std::snprintf(doc, sizeof doc, "%s-%03du", formDir, (form - 1) % 10);
        for (int lineNo = 0; lineNo < 10 && made < demo::kPrivateDatasetWordFiles; ++lineNo) {
            for (int w = 0; w < 10 && made < demo::kPrivateDatasetWordFiles; ++w, ++made) {
                char id[128];
                std::snprintf(id, sizeof id, "%s-%02d-%02d", doc, lineNo, w);
                const std::string path = std::string("data/words/") + formDir + "/" + doc + "/" + id + ".png";
                iam.file(path, "\x89PNG\r\n\x1a\n" + randomBytes(id, 200 + static_cast<size_t>(made % 7) * 37));
                words += std::string(id) + " ok 154 408 768 27 51 AT A\n";
            }
        }
    }
    iam.commit("Upload folder using huggingface_hub");
    iam.file("data/ascii/words.txt", words).commit("Add ascii/words.txt");
    iam.setup("false", 0, 0);
    if (auto st = iam.finish(); !st) {
        return st;
    }

    // Spaces
    Builder sp(app, RepoType::Space, demo::kSpace, false, kBase + 5 * kDay, "docker");
    sp.file("README.md", "---\ntitle: Xournal++ HTR\nemoji: ✍️\ncolorFrom: blue\ncolorTo: green\nsdk: docker\n"
                         "app_port: 7860\nshort_description: Handwriting recognition for Xournal++ notes\n"
                         "pinned: false\n---\n\n# Xournal++ HTR demo\n")
        .file("Dockerfile", "FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n"
                            "CMD [\"python\", \"scripts/demo.py\"]\n")
        .file("requirements.txt", "onnxruntime==1.18.0\ngradio==4.44.1\n")
        .file("scripts/demo.py", "import gradio as gr\n\nprint('Xournal++ HTR demo')\n")
        .commit("Automated deployment from GitHub (source commit: 62747c)", "github-actions");
    sp.file("scripts/demo.py", "import gradio as gr\n\nprint('Xournal++ HTR demo, v2')\n")
        .commit("Automated deployment from GitHub (source commit: 9a1f3e)", "github-actions");
    sp.setup("false", 0, 4);
    if (auto st = sp.finish(); !st) {
        return st;
    }

    Builder at(app, RepoType::Space, "PellelNitram/xournalpp_htr_data_annotation_tool", false, kBase + 6 * kDay,
               "static");
    at.file("README.md", "---\ntitle: Data annotation tool\nemoji: 📝\ncolorFrom: yellow\ncolorTo: red\nsdk: static\n"
                         "pinned: false\n---\n")
        .file("index.html", "<!doctype html><html><body><script src=\"app.js\"></script></body></html>\n")
        .file("app.js", "console.log('annotate');\n")
        .file("style.css", "body { font-family: sans-serif; }\n")
        .commit("Upload folder using huggingface_hub");
    at.setup("false", 0, 1);
    if (auto st = at.finish(); !st) {
        return st;
    }

    return seedBigModel(app);
}

} // namespace hub::sandbox
