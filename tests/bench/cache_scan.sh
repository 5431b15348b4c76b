#!/usr/bin/env bash
# Benchmark (not a test): `hubdesk-cli cache scan` vs `du -sL` vs @huggingface/hub scanCacheDir on a
# generated cache of 500 repos / 100,000 snapshot files. Targets: within 1.5x of du -sL, >= 10x
# faster than the npm package.
#   tests/bench/cache_scan.sh [path/to/hubdesk-cli] [repos] [files]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cli="${1:-${HUBDESK_CLI:-$here/../../build/app/hubdesk-cli}}"
repos="${2:-500}"
files="${3:-100000}"
hub_module="$here/../conformance/node_modules/@huggingface/hub/dist/index.mjs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "Generating $repos repos / $files snapshot files in $work ..."
python3 "$here/cache_gen.py" "$work/hub" "$repos" "$files"
du -sL "$work/hub" > /dev/null # warm the dentry/inode caches once, equally for everyone

now() { date +%s.%N; }
t0=$(now); "$cli" cache scan --cache-dir "$work/hub" > "$work/ours.txt"; t1=$(now)
ours=$(echo "$t1 - $t0" | bc)
t0=$(now); du -sL "$work/hub" > /dev/null; t1=$(now)
du=$(echo "$t1 - $t0" | bc)
t0=$(now); js_out=$(node "$here/cache_scan_js.mjs" "$work/hub" "$hub_module"); t1=$(now)
js_total=$(echo "$t1 - $t0" | bc)
js_scan=$(echo "$js_out" | cut -d' ' -f1)

printf '%-40s %8.3f s\n' "hubdesk-cli cache scan" "$ours"
printf '%-40s %8.3f s\n' "du -sL" "$du"
printf '%-40s %8.3f s (scan only; %.3f s with node start-up)\n' "@huggingface/hub scanCacheDir" "$js_scan" "$js_total"
printf 'ratio ours/du: %.2f (target <= 1.5)   npm/ours: %.1fx (target >= 10)\n' \
  "$(echo "$ours / $du" | bc -l)" "$(echo "$js_scan / $ours" | bc -l)"
grep "^Found" "$work/ours.txt" | head -1
echo "npm package: size $(echo "$js_out" | cut -d' ' -f2) bytes, $(echo "$js_out" | cut -d' ' -f3) repos"
