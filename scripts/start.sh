#!/usr/bin/env bash
# The README's demo command: emulator + signing route + pages, on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
if [ -f demo/server.ts ]; then
  exec pnpm --filter @upkit/demo exec tsx --conditions=@upkit/source server.ts "$@"
fi
exec pnpm --filter @upkit/auth-endpoint exec tsx dev-server.ts "$@"
