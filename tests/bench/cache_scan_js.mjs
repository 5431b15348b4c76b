// Times @huggingface/hub's scanCacheDir on one folder; prints seconds and the total size.

import { pathToFileURL } from "node:url";

const hubPath = process.argv[3];
const { scanCacheDir } = await import(pathToFileURL(hubPath).href);
const t0 = process.hrtime.bigint();
const info = await scanCacheDir(process.argv[2]);
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`${s.toFixed(3)} ${info.size} ${info.repos.length}`);

