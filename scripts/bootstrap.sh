#!/usr/bin/env bash
# Makes a fresh machine (Node 20 + npm only) ready: pnpm through corepack, the locked dependencies,
# and — when asked with `--chromium` — Debian's Chromium and redis-server for the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export COREPACK_INTEGRITY_KEYS=0 COREPACK_ENABLE_DOWNLOAD_PROMPT=0

if ! pnpm --version >/dev/null 2>&1; then
  echo "upkit: installing pnpm through corepack"
  corepack enable pnpm 2>/dev/null || {
    # Without write access to Node's bin folder, put the shims in a folder of our own.
    mkdir -p "$HOME/.local/bin"
    corepack enable pnpm --install-directory "$HOME/.local/bin"
    export PATH="$HOME/.local/bin:$PATH"
  }
fi

# `--chromium` (npm test): Debian's Chromium for the end-to-end suite and redis-server for the
# signing route's shared rate-limit tests, each installed only when missing.
if [ "${1:-}" = "--chromium" ]; then
  missing=""
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing="chromium"
  command -v redis-server >/dev/null 2>&1 || missing="$missing redis-server"
  if [ -n "$missing" ]; then
    echo "upkit: installing Debian's$missing for the tests"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086 # one word per package
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
  fi
fi

# Only reinstall when the lockfile changed since the last install.
stamp=node_modules/.upkit-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s pnpm-lock.yaml "$stamp"; then
  pnpm install --frozen-lockfile
  cp pnpm-lock.yaml "$stamp"
fi
