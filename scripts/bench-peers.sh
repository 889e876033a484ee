#!/usr/bin/env bash
# bench-peers.sh — adoptkit side by side with its peers on generated kits.
#
# Usage: scripts/bench-peers.sh PATH/TO/adoptkit        (make bench runs it on the release binary)
#
# For each size in PAGES it makes a kit with ../shared/bench/make-corpus (PAGES pages of
# DocFX-style admin docs, CORPUS_GROUPS groups, no TOC: navigation follows folders), then has
# ../shared/bench/peers.sh time, round-robin after one uncounted warm-up round:
#   cmark-lib     C program on libcmark-gfm, 1 process: per page parse, render HTML + plain text,
#                 write 2 files (the floor for "render every page")
#   cmark-lib-j2  the same over 2 worker processes (this machine has 2 cores)
#   hugo          minimal Hugo site, one HTML file per page
#   adoptkit      `adoptkit build KIT` (docs + chat texts + posters for every group)
# On the CHECK_PAGES kit it then times `adoptkit check KIT` round-robin against cmark-lib and
# cmark-lib-nowrite (cmark-lib rendering but writing nothing), through the same peers.sh (its
# "adoptkit" tool pointed at a two-line wrapper that runs `check` instead of `build`).
#
# The figures (all from peers.sh's runs.tsv; failed runs are left out and counted):
#   wall s       median wall-clock seconds of the counted runs (min–max in peers' summary)
#   CPU s        median user+sys seconds
#   RSS MB       median peak resident memory of the largest single process (GNU time %M)
#   out MB       size of adoptkit's output folder, from an untimed probe build made first. When
#                the probe fails, or is stopped because MemAvailable fell below
#                PROBE_MIN_AVAIL_MB (default 2048), adoptkit is left out of that kit's timed runs
#                (the peers are still timed) and its row says why.
#   search index from the same probe (build rows): the index's size (assets/search/), its share
#                of the kit's Markdown, and how long making it took (`--timings`, "of which
#                search index": wall time within "render and write", other outputs rendering
#                beside it)
#   ÷ TOOL       median over rounds of adoptkit's wall / TOOL's wall in the same round (the
#                pairing peers.sh uses: it survives a machine whose speed drifts); in brackets
#                TOOL's own median wall. 8.0 means adoptkit took 8 times as long.
# adoptkit does more than any peer (chat texts, posters and share pages per group, sidebar,
# checks), so the ratios are a cost, not a like-for-like race.
#
# Environment:
#   PAGES="1000 10000"  kit sizes (pages); BIG=1 adds 100000
#   CORPUS_GROUPS=1000  groups in every kit
#   RUNS                counted runs per tool; default 5 for <= 1,000 pages, 3 up to 10,000, else 1
#   TOOLS="cmark-lib cmark-lib-j2 hugo adoptkit"   peers.sh tools for the build comparison
#   CHECK_PAGES=10000   the kit size on which `adoptkit check` is timed (none: skip)
#   MIN_AVAIL_MB        peers.sh stops a run (recorded as failed, "killed") when MemAvailable
#                       falls below this; default 2048 for kits over 1,000 pages, whose output
#                       lives in RAM (tmpfs) next to adoptkit's own memory; unset (0) below
#   PROBE_MIN_AVAIL_MB=2048   the same guard for the untimed probe build (see "out MB")
#   BENCH_RESULTS       where runs.tsv/summary.md per kit and table.md go (default .build/bench)
#   TMPDIR              scratch (kits, outputs); default /dev/shm when it exists, so the disk
#                       stays out of the figures
# Prints the table (also BENCH_RESULTS/table.md) to stdout, progress and errors to stderr; exits 1
# when any adoptkit run or probe failed or was stopped, after the table.
# Needs: bash >= 5, python3, GNU time, cc + libcmark-gfm-dev, hugo, cmark-gfm (make bench-deps).
#
# Reproduce: make bench   (or: make bench-deps && scripts/bench-peers.sh .build/release/adoptkit)
# Quick try: PAGES=200 CORPUS_GROUPS=50 RUNS=1 CHECK_PAGES=200 scripts/bench-peers.sh BIN
set -euo pipefail

bin=${1:?usage: bench-peers.sh ADOPTKIT}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
[ -x "$bin" ] || { echo "bench-peers.sh: $bin is not executable" >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$here/../shared/bench
for f in make-corpus peers.sh; do
  [ -f "$shared/$f" ] || { echo "bench-peers.sh: $shared/$f not found (shared/ beside the repository)" >&2; exit 2; }
done

pages=${PAGES:-1000 10000}
[ "${BIG:-0}" = 1 ] && pages="$pages 100000"
groups=${CORPUS_GROUPS:-1000}
tools=${TOOLS:-cmark-lib cmark-lib-j2 hugo adoptkit}
check_pages=${CHECK_PAGES:-10000}
results=${BENCH_RESULTS:-$here/.build/bench}
mkdir -p "$results"
results=$(cd "$results" && pwd)
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ]; then export TMPDIR=/dev/shm; fi
work=$(mktemp -d "${TMPDIR:-/tmp}/adoptkit-peers.XXXXXX")
trap 'rm -rf "$work"' EXIT

runs_for() { # default counted runs for a kit of $1 pages
  if [ -n "${RUNS:-}" ]; then echo "$RUNS"
  elif [ "$1" -le 1000 ]; then echo 5
  elif [ "$1" -le 10000 ]; then echo 3
  else echo 1; fi
}

# one peers.sh run on KIT: its progress goes to stderr, its summary to RESULT_DIR/summary.md
peers() { # RESULT_DIR KIT RUNS TOOLS ADOPTKIT_BIN PAGES
  local res=$1 kit=$2 runs=$3 tools=$4 ak=$5 n=$6 avail=${MIN_AVAIL_MB:-}
  [ -z "$avail" ] && [ "$n" -gt 1000 ] && avail=2048
  # peers.sh's header line asks for pandoc's version too; we do not use pandoc
  RUNS=$runs TOOLS=$tools ADOPTKIT=$ak MIN_AVAIL_MB=${avail:-0} \
    bash "$shared/peers.sh" "$kit" "$res" >/dev/null 2> >(grep -v '^.*pandoc: command not found$' >&2)
}

# probe KIT NOTE_FILE: one untimed `adoptkit build`, stopped (by its pid) when MemAvailable falls
# below PROBE_MIN_AVAIL_MB (default 2048). Writes "ok S s, OUT MB" or why it failed to NOTE_FILE.
probe() {
  local kit=$1 note=$2 min=${PROBE_MIN_AVAIL_MB:-2048} rc=0 stopped=0 t0=$SECONDS k v u mb
  rm -rf "$work/out"
  "$bin" build "$kit" --output "$work/out" --timings >/dev/null 2>"$work/probe.err" &
  local pid=$!
  # (sleep first: a kill before the fork's exec would run this shell's EXIT trap in the child)
  while sleep 0.2 && kill -0 "$pid" 2>/dev/null; do
    while read -r k v u; do [ "$k" = MemAvailable: ] && break; done </proc/meminfo
    if [ $((v / 1024)) -lt "$min" ]; then kill "$pid" 2>/dev/null || true; stopped=1; break; fi
  done
  wait "$pid" || rc=$?
  # a stopped build leaves its staging folder (.out.adoptkit-new-*) next to the output
  mb=$(du -scm "$work/out" "$work"/.out.adoptkit-new-* 2>/dev/null | tail -n 1 | cut -f1 || true)
  # the search index's size against the Markdown it is made from (the docs issue allows 30 %),
  # and how long it took to make (--timings: "of which search index", within render and write)
  if [ -d "$work/out/assets/search" ]; then
    local index_bytes markdown_bytes index_ms
    index_bytes=$(find "$work/out/assets/search" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    markdown_bytes=$(find "$kit/Content" -name '*.md' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    index_ms=$(sed -n 's/^of which search index: \([0-9]*\) ms$/\1/p' "$work/probe.err")
    awk -v i="$index_bytes" -v m="$markdown_bytes" -v t="${index_ms:-0}" \
      'BEGIN { printf "%.1f MB, %.1f %% of %.1f MB of Markdown, made in %.1f s\n", i / 1e6, m ? 100 * i / m : 0, m / 1e6, t / 1000 }' \
      >"${note%/*}/search"
    echo "bench-peers: search index $(cat "${note%/*}/search")" >&2
  fi
  rm -rf "$work/out" "$work"/.out.adoptkit-new-*
  if [ "$stopped" = 1 ]; then
    echo "stopped after $((SECONDS - t0)) s: MemAvailable < $min MB, $mb MB of output written" >"$note"
  elif [ "$rc" != 0 ]; then
    echo "failed after $((SECONDS - t0)) s, exit $rc: $(tail -n 3 "$work/probe.err" | tr '\n' ' ')" >"$note"
  else
    echo "ok $((SECONDS - t0)) s, $mb MB" >"$note"; return 0
  fi
  echo "bench-peers: adoptkit build of ${kit##*/} $(cat "$note")" >&2
  return 1
}

echo "bench-peers: adoptkit=$bin, kits of [$pages] pages with $groups groups, scratch in $TMPDIR, results in $results" >&2
done_kits=()
for n in $pages; do
  kit=$work/kit-$n
  echo "== $n pages, $groups groups: $(python3 "$shared/make-corpus" "$n" "$groups" "$kit")" >&2
  runs=$(runs_for "$n")
  rm -rf "$results/build-$n" "$results/check-$n"
  mkdir -p "$results/build-$n"
  # untimed probe first: does the build finish within memory, and how big is its output?
  kit_tools=$tools
  if ! probe "$kit" "$results/build-$n/probe"; then
    echo "bench-peers: adoptkit left out of the timed runs on the $n-page kit: $(cat "$results/build-$n/probe")" >&2
    kit_tools=$(echo " $tools " | sed 's/ adoptkit / /; s/^ //; s/ $//')
  fi
  if [ -n "$kit_tools" ]; then peers "$results/build-$n" "$kit" "$runs" "$kit_tools" "$bin" "$n"; fi
  if [ "$n" = "$check_pages" ]; then
    # peers.sh runs "$ADOPTKIT build KIT --output DIR"; this wrapper runs "adoptkit check KIT"
    printf '#!/bin/sh\n[ "$1" = build ] || exit 64\nexec "%s" check "$2"\n' "$bin" >"$work/adoptkit-check"
    chmod +x "$work/adoptkit-check"
    echo "== adoptkit check, $n pages" >&2
    peers "$results/check-$n" "$kit" "$runs" "cmark-lib cmark-lib-nowrite adoptkit" "$work/adoptkit-check" "$n"
  fi
  rm -rf "$kit"
  done_kits+=("$n")
done

# The table: adoptkit's row per kit, computed from runs.tsv the way peers.sh pairs its ratios.
python3 - "$results" "$groups" "${done_kits[@]}" <<'EOF' | tee "$results/table.md"
import csv, os, statistics as st, sys
res, groups, kits = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def load(d):
    p = os.path.join(res, d, "runs.tsv")
    if os.path.exists(p):
        return list(csv.DictReader(open(p), delimiter="\t"))
    return [] if os.path.exists(os.path.join(res, d, "probe")) else None

def ok(rows, tool):
    return [r for r in rows if r["tool"] == tool and r["run"] != "0" and r["exit"] == "0"]

def paired(rows, base):
    """median over rounds of wall(adoptkit) / wall(base), both from the same round"""
    wb = {r["run"]: float(r["wall_s"]) for r in ok(rows, base)}
    if not wb:
        return "–"
    q = [float(r["wall_s"]) / wb[r["run"]] for r in ok(rows, "adoptkit") if wb.get(r["run"], 0) > 0]
    return "%.1f (%.2f s)" % (st.median(q), st.median(wb.values())) if q else "–"

bases = ["cmark-lib", "cmark-lib-j2", "hugo", "cmark-lib-nowrite"]
print("| adoptkit | pages | groups | runs | wall s | CPU s | RSS MB | out MB |"
      + "".join(" ÷ %s |" % b for b in bases) + " search index |")
print("|---|---:|---:|---:|---:|---:|---:|---:|" + "---|" * len(bases) + "---|")

def search(cmd, n):
    """the probe's search index: size, share of the Markdown, time to make it (build rows only)"""
    p = os.path.join(res, "build-%s" % n, "search")
    return open(p).read().strip() if cmd == "build" and os.path.exists(p) else "–"
for n in kits:
    for cmd in ("build", "check"):
        rows = load("%s-%s" % (cmd, n))
        if rows is None:
            continue
        counted = [r for r in rows if r["tool"] == "adoptkit" and r["run"] != "0"]
        good = ok(rows, "adoptkit")
        bad = sorted({r["exit"] for r in counted if r["exit"] != "0"})
        runs = "%d" % len(good) + (" (%d failed: exit %s)" % (len(counted) - len(good), ", ".join(bad)) if bad else "")
        note = os.path.join(res, "%s-%s" % (cmd, n), "probe")
        note = open(note).read().strip() if os.path.exists(note) else ""
        out = note.split(", ")[-1].split()[0] if note.startswith("ok ") else "–"
        if note and not note.startswith("ok "):
            print("| %s | %s | %d | not timed: %s | – | – | – | – |" % (cmd, n, groups, note) + " – |" * len(bases) + " %s |" % search(cmd, n))
            continue
        if not good:
            print("| %s | %s | %d | %s | – | – | – | %s |" % (cmd, n, groups, runs, out) + " – |" * len(bases) + " %s |" % search(cmd, n))
            continue
        wall = st.median(float(r["wall_s"]) for r in good)
        cpu = st.median(float(r["user_s"]) + float(r["sys_s"]) for r in good)
        rss = st.median(int(r["maxrss_kb"]) for r in good) / 1024
        print("| %s | %s | %d | %s | %.2f | %.2f | %.0f | %s |" % (cmd, n, groups, runs, wall, cpu, rss, out)
              + "".join(" %s |" % paired(rows, b) for b in bases) + " %s |" % search(cmd, n))
EOF
echo "(full peers.sh summaries: $results/{build,check}-N/summary.md; rows: runs.tsv)" >&2
# a failed or stopped adoptkit run fails make bench, after the table (peers.sh printed its errors)
failed=0
for n in "${done_kits[@]}"; do
  grep -q '^ok ' "$results/build-$n/probe" || failed=1
  for d in build check; do
    f=$results/$d-$n/runs.tsv
    if [ -f "$f" ] && awk -F'\t' '$1 == "adoptkit" && $10 != "0" { bad = 1 } END { exit !bad }' "$f"; then
      failed=1
    fi
  done
done
if [ "$failed" = 1 ]; then
  echo "bench-peers: some adoptkit runs failed (see the \"runs\" column and the errors above)" >&2
  exit 1
fi
