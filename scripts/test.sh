#!/usr/bin/env bash
# The whole test suite, from a fresh machine with Node and apt: installs what is missing, then
# type-checks and runs every test. This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.tools/node_modules/.bin:$PATH"
pnpm typecheck
pnpm test
