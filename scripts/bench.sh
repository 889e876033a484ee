#!/usr/bin/env bash
# Times `adoptkit build` on the example kit, the shared DocFX corpus and a large synthetic kit
# (the corpus copied COPIES times) and a kit with GROUPS_COUNT groups and their posters. Output goes to RAM (tmpfs) so the figures measure adoptkit,
# not this machine's slow disk; one run per kit to disk is reported separately.
# Usage: scripts/bench.sh PATH/TO/adoptkit   (make bench does this)
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
  cp "$corpus/TOC.md" "$big/"
  for i in $(seq 1 "$copies"); do
    mkdir -p "$big/copy$i"
    cp -r "$corpus"/*.md "$corpus/media" "$corpus/includes" "$big/copy$i/"
  done
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

ms() { echo $(( $(date +%s%N) / 1000000 )); }

printf '%-14s %8s %10s %10s %10s\n' kit "pages+posters" "min ms" "median ms" "disk ms"
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
  pages=$(grep -c '"kind" : "\(page\|poster\)"' "$work/out-$name/manifest.json")
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  disk_out="$here/.build/bench-out-$name"
  rm -rf "$disk_out"
  start=$(ms); "$bin" "${args[@]}" --output "$disk_out" >/dev/null 2>&1; disk=$(( $(ms) - start ))
  rm -rf "$disk_out"
  printf '%-14s %8s %10s %10s %10s\n' "$name" "$pages" "${sorted[0]}" "${sorted[$(( runs / 2 ))]}" "$disk"
done
