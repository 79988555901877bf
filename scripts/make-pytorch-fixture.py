#!/usr/bin/python3
"""Generates the PyTorch parity fixture in packages/engine/test/fixtures/pytorch/.

Run with Debian's PyTorch (apt-get install python3-torch) from the repository root:

    /usr/bin/python3 scripts/make-pytorch-fixture.py

It builds a ResNet-18 x1/8 (resnet18-w8) and the small CNN exactly as the engine defines them,
with random weights and non-trivial batch-norm statistics, saves each as .pth (torch.save) and
.safetensors, and records the logits and penultimate features of 16 CIFAR-10 test images.
It then has the engine read each file and export it again (scripts/export-pytorch-weights.ts)
and checks that torch.load(exported, weights_only=True) gives back identical tensors.
CI uses the committed outputs and needs no Python.
"""
import gzip
import json
import os
import struct
import subprocess
import sys
import tempfile

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "packages", "engine", "test", "fixtures", "pytorch")
CIFAR = os.path.join(ROOT, "..", "shared", "datasets", "cifar10", "test_batch.bin.gz")
# packages/engine/src/data/catalog.ts (the reference system's constants)
MEAN = [0.4914, 0.4822, 0.4465]
STD = [0.2023, 0.1994, 0.201]
COUNT = 16


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.downsample = None
        if stride != 1 or cin != cout:
            self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + (x if self.downsample is None else self.downsample(x)))


class CifarResNet18(nn.Module):
    """torchvision's resnet18 with a 3x3 stride-1 stem without bias and no max-pool."""

    def __init__(self, width, classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, width, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        cin = width
        for stage in range(1, 5):
            cout = width * 2 ** (stage - 1)
            stride = 1 if stage == 1 else 2
            setattr(self, f"layer{stage}", nn.Sequential(BasicBlock(cin, cout, stride), BasicBlock(cout, cout, 1)))
            cin = cout
        self.fc = nn.Linear(cin, classes)

    def features(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        for stage in range(1, 5):
            x = getattr(self, f"layer{stage}")(x)
        return torch.flatten(F.adaptive_avg_pool2d(x, 1), 1)

    def forward(self, x):
        return self.fc(self.features(x))


class Stage(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, 3, 1, 1, bias=False)
        self.bn = nn.BatchNorm2d(cout)

    def forward(self, x):
        return F.max_pool2d(F.relu(self.bn(self.conv(x))), 2)


class SmallCnn(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.block1, self.block2, self.block3 = Stage(3, 32), Stage(32, 64), Stage(64, 128)
        self.fc = nn.Linear(128, classes)

    def features(self, x):
        return torch.flatten(F.adaptive_avg_pool2d(self.block3(self.block2(self.block1(x))), 1), 1)

    def forward(self, x):
        return self.fc(self.features(x))


def randomise_batch_norm(model, generator):
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            n = m.num_features
            with torch.no_grad():
                m.weight.copy_(torch.rand(n, generator=generator) + 0.5)
                m.bias.copy_(torch.randn(n, generator=generator) * 0.1)
                m.running_mean.copy_(torch.randn(n, generator=generator) * 0.1)
                m.running_var.copy_(torch.rand(n, generator=generator) * 1.5 + 0.5)
                m.num_batches_tracked.fill_(int(torch.randint(1, 10000, (1,), generator=generator)))


SAFETENSORS_DTYPES = {torch.float32: "F32", torch.int64: "I64"}


def save_safetensors(state_dict, path):
    header, chunks, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name, t in state_dict.items():
        data = t.contiguous().numpy().astype(t.numpy().dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": SAFETENSORS_DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    text += b" " * ((8 - (8 + len(text)) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))


def load_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + length])
    dtypes = {"F32": np.float32, "I64": np.int64}
    out = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        array = np.frombuffer(data[8 + length + start : 8 + length + end], dtype=dtypes[entry["dtype"]]).reshape(entry["shape"])
        out[name] = torch.from_numpy(array.copy())
    return out


def read_images():
    with gzip.open(CIFAR, "rb") as f:
        records = np.frombuffer(f.read(COUNT * 3073), dtype=np.uint8).reshape(COUNT, 3073)
    labels = records[:, 0].astype(int).tolist()
    nchw = records[:, 1:].reshape(COUNT, 3, 32, 32)
    # As the engine's lookup table: (v/255 - mean)/std in float64, then float32.
    x = (nchw.astype(np.float64) / 255 - np.array(MEAN)[None, :, None, None]) / np.array(STD)[None, :, None, None]
    return np.ascontiguousarray(nchw.transpose(0, 2, 3, 1)), labels, torch.from_numpy(x.astype(np.float32))


def save_wrapped(state_dict):
    """Checkpoint dicts as training scripts write them, and tensors that are views or not float32."""
    head = {k: state_dict[k] for k in list(state_dict)[:2]}
    torch.save({"state_dict": head, "epoch": 3, "lr": 0.1}, os.path.join(OUT, "wrapped-state-dict.pth"))
    views = {
        "strided": torch.arange(6, dtype=torch.float32).reshape(2, 3).t(),
        "offset": torch.arange(10, dtype=torch.float32)[4:7],
        "half": torch.tensor([1.5, -2.25, 65504.0], dtype=torch.float16),
        "bfloat16": torch.tensor([1.5, -2.25, 3.0e38], dtype=torch.bfloat16),
    }
    torch.save({"model": views, "optimizer": None}, os.path.join(OUT, "wrapped-model.pth"))


def same_tensors(a, b):
    return list(a.keys()) == list(b.keys()) and all(a[k].dtype == b[k].dtype and a[k].shape == b[k].shape and torch.equal(a[k], b[k]) for k in a)


def main():
    os.makedirs(OUT, exist_ok=True)
    generator = torch.Generator().manual_seed(2048)
    torch.manual_seed(2048)
    nhwc, labels, x = read_images()
    with open(os.path.join(OUT, "images.bin"), "wb") as f:
        f.write(nhwc.tobytes())
    expected = {"labels": labels, "images": "images.bin (16 x 32 x 32 x 3 uint8, NHWC)", "models": {}}
    models = {"resnet18-w8": CifarResNet18(8), "small-cnn": SmallCnn()}
    for arch, model in models.items():
        randomise_batch_norm(model, generator)
        with torch.no_grad():
            model.fc.weight.mul_(10)  # logits of a few units, so that 1e-4 is a tight bound
        model.eval()
        with torch.no_grad():
            features = model.features(x)
            logits = model.fc(features)
        state_dict = model.state_dict()
        torch.save(state_dict, os.path.join(OUT, f"{arch}.pth"))
        save_safetensors(state_dict, os.path.join(OUT, f"{arch}.safetensors"))
        expected["models"][arch] = {"logits": logits.tolist(), "features": features.tolist()}
        print(f"{arch}: {sum(p.numel() for p in model.parameters())} parameters, max |logit| {logits.abs().max():.3f}")
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f)
    save_wrapped(models["small-cnn"].state_dict())

    with tempfile.TemporaryDirectory() as tmp:
        for arch in models:
            for source in ("pth", "safetensors"):
                out = os.path.join(tmp, f"{arch}-from-{source}")
                subprocess.run(["node", "--import", "tsx", "scripts/export-pytorch-weights.ts", arch, os.path.join(OUT, f"{arch}.{source}"), out], cwd=ROOT, check=True)
                original = torch.load(os.path.join(OUT, f"{arch}.pth"), weights_only=True)
                exported_pth = torch.load(out + ".pth", weights_only=True)
                exported_st = load_safetensors(out + ".safetensors")
                ok = same_tensors(original, exported_pth) and same_tensors(original, exported_st)
                print(f"{arch} .{source} -> ours -> .pth (torch.load weights_only=True) and .safetensors: {'identical' if ok else 'DIFFERENT'}")
                if not ok:
                    sys.exit(1)


if __name__ == "__main__":
    main()
