// The official @huggingface/hub client against hubdesk-sandbox: reads, downloads, cache
// downloads, uploads (small, LFS, multipart), branches, deletes, access rules.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as hub from "@huggingface/hub";
import { startSandbox } from "./sandbox_helpers.mjs";

const OWNER = "hf_sandbox_PellelNitram_write";
const READER = "hf_sandbox_annotator_read";
const WD = { type: "model", name: "PellelNitram/xournalpp-htr-word-detector" };
const PRIVATE_DS = { type: "dataset", name: "PellelNitram/xournalpp_htr_IAM_DB" };
const GATED = { type: "model", name: "PellelNitram/xournalpp-htr-gated" };
const MULTIPART = 1024 * 1024;

let sb;
let hubUrl;
let cacheDir;

const sha256 = (buf) => createHash("sha256").update(buf).digest("hex");
const bytesOf = async (blob) => Buffer.from(await blob.arrayBuffer());
async function collect(iter) {
  const out = [];
  for await (const x of iter) out.push(x);
  return out;
}

before(async () => {
  sb = await startSandbox(["--multipart-threshold", String(MULTIPART)]);
  hubUrl = sb.baseUrl;
  cacheDir = await mkdtemp(join(tmpdir(), "hubdesk-conformance-cache-"));
});

after(async () => {
  await sb?.stop();
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

test("whoami answers for a token and refuses anonymous callers", async () => {
  const me = await hub.whoAmI({ accessToken: OWNER, hubUrl });
  assert.equal(me.name, "PellelNitram");
  assert.equal(me.auth.accessToken.role, "write");
  await assert.rejects(hub.whoAmI({ accessToken: "hf_not_a_known_token", hubUrl }));
});

test("lists models and datasets by author across pages", async () => {
  const models = await collect(hub.listModels({ search: { owner: "PellelNitram" }, hubUrl }));
  const names = models.map((m) => m.name);
  assert.ok(names.includes(WD.name));
  assert.ok(names.includes(GATED.name));
  assert.ok(models.every((m) => m.updatedAt instanceof Date && !isNaN(m.updatedAt)));
  const anonDatasets = (await collect(hub.listDatasets({ search: { owner: "PellelNitram" }, hubUrl }))).map((d) => d.name);
  assert.ok(anonDatasets.includes("PellelNitram/xournalpp_htr_examples"));
  assert.ok(!anonDatasets.includes(PRIVATE_DS.name), "private dataset must be hidden from anonymous callers");
  const ownerDatasets = (await collect(hub.listDatasets({ search: { owner: "PellelNitram" }, hubUrl, accessToken: OWNER }))).map((d) => d.name);
  assert.ok(ownerDatasets.includes(PRIVATE_DS.name));
});

test("model info, commits across pages and commit count agree", async () => {
  const info = await hub.modelInfo({ name: WD.name, hubUrl, additionalFields: ["sha", "cardData"] });
  assert.equal(info.name, WD.name);
  const commits = await collect(hub.listCommits({ repo: WD, hubUrl, batchSize: 3 }));
  assert.equal(commits[0].oid, info.sha);
  assert.equal(commits.at(-1).title, "initial commit");
  assert.equal(await hub.countCommits({ repo: WD, hubUrl }), commits.length);
  const long = await collect(hub.listCommits({ repo: { type: "model", name: "PellelNitram/xournalpp-htr-experiments" }, hubUrl, batchSize: 50 }));
  assert.ok(long.length > 150, `expected >150 commits, got ${long.length}`);
  assert.equal(new Set(long.map((c) => c.oid)).size, long.length);
});

test("lists thousands of files recursively in the private dataset with a token", async () => {
  const files = await collect(hub.listFiles({ repo: PRIVATE_DS, recursive: true, hubUrl, accessToken: OWNER }));
  const regular = files.filter((f) => f.type === "file");
  assert.ok(regular.length >= 5000, `expected >=5000 files, got ${regular.length}`);
  assert.ok(files.some((f) => f.type === "directory" && f.path === "data/words"));
  await assert.rejects(collect(hub.listFiles({ repo: PRIVATE_DS, hubUrl })), (e) => e.statusCode === 404);
  await assert.rejects(collect(hub.listFiles({ repo: PRIVATE_DS, hubUrl, accessToken: READER })), (e) => e.statusCode === 404);
});

test("paths-info returns LFS metadata and last commits", async () => {
  const infos = await hub.pathsInfo({ repo: WD, paths: ["model.onnx", "config.json", "missing.txt"], expand: true, hubUrl });
  assert.equal(infos.length, 2);
  const onnx = infos.find((i) => i.path === "model.onnx");
  assert.match(onnx.lfs.oid, /^[0-9a-f]{64}$/);
  assert.ok(onnx.size > 40_000_000);
  assert.ok(onnx.lastCommit.id.match(/^[0-9a-f]{40}$/));
});

test("downloads a regular and an LFS file with matching hashes, without leaking Authorization", async () => {
  await sb.admin("reset-blob-authorization", { method: "POST" });
  const config = await hub.downloadFile({ repo: WD, path: "config.json", revision: "v1.0.0", hubUrl, accessToken: OWNER });
  const cfg = JSON.parse((await bytesOf(config)).toString("utf8"));
  assert.equal(cfg.fg_cc_threshold, 0.5);
  const [info] = await hub.pathsInfo({ repo: WD, paths: ["model.onnx"], revision: "v1.1.0", hubUrl });
  const onnx = await hub.downloadFile({ repo: WD, path: "model.onnx", revision: "v1.1.0", hubUrl, accessToken: OWNER });
  const bytes = await bytesOf(onnx);
  assert.equal(bytes.length, info.size);
  assert.equal(sha256(bytes), info.lfs.oid);
  const state = await sb.admin("state");
  assert.equal(state.blobHostSawAuthorization, false, "the client sent Authorization to the blob host");
});

test("downloadFileToCacheDir and snapshotDownload fill a temporary cache", async () => {
  const p = await hub.downloadFileToCacheDir({ repo: WD, path: "model.onnx", revision: "v1.0.0", hubUrl, cacheDir });
  const [info] = await hub.pathsInfo({ repo: WD, paths: ["model.onnx"], revision: "v1.0.0", hubUrl });
  assert.equal(sha256(await readFile(p)), info.lfs.oid);
  const ex = { type: "dataset", name: "PellelNitram/xournalpp_htr_examples" };
  const snap = await hub.snapshotDownload({ repo: ex, hubUrl, cacheDir });
  const files = await collect(hub.listFiles({ repo: ex, recursive: true, hubUrl }));
  for (const f of files.filter((x) => x.type === "file")) {
    const local = await readFile(join(snap, f.path));
    assert.equal(local.length, f.size, f.path);
  }
});

test("creates a repo, uploads small, LFS and multipart files, and gets the same bytes back", async () => {
  const repo = { type: "model", name: "PellelNitram/conformance-upload" };
  await hub.createRepo({ repo, accessToken: OWNER, hubUrl });
  const small = Buffer.from("hello sandbox\n");
  const lfs = randomBytes(200_000);
  const large = randomBytes(MULTIPART * 2 + 12345);
  await hub.uploadFiles({
    repo, accessToken: OWNER, hubUrl, useXet: false,
    files: [
      { path: "notes/hello.txt", content: new Blob([small]) },
      { path: "weights.bin", content: new Blob([lfs]) },
      { path: "big/model.safetensors", content: new Blob([large]) },
    ],
  });
  for (const [path, want] of [["notes/hello.txt", small], ["weights.bin", lfs], ["big/model.safetensors", large]]) {
    const got = await bytesOf(await hub.downloadFile({ repo, path, hubUrl, accessToken: OWNER }));
    assert.equal(sha256(got), sha256(want), path);
  }
  const [info] = await hub.pathsInfo({ repo, paths: ["big/model.safetensors"], hubUrl });
  assert.equal(info.lfs.oid, sha256(large));

  await hub.createBranch({ repo, branch: "experiment", accessToken: OWNER, hubUrl });
  let refs = await (await fetch(`${hubUrl}/api/models/${repo.name}/refs`)).json();
  assert.ok(refs.branches.some((b) => b.name === "experiment"));
  await hub.deleteBranch({ repo, branch: "experiment", accessToken: OWNER, hubUrl });
  refs = await (await fetch(`${hubUrl}/api/models/${repo.name}/refs`)).json();
  assert.ok(!refs.branches.some((b) => b.name === "experiment"));

  await hub.deleteFile({ repo, path: "notes/hello.txt", accessToken: OWNER, hubUrl });
  assert.equal(await hub.fileExists({ repo, path: "notes/hello.txt", hubUrl }), false);
  assert.equal(await hub.fileExists({ repo, path: "weights.bin", hubUrl }), true);

  await assert.rejects(hub.uploadFile({ repo, accessToken: READER, hubUrl, useXet: false, file: { path: "x.txt", content: new Blob(["x"]) } }));
});

test("private and gated repos answer by token", async () => {
  await assert.rejects(hub.datasetInfo({ name: PRIVATE_DS.name, hubUrl }), (e) => e.statusCode === 404);
  await assert.rejects(hub.datasetInfo({ name: PRIVATE_DS.name, hubUrl, accessToken: READER }), (e) => e.statusCode === 404);
  const ds = await hub.datasetInfo({ name: PRIVATE_DS.name, hubUrl, accessToken: OWNER });
  assert.equal(ds.private, true);

  await assert.rejects(hub.downloadFile({ repo: GATED, path: "config.json", hubUrl }), (e) => e.statusCode === 401);
  await assert.rejects(hub.downloadFile({ repo: GATED, path: "config.json", hubUrl, accessToken: READER }), (e) => e.statusCode === 403);
  assert.ok(await hub.downloadFile({ repo: GATED, path: "config.json", hubUrl, accessToken: OWNER }));
  await sb.admin("gated", { method: "POST", body: JSON.stringify({ type: "model", repo: GATED.name, user: "annotator" }) });
  const blob = await hub.downloadFile({ repo: GATED, path: "model.onnx", hubUrl, accessToken: READER });
  const [info] = await hub.pathsInfo({ repo: GATED, paths: ["model.onnx"], hubUrl });
  assert.equal(sha256(await bytesOf(blob)), info.lfs.oid);
});

test("a pull request uploaded with isPullRequest opens a discussion with its first events", async () => {
  const repo = { type: "model", name: "PellelNitram/conformance-pr" };
  await hub.createRepo({ repo, accessToken: OWNER, hubUrl });
  const out = await hub.uploadFiles({
    repo, accessToken: OWNER, hubUrl, useXet: false, isPullRequest: true,
    commitTitle: "Add weights", commitDescription: "Trained for 10 epochs",
    files: [
      { path: "notes.txt", content: new Blob(["pr\n"]) },
      { path: "weights.bin", content: new Blob([randomBytes(100_000)]) },
    ],
  });
  assert.match(out.pullRequestUrl, /\/discussions\/1$/);
  const list = await (await fetch(`${hubUrl}/api/models/${repo.name}/discussions`)).json();
  assert.equal(list.count, 1);
  assert.equal(list.discussions[0].isPullRequest, true);
  assert.equal(list.discussions[0].status, "open");
  const pr = await (await fetch(`${hubUrl}/api/models/${repo.name}/discussions/1?diff=1`)).json();
  assert.equal(pr.title, "Add weights");
  assert.deepEqual(pr.events.map((e) => e.type), ["comment", "commit"]);
  assert.equal(pr.events[0].data.latest.raw, "Trained for 10 epochs");
  assert.equal(pr.events[1].data.oid, out.commit.oid);
  assert.equal(pr.changes.base, "refs/heads/main");
  assert.deepEqual(pr.filesWithConflicts, []);
  assert.match(pr.diff, /\+\+\+ b\/notes\.txt/);
  // A second commit to refs/pr/1 is pushed onto the same pull request.
  await hub.uploadFile({
    repo, accessToken: OWNER, hubUrl, useXet: false, branch: "refs/pr/1",
    file: { path: "more.txt", content: new Blob(["more\n"]) },
  });
  const again = await (await fetch(`${hubUrl}/api/models/${repo.name}/discussions/1`)).json();
  assert.deepEqual(again.events.map((e) => e.type), ["comment", "commit", "commit"]);
});
