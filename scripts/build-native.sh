#!/usr/bin/env bash
# Builds the oneDNN convolution addon into packages/engine/native/build/: libmu_dnnl.so (the
# convolutions, linked with Debian's libdnnl-dev, and the batch norm passes) and mu_native.node (the N-API glue, against Node's
# own headers, which opens the library). Does nothing when both are newer than their sources; exits
# non-zero (and the engine falls back to its WebAssembly convolutions) when g++, oneDNN or the
# headers are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=packages/engine/native
out=$dir/build
newer() { [ -f "$1" ] && [ -z "$(find "$dir"/*.cc "$dir"/*.h "$0" -newer "$1" 2>/dev/null)" ]; }
newer "$out/libmu_dnnl.so" && newer "$out/mu_native.node" && exit 0

# Node's headers ship beside its binary: <prefix>/include/node (/usr/include/node for Debian's node).
prefix=$(node -p "require('path').dirname(require('path').dirname(process.execPath))")
include=$prefix/include/node
if [ ! -f "$include/node_api.h" ]; then echo "build-native: node_api.h not found in $include" >&2; exit 1; fi

mkdir -p "$out"
g++ -O3 -shared -fPIC -std=c++17 -fopenmp "$dir/dnnlConvolutions.cc" "$dir/batchNorm.cc" -ldnnl -o "$out/libmu_dnnl.so.tmp"
g++ -O3 -shared -fPIC -std=c++17 -DNODE_GYP_MODULE_NAME=mu_native -I"$include" "$dir/mu_native.cc" -ldl -o "$out/mu_native.node.tmp"
mv "$out/libmu_dnnl.so.tmp" "$out/libmu_dnnl.so"
mv "$out/mu_native.node.tmp" "$out/mu_native.node"
echo "build-native: built $out/mu_native.node and libmu_dnnl.so" >&2
