#!/usr/bin/env bash
# Fails when the build or the test suite uses a Debian package that packaging/install-deps.sh
# does not install, directly or through the dependencies of a package it installs.
#
# A bare Debian 12 machine once failed to configure because Qt6Charts needs Qt6OpenGL and
# libqt6opengl6-dev was missing from the list; CI stayed green because its machine happened to
# have the package. This test looks at what THIS build actually used, on whatever machine runs it:
#   - every file CMake read while configuring (package configs and their includes: the inputs of
#     build.ninja's re-run rule), and the .pc file of every pkg-config module it asked for;
#   - every system header the compiler read (ninja's dependency log) and every library it linked;
#   - the shared libraries the programs load (ldd);
#   - the tools the test suite runs (the TOOLS list below, plus "# test-tool: PROG PACKAGE" lines
#     in install-deps.sh);
# maps each to its Debian package with dpkg -S, and compares with the closure of
# `install-deps.sh --print --test` (apt-cache depends --recurse, plus the essential/required
# packages every Debian system has). Anything outside the closure is listed with the file that
# needed it.
#
#   dependency_closure.sh SOURCE_DIR BUILD_DIR [INSTALLER]
set -euo pipefail

src="${1:?source dir}"
build="${2:?build dir}"
installer="${3:-$src/packaging/install-deps.sh}" # a third argument: another installer (the self-test)
work="$build/dependency-closure/$(printf %s "$installer" | sha256sum | cut -c1-8)"
mkdir -p "$work"

command -v dpkg-query >/dev/null && command -v apt-cache >/dev/null || {
  echo "dependency_closure: not a Debian system (no dpkg-query/apt-cache); nothing to check"
  exit 0
}

# Tools the test suite starts (ctest's own, cpack's, the conformance tests', the packaging test's).
TOOLS=(cmake ctest cpack ninja dpkg-deb dpkg-shlibdeps file desktop-file-validate appstreamcli
       help2man gzip tar readelf node npm python3 git clang-format)
while read -r _ _ prog _; do TOOLS+=("$prog"); done < <(grep -E '^# test-tool: ' "$installer" || true)

# ---- 1. What the build used --------------------------------------------------------------------
used="$work/used.txt" # lines: path<TAB>why
: > "$used"
add() { printf '%s\t%s\n' "$1" "$2" >> "$used"; }

# Files CMake read (build.ninja's RERUN_CMAKE rule lists them after "|").
if [ -f "$build/build.ninja" ]; then
  awk '/^build build.ninja/ { on = 1 } on { print } on && !/\$$/ { exit }' "$build/build.ninja" \
    | tr ' ' '\n' | sed 's/\$$//' | grep -E '^/(usr|lib|etc)/' | sort -u \
    | while read -r f; do add "$f" "read by cmake"; done
  # Libraries linked by absolute path.
  grep -E '^\s*LINK_LIBRARIES = ' "$build/build.ninja" | tr ' ' '\n' | grep -E '^/(usr|lib)/' | sort -u \
    | while read -r f; do add "$f" "linked"; done
  # System headers the compiler read.
  if command -v ninja >/dev/null; then
    ninja -C "$build" -t deps 2>/dev/null | awk 'NF == 1 && $1 ~ /^\/(usr|lib)\// { print $1 }' | sort -u \
      | while read -r f; do add "$f" "included by a compiler run"; done
  fi
fi
# pkg-config modules (pkg_check_modules keeps its arguments in the cache).
if [ -f "$build/CMakeCache.txt" ]; then
  grep -E '^__pkg_config_arguments_[A-Za-z0-9_]+:INTERNAL=' "$build/CMakeCache.txt" | cut -d= -f2- | tr ';' '\n' \
    | grep -vE '^(REQUIRED|QUIET|IMPORTED_TARGET|GLOBAL|NO_CMAKE_PATH|NO_CMAKE_ENVIRONMENT_PATH)$' \
    | sed -E 's/[<>=].*//' | sort -u | while read -r m; do
      [ -n "$m" ] || continue
      pc="$(pkg-config --path "$m" 2>/dev/null || true)"
      if [ -n "$pc" ]; then add "$pc" "pkg-config module $m"; else add "missing:pkg-config:$m" "pkg-config module $m"; fi
    done
fi
# Shared libraries our programs load.
for exe in "$build"/app/*/hubdesk "$build"/app/*/hubdesk-cli "$build"/app/*/hubdesk-sandbox; do
  [ -x "$exe" ] || continue
  ldd "$exe" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | sort -u \
    | while read -r f; do add "$f" "loaded by $(basename "$exe")"; done
done
# Tools: the program found on PATH, and the Debian one in /usr/bin (a PATH that prefers a
# non-Debian copy, such as pyenv's python3, must not hide a missing package).
for t in "${TOOLS[@]}"; do
  p="$(command -v "$t" 2>/dev/null || true)"
  if [ -z "$p" ]; then add "missing:tool:$t" "tool $t"; continue; fi
  add "/usr/bin/$t" "tool $t"
done

# ---- 2. Which packages own them ----------------------------------------------------------------
# dpkg records some files under /lib and some under /usr/lib (merged /usr): ask for the path as
# used, its real path, and the other spelling of each.
cut -f1 "$used" | grep -v '^missing:' | sort -u > "$work/paths.txt"
xargs -a "$work/paths.txt" -d '\n' readlink -m > "$work/real.txt"
paste "$work/paths.txt" "$work/real.txt" | awk -F'\t' '
  function spell(o, x) { print o "\t" x
    if (x ~ /^\/usr\/(lib|bin|sbin)\//) print o "\t" substr(x, 5)
    else if (x ~ /^\/(lib|bin|sbin)\//) print o "\t/usr" x }
  { spell($1, $1); spell($1, $2) }' | sort -u > "$work/candidates.txt"
cut -f2 "$work/candidates.txt" | sort -u > "$work/query.txt"
# One batched dpkg -S (fast); files nobody owns are simply absent from its answer.
xargs -a "$work/query.txt" -d '\n' dpkg-query -S 2>/dev/null \
  | awk '{ i = index($0, ": "); pk = substr($0, 1, i - 1); f = substr($0, i + 2)
           gsub(/:[a-z0-9]+/, "", pk); gsub(/ /, "", pk); print f "\t" pk }' > "$work/dpkg.txt" || true

# ---- 3. The installer's closure ----------------------------------------------------------------
list="$(bash "$installer" --print --test)"
key="$(printf '%s\n' "$list" | sha256sum | cut -c1-16)"
closure="$work/closure-$key.txt"
if [ ! -s "$closure" ]; then
  # shellcheck disable=SC2086
  apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances $list 2>/dev/null \
    | sed -E 's/^ +(\|?[A-Za-z]+: )?//; s/[<>]//g; s/:[a-z0-9]+$//' | grep -E '^[a-z0-9][a-z0-9+.-]+$' \
    > "$closure.tmp" || true
  printf '%s\n' $list >> "$closure.tmp"
  dpkg-query -W -f='${Package} ${Essential} ${Priority}\n' | awk '$2 == "yes" || $3 == "required" { print $1 }' \
    >> "$closure.tmp"
  sort -u "$closure.tmp" > "$closure"
  rm -f "$closure.tmp"
fi

# ---- 4. Compare --------------------------------------------------------------------------------
report="$work/report.txt"
awk -F'\t' -v closure="$closure" -v dpkgf="$work/dpkg.txt" -v candf="$work/candidates.txt" '
  BEGIN {
    while ((getline l < closure) > 0) inclosure[l] = 1
    while ((getline l < dpkgf) > 0) { split(l, a, "\t"); if (a[1] in owner) owner[a[1]] = owner[a[1]] "," a[2]; else owner[a[1]] = a[2] }
    while ((getline l < candf) > 0) { split(l, a, "\t"); cand[a[1]] = cand[a[1]] "\n" a[2] }
  }
  {
    f = $1; why = $2
    if (f ~ /^missing:/) { printf "NOT FOUND  %s (%s): install-deps.sh must install it\n", substr(f, 9), why; next }
    n = split(cand[f], cs, "\n"); pk = ""
    for (i = 1; i <= n; i++) if (cs[i] in owner) pk = pk (pk == "" ? "" : ",") owner[cs[i]]
    if (pk == "") {
      if (why ~ /^tool/) printf "NOT FROM DEBIAN  %s (%s): no installed Debian package owns it; install-deps.sh must install one\n", f, why
      next # generated or local files (alternatives, caches) belong to no package
    }
    m = split(pk, ps, ","); ok = 0
    for (i = 1; i <= m; i++) if (ps[i] in inclosure) ok = 1
    if (!ok) printf "MISSING  %s  (owns %s, %s)\n", pk, f, why
  }' "$used" | sort -u > "$report"

n_used="$(cut -f1 "$used" | sort -u | wc -l)"
n_pkgs="$(cut -f2 "$work/dpkg.txt" | tr ', ' '\n\n' | grep -v '^$' | sort -u | wc -l)"
n_closure="$(wc -l < "$closure")"
if [ -s "$report" ]; then
  echo "dependency_closure: the build or the tests use packages that packaging/install-deps.sh does not install:"
  awk '{ k = $1 " " $2 } !seen[k]++' "$report" | head -40
  echo "(checked $n_used files from $n_pkgs packages against a closure of $n_closure packages; full list in $report)"
  exit 1
fi
echo "dependency_closure: $n_used files from $n_pkgs packages, all inside the closure of install-deps.sh ($n_closure packages)"
