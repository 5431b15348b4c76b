#!/usr/bin/env bash
# Benchmark (not a test): `hubdesk-cli cache scan` vs `du -sL` vs @huggingface/hub scanCacheDir on a
# generated cache of 500 repos / 100,000 snapshot files, from one run, as one ratio table.
# Targets (issue 5): within 1.5x of du -sL, >= 10x faster than the npm package.
#   tests/bench/cache_scan.sh [path/to/hubdesk-cli] [repos] [files]
# The generated cache is kept in $HUBDESK_BENCH_DIR (default /tmp/hubdesk-bench) and reused while
# its parameters match. RUNS=3 COLD=1 COLD_RUNS=3 NPM=1: see cache_scan_run.py.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cli="$(realpath "${1:-${HUBDESK_CLI:-$here/../../build/app/hubdesk-cli}}")"
repos="${2:-500}"
files="${3:-100000}"
hub_module="$here/../conformance/node_modules/@huggingface/hub/dist/index.mjs"
bench_dir="${HUBDESK_BENCH_DIR:-/tmp/hubdesk-bench}"
cache="$bench_dir/cache-$repos-$files/hub"
mkdir -p "$(dirname "$cache")"
[ -f "$hub_module" ] || echo "note: $hub_module missing (run npm ci in tests/conformance); npm row skipped"
t0=$(date +%s.%N)
python3 "$here/cache_gen.py" "$cache" "$repos" "$files"
printf 'Cache ready in %.1f s: %s\n' "$(echo "$(date +%s.%N) - $t0" | bc)" "$cache"
echo "Command under test: $cli cache scan --cache-dir $cache"
exec python3 "$here/cache_scan_run.py" "$cli" "$cache" "$hub_module" "$here/cache_scan_js.mjs"
