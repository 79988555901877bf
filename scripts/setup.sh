#!/usr/bin/env bash
# Installs whatever this machine lacks to run Unlearning Comparator: Debian packages, pnpm at the
# pinned version, the workspace's dependencies from the lockfile, and links to datasets found beside
# the checkout (../shared, or $MU_SHARED_DIR). Safe to run again; does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
APT_PACKAGES=(dataset-fashion-mnist chromium libvulkan1 redis-server g++ libdnnl-dev)

log() { printf 'setup: %s\n' "$*" >&2; }

# Debian packages: Fashion-MNIST, Chromium for the browser tests (and its SwiftShader Vulkan driver
# for the WebGPU tests), the Vulkan loader Dawn needs, redis-server for the BullMQ queue tests, g++
# and oneDNN for the native convolution addon.
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    log "installing ${missing[*]} with apt-get"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    log "warning: apt-get not found; install ${missing[*]} by hand"
  fi
fi

# pnpm, pinned.
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  log "installing pnpm $PNPM_VERSION"
  npm install -g --silent "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || {
    npm install --silent --prefix .tools "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$PWD/.tools/node_modules/.bin:$PATH"
  }
fi

# Dependencies, exactly as locked. The optional native tfjs backends fail to install offline;
# that is expected and harmless.
pnpm install --frozen-lockfile --prefer-offline --reporter=silent

# The oneDNN convolution addon (rebuilt when its source is newer). Without it the engine runs its
# WebAssembly convolutions, so a failed build is a warning, not an error.
bash scripts/build-native.sh || log "warning: native convolutions not built; training uses the WebAssembly kernels"

# Datasets: link copies found beside the checkout (CI's ../shared) into datasets/.
mkdir -p datasets
for root in "${MU_SHARED_DIR:-../shared}/datasets"; do
  for id in cifar10 cifar10-mini; do
    if [ -d "$root/$id" ] && [ ! -e "datasets/$id" ]; then
      ln -s "$(cd "$root/$id" && pwd)" "datasets/$id"
      log "linked datasets/$id -> $root/$id"
    fi
  done
done
