#!/usr/bin/env bash
# The README's test command: every test, from a fresh machine. Ends with `N passed, N failed`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh --chromium
export NEXT_TELEMETRY_DISABLED=1
# No "new version available" notices from npm or pnpm: the run ends with its `N passed, N failed` line.
export npm_config_update_notifier=false
exec node scripts/run-tests.mjs "$@"
