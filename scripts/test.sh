#!/usr/bin/env bash
# The whole test suite, from a fresh machine with Node and apt: installs what is missing, then
# type-checks, runs every test and the browser walk, then the CLI smoke run. This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.tools/node_modules/.bin:$PATH"
pnpm typecheck
pnpm test
# Browser walk through the built web app in Debian's Chromium, against the real server.
pnpm build:web
pnpm test:e2e
# The whole pipeline on real CIFAR-10 images, on the full quick recipe: baselines, five methods,
# every metric, and every science check, fit-dependent ones included (about 15 minutes).
pnpm mu smoke
