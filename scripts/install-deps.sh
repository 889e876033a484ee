#!/usr/bin/env bash
# Installs the Debian packages adoptkit builds against, when they are missing. Safe to re-run.
# With --test it also installs what the tests use: a real QR decoder (zbar-tools), a real MIME
# parser (python3's email package) and a real headless browser (chromium). Those are best
# effort: if they cannot be installed, the tests that need them say so and are skipped, and
# the build still goes on.
set -euo pipefail
required=(libcmark-gfm-dev libcmark-gfm-extensions-dev libqrencode-dev pkg-config)
optional=()
if [ "${1:-}" = "--test" ]; then optional=(zbar-tools chromium python3); fi

missing() {
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || echo "$package"
  done
}
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
need=($(missing "${required[@]}"))
want=($(missing "${optional[@]+"${optional[@]}"}"))
[ ${#need[@]} -eq 0 ] && [ ${#want[@]} -eq 0 ] && exit 0
$sudo apt-get update -qq
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]}" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ ${#want[@]} -gt 0 ]; then
  echo "Installing ${want[*]} (for the tests)" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${want[@]}" >/dev/null \
    || echo "warning: could not install ${want[*]}; the tests that need them will be skipped" >&2
fi
