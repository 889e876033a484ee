#!/usr/bin/env bash
# Times `adoptkit build` alone on small and mid-sized kits (scripts/bench-peers.sh then compares it
# with cmark-gfm and Hugo on generated kits of 1,000 and 10,000 pages):
#   example      the example kit (this folder)
#   corpus       the shared DocFX corpus (../shared/corpus/kaizala-docs), with its TOC.md
#   corpus-xN    COPIES copies of the corpus pages (copy1/ … copyN/) under one generated TOC.md
#                that lists every copy's pages, nested under a "Copy I" heading each, so the
#                sidebar on every page is as long as the kit (the per-page navigation cost)
#   groups-xN    a one-page kit with GROUPS_COUNT groups: every group gets its posters and texts
#   csv-xN       the same with CSV_GROUPS groups (default 10,000; 0 skips it) from groups.csv, as a
#                champion's spreadsheet export arrives: semicolons, CRLF, quoted values. The
#                slowest case: about 80,000 outputs and 20 s of CPU per run
# Output goes to RAM (/dev/shm when it exists) so the figures measure adoptkit, not this
# machine's slow disk; one more run per kit, to the repository's disk, is reported separately.
# Columns: outputs = pages and posters in the manifest (kinds page and poster); min and median
# of RUNS runs (default 5) in ms; out MB = size of the output folder; disk ms = the one disk run.
# Usage: scripts/bench.sh PATH/TO/adoptkit   (make bench does this, on the release binary)
set -euo pipefail
bin=${1:?usage: bench.sh ADOPTKIT}
runs=${RUNS:-5}
copies=${COPIES:-20}
here=$(cd "$(dirname "$0")/.." && pwd)
ram=$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}" )
work=$(mktemp -d "$ram/adoptkit-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

corpus="$here/../shared/corpus/kaizala-docs"
kits=("example:$here:")
if [ -d "$corpus" ]; then
  kits+=("corpus:$work/none:$corpus")
  big="$work/big/Content"
  mkdir -p "$big"
  for i in $(seq 1 "$copies"); do
    mkdir -p "$big/copy$i"
    for f in "$corpus"/*.md; do [ "$(basename "$f")" = TOC.md ] || cp "$f" "$big/copy$i/"; done
    cp -r "$corpus/media" "$corpus/includes" "$big/copy$i/"
    # the corpus TOC one level deeper, its relative links pointed into this copy
    echo "# Copy $i"
    sed -E -e 's/^#/##/' -e 's#\]\(([^/):]+)\)#](copy'"$i"'/\1)#g' "$corpus/TOC.md"
  done >"$big/TOC.md"
  kits+=("corpus-x$copies:$work/big:$big")
fi

# A kit with many groups: every group gets its posters (two per group, HTML and text each).
groups=${GROUPS_COUNT:-1000}
mkdir -p "$work/groups/Content"
{
  echo "organization: {name: Bench Co}"
  echo "sign_in: {url: \"https://login.microsoftonline.com/\"}"
  echo "groups:"
  for i in $(seq 1 "$groups"); do echo "  - {name: \"Team $i\", invite_link: \"https://kaiza.la/g/team-$i\"}"; done
} > "$work/groups/adoptkit.yml"
printf '# Bench Co\n\n{{ groups }}\n' > "$work/groups/Content/index.md"
kits+=("groups-x$groups:$work/groups:")

csv_groups=${CSV_GROUPS:-10000}
if [ "$csv_groups" -gt 0 ]; then
  mkdir -p "$work/csv/Content"
  printf 'organization: {name: Bench Co}\nsign_in: {url: "https://login.microsoftonline.com/"}\ngroups_file: groups.csv\n' > "$work/csv/adoptkit.yml"
  awk -v n="$csv_groups" 'BEGIN { printf "name;invite_link;description;admins\r\n"
    for (i = 1; i <= n; i++) printf "Team %d;https://kaiza.la/g/team-%d;\"Team %d; every site\";Lead %d\r\n", i, i, i, i }' > "$work/csv/groups.csv"
  printf '# Bench Co\n\n{{ groups }}\n' > "$work/csv/Content/index.md"
  kits+=("csv-x$csv_groups:$work/csv:")
fi

ms() { echo $(( $(date +%s%N) / 1000000 )); }

printf '%-14s %8s %10s %10s %8s %10s\n' kit outputs "min ms" "median ms" "out MB" "disk ms"
for entry in "${kits[@]}"; do
  IFS=: read -r name kit content <<<"$entry"
  args=(build "$kit")
  [ -n "$content" ] && args+=(--content "$content")
  times=()
  for _ in $(seq 1 "$runs"); do
    out="$work/out-$name"
    start=$(ms)
    "$bin" "${args[@]}" --output "$out" >/dev/null 2>&1 || { echo "build of $name failed" >&2; "$bin" "${args[@]}" --output "$out" | tail -3; exit 1; }
    times+=($(( $(ms) - start )))
  done
  size=$(du -sm "$work/out-$name" | cut -f1)
  pages=$(grep -c '"kind" : "\(page\|poster\)"' "$work/out-$name/manifest.json")
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  disk_out="$here/.build/bench-out-$name"
  rm -rf "$disk_out"
  start=$(ms); "$bin" "${args[@]}" --output "$disk_out" >/dev/null 2>&1; disk=$(( $(ms) - start ))
  rm -rf "$disk_out"
  printf '%-14s %8s %10s %10s %8s %10s\n' "$name" "$pages" "${sorted[0]}" "${sorted[$(( runs / 2 ))]}" "$size" "$disk"
done
