#!/usr/bin/env bash
# Runs the headless-browser test of groundtrack's GeoJSON: installs Leaflet from npm (package-lock.json) into
# tests/browser/node_modules if it is missing, then runs tests/browser_leaflet.rs, which serves this folder's
# index.html and the seed report's GeoJSON on a localhost port and loads them in Debian's headless chromium
# (apt-get install chromium). The screenshot is saved as test-output/browser/seed-report.png.
# Usage: tests/browser/run.sh [--release]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -f "$here/node_modules/leaflet/dist/leaflet.js" ]; then
  npm ci --prefix "$here" --no-audit --no-fund
fi
cd "$here/../.."
cargo test "$@" --test browser_leaflet -- --nocapture
