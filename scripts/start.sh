#!/usr/bin/env bash
# The README's demo command: emulator + signing route + pages, on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
# `pnpm exec` in the package's own folder (not `--filter`, which reads every workspace manifest and, on
# Node 20, repeats the browser packages' engine warning).
if [ -f demo/server.ts ]; then
  cd demo && exec pnpm exec tsx --conditions=@upkit/source server.ts "$@"
fi
cd packages/auth-endpoint && exec pnpm exec tsx dev-server.ts "$@"
