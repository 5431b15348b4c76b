#!/usr/bin/env bash
# The dependency test must catch the defect it was written for: run it with an installer whose
# list lacks libqt6opengl6-dev (Qt6Charts needs Qt6OpenGL) and expect it to fail naming that
# package. Without this, a closure check that silently passes everything would look green.
set -euo pipefail
src="${1:?source dir}"
build="${2:?build dir}"
command -v dpkg-query >/dev/null || { echo "not a Debian system; nothing to check"; exit 0; }
dpkg-query -W -f='${Status}' libqt6opengl6-dev 2>/dev/null | grep -q "install ok installed" || {
  echo "libqt6opengl6-dev is not installed here; the self-test needs the real build's inputs"; exit 1; }
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
sed 's/ libqt6opengl6-dev\b//' "$src/packaging/install-deps.sh" > "$tmp"
if grep -q libqt6opengl6-dev "$tmp"; then echo "could not remove the package from the copy"; exit 1; fi
set +e
out="$(bash "$src/tests/packaging/dependency_closure.sh" "$src" "$build" "$tmp" 2>&1)"
rc=$?
set -e
printf '%s\n' "$out"
if [ "$rc" -eq 0 ]; then echo "FAIL: the closure check passed an installer without libqt6opengl6-dev"; exit 1; fi
if ! printf '%s\n' "$out" | grep -qE '^MISSING +libqt6opengl6-dev '; then
  echo "FAIL: the closure check failed but did not name libqt6opengl6-dev"; exit 1
fi
echo "ok: an installer without libqt6opengl6-dev is caught"
