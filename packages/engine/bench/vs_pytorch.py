#!/usr/bin/python3
"""PyTorch side of `pnpm bench:vs-pytorch`: times the same CIFAR ResNet-18 variants on request.

Started by packages/engine/bench/vsPytorch.ts with Debian's PyTorch (/usr/bin/python3 or
$MU_PYTHON). Reads one JSON request per line from stdin and answers one JSON line on stdout:

    {"width": 16, "mode": "train", "batch": 128, "steps": 4, "channels": 3}
    -> {"imgPerS": 331.2, "cpuImgPerS": 170.4}

"train" is a step of forward, cross-entropy, backward and SGD (momentum 0.9, weight decay 5e-4);
"infer" a forward pass in eval mode without autograd. One untimed warm-up step precedes the
timed ones, as on our side. The first line written is {"torch": version, "threads": n}.
"""
import importlib.util
import json
import os
import sys
import time

import torch
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
_spec = importlib.util.spec_from_file_location("fixture", os.path.join(ROOT, "scripts", "make-pytorch-fixture.py"))
_fixture = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixture)
CifarResNet18 = _fixture.CifarResNet18


def build(width, channels):
    model = CifarResNet18(width)
    if channels != 3:
        model.conv1 = torch.nn.Conv2d(channels, width, 3, 1, 1, bias=False)
    return model


def time_steps(step, images, steps):
    step()
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(steps):
        step()
    wall, used = time.perf_counter() - start, time.process_time() - cpu
    return {"imgPerS": images * steps / wall, "cpuImgPerS": images * steps / used if used > 0 else None}


def measure(models, request):
    key = (request["width"], request["channels"])
    if key not in models:
        model = build(*key)
        models[key] = (model, torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4))
    model, sgd = models[key]
    batch, steps, channels = request["batch"], request["steps"], request["channels"]
    x = torch.randn(batch, channels, 32, 32)
    if request["mode"] == "train":
        y = torch.randint(0, 10, (batch,))
        model.train()

        def step():
            sgd.zero_grad()
            F.cross_entropy(model(x), y).backward()
            sgd.step()

        return time_steps(step, batch, steps)
    model.eval()

    def infer():
        with torch.no_grad():
            model(x)

    return time_steps(infer, batch, steps)


def main():
    torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
    torch.manual_seed(1)
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads()}), flush=True)
    models = {}
    for line in sys.stdin:
        print(json.dumps(measure(models, json.loads(line))), flush=True)


if __name__ == "__main__":
    main()
