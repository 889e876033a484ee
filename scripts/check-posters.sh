#!/usr/bin/env bash
# Exports every poster of the example kit as PDF with `adoptkit build --export pdf` (headless
# Chromium over the DevTools pipe), on A4 and on US Letter, and checks with poppler's pdfinfo
# that each is exactly one sheet of the right size and that the print shop's PDF has a sheet per
# poster. Needs Debian's chromium and poppler-utils (installed here when missing).
# Usage: scripts/check-posters.sh PATH/TO/adoptkit   (make posters-check does this)
set -euo pipefail
bin=${1:?usage: check-posters.sh ADOPTKIT}
here=$(cd "$(dirname "$0")/.." && pwd)
for package in chromium poppler-utils; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="${missing:-} $package"
done
if [ -n "${missing:-}" ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
for paper in a4 letter; do
  sed "s/^  paper: .*/  paper: $paper/" "$here/adoptkit.yml" > "$work/adoptkit-$paper.yml"
  "$bin" build "$here" --config "$work/adoptkit-$paper.yml" --output "$work/site-$paper" --export pdf >/dev/null
  expected=$([ "$paper" = a4 ] && echo "(A4)" || echo "(letter)")
  posters=$(find "$work/site-$paper/posters" -name '*.html' ! -name index.html ! -name share.html | wc -l)
  while IFS= read -r pdf; do
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
    size=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ { print $2 }')
    want=1; [ "$(basename "$pdf")" = all-posters.pdf ] && want=$posters
    if [ "$pages" = "$want" ] && [[ "$size" == *"$expected"* ]]; then
      echo "ok    $paper  ${pdf#$work/site-$paper/}  ($pages sheet(s), $size)"
    else
      echo "FAIL  $paper  ${pdf#$work/site-$paper/}  pages=$pages (want $want) size=$size"; failures=$((failures + 1))
    fi
  done < <(find "$work/site-$paper/posters" -name '*.pdf' | sort)
done
echo "$failures PDF(s) not on the expected sheets"
[ "$failures" -eq 0 ]
