#!/usr/bin/env python3
"""Generates a Python-layout hub cache for benchmarks: REPOS repos, FILES snapshot files in total
(two revisions per repo sharing half of their blobs, some nested paths)."""
import hashlib, os, sys

root, repos, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
per_rev = max(1, files // repos // 2)
for r in range(repos):
    d = os.path.join(root, f"models--bench--repo{r:04d}")
    os.makedirs(os.path.join(d, "blobs"), exist_ok=True)
    commits = [hashlib.sha1(f"{r}-{i}".encode()).hexdigest() for i in range(2)]
    for ci, commit in enumerate(commits):
        for f in range(per_rev):
            shared = f < per_rev // 2
            content = f"repo {r} file {f} rev {0 if shared else ci}".encode() * (1 + f % 20)
            etag = hashlib.sha256(content).hexdigest()
            blob = os.path.join(d, "blobs", etag)
            if not os.path.exists(blob):
                with open(blob, "wb") as fh:
                    fh.write(content)
            path = f"data/part{f % 7}/file{f}.bin" if f % 3 == 0 else f"file{f}.json"
            pointer = os.path.join(d, "snapshots", commit, path)
            os.makedirs(os.path.dirname(pointer), exist_ok=True)
            os.symlink("../" * (2 + path.count("/")) + "blobs/" + etag, pointer)
    os.makedirs(os.path.join(d, "refs"), exist_ok=True)
    with open(os.path.join(d, "refs", "main"), "w") as fh:
        fh.write(commits[1])
