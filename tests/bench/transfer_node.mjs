// Helper of transfer_bench.sh: @huggingface/hub's own download functions against the sandbox.
//   node transfer_node.mjs file HUB_URL REPO PATH CACHE_DIR
//   node transfer_node.mjs snapshot HUB_URL REPO - CACHE_DIR
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(path.join(here, "..", "conformance", "package.json"));
const hub = await import(pathToFileURL(require.resolve("@huggingface/hub")).href);

const [mode, hubUrl, repo, file, cacheDir] = process.argv.slice(2);
const accessToken = process.env.HF_TOKEN || undefined;
if (mode === "file") {
  const p = await hub.downloadFileToCacheDir({ repo, path: file, cacheDir, hubUrl, accessToken });
  console.log(p);
} else {
  const p = await hub.snapshotDownload({ repo, cacheDir, hubUrl, accessToken, revision: "main" });
  console.log(p);
}
