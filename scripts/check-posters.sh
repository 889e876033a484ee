#!/usr/bin/env bash
# Prints every poster of the example kit to PDF with headless Chromium, on A4 and on US Letter,
# and checks that each is exactly one sheet of the right size. Needs Debian's chromium and
# poppler-utils (installed here when missing).
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
  "$bin" build "$here" --config "$work/adoptkit-$paper.yml" --output "$work/site-$paper" >/dev/null
  expected=$([ "$paper" = a4 ] && echo "(A4)" || echo "(letter)")
  while IFS= read -r poster; do
    pdf="$work/$(echo "$poster" | tr '/' '_').pdf"
    timeout 60 chromium --headless=new --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$pdf" "file://$poster" >/dev/null 2>&1
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
    size=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ { print $2 }')
    if [ "$pages" = 1 ] && [[ "$size" == *"$expected"* ]]; then
      echo "ok    $paper  ${poster#$work/site-$paper/}  ($size)"
    else
      echo "FAIL  $paper  ${poster#$work/site-$paper/}  pages=$pages size=$size"; failures=$((failures + 1))
    fi
  done < <(find "$work/site-$paper/posters" -name '*.html' ! -name index.html | sort)
done
echo "$failures poster(s) not on exactly one sheet"
[ "$failures" -eq 0 ]
