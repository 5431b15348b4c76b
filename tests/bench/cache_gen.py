#!/usr/bin/env python3
"""Generates a Python-layout hub cache for benchmarks: REPOS repos, FILES snapshot files in total
(two revisions per repo sharing half of their blobs, some nested paths, refs/main on the newer one).

    cache_gen.py ROOT REPOS FILES

Fast: tiny blobs written with os.open/os.write, links made with os.symlink relative to the
snapshot folder, no hashing of content (etags are derived from the indices). When ROOT already
holds a cache generated with the same parameters and generator version (ROOT.params), it
is reused as is; otherwise ROOT is removed and regenerated. The parameters are kept next to ROOT
(ROOT.params), not inside it, so the cache holds nothing a scanner would report."""
import os
import shutil
import sys

VERSION = 2


def etag(r, f, rev):
    # 64 hex characters, like a sha256 etag; unique per (repo, file, revision-or-shared).
    return f"{r:016x}{f:016x}{rev:016x}" + "ab" * 8


def commit(r, i):
    return f"{r:020x}{i:020x}"


def main():
    root, repos, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    stamp = root.rstrip("/") + ".params"
    params = f"version={VERSION} repos={repos} files={files}\n"
    try:
        with open(stamp) as fh:
            if fh.read() == params:
                print(f"Reusing the generated cache in {root}")
                return
    except OSError:
        pass
    if os.path.exists(stamp):
        os.remove(stamp)
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(root)
    per_rev = max(1, files // repos // 2)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    total = 0
    for r in range(repos):
        d = os.path.join(root, f"models--bench--repo{r:04d}")
        blobs = os.path.join(d, "blobs")
        os.makedirs(blobs)
        os.makedirs(os.path.join(d, "refs"))
        commits = [commit(r, i) for i in range(2)]
        made = set()
        for ci, c in enumerate(commits):
            snap = os.path.join(d, "snapshots", c)
            os.makedirs(snap)
            for p in range(7):
                os.makedirs(os.path.join(snap, "data", f"part{p}"))
            for f in range(per_rev):
                shared = f < per_rev // 2
                tag = etag(r, f, 0 if shared else ci + 1)
                if tag not in made:
                    made.add(tag)
                    fd = os.open(os.path.join(blobs, tag), flags, 0o644)
                    os.write(fd, f"repo {r} file {f} rev {0 if shared else ci}\n".encode() * (1 + f % 20))
                    os.close(fd)
                if f % 3 == 0:
                    path = f"data/part{f % 7}/file{f}.bin"
                else:
                    path = f"file{f}.json"
                os.symlink("../" * (2 + path.count("/")) + "blobs/" + tag, os.path.join(snap, path))
                total += 1
        with open(os.path.join(d, "refs", "main"), "w") as fh:
            fh.write(commits[1])
    with open(stamp, "w") as fh:
        fh.write(params)
    print(f"Generated {repos} repos / {total} snapshot files in {root}")


if __name__ == "__main__":
    main()
