#!/usr/bin/env bash
# Checks a GPU backend on this machine: which backend and adapter are active (every candidate with
# why it was skipped), parity against WebAssembly on a fixed batch, training and inference
# throughput of resnet18, -w32 and -w16, and the time of one Retrain epoch on full CIFAR-10.
#
#   bash scripts/gpu-check.sh [--backend webgpu|tensorflow-gpu] [--skip-epoch] [--software]
#
#   --backend      the backend to check (default webgpu)
#   --skip-epoch   leave out the CIFAR-10 epoch (it takes hours on a software GPU)
#   --software     use SwiftShader, the software Vulkan driver of Debian's chromium package, with
#                  small batches and one run: checks the route on a machine without a GPU; its
#                  figures are a software GPU's, not a GPU's
set -euo pipefail
cd "$(dirname "$0")/.."

backend=webgpu epoch=1 software=0
while [ $# -gt 0 ]; do
  case "$1" in
    --backend) backend="${2:?--backend needs a value}"; shift 2 ;;
    --skip-epoch) epoch=0; shift ;;
    --software) software=1; shift ;;
    *) echo "error: unknown option $1 (expected --backend NAME, --skip-epoch, --software)" >&2; exit 2 ;;
  esac
done
case "$backend" in webgpu|tensorflow-gpu) ;; *) echo "error: --backend must be webgpu or tensorflow-gpu" >&2; exit 2 ;; esac

bench=(--runs 3 --steps 4)
if [ "$software" = 1 ]; then
  export VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json
  [ -f "$VK_ICD_FILENAMES" ] || { echo "error: SwiftShader not found (install Debian's chromium)" >&2; exit 1; }
  export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
  bench=(--runs 1 --steps 1 --train-batch 8 --infer-batch 16)
fi
export MU_BACKEND="$backend"
mu() { node --import tsx packages/engine/src/cli/main.ts "$@"; }

echo "== backend and adapter"
mu info 2>&1 | sed -n '1,/^inference/p'
echo "== parity against wasm (one SGD step and logits, resnet18-w16, batch 8)"
node --import tsx packages/engine/bench/gpuParity.ts --backend "$backend"
echo "== throughput (images/s)"
node --import tsx packages/engine/bench/engine.ts --backend "$backend" --arch resnet18-w16,resnet18-w32,resnet18 "${bench[@]}"
if [ "$epoch" = 1 ]; then
  echo "== one Retrain epoch on full CIFAR-10 (resnet18, forget class 3, batch 128)"
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
  MU_CHECKPOINT_DIR="$dir" mu train --dataset cifar10 --arch resnet18 --epochs 1 --exclude-class 3
fi
