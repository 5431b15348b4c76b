#include "ui/compare/revisionfetch.h"

#include "hub/api/client.h"
#include "hub/compare/textdiff.h"
#include "hub/core/strings.h"

namespace hubui {

namespace {

constexpr size_t kMaxTextBytes = 512 * 1024;

struct Side {
    std::string commit;
    std::vector<hub::FileEntry> files;
    std::optional<std::string> config;
    std::optional<std::string> card;
};

hub::Expected<Side> fetchSide(hub::HubClient &client, const hub::RepoRef &repo, const std::string &revision)
{
    Side side;
    auto info = client.repoInfo(repo, revision);
    if (!info)
        return info.error();
    side.commit = info->sha;
    hub::TreeQuery q;
    q.revision = side.commit;
    q.recursive = true;
    auto tree = client.tree(repo, q);
    if (!tree)
        return tree.error();
    bool hasConfig = false, hasCard = false;
    for (const auto &e : *tree) {
        if (e.isDirectory())
            continue;
        hub::FileEntry f;
        f.path = e.path;
        f.oid = e.oid;
        f.size = e.lfs ? e.lfs->size : e.size;
        f.lfsOid = e.lfs ? e.lfs->oid : std::string();
        hasConfig = hasConfig || e.path == "config.json";
        hasCard = hasCard || e.path == "README.md";
        side.files.push_back(std::move(f));
    }
    if (hasConfig) {
        auto text = client.fetchSmallFile(repo, side.commit, "config.json", kMaxTextBytes);
        if (text)
            side.config = std::move(*text);
    }
    if (hasCard) {
        auto text = client.fetchSmallFile(repo, side.commit, "README.md", kMaxTextBytes);
        if (text)
            side.card = std::move(*text);
    }
    return side;
}

} // namespace

hub::Expected<RevisionPair> fetchRevisionPair(hub::HubClient &client, const hub::RepoRef &repo, const std::string &base,
                                              const std::string &head)
{
    RevisionPair pair;
    pair.base = base;
    pair.head = head;
    auto headSide = fetchSide(client, repo, head);
    if (!headSide)
        return headSide.error();
    pair.headCommit = headSide->commit;
    pair.headFiles = std::move(headSide->files);
    pair.headConfig = std::move(headSide->config);
    pair.headCard = std::move(headSide->card);
    if (!base.empty()) {
        auto baseSide = fetchSide(client, repo, base);
        if (!baseSide)
            return baseSide.error();
        pair.baseCommit = baseSide->commit;
        pair.baseFiles = std::move(baseSide->files);
        pair.baseConfig = std::move(baseSide->config);
        pair.baseCard = std::move(baseSide->card);
    }
    return pair;
}

bool isDiffableTextFile(const std::string &path, bool lfs, uint64_t size)
{
    if (lfs || size > kMaxTextBytes)
        return false;
    const std::string p = hub::toLower(path);
    for (const char *ext : {".md", ".json", ".yaml", ".yml", ".txt", ".py", ".cfg", ".toml", ".gitattributes", ".csv",
                            ".ini", ".js", ".html", ".css", ".lua"})
        if (hub::endsWith(p, ext))
            return true;
    return p == "dockerfile" || hub::endsWith(p, "/dockerfile");
}

hub::Expected<std::string> fetchTextDiff(hub::HubClient &client, const hub::RepoRef &repo, const std::string &base,
                                         const std::string &head, const std::string &oldPath,
                                         const std::string &newPath)
{
    std::string oldText, newText;
    if (!base.empty() && !oldPath.empty()) {
        auto t = client.fetchSmallFile(repo, base, oldPath, kMaxTextBytes);
        if (!t)
            return t.error();
        oldText = std::move(*t);
    }
    if (!newPath.empty()) {
        auto t = client.fetchSmallFile(repo, head, newPath, kMaxTextBytes);
        if (!t)
            return t.error();
        newText = std::move(*t);
    }
    const auto diff = hub::diffText(oldText, newText);
    if (diff.binary)
        return std::string("This file is binary: there is no text to compare.");
    if (diff.tooLarge)
        return std::string("This file changed too much to show a line-by-line difference.");
    if (diff.identical())
        return std::string("The text is identical.");
    return diff.unified(oldPath.empty() ? "/dev/null" : "a/" + oldPath, newPath.empty() ? "/dev/null" : "b/" + newPath);
}

} // namespace hubui
