#!/usr/bin/env bash
# Every C++ file of the tree is formatted as .clang-format says; `make format` fixes it. Runs in
# `make test`, so an unformatted file fails CI instead of drifting in.
#   format_check.sh SOURCE_DIR
set -euo pipefail
cd "${1:?source dir}"
command -v clang-format >/dev/null || {
  echo "clang-format is missing: packaging/install-deps.sh --test installs it"; exit 1; }
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h')
else
  mapfile -t files < <(find hub ui app tests \( -name '*.cpp' -o -name '*.h' \) -not -path '*/node_modules/*')
fi
[ "${#files[@]}" -gt 0 ] || { echo "no C++ files found: nothing was checked"; exit 1; }
bad="$(clang-format --dry-run "${files[@]}" 2>&1 | sed -nE 's/^([^:]+):[0-9]+:[0-9]+: (warning|error):.*/\1/p' | sort -u)"
if [ -n "$bad" ]; then
  echo "These files are not formatted (run: make format):"
  printf '  %s\n' $bad
  exit 1
fi
echo "format_check: ${#files[@]} files formatted as .clang-format says ($(clang-format --version | head -1))"
