// Helpers for the cache conformance tests: run hubdesk-cli, start the sandbox if it serves, and
// build a Python-layout cache by hand.
import { spawn, execFile } from "node:child_process";
import { createInterface } from "node:readline";
import { mkdirSync, writeFileSync, symlinkSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";

export function runCli(args) {
  return new Promise((resolve) => {
    execFile(process.env.HUBDESK_CLI, args, { maxBuffer: 256 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

export async function scanJson(cacheDir) {
  const r = await runCli(["cache", "scan", "--json", "--cache-dir", cacheDir]);
  if (r.code !== 0) throw new Error(`cache scan failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/// Starts hubdesk-sandbox; resolves null (the caller skips) when it does not serve in time.
export async function trySandbox(timeoutMs = 15000) {
  const bin = process.env.HUBDESK_SANDBOX;
  if (!bin) return null;
  const child = spawn(bin, ["--port", "0", "--demo", "--demo-lfs-scale", "64"], { stdio: ["ignore", "pipe", "ignore"] });
  const lines = createInterface({ input: child.stdout });
  const baseUrl = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    lines.once("line", (line) => { clearTimeout(timer); resolve(line.trim()); });
    child.once("exit", () => { clearTimeout(timer); resolve(null); });
    child.once("error", () => { clearTimeout(timer); resolve(null); });
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  if (!baseUrl || !baseUrl.startsWith("http")) { await stop(); return null; }
  // It must actually answer the API, not only print a URL.
  try {
    const res = await fetch(`${baseUrl}/api/models/PellelNitram/xournalpp-htr-word-detector`);
    if (!res.ok) { await stop(); return null; }
  } catch { await stop(); return null; }
  return { baseUrl, stop };
}

export const sha256 = (b) => createHash("sha256").update(b).digest("hex");
export const gitSha1 = (b) => createHash("sha1").update(`blob ${b.length}\0`).update(b).digest("hex");

/// Writes a repo the way Python huggingface_hub does. files: [{commit, path, content, lfs}]
export function writePythonRepo(root, folder, files, refs) {
  const dir = join(root, folder);
  for (const f of files) {
    const etag = f.lfs ? sha256(f.content) : gitSha1(f.content);
    mkdirSync(join(dir, "blobs"), { recursive: true });
    writeFileSync(join(dir, "blobs", etag), f.content);
    const pointer = join(dir, "snapshots", f.commit, f.path);
    mkdirSync(dirname(pointer), { recursive: true });
    const ups = "../".repeat(2 + f.path.split("/").length - 1);
    symlinkSync(`${ups}blobs/${etag}`, pointer);
  }
  for (const [name, commit] of Object.entries(refs)) {
    mkdirSync(dirname(join(dir, "refs", name)), { recursive: true });
    writeFileSync(join(dir, "refs", name), commit);
  }
}
