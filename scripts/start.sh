#!/usr/bin/env bash
# Installs whatever is missing, then starts the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.tools/node_modules/.bin:$PATH"
exec pnpm start
