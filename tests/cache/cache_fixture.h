#pragma once
// Builds realistic hub caches on disk, by hand (not with CacheWriter), exactly in the layout
// Python huggingface_hub writes: refs without newline, relative links, blobs named by etag.
// Used by the scan/clean/verify tests so they do not depend on the writer under test.

#include "hub/core/hash.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace fixture {

namespace fs = std::filesystem;

inline void writeFile(const fs::path &p, const std::string &content)
{
    fs::create_directories(p.parent_path());
    std::ofstream f(p, std::ios::binary | std::ios::trunc);
    f << content;
}

inline std::string readFile(const fs::path &p)
{
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

/// Deterministic filler of `size` bytes.
inline std::string bytes(size_t size, char seed)
{
    std::string s(size, '\0');
    for (size_t i = 0; i < size; ++i)
        s[i] = static_cast<char>(seed + static_cast<char>((i * 31) % 251));
    return s;
}

/// One repo folder being written by hand.
struct Repo {
    fs::path dir;

    /// Writes blobs/<etag> (sha256 name when lfs, git sha1 otherwise); returns the etag.
    std::string blob(const std::string &content, bool lfs) const
    {
        const std::string etag = lfs ? hub::sha256Hex(content) : hub::gitBlobSha1Hex(content);
        writeFile(dir / "blobs" / etag, content);
        return etag;
    }
    /// snapshots/<commit>/<path> -> ../../(../)*blobs/<etag>
    void link(const std::string &commit, const std::string &path, const std::string &etag) const
    {
        const fs::path pointer = dir / "snapshots" / commit / path;
        fs::create_directories(pointer.parent_path());
        std::string target = "../../";
        for (char c : path)
            if (c == '/')
                target += "../";
        target += "blobs/" + etag;
        fs::create_symlink(target, pointer);
    }
    std::string file(const std::string &commit, const std::string &path, const std::string &content, bool lfs) const
    {
        const std::string etag = blob(content, lfs);
        link(commit, path, etag);
        return etag;
    }
    void ref(const std::string &name, const std::string &commit) const { writeFile(dir / "refs" / name, commit); }
};

inline std::string commitId(char c)
{
    return std::string(40, c);
}

// Commits of the demo world (made-up but stable).
inline const std::string kV1 = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";       // v1.0.0
inline const std::string kMain = "0f1e2d3c4b5a69788796a5b4c3d2e1f001234567";     // main, refs/pr/1
inline const std::string kOld = "99999999aaaaaaaabbbbbbbbccccccccdddddddd";      // detached
inline const std::string kExamples = "d46812cf696a52322aba3fd5cfbd45f8b3352343"; // dataset main

/// Contents and expected numbers of the standard fixture.
struct Fixture {
    fs::path root;
    std::string gitattributes = bytes(1500, 'g');
    std::string config = bytes(600, 'c');
    std::string onnxV1 = bytes(45000, 'o');
    std::string onnxMain = bytes(45000, 'p');
    std::string onnxOld = bytes(30000, 'q');
    std::string readme = bytes(3000, 'r');
    std::string exReadme = bytes(800, 'e');
    std::string exMinimal = bytes(20000, 'x');
    std::string exEmpty = bytes(300, 'z');
    std::string partial = bytes(12345, 'i');
    std::map<std::string, std::string> etags; // "config" -> etag...

    Repo word() const { return {root / "models--PellelNitram--xournalpp-htr-word-detector"}; }
    Repo examples() const { return {root / "datasets--PellelNitram--xournalpp_htr_examples"}; }
    Repo damaged() const { return {root / "models--PellelNitram--xournalpp-htr-simple-htr"}; }

    uint64_t wordSize() const
    {
        return gitattributes.size() + config.size() + onnxV1.size() + onnxMain.size() + onnxOld.size() + readme.size();
    }
    uint64_t examplesSize() const { return exReadme.size() + exMinimal.size() + exEmpty.size(); }
};

/// first-users.md §5 "Cache fixture": word detector with v1.0.0 and main sharing config.json (and
/// .gitattributes) but not model.onnx; a detached old revision; refs/pr/1; a branch with a slash;
/// the examples dataset with one snapshot and nested paths; a stale lock; a .no_exist marker; an
/// abandoned partial; a damaged repo (broken link + ref to a missing snapshot); stray root files.
inline Fixture build(const fs::path &root)
{
    Fixture f;
    f.root = root;
    fs::create_directories(root);
    writeFile(root / "CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n");
    writeFile(root / ".DS_Store", "x");

    const Repo w = f.word();
    f.etags["gitattributes"] = w.file(kV1, ".gitattributes", f.gitattributes, false);
    f.etags["config"] = w.file(kV1, "config.json", f.config, false);
    f.etags["onnxV1"] = w.file(kV1, "model.onnx", f.onnxV1, true);
    w.link(kMain, ".gitattributes", f.etags["gitattributes"]);
    w.link(kMain, "config.json", f.etags["config"]);
    f.etags["onnxMain"] = w.file(kMain, "model.onnx", f.onnxMain, true);
    f.etags["readme"] = w.file(kMain, "README.md", f.readme, false);
    f.etags["onnxOld"] = w.file(kOld, "model.onnx", f.onnxOld, true);
    w.link(kOld, "config.json", f.etags["config"]);
    w.ref("main", kMain);
    w.ref("v1.0.0", kV1);
    w.ref("refs/pr/1", kMain);
    w.ref("feature/quantized", kV1);
    writeFile(w.dir / ".no_exist" / kMain / "tokenizer.json", "");
    writeFile(w.dir / "blobs" / (hub::sha256Hex("unfinished") + ".incomplete"), f.partial);
    writeFile(root / ".locks" / "models--PellelNitram--xournalpp-htr-word-detector" / (f.etags["onnxV1"] + ".lock"),
              "");

    const Repo e = f.examples();
    f.etags["exReadme"] = e.file(kExamples, "README.md", f.exReadme, false);
    f.etags["exMinimal"] = e.file(kExamples, "data/2024-07-26_minimal.xopp", f.exMinimal, true);
    f.etags["exEmpty"] = e.file(kExamples, "data/empty.xopp", f.exEmpty, false);
    e.ref("main", kExamples);

    const Repo d = f.damaged();
    d.file(commitId('5'), "config.json", bytes(100, 'd'), false);
    d.link(commitId('5'), "model.onnx", hub::sha256Hex("never downloaded"));
    d.ref("main", commitId('6'));
    return f;
}

/// A cache with the shared blob store of newer huggingface_hub (hub-cache.md §1.13; Python's
/// utils/_shared_blobs.py), built by hand from that description:
///   blobs/.huggingface-shared-blobs            "1\n" (without it the folder is no store)
///   blobs/<hh>/<hash>  + <hash>.refs (+ .lock)  stored file, manifest lines "<folder>/blobs/<etag>"
///   <repo>/blobs/<etag> -> ../../blobs/<hh>/<hash>   and snapshots link to blobs/<etag> as always
/// Contents: `shared` is used by model o/a and dataset o/b, `onlyA` by o/a only, `unused` by
/// nobody (its manifest names a repo that is gone). Traps that must never be followed: o/a's
/// outside.bin is a blob link out of the cache root to a file laid out like a stored one, and
/// blobs/<hh>/<hash> of `trap` is a link to a file outside instead of a stored file.
struct SharedStoreFixture {
    fs::path root;
    fs::path outside;
    std::string shared = bytes(8192, 's');
    std::string onlyA = bytes(3000, 'a');
    std::string unused = bytes(1234, 'u');
    std::string configA = bytes(500, 'c');
    std::string readmeB = bytes(700, 'r');
    std::string outsideContent = bytes(999, 'o');
    std::string secret = "outside the cache: never counted, hashed or removed";
    // Made-up Xet hashes (a real one is a Merkle hash only a Xet client computes).
    std::string hShared = hub::sha256Hex("xet:shared");
    std::string hOnlyA = hub::sha256Hex("xet:onlyA");
    std::string hUnused = hub::sha256Hex("xet:unused");
    std::string hOutside = hub::sha256Hex("xet:outside");
    std::string hTrap = hub::sha256Hex("xet:trap");
    // Repo blob names: LFS files are named by their SHA-256.
    std::string eShared = hub::sha256Hex(shared);
    std::string eOnlyA = hub::sha256Hex(onlyA);
    std::string eUnused = hub::sha256Hex(unused);
    std::string eOutside = hub::sha256Hex(outsideContent);

    Repo a() const { return {root / "models--o--a"}; }
    Repo b() const { return {root / "datasets--o--b"}; }
    fs::path store(const std::string &hash) const { return root / "blobs" / hash.substr(0, 2) / hash; }
    fs::path manifest(const std::string &hash) const { return store(hash).string() + ".refs"; }
    fs::path marker() const { return root / "blobs" / ".huggingface-shared-blobs"; }
    uint64_t storeBytes() const { return shared.size() + onlyA.size() + unused.size(); }
};

/// `<repo>/blobs/<etag>` -> ../../blobs/<hh>/<hash>, plus the manifest line, the way Python does
/// it (line first, then the link).
inline void linkToStore(const fs::path &root, const Repo &repo, const std::string &etag, const std::string &hash)
{
    const std::string line = repo.dir.filename().string() + "/blobs/" + etag + "\n";
    const fs::path manifest = root / "blobs" / hash.substr(0, 2) / (hash + ".refs");
    writeFile(manifest, readFile(manifest) + line);
    fs::create_directories(repo.dir / "blobs");
    fs::create_symlink("../../blobs/" + hash.substr(0, 2) + "/" + hash, repo.dir / "blobs" / etag);
}

inline void storeFile(const fs::path &root, const std::string &hash, const std::string &content)
{
    const fs::path p = root / "blobs" / hash.substr(0, 2) / hash;
    writeFile(p, content);
    ::chmod(p.c_str(), 0444); // read-only, like Python's stored files
    writeFile(p.string() + ".lock", "");
}

inline SharedStoreFixture buildSharedStore(const fs::path &root, const fs::path &outside)
{
    SharedStoreFixture f;
    f.root = root;
    f.outside = outside;
    fs::create_directories(root);
    writeFile(f.marker(), "1\n");
    storeFile(root, f.hShared, f.shared);
    storeFile(root, f.hOnlyA, f.onlyA);
    storeFile(root, f.hUnused, f.unused);
    writeFile(f.manifest(f.hUnused), "models--o--gone/blobs/" + f.eUnused + "\n");

    const Repo a = f.a();
    linkToStore(root, a, f.eShared, f.hShared);
    linkToStore(root, a, f.eOnlyA, f.hOnlyA);
    ::chmod(f.manifest(f.hShared).c_str(), 0666); // Python lets every user append
    a.link(kMain, "model.safetensors", f.eShared);
    a.link(kMain, "weights/only.bin", f.eOnlyA);
    a.file(kMain, "config.json", f.configA, false);
    a.ref("main", kMain);

    const Repo b = f.b();
    linkToStore(root, b, f.eShared, f.hShared);
    b.link(kExamples, "data/train.bin", f.eShared);
    b.file(kExamples, "README.md", f.readmeB, false);
    b.ref("main", kExamples);

    // Trap 1: a repo blob link out of the cache root, to a file laid out like a stored one.
    const fs::path fake = outside / "blobs" / f.hOutside.substr(0, 2) / f.hOutside;
    writeFile(fake, f.outsideContent);
    fs::create_symlink(fake, a.dir / "blobs" / f.eOutside);
    a.link(kMain, "outside.bin", f.eOutside);
    // Trap 2: a link where a stored file belongs.
    writeFile(outside / "secret.bin", f.secret);
    fs::create_directories(f.store(f.hTrap).parent_path());
    fs::create_symlink(outside / "secret.bin", f.store(f.hTrap));
    writeFile(f.manifest(f.hTrap), "");
    return f;
}

} // namespace fixture
