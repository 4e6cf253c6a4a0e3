#!/usr/bin/env bash
# Regenerates the icons from one drawing (ImageMagick; png2icns from Debian's icnsutils for macOS).
set -euo pipefail
cd "$(dirname "$0")"
convert -size 256x256 xc:none -fill '#0b3a5b' -draw "roundrectangle 8,8 248,248 40,40" -fill '#9fd3ff' \
  -draw "rectangle 56,168 88,200" -fill '#ffffff' -draw "rectangle 104,120 136,200" -fill '#f9a825' \
  -draw "rectangle 152,72 184,200" -fill '#ffffff' -stroke '#ffffff' -strokewidth 6 -draw "line 48,212 208,212" \
  audit-workbench.png
convert audit-workbench.png -define icon:auto-resize=256,128,64,48,32,16 audit-workbench.ico
tmp="$(mktemp -d)"
for s in 16 32 48 128 256; do convert audit-workbench.png -resize "${s}x${s}" "$tmp/icon_$s.png"; done
png2icns audit-workbench.icns "$tmp"/icon_16.png "$tmp"/icon_32.png "$tmp"/icon_48.png "$tmp"/icon_128.png "$tmp"/icon_256.png
rm -rf "$tmp"
