// The official @huggingface/hub client against hubdesk-sandbox in its Xet-era mode (--xet-era:
// X-Xet-Hash, X-Linked-*, Link on LFS resolves, xetHash in trees; short-lived storage URLs bound
// to the range of their resolve). The client must see a Xet-backed file, and still download it
// through the bridge redirect like the Hub's non-Xet clients, with verified bytes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as hub from "@huggingface/hub";
import { startSandbox } from "./sandbox_helpers.mjs";

const WD = { type: "model", name: "PellelNitram/xournalpp-htr-word-detector" };
let sb;
let hubUrl;
let cacheDir;
const sha256 = (buf) => createHash("sha256").update(buf).digest("hex");

before(async () => {
  sb = await startSandbox(["--xet-era", "--bind-url-ranges", "--signed-url-lifetime", "60", "--demo-lfs-scale", "16"]);
  hubUrl = sb.baseUrl;
  cacheDir = await mkdtemp(join(tmpdir(), "hubdesk-conformance-xet-"));
});

after(async () => {
  await sb?.stop();
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

test("the resolve answer of an LFS file looks Xet-backed", async () => {
  const res = await fetch(`${hubUrl}/${WD.name}/resolve/main/model.onnx`, { method: "HEAD", redirect: "manual" });
  assert.equal(res.status, 302);
  assert.match(res.headers.get("x-xet-hash"), /^[0-9a-f]{64}$/);
  assert.match(res.headers.get("link"), /rel="xet-auth"/);
  assert.match(res.headers.get("location"), /Expires=\d+&Policy=.*&Signature=.*&Key-Pair-Id=/);
  const files = [];
  for await (const f of hub.listFiles({ repo: WD, hubUrl })) files.push(f);
  const onnx = files.find((f) => f.path === "model.onnx");
  assert.equal(onnx.xetHash, res.headers.get("x-xet-hash"));
});

test("fileDownloadInfo, downloadFile and downloadFileToCacheDir go through the bridge", async () => {
  const [info] = await hub.pathsInfo({ repo: WD, paths: ["model.onnx"], hubUrl });
  const dl = await hub.fileDownloadInfo({ repo: WD, path: "model.onnx", hubUrl });
  assert.equal(dl.size, info.size);
  assert.equal(dl.etag.replaceAll('"', ""), info.lfs.oid);
  assert.equal(dl.xet, undefined, "no Xet protocol offered: the client stays on the bridge");
  const blob = await hub.downloadFile({ repo: WD, path: "model.onnx", hubUrl });
  assert.equal(sha256(Buffer.from(await blob.arrayBuffer())), info.lfs.oid);
  const p = await hub.downloadFileToCacheDir({ repo: WD, path: "model.onnx", hubUrl, cacheDir });
  assert.equal(sha256(await readFile(p)), info.lfs.oid);
});
