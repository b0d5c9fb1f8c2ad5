#!/usr/bin/env bash
# Installs the system packages the project needs and cannot get from PyPI: gettext (msgfmt,
# for compilemessages), Pango and the Noto fonts (Latin, Arabic, Chinese and Japanese) with which
# WeasyPrint makes PDFs and Chromium draws every language of the site, and, with --browser,
# Debian's Chromium for the end-to-end tests.
# Does nothing for a package that is already there.
set -euo pipefail

need=()
command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
for package in libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core fonts-noto-cjk; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || need+=("$package")
done
if [[ "${1:-}" == "--browser" ]]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
fi
[[ ${#need[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "Missing system packages: ${need[*]}. Install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${need[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
