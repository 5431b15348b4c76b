#!/usr/bin/env bash
# Transfer benchmark: starts hubdesk-sandbox (with its 2 GiB model) and prints, from one run, a
# table comparing hubdesk-cli with curl, aria2c and @huggingface/hub on the same disk.
#
#   tests/bench/transfer_bench.sh [BUILD_DIR]     (default: build)
#   ONLY=small tests/bench/transfer_bench.sh ...  only the many-small-files case (IAM_DB, 5,003
#                                                 files): no 2 GiB model, a minute or so
#
# Needs: a built hubdesk-cli and hubdesk-sandbox, curl, aria2c, node (tests/conformance/node_modules
# installed), openssl, jq, /usr/bin/time. Uses about 12 GB in $BENCH_TMP (default /tmp).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${1:-$ROOT/build}"
CLI="$BUILD/app/hubdesk-cli"
SANDBOX="$BUILD/app/hubdesk-sandbox"
NODE_HELPER="$ROOT/tests/bench/transfer_node.mjs"
for tool in "$CLI" "$SANDBOX"; do
  [[ -x "$tool" ]] || { echo "missing $tool (build hubdesk-cli and hubdesk-sandbox first)" >&2; exit 2; }
done

WORK="$(mktemp -d "${BENCH_TMP:-/tmp}/hubdesk-bench.XXXXXX")"
SANDBOX_PID=""
cleanup() {
  [[ -n "$SANDBOX_PID" ]] && kill "$SANDBOX_PID" 2>/dev/null && wait "$SANDBOX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

TOKEN="hf_sandbox_PellelNitram_write"
BIG_REPO="PellelNitram/xournalpp-htr-big"
BIG_FILE="model.safetensors"
SMALL_REPO="PellelNitram/bench-small-files"
SMALL_COUNT="${SMALL_COUNT:-2000}"
IAM_REPO="PellelNitram/xournalpp_htr_IAM_DB" # the demo world's private dataset: 5,003 files, 1.8 MB
ONLY="${ONLY:-all}"
[[ "$ONLY" == all || "$ONLY" == small ]] || { echo "ONLY must be all or small" >&2; exit 2; }
BIG_MODEL=(--big-model)
TOOLS=(curl aria2c node openssl jq bc /usr/bin/time)
if [[ "$ONLY" == small ]]; then BIG_MODEL=(); TOOLS=(curl node jq bc); fi
for tool in "${TOOLS[@]}"; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 2; }
done

echo "Starting the sandbox (first start writes the 2 GiB model)..." >&2
# Basic (single PUT) uploads for every size, so HubDesk and curl -T send the same request.
"$SANDBOX" --demo "${BIG_MODEL[@]}" --data "$WORK/hub" --multipart-threshold 8589934592 >"$WORK/sandbox.url" 2>"$WORK/sandbox.log" &
SANDBOX_PID=$!
for _ in $(seq 1 600); do [[ -s "$WORK/sandbox.url" ]] && break; sleep 0.5; done
URL="$(head -1 "$WORK/sandbox.url")"
[[ -n "$URL" ]] || { echo "sandbox did not start" >&2; cat "$WORK/sandbox.log" >&2; exit 1; }
export HF_ENDPOINT="$URL" HF_HOME="$WORK/hf-home"
unset HF_TOKEN HF_HUB_CACHE

now() { date +%s.%N; }
elapsed() { local e; e=$(echo "$2 - $1" | bc -l); echo "   ... $(printf "%.2f" "$e") s" >&2; echo "$e"; }
secs() { printf "%.2f" "$1"; }
ratio() { printf "%.2f" "$(echo "$1 / $2" | bc -l)"; }
rss_mb() { awk '/Maximum resident set size/ {printf "%.1f", $6/1024}' "$1"; }
drop_dir() { rm -rf "$1"; sync; }

# ---- many small files: the IAM_DB dataset (5,003 files of ~200-450 bytes), private (token).
# The floor is curl fetching the same 5,003 URLs, 8 at a time, into a plain folder (no hashing, no
# fsync, no cache layout); HubDesk writes the Hugging Face cache with every blob verified and
# durable before its link is made. Prints t_iam_* for the table.
small_files_case() {
  local auth=(-H "Authorization: Bearer $TOKEN") commit next
  commit=$(curl -sf "${auth[@]}" "$URL/api/datasets/$IAM_REPO/revision/main" | jq -r .sha)
  next="$URL/api/datasets/$IAM_REPO/tree/$commit?recursive=true"
  : >"$WORK/iam.paths"
  while [[ -n "$next" ]]; do # follow the listing's Link: rel="next" pages
    curl -sf "${auth[@]}" -D "$WORK/iam.headers" "$next" | jq -r '.[] | select(.type == "file") | .path' >>"$WORK/iam.paths"
    next=$(tr -d '\r' <"$WORK/iam.headers" | awk 'tolower($1) == "link:" && /rel="next"/ {sub(/^[^<]*</, ""); sub(/>.*/, ""); print}')
  done
  n_iam=$(wc -l <"$WORK/iam.paths")
  awk -v base="$URL/datasets/$IAM_REPO/resolve/$commit/" -v out="$WORK/iam-curl/" \
    '{printf "url = \"%s%s\"\noutput = \"%s%s\"\n", base, $0, out, $0}' "$WORK/iam.paths" >"$WORK/iam.curlrc"
  sync

  echo "small: curl --parallel --parallel-max 8 of the $n_iam URLs..." >&2
  t0=$(now); curl --parallel --parallel-max 8 --no-progress-meter -fL --create-dirs "${auth[@]}" -K "$WORK/iam.curlrc"
  t_iam_curl=$(elapsed "$t0" "$(now)")
  n_iam_curl=$(find "$WORK/iam-curl" -type f | wc -l)
  drop_dir "$WORK/iam-curl"
  t0=$(now); curl --parallel --parallel-max 8 --no-progress-meter -fL --create-dirs "${auth[@]}" -K "$WORK/iam.curlrc"; sync -f "$WORK/iam-curl"
  t_iam_curl_sync=$(elapsed "$t0" "$(now)")
  drop_dir "$WORK/iam-curl"

  echo "small: HubDesk download of the revision..." >&2
  t0=$(now)
  "$CLI" download "$IAM_REPO" --type dataset --token "$TOKEN" --cache-dir "$WORK/c-iam-hd" --state-dir "$WORK/st-iam" --quiet >/dev/null
  t_iam_hd=$(elapsed "$t0" "$(now)")
  n_iam_hd=$(find "$WORK/c-iam-hd" -path '*/snapshots/*' -type l | wc -l)
  drop_dir "$WORK/c-iam-hd"; rm -rf "$WORK/st-iam"

  echo "small: @huggingface/hub snapshotDownload (JS; Python's huggingface_hub is not installable here)..." >&2
  t0=$(now)
  HF_TOKEN="$TOKEN" node "$NODE_HELPER" snapshot "$URL" "datasets/$IAM_REPO" - "$WORK/c-iam-node" >/dev/null
  t_iam_node=$(elapsed "$t0" "$(now)")
  n_iam_node=$(find "$WORK/c-iam-node" -path '*/snapshots/*' -type l | wc -l)
  drop_dir "$WORK/c-iam-node"
}

small_files_table() {
  printf "\n%s small files (IAM_DB, %s listed; linked: HubDesk %s, curl %s files, JS %s); load average now %s\n" \
    "$n_iam" "$n_iam" "$n_iam_hd" "$n_iam_curl" "$n_iam_node" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf "  HubDesk %s s | curl floor %s s | curl + sync %s s | snapshotDownload (JS) %s s\n" "$(secs "$t_iam_hd")" \
    "$(secs "$t_iam_curl")" "$(secs "$t_iam_curl_sync")" "$(secs "$t_iam_node")"
  printf "  HubDesk / curl floor: %sx (target <= 1.5)   HubDesk / (curl + sync): %sx\n" \
    "$(ratio "$t_iam_hd" "$t_iam_curl")" "$(ratio "$t_iam_hd" "$t_iam_curl_sync")"
  printf "  snapshotDownload / HubDesk: %sx faster (target >= 20 against the official client)\n" \
    "$(ratio "$t_iam_node" "$t_iam_hd")"
}

if [[ "$ONLY" == small ]]; then
  small_files_case
  small_files_table
  exit 0
fi

BIG_SIZE=$(curl -sI "$URL/$BIG_REPO/resolve/main/$BIG_FILE" | awk -F': ' 'tolower($1)=="x-linked-size" {print $2}' | tr -d '\r')
BLOB_URL=$(curl -sI "$URL/$BIG_REPO/resolve/main/$BIG_FILE" | awk -F': ' 'tolower($1)=="location" {print $2}' | tr -d '\r')
echo "Big file: $BIG_SIZE bytes" >&2

# ---- 1. one 2 GiB LFS file into an empty cache
# ROUNDS rounds (default 3), the tools taking turns in each, so a load spike or a writeback burst
# from the previous run hits all of them alike; each row is the median.
ROUNDS="${ROUNDS:-3}"
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
T_HD=() T_FIXED=() T_CURL=() T_CURL_SYNC=() T_ARIA=() T_NODE=()
for round in $(seq 1 "$ROUNDS"); do
  echo "1/4 round $round of $ROUNDS: HubDesk download (verified)..." >&2
  t0=$(now)
  /usr/bin/time -v -o "$WORK/rss-down.txt" "$CLI" download "$BIG_REPO" "$BIG_FILE" --cache-dir "$WORK/c-hubdesk" --state-dir "$WORK/st-hd" --quiet >/dev/null
  T_HD+=("$(elapsed "$t0" "$(now)")"); drop_dir "$WORK/c-hubdesk"; rm -rf "$WORK/st-hd"

  echo "1/4 round $round: HubDesk with all 8 connections at once (--fixed-connections)..." >&2
  t0=$(now)
  "$CLI" download "$BIG_REPO" "$BIG_FILE" --cache-dir "$WORK/c-hubdesk" --state-dir "$WORK/st-hd" --fixed-connections --quiet >/dev/null
  T_FIXED+=("$(elapsed "$t0" "$(now)")"); drop_dir "$WORK/c-hubdesk"; rm -rf "$WORK/st-hd"

  echo "1/4 round $round: curl -o..." >&2
  t0=$(now); curl -sfL -o "$WORK/curl.bin" "$URL/$BIG_REPO/resolve/main/$BIG_FILE"; T_CURL+=("$(elapsed "$t0" "$(now)")")
  drop_dir "$WORK/curl.bin"
  # HubDesk fsyncs a blob before it becomes visible; this run does the same with curl.
  t0=$(now); curl -sfL -o "$WORK/curl.bin" "$URL/$BIG_REPO/resolve/main/$BIG_FILE"; sync "$WORK/curl.bin"
  T_CURL_SYNC+=("$(elapsed "$t0" "$(now)")")
  if [[ "$round" == 1 ]]; then
    t0=$(now); sha256sum "$WORK/curl.bin" >/dev/null; t_sha=$(elapsed "$t0" "$(now)")
  fi
  drop_dir "$WORK/curl.bin"

  echo "1/4 round $round: aria2c -x8..." >&2
  t0=$(now); aria2c -q -x8 -s8 -k1M --allow-overwrite=true -d "$WORK/aria" -o big.bin "$BLOB_URL"; T_ARIA+=("$(elapsed "$t0" "$(now)")")
  drop_dir "$WORK/aria"

  echo "1/4 round $round: @huggingface/hub downloadFileToCacheDir..." >&2
  t0=$(now); node "$NODE_HELPER" file "$URL" "$BIG_REPO" "$BIG_FILE" "$WORK/c-node" >/dev/null; T_NODE+=("$(elapsed "$t0" "$(now)")")
  drop_dir "$WORK/c-node"
done
t_hd=$(median "${T_HD[@]}"); t_fixed=$(median "${T_FIXED[@]}"); t_curl=$(median "${T_CURL[@]}")
t_curl_sync=$(median "${T_CURL_SYNC[@]}"); t_aria=$(median "${T_ARIA[@]}"); t_node=$(median "${T_NODE[@]}")

# ---- 2. a revision of 2,000 small files
echo "2/4 preparing $SMALL_COUNT small files..." >&2
mkdir -p "$WORK/small"
for i in $(seq 1 "$SMALL_COUNT"); do
  d=$(( i % 20 )); mkdir -p "$WORK/small/d$d"
  head -c $(( 500 + (i * 37) % 4000 )) /dev/urandom | base64 > "$WORK/small/d$d/f$i.txt"
done
curl -sf -X POST "$URL/api/repos/create" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"bench-small-files","organization":"PellelNitram","type":"model"}' >/dev/null
"$CLI" upload "$SMALL_REPO" "$WORK/small" --message "Add small files" --token "$TOKEN" --quiet >/dev/null

echo "2/4 HubDesk download of the revision..." >&2
t0=$(now); "$CLI" download "$SMALL_REPO" --cache-dir "$WORK/c-small-hd" --quiet >/dev/null; t_small_hd=$(elapsed "$t0" "$(now)")
n_hd=$(find "$WORK/c-small-hd" -path '*/snapshots/*' -type l | wc -l)
echo "2/4 @huggingface/hub snapshotDownload..." >&2
t0=$(now); node "$NODE_HELPER" snapshot "$URL" "$SMALL_REPO" - "$WORK/c-small-node" >/dev/null; t_small_node=$(elapsed "$t0" "$(now)")
drop_dir "$WORK/c-small-hd"; drop_dir "$WORK/c-small-node"

# ---- 2b. the 5,003 files of IAM_DB against the curl floor
small_files_case

# ---- 3. one 2 GiB file up
echo "3/4 preparing two 2 GiB files..." >&2
head -c "$BIG_SIZE" /dev/urandom > "$WORK/up-hd.bin"
head -c "$BIG_SIZE" /dev/urandom > "$WORK/up-curl.bin"
sync # so writing back these 4 GiB does not slow whichever upload runs first
curl -sf -X POST "$URL/api/repos/create" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"bench-upload","organization":"PellelNitram","type":"model"}' >/dev/null

echo "3/4 HubDesk upload..." >&2
t0=$(now)
/usr/bin/time -v -o "$WORK/rss-up.txt" "$CLI" upload PellelNitram/bench-upload "$WORK/up-hd.bin" --path-in-repo big.bin \
  --message "Add big file" --token "$TOKEN" --quiet >/dev/null
t_up_hd=$(elapsed "$t0" "$(now)")

echo "3/4 openssl dgst -sha256 + curl -T..." >&2
t0=$(now)
OID=$(openssl dgst -sha256 -r "$WORK/up-curl.bin" | cut -d' ' -f1)
HREF=$(curl -sf -X POST "$URL/PellelNitram/bench-upload.git/info/lfs/objects/batch" -H "Authorization: Bearer $TOKEN" \
  -H 'Accept: application/vnd.git-lfs+json' -H 'Content-Type: application/vnd.git-lfs+json' \
  -d "{\"operation\":\"upload\",\"transfers\":[\"basic\"],\"hash_algo\":\"sha256\",\"objects\":[{\"oid\":\"$OID\",\"size\":$BIG_SIZE}]}" |
  jq -r '.objects[0].actions.upload.href')
curl -sf -T "$WORK/up-curl.bin" -H 'Expect:' "$HREF" >/dev/null
t_up_curl=$(elapsed "$t0" "$(now)")
rm -f "$WORK/up-hd.bin" "$WORK/up-curl.bin"

# ---- 4. table
printf "\n2 GiB rows: median of %s rounds; load average now %s\n" "$ROUNDS" "$(cut -d' ' -f1-3 /proc/loadavg)"
list() { printf '%s ' "$@" | awk '{for (i = 1; i <= NF; i++) printf "%.2f ", $i}'; }
printf "  runs (s): HubDesk %s| fixed 8 %s| curl %s| curl+sync %s| aria2c %s| node %s\n" "$(list "${T_HD[@]}")" \
  "$(list "${T_FIXED[@]}")" "$(list "${T_CURL[@]}")" "$(list "${T_CURL_SYNC[@]}")" "$(list "${T_ARIA[@]}")" "$(list "${T_NODE[@]}")"
printf "\n%-66s %10s %10s %8s\n" "benchmark" "HubDesk s" "other s" "ratio"
printf "%-66s %10s %10s %8s\n" "------------------------------------------------------------------" "---------" "-------" "-----"
row() { printf "%-66s %10s %10s %8s\n" "$1" "$(secs "$2")" "$(secs "$3")" "$(ratio "$3" "$2")"; }
row "2 GiB LFS file, verified, vs curl -o (single stream)" "$t_hd" "$t_curl"
row "2 GiB LFS file, verified, vs curl -o + sync (same durability)" "$t_hd" "$t_curl_sync"
row "2 GiB LFS file, verified, vs curl -o + sha256sum" "$t_hd" "$(echo "$t_curl + $t_sha" | bc -l)"
row "2 GiB LFS file, verified, vs aria2c -x8" "$t_hd" "$t_aria"
row "2 GiB LFS file, verified, vs downloadFileToCacheDir" "$t_hd" "$t_node"
row "2 GiB LFS file: HubDesk adaptive vs HubDesk --fixed-connections (8)" "$t_hd" "$t_fixed"
row "$SMALL_COUNT small files ($n_hd linked) vs snapshotDownload" "$t_small_hd" "$t_small_node"
row "2 GiB file up vs openssl dgst -sha256 + curl -T" "$t_up_hd" "$t_up_curl"
echo "(ratio = other / HubDesk: above 1 means HubDesk is faster)"
small_files_table
printf "\nPeak RSS of hubdesk-cli: download %s MB, upload %s MB (target < 100 MB)\n" \
  "$(rss_mb "$WORK/rss-down.txt")" "$(rss_mb "$WORK/rss-up.txt")"
