#!/usr/bin/env bash
# Installs what HubDesk needs to build, run and test on Debian 12, and only what is missing.
# Idempotent: a second run installs nothing. Both quick-start commands call it.
#   packaging/install-deps.sh           build + run dependencies
#   packaging/install-deps.sh --test    also what the test suite needs (Xvfb-free: tests are offscreen)
#   packaging/install-deps.sh --print [--test]   only print the package list (one line), install nothing
# tests/packaging/dependency_closure.sh checks that this list covers everything the build and the
# tests use (a "# test-tool: PROGRAM PACKAGE" line here declares one more program the tests run).
# test-tool: tinyproxy tinyproxy-bin
# test-tool: dbus-daemon dbus-daemon
set -euo pipefail

want_test=0
want_print=0
for a in "$@"; do
  case "$a" in
    --test) want_test=1 ;;
    --print) want_print=1 ;;
    *) echo "install-deps.sh: unknown option $a" >&2; exit 2 ;;
  esac
done

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6svg6 qt6-qpa-plugins
  libgl-dev libxkbcommon-dev
  libcurl4-openssl-dev libssl-dev nlohmann-json3-dev libyaml-cpp-dev libcpp-httplib-dev
  fonts-dejavu-core
)
if [ "$want_test" = 1 ]; then
  # python3: resources/translations/update_en_plurals.py (the translations test); clang-format: the format check.
  # tinyproxy-bin: the proxy tests/net/test_net_proxy starts (the program only, no service).
  # dbus-daemon: the private session bus tests/ui/manage/tst_desktop starts (notifications, launcher progress).
  packages+=(nodejs npm desktop-file-utils appstream help2man dpkg-dev file python3 clang-format tinyproxy-bin dbus-daemon)
fi
if [ "$want_print" = 1 ]; then
  echo "${packages[*]}"
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  # nodejs may come from another repository (same package name); any installed version will do.
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# node and npm may come from elsewhere (NodeSource ships both in its nodejs): any working copy
# will do, do not replace it.
tmp=()
for p in "${missing[@]+"${missing[@]}"}"; do
  if [ "$p" = nodejs ] && command -v node >/dev/null 2>&1; then continue; fi
  if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
  tmp+=("$p")
done
missing=("${tmp[@]+"${tmp[@]}"}")

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: every Debian package is already installed."
else
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "$want_test" = 1 ]; then
  # The official JS client, pinned by tests/conformance/package-lock.json.
  here="$(cd "$(dirname "$0")/.." && pwd)"
  conf="$here/tests/conformance"
  if [ ! -d "$conf/node_modules/@huggingface/hub" ] || [ "$conf/package-lock.json" -nt "$conf/node_modules/.package-lock.json" ]; then
    echo "install-deps: installing the npm packages of tests/conformance"
    (cd "$conf" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
