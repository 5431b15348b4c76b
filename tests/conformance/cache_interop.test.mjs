// hubdesk-cli's cache against @huggingface/hub (2.17.5), a client nobody here wrote.
// (0) same cache, both scanners: same repos, sizes and revisions (no sandbox needed);
// (a) a cache built by the package's snapshotDownload/downloadFileToCacheDir from the sandbox Hub
//     is read by `hubdesk-cli cache scan --json` with the same paths, sizes and commits;
// (b) a cache written by HubDesk (`hubdesk-cli download`) is seen by scanCacheDir and served from
//     disk by downloadFileToCacheDir/snapshotDownload without another transfer.
// Known deviations of the package from the Python layout (hub-cache.md §5) are noted inline.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync, realpathSync, readdirSync, lstatSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { scanCacheDir, snapshotDownload, downloadFileToCacheDir } from "@huggingface/hub";
import { runCli, scanJson, trySandbox, writePythonRepo } from "./cache_helpers.mjs";

const WORD = "PellelNitram/xournalpp-htr-word-detector";
const C1 = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
const C2 = "0f1e2d3c4b5a69788796a5b4c3d2e1f001234567";

function walkFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walkFiles(p));
    else out.push(p);
  }
  return out;
}

test("(0) both scanners agree on a Python-layout cache", async (t) => {
  const root = mkdtempSync(join(tmpdir(), "hubdesk-cache-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const cfg = Buffer.alloc(600, 1);
  writePythonRepo(root, "models--PellelNitram--xournalpp-htr-word-detector", [
    { commit: C1, path: "config.json", content: cfg, lfs: false },
    { commit: C1, path: "model.onnx", content: Buffer.alloc(45000, 2), lfs: true },
    { commit: C2, path: "config.json", content: cfg, lfs: false },
    { commit: C2, path: "model.onnx", content: Buffer.alloc(45000, 3), lfs: true },
  ], { main: C2, "v1.0.0": C1 });
  writePythonRepo(root, "datasets--PellelNitram--xournalpp_htr_examples", [
    { commit: C2.replace("0f", "d4"), path: "README.md", content: Buffer.alloc(800, 4), lfs: false },
  ], { main: C2.replace("0f", "d4") });

  const js = await scanCacheDir(root);
  const ours = await scanJson(root);
  assert.equal(js.warnings.length, 0);
  assert.equal(ours.repos.length, js.repos.length);
  assert.equal(ours.size_on_disk, js.size);
  for (const jr of js.repos) {
    const id = `${jr.id.type}/${jr.id.name}`;
    const or = ours.repos.find((r) => r.id === id);
    assert.ok(or, `missing ${id}`);
    assert.equal(or.size_on_disk, jr.size);
    assert.equal(or.nb_files, jr.filesCount);
    assert.deepEqual(or.revisions.map((r) => r.commit).sort(), jr.revisions.map((r) => r.commitOid).sort());
    for (const rev of jr.revisions) {
      const orev = or.revisions.find((r) => r.commit === rev.commitOid);
      assert.deepEqual([...orev.refs].sort(), [...rev.refs].sort());
      // The package sums revision sizes without de-duplication; with distinct files per revision
      // that equals our size_on_disk.
      assert.equal(orev.size_on_disk, rev.size);
    }
  }
});

test("(0) deviations: nested refs and nested snapshot files are invisible to scanCacheDir", async (t) => {
  const root = mkdtempSync(join(tmpdir(), "hubdesk-cache-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  writePythonRepo(root, "models--o--nested", [
    { commit: C1, path: "onnx/fp16/model.onnx", content: Buffer.alloc(1000, 5), lfs: true },
    { commit: C1, path: "config.json", content: Buffer.alloc(10, 6), lfs: false },
  ], { "refs/pr/1": C1, "feature/x": C1 });
  const js = await scanCacheDir(root);
  const ours = await scanJson(root);
  const or = ours.repos[0];
  // Ours: both refs, both files, 1010 bytes (like Python's scan_cache_dir).
  assert.deepEqual(or.revisions[0].refs, ["feature/x", "refs/pr/1"]);
  assert.equal(or.size_on_disk, 1010);
  assert.deepEqual(or.revisions[0].files.map((f) => f.path), ["config.json", "onnx/fp16/model.onnx"]);
  // @huggingface/hub reads refs/ and snapshots/ non-recursively (hub-cache.md §5.1).
  assert.deepEqual(js.repos[0].revisions[0].refs, []);
  assert.equal(js.repos[0].size, 10);
});

test("(a) a cache built by @huggingface/hub from the sandbox is read identically", async (t) => {
  const sb = await trySandbox();
  if (!sb) { t.skip("hubdesk-sandbox does not serve the demo Hub yet (no URL or no API answer)"); return; }
  const root = mkdtempSync(join(tmpdir(), "hubdesk-cache-"));
  t.after(async () => { await sb.stop(); rmSync(root, { recursive: true, force: true }); });
  const repo = { type: "model", name: WORD };
  const snap = await snapshotDownload({ repo, cacheDir: root, hubUrl: sb.baseUrl });
  const commit = snap.split("/").pop();
  // downloadFileToCacheDir with revision "main" stores under the file's lastCommit and writes no
  // ref (hub-cache.md §5.2): the snapshot id can differ from main's commit.
  const single = await downloadFileToCacheDir({ repo, path: "config.json", cacheDir: root, hubUrl: sb.baseUrl });
  const ours = await scanJson(root);
  const or = ours.repos.find((r) => r.id === `model/${WORD}`);
  assert.ok(or, "repo not found by hubdesk-cli cache scan");
  assert.equal(or.damaged, false, JSON.stringify(or.problems));
  // snapshotDownload writes refs/main (plain writeFile, no newline), which we must accept.
  assert.equal(or.refs.main, commit);
  const rev = or.revisions.find((r) => r.commit === commit);
  assert.ok(rev);
  const onDisk = walkFiles(snap).map((p) => relative(snap, p)).sort();
  assert.deepEqual(rev.files.map((f) => f.path).sort(), onDisk);
  for (const f of rev.files) {
    const p = join(snap, f.path);
    assert.equal(f.size, statSync(p).size, f.path);
    assert.equal(realpathSync(f.blob_path), realpathSync(p), f.path);
  }
  const singleCommit = relative(join(root, "models--PellelNitram--xournalpp-htr-word-detector", "snapshots"), single).split("/")[0];
  assert.ok(or.revisions.some((r) => r.commit === singleCommit));
  const js = await scanCacheDir(root);
  assert.equal(or.size_on_disk, js.repos[0].size);
});

test("(b) a cache written by HubDesk is used by @huggingface/hub without another transfer", async (t) => {
  const sb = await trySandbox();
  if (!sb) { t.skip("hubdesk-sandbox does not serve the demo Hub yet (no URL or no API answer)"); return; }
  const root = mkdtempSync(join(tmpdir(), "hubdesk-cache-"));
  t.after(async () => { await sb.stop(); rmSync(root, { recursive: true, force: true }); });
  const dl = await runCli(["download", WORD, "--endpoint", sb.baseUrl, "--cache-dir", root, "--quiet",
    "--state-dir", join(root, "..", `state-${process.pid}`)]);
  if (dl.code !== 0) { t.skip(`hubdesk-cli download is not working yet: ${dl.stderr.trim()}`); return; }
  const ours = await scanJson(root);
  const or = ours.repos.find((r) => r.id === `model/${WORD}`);
  assert.ok(or);
  const commit = or.refs.main;
  assert.match(commit, /^[0-9a-f]{40}$/);

  const js = await scanCacheDir(root);
  assert.equal(js.warnings.length, 0, String(js.warnings));
  const jr = js.repos.find((r) => r.id.name === WORD);
  assert.ok(jr);
  assert.deepEqual(jr.revisions.map((r) => r.commitOid), [commit]);
  assert.deepEqual(jr.revisions[0].refs, ["main"]);
  assert.equal(jr.size, or.size_on_disk);

  const blobsDir = join(root, "models--PellelNitram--xournalpp-htr-word-detector", "blobs");
  const before = Object.fromEntries(readdirSync(blobsDir).map((n) => [n, lstatSync(join(blobsDir, n)).ino]));
  // With a commit id the package looks at snapshots/ first: no network at all (dead hub URL).
  for (const f of or.revisions[0].files) {
    const p = await downloadFileToCacheDir({ repo: { type: "model", name: WORD }, path: f.path, revision: commit,
      cacheDir: root, hubUrl: "http://127.0.0.1:9" });
    assert.equal(p, f.file_path);
  }
  // snapshotDownload asks the Hub for the listing but must not download any blob again.
  const snap = await snapshotDownload({ repo: { type: "model", name: WORD }, cacheDir: root, hubUrl: sb.baseUrl });
  assert.equal(snap.split("/").pop(), commit);
  const after = Object.fromEntries(readdirSync(blobsDir).map((n) => [n, lstatSync(join(blobsDir, n)).ino]));
  assert.deepEqual(after, before);
  assert.ok(!readdirSync(blobsDir).some((n) => n.endsWith(".incomplete")));
  assert.ok(existsSync(join(snap, "config.json")));
});
