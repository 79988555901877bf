#!/usr/bin/env bash
# Builds the oneDNN convolution addon (packages/engine/native/build/mu_native.node) with g++ against
# Debian's libdnnl-dev and Node's own N-API headers. Does nothing when the build is newer than the
# source; exits non-zero (and the engine falls back to wasm) when g++, oneDNN or the headers are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

src=packages/engine/native/mu_native.cc
out=packages/engine/native/build/mu_native.node
[ -f "$out" ] && [ "$out" -nt "$src" ] && [ "$out" -nt "$0" ] && exit 0

# Node's headers ship beside its binary (<prefix>/include/node), e.g. /usr/include/node for Debian's.
include=$(node -p "require('path').join(process.config.variables.node_prefix || require('path').dirname(require('path').dirname(process.execPath)), 'include', 'node')")
[ -f "$include/node_api.h" ] || include=$(dirname "$(dirname "$(command -v node)")")/include/node
if [ ! -f "$include/node_api.h" ]; then echo "build-native: node_api.h not found (looked in $include)" >&2; exit 1; fi

mkdir -p "$(dirname "$out")"
g++ -O3 -shared -fPIC -std=c++17 -fopenmp -DNODE_GYP_MODULE_NAME=mu_native -I"$include" "$src" -ldnnl -o "$out.tmp"
mv "$out.tmp" "$out"
echo "build-native: built $out" >&2
