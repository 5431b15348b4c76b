// Wire JSON of the upload protocol: create repo, preupload, LFS batch, commit.
#include "hub/api/parse.h"

#include "hub/api/curlsetup.h"
#include "hub/api/jsonfields.h"
#include "hub/core/strings.h"
#include "hub/core/validate.h"

#include <algorithm>

namespace hub {

using detail::bad;
using detail::Fields;
using detail::finish;
using detail::json;
using detail::parseJson;
using detail::parseObject;

/// S3 allows 10,000 parts per multipart upload; more is an answer to refuse, not to allocate for.
constexpr size_t kMaxUploadParts = 10000;

Expected<CreateRepoResult> parseCreateRepo(std::string_view body)
{
    return parseObject(body, "create repository", "create", [&](Fields &f, std::string & /*err*/) {
        CreateRepoResult r;
        r.url = f.str("url", true);
        r.id = f.str("name");
        r.mongoId = f.str("id");
        return r;
    });
}

Expected<PreuploadResult> parsePreupload(std::string_view body)
{
    return parseObject(body, "preupload", "preupload", [&](Fields &f, std::string &err) {
        PreuploadResult r;
        r.commitOid = f.str("commitOid");
        if (const json *files = f.array("files", true)) {
            size_t i = 0;
            for (const auto &item : *files) {
                Fields ff(item, "preupload.files[" + std::to_string(i++) + "]", &err);
                PreuploadFile p;
                p.path = ff.str("path", true);
                const std::string mode = ff.str("uploadMode", true);
                if (mode == "lfs")
                    p.uploadMode = UploadMode::Lfs;
                else if (mode == "regular")
                    p.uploadMode = UploadMode::Regular;
                else
                    ff.fail("uploadMode", "is neither \"lfs\" nor \"regular\"");
                p.shouldIgnore = ff.boolean("shouldIgnore");
                p.oid = ff.str("oid");
                r.files.push_back(std::move(p));
            }
        }
        return r;
    });
}

namespace {
std::optional<LfsAction> readAction(Fields &f, const char *key, std::string *err)
{
    const json *a = f.object(key);
    if (!a)
        return std::nullopt;
    Fields af(*a, f.ctx() + "." + key, err);
    LfsAction action;
    action.href = af.str("href", true);
    action.expiresAt = af.str("expires_at");
    if (const json *h = af.object("header")) {
        for (auto it = h->begin(); it != h->end(); ++it) {
            if (it.value().is_string())
                action.header[it.key()] = it.value().get<std::string>();
            else if (it.value().is_number_unsigned())
                action.header[it.key()] = std::to_string(it.value().get<uint64_t>());
            else
                af.fail("header", "has a value that is not a string");
        }
    }
    return action;
}

bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
} // namespace

namespace {
Expected<LfsBatchResult> parseLfsBatchFields(std::string_view body);

/// Every address of a batch answer is checked before the first byte is sent anywhere: an href
/// such as file:///home/user/.bashrc must not even reach a handle (hub/api/curlsetup.h).
Expected<void> checkBatchAddresses(const LfsBatchResult &r)
{
    for (const auto &o : r.objects) {
        if (!isSha256(o.oid))
            return HubError::make(ErrorCode::BadResponse,
                                  "The Hub's upload answer names a file by an id that is not a SHA-256; nothing "
                                  "was sent.",
                                  escapeControls(o.oid));
        if (o.partUrls.size() > kMaxUploadParts)
            return HubError::make(ErrorCode::BadResponse, "The Hub's upload answer splits a file into more than " +
                                                              std::to_string(kMaxUploadParts) +
                                                              " parts; nothing was sent.");
        for (const auto *a : {&o.upload, &o.verify})
            if (*a)
                if (auto ok = checkServerUrl((*a)->href, "an upload address"); !ok)
                    return ok.error();
        for (const auto &u : o.partUrls)
            if (auto ok = checkServerUrl(u, "an upload part address"); !ok)
                return ok.error();
    }
    return {};
}
} // namespace

Expected<LfsBatchResult> parseLfsBatch(std::string_view body)
{
    auto parsed = parseLfsBatchFields(body);
    if (!parsed)
        return parsed;
    if (auto ok = checkBatchAddresses(*parsed); !ok)
        return ok.error();
    return parsed;
}

namespace {
Expected<LfsBatchResult> parseLfsBatchFields(std::string_view body)
{
    return parseObject(body, "LFS batch", "batch", [&](Fields &f, std::string &err) {
        LfsBatchResult r;
        r.transfer = f.str("transfer");
        if (r.transfer.empty())
            r.transfer = "basic";
        if (const json *objects = f.array("objects", true)) {
            size_t i = 0;
            for (const auto &item : *objects) {
                Fields of(item, "batch.objects[" + std::to_string(i++) + "]", &err);
                LfsBatchObject o;
                o.oid = of.str("oid", true);
                o.size = of.u64("size", true);
                if (const json *e = of.object("error")) {
                    Fields ef(*e, of.ctx() + ".error", &err);
                    o.errorCode = static_cast<int>(std::min<uint64_t>(ef.u64("code"), 999));
                    o.errorMessage = ef.str("message");
                    if (o.errorCode == 0)
                        o.errorCode = 500;
                }
                if (const json *actions = of.object("actions")) {
                    Fields acf(*actions, of.ctx() + ".actions", &err);
                    o.upload = readAction(acf, "upload", &err);
                    o.verify = readAction(acf, "verify", &err);
                }
                if (o.upload && o.upload->header.count("chunk_size")) {
                    uint64_t chunk = 0;
                    if (!parseUint64(o.upload->header["chunk_size"], chunk) || chunk == 0) {
                        of.fail("actions.upload.header.chunk_size", "is not a positive integer");
                    } else {
                        std::vector<std::pair<uint64_t, std::string>> parts;
                        for (const auto &[k, v] : o.upload->header) {
                            uint64_t n = 0;
                            if (allDigits(k) && parseUint64(k, n))
                                parts.emplace_back(n, v);
                        }
                        std::sort(parts.begin(), parts.end());
                        for (size_t p = 0; p < parts.size(); ++p)
                            if (parts[p].first != p + 1)
                                of.fail("actions.upload.header", "part numbers are not 1..n");
                        const uint64_t expected = (o.size + chunk - 1) / chunk;
                        if (parts.size() != expected)
                            of.fail("actions.upload.header", "part count does not match size / chunk_size");
                        o.chunkSize = chunk;
                        for (auto &p : parts)
                            o.partUrls.push_back(std::move(p.second));
                    }
                }
                r.objects.push_back(std::move(o));
            }
        }
        return r;
    });
}
} // namespace

Expected<CommitResult> parseCommitResult(std::string_view body)
{
    return parseObject(body, "commit", "commit", [&](Fields &f, std::string & /*err*/) {
        CommitResult r;
        r.commitOid = f.str("commitOid", true);
        r.commitUrl = f.str("commitUrl", true);
        r.pullRequestUrl = f.str("pullRequestUrl");
        r.hookOutput = f.str("hookOutput");
        return r;
    });
}

} // namespace hub
