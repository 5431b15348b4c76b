#!/usr/bin/env bash
# Throughput of hubdesk-sandbox serving a 2 GiB LFS blob next to nginx serving the same file,
# in the same run, over loopback. Not a test: prints numbers and the sandbox/nginx ratio.
#   tests/bench/sandbox_vs_nginx.sh [path/to/hubdesk-sandbox] [runs]
set -euo pipefail
SANDBOX=${1:-${HUBDESK_SANDBOX:-build/app/hubdesk-sandbox}}
RUNS=${2:-3}
NGINX=${NGINX:-/usr/sbin/nginx}
WORK=$(mktemp -d /tmp/hubdesk-bench-XXXXXX)
SB_PID=""; NG_PID=""
cleanup() {
  [ -n "$SB_PID" ] && kill "$SB_PID" 2>/dev/null || true
  [ -n "$NG_PID" ] && kill "$NG_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Starting the sandbox with the 2 GiB model (generated once into $WORK/data)..."
"$SANDBOX" --port 0 --demo --big-model --data "$WORK/data" > "$WORK/sandbox.out" &
SB_PID=$!
for _ in $(seq 1 600); do [ -s "$WORK/sandbox.out" ] && break; sleep 0.2; done
BASE=$(head -1 "$WORK/sandbox.out")
RESOLVE="$BASE/PellelNitram/xournalpp-htr-big/resolve/main/model.safetensors"
BLOB_URL=$(curl -s -o /dev/null -w '%{redirect_url}' "$RESOLVE")
OID=$(curl -s -D - -o /dev/null "$RESOLVE" | tr -d '\r' | awk -F'"' 'tolower($0) ~ /^x-linked-etag/ {print $2}')
FILE="$WORK/data/lfs/${OID:0:2}/$OID"
SIZE=$(stat -c %s "$FILE")
echo "blob: $SIZE bytes, sha256 $OID"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$WORK/nginx/logs" "$WORK/www"
ln -s "$FILE" "$WORK/www/blob"
USER_LINE=""
[ "$(id -u)" = 0 ] && USER_LINE="user $(id -un) $(id -gn);" # workers must be able to read $WORK
cat > "$WORK/nginx/nginx.conf" <<CONF
daemon off;
$USER_LINE
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 64; }
http {
  access_log off;
  sendfile on;
  client_body_temp_path $WORK/nginx/tmp;
  proxy_temp_path $WORK/nginx/tmp;
  fastcgi_temp_path $WORK/nginx/tmp;
  uwsgi_temp_path $WORK/nginx/tmp;
  scgi_temp_path $WORK/nginx/tmp;
  server { listen 127.0.0.1:$PORT; root $WORK/www; }
}
CONF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" 2>/dev/null &
NG_PID=$!
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/blob" -r 0-0 && break; sleep 0.1; done
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/blob")" = 200 ] || { echo "nginx cannot serve the blob"; exit 1; }

measure() { # url -> bytes per second (best of RUNS)
  local best=0
  for _ in $(seq 1 "$RUNS"); do
    local s
    s=$(curl -s -o /dev/null -w '%{speed_download}' "$1")
    best=$(python3 -c "print(max($best, float('$s')))")
  done
  echo "$best"
}
SB=$(measure "$BLOB_URL")
NG=$(measure "http://127.0.0.1:$PORT/blob")
python3 - "$SB" "$NG" "$SIZE" <<'PY'
import sys
sb, ng, size = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"sandbox: {sb/1e6:8.1f} MB/s")
print(f"nginx:   {ng/1e6:8.1f} MB/s")
print(f"ratio sandbox/nginx: {sb/ng:.2f} (target >= 0.5), file {size} bytes")
PY
