#!/usr/bin/env bash
# Runs the browser test (tests/it/browser.rs): headless Debian Chromium, driven through
# chromedriver, against `tarikh serve --demo` on a free port. Installs chromium and
# chromium-driver with apt-get when they are missing. Screenshots land in target/.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update
  # Noto's Arabic fonts make Persian and Arabic render (and screenshot) properly.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends \
    -o DPkg::Lock::Timeout=600 chromium chromium-driver fonts-noto-core
fi

chromium --version
cargo test --test it browser -- --ignored --nocapture
