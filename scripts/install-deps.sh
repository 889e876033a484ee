#!/usr/bin/env bash
# Installs the Debian packages adoptkit builds against, when they are missing. Safe to re-run.
set -euo pipefail
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libqrencode-dev pkg-config)
# The tests use a real QR decoder (zbar-tools) and a real headless browser (chromium).
if [ "${1:-}" = "--test" ]; then packages+=(zbar-tools chromium); fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
