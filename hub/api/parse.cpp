// Wire JSON of the repository-level endpoints: whoami, listings, info, refs, error bodies.
#include "hub/api/parse.h"

#include "hub/api/jsonfields.h"
#include "hub/core/strings.h"

#include <algorithm>

namespace hub {

using detail::bad;
using detail::Fields;
using detail::finish;
using detail::json;
using detail::parseArray;
using detail::parseJson;
using detail::parseObject;
using detail::readLfs;

namespace {

GitRef readRef(const json &item, const std::string &ctx, std::string *err)
{
    Fields f(item, ctx, err);
    GitRef r;
    r.name = f.str("name", true);
    r.ref = f.str("ref");
    r.targetCommit = f.str("targetCommit", true);
    return r;
}

} // namespace

std::string parseErrorMessage(std::string_view body)
{
    const std::string_view t = trim(body);
    if (t.empty() || t.size() > (1 << 20))
        return {};
    if (t.front() == '{' && detail::depthOk(t)) {
        json j = json::parse(t.begin(), t.end(), nullptr, false);
        if (j.is_object()) {
            std::string msg;
            if (auto it = j.find("error"); it != j.end()) {
                if (it->is_string())
                    msg = it->get<std::string>();
                else if (it->is_array())
                    for (const auto &e : *it)
                        if (e.is_string())
                            msg += (msg.empty() ? "" : "; ") + e.get<std::string>();
            }
            if (msg.empty())
                if (auto it = j.find("message"); it != j.end() && it->is_string())
                    msg = it->get<std::string>();
            if (msg.empty())
                if (auto it = j.find("errors"); it != j.end() && it->is_array())
                    for (const auto &e : *it)
                        if (e.is_object())
                            if (auto m = e.find("message"); m != e.end() && m->is_string())
                                msg += (msg.empty() ? "" : "; ") + m->get<std::string>();
            if (auto it = j.find("error_description"); it != j.end() && it->is_string())
                msg += (msg.empty() ? "" : ": ") + it->get<std::string>();
            return msg.substr(0, 500);
        }
        return {};
    }
    if (t.front() == '<' || t.front() == '[')
        return {}; // HTML pages and arrays carry no message for people
    return std::string(t.substr(0, 300));
}

Expected<WhoAmI> parseWhoAmI(std::string_view body)
{
    return parseObject(body, "whoami", "whoami", [&](Fields &f, std::string &err) {
        WhoAmI w;
        w.type = f.str("type");
        w.id = f.str("id");
        w.name = f.str("name", true);
        w.fullname = f.str("fullname");
        w.email = f.str("email");
        w.avatarUrl = f.str("avatarUrl");
        w.isPro = f.boolean("isPro");
        if (const json *orgs = f.array("orgs")) {
            size_t i = 0;
            for (const auto &o : *orgs) {
                Fields of(o, "whoami.orgs[" + std::to_string(i++) + "]", &err);
                w.orgs.push_back({of.str("name", true), of.str("fullname")});
            }
        }
        if (const json *auth = f.object("auth")) {
            Fields af(*auth, "whoami.auth", &err);
            if (const json *tok = af.object("accessToken")) {
                Fields tf(*tok, "whoami.auth.accessToken", &err);
                w.tokenName = tf.str("displayName");
                w.tokenRole = tf.str("role");
            }
        }
        return w;
    });
}

namespace {
void readRepoCommon(Fields &f, RepoType type, RepoSummary &r)
{
    r.type = type;
    r.mongoId = f.str("_id");
    r.id = f.str("id", true);
    r.author = f.str("author");
    r.isPrivate = f.boolean("private");
    r.gated = f.gated("gated");
    r.downloads = f.u64("downloads");
    r.likes = f.u64("likes");
    r.tags = f.strings("tags");
    r.pipelineTag = f.str("pipeline_tag");
    r.libraryName = f.str("library_name");
    r.sdk = f.str("sdk");
    r.createdAt = f.str("createdAt");
    r.lastModified = f.str("lastModified");
    r.sha = f.str("sha");
    if (r.author.empty()) {
        const auto slash = r.id.find('/');
        if (slash != std::string::npos)
            r.author = r.id.substr(0, slash);
    }
}
} // namespace

Expected<std::vector<RepoSummary>> parseRepoList(std::string_view body, RepoType type)
{
    return parseArray<RepoSummary>(body, "repository list", [&](const json &item, size_t i, std::string &err) {
        Fields f(item, "[" + std::to_string(i) + "]", &err);
        RepoSummary r;
        readRepoCommon(f, type, r);
        return r;
    });
}

Expected<RepoInfo> parseRepoInfo(std::string_view body, RepoType type)
{
    return parseObject(body, "repository info", "info", [&](Fields &f, std::string &err) {
        RepoSummary s;
        readRepoCommon(f, type, s);
        RepoInfo r;
        r.mongoId = s.mongoId;
        r.id = s.id;
        r.type = type;
        r.author = s.author;
        r.sha = f.str("sha", true);
        r.isPrivate = s.isPrivate;
        r.disabled = f.boolean("disabled");
        r.gated = s.gated;
        r.downloads = s.downloads;
        r.likes = s.likes;
        r.tags = s.tags;
        r.pipelineTag = s.pipelineTag;
        r.libraryName = s.libraryName;
        r.sdk = s.sdk;
        r.createdAt = s.createdAt;
        r.lastModified = s.lastModified;
        r.usedStorage = f.u64opt("usedStorage");
        if (const json *card = f.find("cardData"); card && card->is_object()) {
            if (auto lic = card->find("license"); lic != card->end() && lic->is_string())
                r.cardLicense = lic->get<std::string>();
        }
        if (const json *sib = f.array("siblings")) {
            size_t i = 0;
            for (const auto &item : *sib) {
                Fields sf(item, "info.siblings[" + std::to_string(i++) + "]", &err);
                RepoSibling s2;
                s2.path = sf.str("rfilename", true);
                s2.size = sf.u64opt("size");
                s2.blobId = sf.str("blobId");
                s2.lfs = readLfs(sf, "lfs", "sha256");
                r.siblings.push_back(std::move(s2));
            }
        }
        return r;
    });
}

Expected<Refs> parseRefs(std::string_view body)
{
    return parseObject(body, "refs", "refs", [&](Fields &f, std::string &err) {
        Refs r;
        auto readList = [&](const char *key, std::vector<GitRef> &out, bool required) {
            if (const json *arr = f.array(key, required)) {
                size_t i = 0;
                for (const auto &item : *arr)
                    out.push_back(readRef(item, std::string("refs.") + key + "[" + std::to_string(i++) + "]", &err));
            }
        };
        readList("branches", r.branches, true);
        readList("tags", r.tags, false);
        readList("converts", r.converts, false);
        readList("pullRequests", r.pullRequests, false);
        return r;
    });
}

} // namespace hub
