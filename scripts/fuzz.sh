#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets (Fuzz/, declared in Package.swift only when
# ADOPTKIT_FUZZ names libFuzzer's runtime), instrumented for coverage and AddressSanitizer, into
# .build-fuzz/; seeds each from the repository's own kits; runs each for FUZZ_SECONDS.
#   FUZZ_SECONDS   time per target, in seconds
#   FUZZ_TARGETS   which targets (default: all four)
#   FUZZ_MAX_LEN   largest input libFuzzer makes, in bytes (default 16384)
#   FUZZ_CONFIGURATION  release (default: optimised, many more inputs a second) or debug
# Inputs that grow coverage are kept in .build-fuzz/corpus/TARGET/, so later runs start from
# them. A crash, a hang (an input that takes over FUZZ_TIMEOUT s, default 10) or an input using
# over 2 GB stops the run and is saved under .build-fuzz/findings/TARGET/; the script then fails.
# Replay one with: .build-fuzz/release/TARGET FILE. A finding becomes a regression test or fixture.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-FuzzMarkdown FuzzConfig FuzzTemplates FuzzChat}
scratch=.build-fuzz
configuration=${FUZZ_CONFIGURATION:-release}

# libFuzzer without its main (SwiftPM gives each executable one), from the toolchain's clang.
swiftc=$(readlink -f "$(command -v "${SWIFTC:-swiftc}")")
runtime=$(ls "$(dirname "$swiftc")"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-"$(uname -m)".a 2>/dev/null | head -n 1)
if [ -z "$runtime" ]; then echo "fuzz: libFuzzer (libclang_rt.fuzzer_no_main) is not in this Swift toolchain" >&2; exit 1; fi
export ADOPTKIT_FUZZ=$(readlink -f "$runtime")
for target in $targets; do
  "$SWIFT" build -c "$configuration" --scratch-path "$scratch" --product "$target"
done
bin=$("$SWIFT" build -c "$configuration" --scratch-path "$scratch" --show-bin-path)

# Seeds: every file of the kind each target reads, from the example kit and the fixtures.
seeds() {
  case $1 in
    FuzzMarkdown|FuzzChat) find Content Tests/Fixtures -name '*.md' -size -64k ;;
    FuzzConfig) find . -maxdepth 5 \( -name '*.yml' -o -name '*.yaml' \) -not -path './.build*' -size -64k ;;
    FuzzTemplates) find Templates Tests/Fixtures -name '*.mustache' -size -64k ;;
  esac
}

status=0
for target in $targets; do
  corpus=$scratch/corpus/$target seedDir=$scratch/seeds/$target findings=$scratch/findings/$target
  rm -rf "$seedDir"
  mkdir -p "$corpus" "$seedDir" "$findings"
  seeds "$target" | while IFS= read -r file; do
    # FuzzChat's first two bytes choose the flavour and the budget.
    if [ "$target" = FuzzChat ]; then { printf '\001\040'; cat "$file"; } ; else cat "$file"; fi \
      > "$seedDir/$(printf '%s' "$file" | cksum | cut -d' ' -f1)"
  done
  echo "fuzz: $target for ${seconds}s ($(ls "$seedDir" | wc -l) seeds, corpus $corpus)" >&2
  # The Swift runtime's own crash report would only slow libFuzzer's down.
  if ! SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$bin/$target" "$corpus" "$seedDir" \
      -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 -max_len="${FUZZ_MAX_LEN:-16384}" \
      -artifact_prefix="$findings/" -print_final_stats=1 2>"$scratch/$target.log"; then
    echo "fuzz: $target found a problem; see $scratch/$target.log and $findings/" >&2
    tail -n 30 "$scratch/$target.log" >&2
    status=1
  else
    grep -E '^stat::number_of_executed_units|^stat::new_units_added' "$scratch/$target.log" | sed "s/^/fuzz: $target /" >&2 || true
  fi
done
exit $status
