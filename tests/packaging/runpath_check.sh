#!/usr/bin/env bash
# No binary of the build tree may search the current directory for libraries. An empty entry in
# RUNPATH/RPATH ("::", a leading or trailing ':') or a relative one means "the current working
# directory" to the dynamic loader: a libcurl.so.4 dropped next to where the user runs hubdesk-cli
# would be loaded into it. Checks every ELF executable and shared object under BUILD_DIR.
#   runpath_check.sh BUILD_DIR
set -euo pipefail
build="${1:?build dir}"
command -v readelf >/dev/null || { echo "readelf missing (binutils)"; exit 1; }
bad=0
checked=0
while IFS= read -r -d '' f; do
  head -c 4 "$f" 2>/dev/null | grep -q $'^\x7fELF' || continue
  checked=$((checked + 1))
  while read -r kind value; do
    IFS=':' read -r -a entries <<< "$value:"
    # "$value:" keeps a trailing empty entry visible to read -a.
    n=$(( $(printf '%s' "$value" | tr -cd ':' | wc -c) + 1 ))
    for ((i = 0; i < n; i++)); do
      e="${entries[$i]:-}"
      case "$e" in
        /* | '$ORIGIN'* | '${ORIGIN}'*) ;;
        *) echo "$f: $kind [$value] has an entry '${e}' that means the current directory"; bad=1; break ;;
      esac
    done
  done < <(readelf -d "$f" 2>/dev/null | sed -nE 's/.*\((RUNPATH|RPATH)\).*\[(.*)\]$/\1 \2/p')
done < <(find "$build" -type f \( -perm -u+x -o -name '*.so' -o -name '*.so.*' \) -not -path '*/CMakeFiles/*' -print0)
if [ "$checked" -eq 0 ]; then echo "no ELF files under $build: nothing was checked"; exit 1; fi
if [ "$bad" = 1 ]; then exit 1; fi
echo "runpath_check: $checked ELF files, no empty or relative RUNPATH/RPATH entry"
