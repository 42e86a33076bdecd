#!/usr/bin/env bash
# `npm run release`: builds the published packages (in dependency order, tarballs checked as by
# `npm run pack`) and publishes every package whose version is not on the registry yet, with
# provenance. Run it in CI after `npm run version-packages` has been merged; it needs NPM_TOKEN (or
# trusted publishing) and, for provenance, a CI with an OIDC identity (e.g. GitHub Actions with
# `id-token: write`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
node scripts/pack.mjs
export NPM_CONFIG_PROVENANCE=true
pnpm exec changeset publish "$@"
