#!/usr/bin/python3
"""PyTorch reference for `ndsw bench train`: the same networks, recipe and input pipeline in plain PyTorch.

Networks are built from an NDS `net` JSON the way pycls builds them (stage-wise AnyNet blocks, DARTS-style cells;
docs/reference/blocks-and-ops.md), initialized as pycls does, and trained with torch.optim.SGD (momentum 0.9, Nesterov,
weight decay on every parameter) and the per-epoch cosine learning rate. Input: CIFAR-10 binary records
(data_batch_N.bin, test_batch.bin), normalized with the NDS mean/std, zero-padded by 4 after normalization, randomly
cropped to 32x32 and flipped, batch by batch on the training thread.

Whole runs read the binary files or image folders (train/<class>/*, test/<class>/*, PNG or JPEG, decoded with PIL)
and take the same stratified subsets as `ndsw train` (--train-subset, --test-subset, --subset-seed: a port of
org.ndsw.train.data.Subsets with java.util.SplittableRandom), so both train on the same images.

Modes:
  --serve   read commands from stdin, one JSON object per line, answer one JSON line each:
              {"cmd": "load", "net": {...}, "seed": 1}  -> {"params": N}
              {"cmd": "train", "steps": S}              -> {"images": n, "seconds": t, "cpu_seconds": c, "loss": l}
            (cpu_seconds: CPU time of the whole process, all threads, during the steps)
              {"cmd": "quit"}
  otherwise train --net for --epochs on --data (evaluating on the test set after every epoch) and print one JSON line
  per epoch: {"epoch": e, "lr": lr, "images": n, "seconds": t, "cpu_seconds": c, "loss": l, "top1": err,
  "test_top1": err, "test_loss": l, "test_seconds": t}, then one summary line: {"done": true, "torch": version,
  "device": "cpu (T threads)", "train_images": n, "test_images": m, "import_seconds": from the script's first line to
  after the imports, "load_seconds": reading, decoding and subsets, "run_started": the Unix time (s) the run began,
  "run_seconds": from building the model to the end (as `ndsw train`'s wall_time), "total_seconds": from the script's first line, "cpu_seconds": the whole process}.
  This is the reference side of `ndsw bench train --whole-run`.

Run with Debian's interpreter: /usr/bin/python3 (apt-get install python3-torch).
"""
import time

T0 = time.perf_counter()

import argparse  # noqa: E402 (the timer above starts before the imports it measures)
import json
import math
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

T_IMPORTED = time.perf_counter()

MEAN = [125.3, 123.0, 113.9]
STD = [63.0, 62.1, 66.7]
RECORD = 1 + 3 * 32 * 32
BINARY_FOLDER = "cifar-10-batches-bin"


# ---------------------------------------------------------------- stage-wise networks (pycls AnyNet blocks)

def conv_bn(w_in, w_out, k, stride, groups=1):
    return nn.Sequential(nn.Conv2d(w_in, w_out, k, stride, k // 2, groups=groups, bias=False), nn.BatchNorm2d(w_out))


class PlainBlock(nn.Module):
    def __init__(self, w_in, w_out, stride, bot_mul, groups):
        super().__init__()
        self.a = conv_bn(w_in, w_out, 3, stride)
        self.b = conv_bn(w_out, w_out, 3, 1)

    def forward(self, x):
        return F.relu(self.b(F.relu(self.a(x))))


class ResidualBlock(nn.Module):
    def __init__(self, w_in, w_out, stride, f):
        super().__init__()
        self.proj = conv_bn(w_in, w_out, 1, stride) if w_in != w_out or stride != 1 else None
        self.f = f

    def forward(self, x):
        return F.relu((self.proj(x) if self.proj is not None else x) + self.f(x))


def basic(w_in, w_out, stride, bot_mul, groups):
    f = nn.Sequential(conv_bn(w_in, w_out, 3, stride), nn.ReLU(), conv_bn(w_out, w_out, 3, 1))
    return ResidualBlock(w_in, w_out, stride, f)


def bottleneck(w_in, w_out, stride, bot_mul, groups):
    w_b = int(round(w_out * bot_mul))
    f = nn.Sequential(conv_bn(w_in, w_b, 1, 1), nn.ReLU(), conv_bn(w_b, w_b, 3, stride, groups), nn.ReLU(),
                      conv_bn(w_b, w_out, 1, 1))
    return ResidualBlock(w_in, w_out, stride, f)


BLOCKS = {"double_plain_block": PlainBlock, "res_basic_block": basic, "res_bottleneck_block": bottleneck}


def stage_net(net, classes=10):
    ds, ws, ss = net["ds"], net["ws"], net["ss"]
    bots = net.get("bot_muls", [1.0] * len(ds))
    gs = net.get("num_gs", [1] * len(ds))
    block = BLOCKS[net["block_type"]]
    layers = [conv_bn(3, ws[0], 3, ss[0]), nn.ReLU()]
    w_in = ws[0]
    for i in range(1, len(ds)):
        for j in range(ds[i]):
            layers.append(block(w_in if j == 0 else ws[i], ws[i], ss[i] if j == 0 else 1, bots[i], gs[i]))
        w_in = ws[i]
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(w_in, classes)]
    return nn.Sequential(*layers)


# ---------------------------------------------------------------- NAS cell networks (DARTS skeleton)

class Zero(nn.Module):
    def __init__(self, stride):
        super().__init__()
        self.stride = stride

    def forward(self, x):
        return x[:, :, ::self.stride, ::self.stride].mul(0.0)


class FactorizedReduce(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv1 = nn.Conv2d(c_in, c_out // 2, 1, 2, bias=False)
        self.conv2 = nn.Conv2d(c_in, c_out // 2, 1, 2, bias=False)
        self.bn = nn.BatchNorm2d(c_out)

    def forward(self, x):
        x = F.relu(x)
        shifted = F.pad(x, (0, 1, 0, 1))[:, :, 1:, 1:]
        return self.bn(torch.cat([self.conv1(x), self.conv2(shifted)], dim=1))


def relu_conv_bn(c_in, c_out, k, stride):
    return nn.Sequential(nn.ReLU(), nn.Conv2d(c_in, c_out, k, stride, k // 2, bias=False), nn.BatchNorm2d(c_out))


def dil_conv(c, k, stride, dilation):
    pad = dilation * (k - 1) // 2
    return nn.Sequential(nn.ReLU(), nn.Conv2d(c, c, k, stride, pad, dilation=dilation, groups=c, bias=False),
                         nn.Conv2d(c, c, 1, bias=False), nn.BatchNorm2d(c))


def sep_conv(c, k, stride, dilation=1):
    return nn.Sequential(dil_conv(c, k, stride, dilation), dil_conv(c, k, 1, dilation))


def asym_conv(c, k, stride):
    return nn.Sequential(nn.ReLU(), nn.Conv2d(c, c, (1, k), (1, stride), (0, k // 2), bias=False),
                         nn.Conv2d(c, c, (k, 1), (stride, 1), (k // 2, 0), bias=False), nn.BatchNorm2d(c))


OPS = {
    "none": lambda c, s: Zero(s),
    "skip_connect": lambda c, s: nn.Identity() if s == 1 else FactorizedReduce(c, c),
    "avg_pool_3x3": lambda c, s: nn.AvgPool2d(3, s, 1, count_include_pad=False),
    "max_pool_3x3": lambda c, s: nn.MaxPool2d(3, s, 1),
    "max_pool_5x5": lambda c, s: nn.MaxPool2d(5, s, 2),
    "max_pool_7x7": lambda c, s: nn.MaxPool2d(7, s, 3),
    "conv_1x1": lambda c, s: relu_conv_bn(c, c, 1, s),
    "conv_3x3": lambda c, s: relu_conv_bn(c, c, 3, s),
    "conv_3x1_1x3": lambda c, s: asym_conv(c, 3, s),
    "conv_7x1_1x7": lambda c, s: asym_conv(c, 7, s),
    "sep_conv_3x3": lambda c, s: sep_conv(c, 3, s),
    "sep_conv_5x5": lambda c, s: sep_conv(c, 5, s),
    "sep_conv_7x7": lambda c, s: sep_conv(c, 7, s),
    "dil_sep_conv_3x3": lambda c, s: sep_conv(c, 3, s, 2),
    "dil_conv_3x3": lambda c, s: dil_conv(c, 3, s, 2),
    "dil_conv_5x5": lambda c, s: dil_conv(c, 5, s, 2),
}


class Cell(nn.Module):
    def __init__(self, edges, concat, c_pp, c_p, c, reduction, reduction_prev):
        super().__init__()
        self.pre0 = FactorizedReduce(c_pp, c) if reduction_prev else relu_conv_bn(c_pp, c, 1, 1)
        self.pre1 = relu_conv_bn(c_p, c, 1, 1)
        self.inputs = [idx for _, idx in edges]
        self.ops = nn.ModuleList(OPS[op](c, 2 if reduction and idx < 2 else 1) for op, idx in edges)
        self.concat = list(concat)

    def forward(self, s0, s1):
        states = [self.pre0(s0), self.pre1(s1)]
        for i in range(len(self.ops) // 2):
            a, b = 2 * i, 2 * i + 1
            states.append(self.ops[a](states[self.inputs[a]]) + self.ops[b](states[self.inputs[b]]))
        return torch.cat([states[i] for i in self.concat], dim=1)


class CellNet(nn.Module):
    def __init__(self, net, classes=10):
        super().__init__()
        g, c, depth = net["genotype"], net["width"], net["depth"]
        self.stem = nn.Sequential(nn.Conv2d(3, 3 * c, 3, 1, 1, bias=False), nn.BatchNorm2d(3 * c))
        c_pp, c_p = 3 * c, 3 * c
        reduction_prev = False
        self.cells = nn.ModuleList()
        for i in range(depth):
            reduction = i in (depth // 3, 2 * depth // 3)
            if reduction:
                c *= 2
            edges, concat = (g["reduce"], g["reduce_concat"]) if reduction else (g["normal"], g["normal_concat"])
            self.cells.append(Cell(edges, concat, c_pp, c_p, c, reduction, reduction_prev))
            c_pp, c_p = c_p, len(concat) * c
            reduction_prev = reduction
        self.fc = nn.Linear(c_p, classes)

    def forward(self, x):
        s0 = s1 = self.stem(x)
        for cell in self.cells:
            s0, s1 = s1, cell(s0, s1)
        return self.fc(F.adaptive_avg_pool2d(s1, 1).flatten(1))


def build(net):
    model = CellNet(net) if "genotype" in net else stage_net(net)
    for m in model.modules():  # pycls init_weights
        if isinstance(m, nn.Conv2d):
            fan_out = m.kernel_size[0] * m.kernel_size[1] * m.out_channels
            m.weight.data.normal_(mean=0.0, std=math.sqrt(2.0 / fan_out))
        elif isinstance(m, nn.BatchNorm2d):
            m.weight.data.fill_(1.0)
            m.bias.data.zero_()
        elif isinstance(m, nn.Linear):
            m.weight.data.normal_(mean=0.0, std=0.01)
            m.bias.data.zero_()
    return model


# ---------------------------------------------------------------- data

def read_records(files):
    raw = np.concatenate([np.fromfile(f, dtype=np.uint8) for f in files]).reshape(-1, RECORD)
    labels = torch.from_numpy(raw[:, 0].astype(np.int64))
    images = torch.from_numpy(raw[:, 1:].reshape(-1, 3, 32, 32).copy())
    return images, labels


def read_cifar(directory):
    """Both splits of a directory of CIFAR-10 binary files; the test split is None without test_batch.bin."""
    if os.path.isdir(os.path.join(directory, BINARY_FOLDER)):
        directory = os.path.join(directory, BINARY_FOLDER)
    train = []
    i = 1
    while os.path.exists(os.path.join(directory, "data_batch_%d.bin" % i)):
        train.append(os.path.join(directory, "data_batch_%d.bin" % i))
        i += 1
    test = os.path.join(directory, "test_batch.bin")
    return read_records(train), (read_records([test]) if os.path.exists(test) else None)


def is_binary(directory):
    """True for the binary release (here or in cifar-10-batches-bin/), as org.ndsw.train.data.Cifar10.load decides."""
    if os.path.isdir(os.path.join(directory, BINARY_FOLDER)):
        directory = os.path.join(directory, BINARY_FOLDER)
    return any(os.path.exists(os.path.join(directory, f)) for f in ("test_batch.bin", "data_batch_1.bin"))


def list_split(split):
    """The image files and labels of train/ or test/: class folders sorted by name, files sorted, as ImageFolders."""
    classes = sorted(d for d in os.listdir(split) if not d.startswith(".") and os.path.isdir(os.path.join(split, d)))
    if len(classes) != 10:
        raise SystemExit("%s: expected 10 class folders, found %d: %s" % (split, len(classes), classes))
    files, labels = [], []
    for label, c in enumerate(classes):
        names = sorted(f for f in os.listdir(os.path.join(split, c)) if not f.startswith("."))
        files += [os.path.join(split, c, f) for f in names]
        labels += [label] * len(names)
    return files, labels


def decode(files):
    """Decodes 32x32 images into a [n, 3, 32, 32] uint8 tensor with PIL."""
    from PIL import Image
    out = np.empty((len(files), 3, 32, 32), dtype=np.uint8)
    for i, f in enumerate(files):
        with Image.open(f) as img:
            rgb = np.asarray(img.convert("RGB"))
        if rgb.shape != (32, 32, 3):
            raise SystemExit("%s: image is %dx%d, expected 32x32" % (f, rgb.shape[1], rgb.shape[0]))
        out[i] = rgb.transpose(2, 0, 1)
    return torch.from_numpy(out)


def read_data(directory, train_size, test_size, seed):
    """(train, test) as (images, labels) with stratified subsets of the given sizes (0: all), as `ndsw train` reads
    them; image folders decode only the chosen files. test is None for binary files without test_batch.bin."""
    sizes = {"train": train_size, "test": test_size}
    if is_binary(directory):
        splits = dict(zip(("train", "test"), read_cifar(directory)))
        out = []
        for split in ("train", "test"):
            images, labels = splits[split] or (None, None)
            if images is not None and sizes[split]:
                idx = torch.tensor(stratified(labels.tolist(), sizes[split], seed, "--%s-subset" % split))
                images, labels = images[idx], labels[idx]
            out.append(None if images is None else (images, labels))
        return tuple(out)
    out = []
    for split in ("train", "test"):
        files, labels = list_split(os.path.join(directory, split))
        idx = stratified(labels, sizes[split], seed, "--%s-subset" % split) if sizes[split] else range(len(files))
        out.append((decode([files[i] for i in idx]), torch.tensor([labels[i] for i in idx], dtype=torch.int64)))
    return tuple(out)


# ---------------------------------------------------------------- subsets exactly as ndsw takes them

M64 = (1 << 64) - 1


def _mix64(z):
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M64
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M64
    return z ^ (z >> 31)


def _mix32(z):
    """The unsigned 32 bits of SplittableRandom.mix32."""
    z = ((z ^ (z >> 33)) * 0x62a9d9ed799705f5) & M64
    return (((z ^ (z >> 28)) * 0xcb24d0a5c88c35b3) & M64) >> 32


def _mix_gamma(z):
    z = ((z ^ (z >> 33)) * 0xff51afd7ed558ccd) & M64
    z = ((z ^ (z >> 33)) * 0xc4ceb9fe1a85ec53) & M64
    z = (z ^ (z >> 33)) | 1
    return z ^ 0xaaaaaaaaaaaaaaaa if bin(z ^ (z >> 1)).count("1") < 24 else z


class SplittableRandom:
    """java.util.SplittableRandom (JDK 8-17): the same seed gives the same nextInt(bound) and split() streams."""

    def __init__(self, seed, gamma=0x9e3779b97f4a7c15):
        self.seed, self.gamma = seed & M64, gamma

    def _next_seed(self):
        self.seed = (self.seed + self.gamma) & M64
        return self.seed

    def split(self):
        return SplittableRandom(_mix64(self._next_seed()), _mix_gamma(self._next_seed()))

    def next_int(self, bound):
        r = _mix32(self._next_seed())
        m = bound - 1
        if bound & m == 0:
            return r & m
        u = r >> 1
        while True:  # Java rejects when the int u + m - r overflows
            r = u % bound
            if u + m - r <= 0x7fffffff:
                return r
            u = _mix32(self._next_seed()) >> 1


def quotas(counts, n):
    """Per-class counts summing to n, proportional to the class sizes (largest remainder, ties to the lower class)."""
    total = sum(counts)
    exact = [c * n / total for c in counts]
    q = [math.floor(x) for x in exact]
    rest = [x - qc for x, qc in zip(exact, q)]
    for _ in range(n - sum(q)):
        best = max((c for c in range(len(counts)) if q[c] < counts[c]), key=lambda c: (rest[c], -c))
        q[best] += 1
        rest[best] = -1
    return q


def stratified(labels, n, seed, option):
    """The indices org.ndsw.train.data.Subsets.stratified picks: per class a seeded shuffle, in original order."""
    if n < 1 or n > len(labels):
        raise SystemExit("%s must be between 1 and the %d images of the set, got %d" % (option, len(labels), n))
    counts = [0] * 10
    for label in labels:
        counts[label] += 1
    rng, chosen = SplittableRandom(seed), []
    for c, quota in enumerate(quotas(counts, n)):
        members = [i for i, label in enumerate(labels) if label == c]
        r = rng.split()
        for i in range(len(members) - 1, 0, -1):
            j = r.next_int(i + 1)
            members[i], members[j] = members[j], members[i]
        chosen += members[:quota]
    return sorted(chosen)


def normalize(x):
    mean = torch.tensor(MEAN).view(1, 3, 1, 1)
    std = torch.tensor(STD).view(1, 3, 1, 1)
    return (x.float() - mean) / std


def augment(x, gen):
    """Normalize, zero-pad by 4, random 32x32 crop and horizontal flip per image (pycls order)."""
    padded = F.pad(normalize(x), (4, 4, 4, 4))
    n = x.shape[0]
    offsets = torch.randint(0, 9, (n, 2), generator=gen)
    flips = torch.rand(n, generator=gen) < 0.5
    out = torch.empty(n, 3, 32, 32)
    for i in range(n):
        dy, dx = int(offsets[i, 0]), int(offsets[i, 1])
        crop = padded[i, :, dy:dy + 32, dx:dx + 32]
        out[i] = crop.flip(2) if flips[i] else crop
    return out


class Trainer:
    def __init__(self, net, images, labels, batch, seed):
        torch.manual_seed(seed)
        self.model = build(net)
        self.opt = torch.optim.SGD(self.model.parameters(), lr=0.1, momentum=0.9, nesterov=True, weight_decay=5e-4)
        self.images, self.labels, self.batch = images, labels, batch
        self.gen = torch.Generator().manual_seed(seed)
        self.order, self.pos = torch.randperm(len(labels), generator=self.gen), 0

    def params(self):
        return sum(p.numel() for p in self.model.parameters())

    def next_batch(self):
        if self.pos + self.batch > len(self.order):
            self.order, self.pos = torch.randperm(len(self.labels), generator=self.gen), 0
        idx = self.order[self.pos:self.pos + self.batch]
        self.pos += self.batch
        return augment(self.images[idx], self.gen), self.labels[idx]

    def train(self, steps, lr=None):
        if lr is not None:
            for group in self.opt.param_groups:
                group["lr"] = lr
        self.model.train()
        start, cpu, loss_sum, correct, seen = time.perf_counter(), time.process_time(), 0.0, 0, 0
        for _ in range(steps):
            x, y = self.next_batch()
            logits = self.model(x)
            loss = F.cross_entropy(logits, y)
            self.opt.zero_grad()
            loss.backward()
            self.opt.step()
            loss_sum += loss.item() * len(y)
            correct += int((logits.argmax(1) == y).sum())
            seen += len(y)
        return {"images": seen, "seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu,
                "loss": loss_sum / seen,
                "top1": 100.0 * (seen - correct) / seen}

    @torch.no_grad()
    def evaluate(self, images, labels, batch=200):
        """Test error (%), mean test loss and seconds, in batches of `batch` as `ndsw train --test-batch`."""
        self.model.eval()
        start, correct, loss_sum = time.perf_counter(), 0, 0.0
        for i in range(0, len(labels), batch):
            logits = self.model(normalize(images[i:i + batch]))
            loss_sum += float(F.cross_entropy(logits, labels[i:i + batch], reduction="sum"))
            correct += int((logits.argmax(1) == labels[i:i + batch]).sum())
        return {"test_top1": 100.0 * (len(labels) - correct) / len(labels), "test_loss": loss_sum / len(labels),
                "test_seconds": time.perf_counter() - start}

    def save(self, directory, epoch):
        """Weights and optimizer state after an epoch, replacing the previous epoch's file (as ndsw's checkpoints)."""
        os.makedirs(directory, exist_ok=True)
        path = os.path.join(directory, "checkpoint.pt")
        torch.save({"epoch": epoch, "model": self.model.state_dict(), "optimizer": self.opt.state_dict()},
                   path + ".tmp")
        os.replace(path + ".tmp", path)


def serve(args, images, labels):
    trainer = None
    for line in sys.stdin:
        cmd = json.loads(line)
        if cmd["cmd"] == "load":
            trainer = Trainer(cmd["net"], images, labels, args.batch, cmd.get("seed", 1))
            reply = {"params": trainer.params()}
        elif cmd["cmd"] == "train":
            reply = trainer.train(cmd["steps"])
        elif cmd["cmd"] == "quit":
            return
        else:
            reply = {"error": "unknown command " + cmd["cmd"]}
        print(json.dumps(reply), flush=True)


def whole_run(args):
    """Trains --net for --epochs on --data as `ndsw train` does, one JSON line per epoch and a summary line."""
    train, test = read_data(args.data, args.train_subset, args.test_subset, args.subset_seed)
    images, labels = train
    loaded, run_started = time.perf_counter(), time.time()
    net = json.load(open(args.net)) if os.path.exists(args.net) else json.loads(args.net)
    trainer = Trainer(net.get("net", net), images, labels, args.batch, args.seed)
    for e in range(args.epochs):
        lr = 0.5 * args.lr * (1 + math.cos(math.pi * e / args.epochs))
        r = trainer.train(len(labels) // args.batch, lr)
        r.update(epoch=e + 1, lr=lr)
        r.update(trainer.evaluate(*test, batch=args.test_batch) if test else {"test_top1": None})
        if args.checkpoint_dir:
            trainer.save(args.checkpoint_dir, e + 1)
        print(json.dumps(r), flush=True)
    end = time.perf_counter()
    print(json.dumps({"done": True, "torch": torch.__version__, "device": "cpu (%d thread%s)" % (torch.get_num_threads(), "" if torch.get_num_threads() == 1 else "s"),
                      "params": trainer.params(), "train_images": len(labels),
                      "test_images": len(test[1]) if test else 0, "import_seconds": T_IMPORTED - T0,
                      "load_seconds": loaded - T_IMPORTED, "run_started": run_started, "run_seconds": end - loaded,
                      "total_seconds": end - T0,
                      "cpu_seconds": time.process_time()}), flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True, help="CIFAR-10: binary files or image folders train/<class>/, test/<class>/")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--test-batch", type=int, default=200)
    p.add_argument("--serve", action="store_true")
    p.add_argument("--net", help="net JSON (text or file), for training without --serve")
    p.add_argument("--epochs", type=int, default=100)
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--train-subset", type=int, default=0, help="stratified subset as ndsw train's (0: all)")
    p.add_argument("--test-subset", type=int, default=0, help="stratified subset as ndsw train's (0: all)")
    p.add_argument("--subset-seed", type=int, default=0, help="seed of the subsets, as ndsw train's")
    p.add_argument("--checkpoint-dir", help="save weights and optimizer state here after every epoch")
    p.add_argument("--print-subset", choices=("train", "test"),
                   help="print the chosen files (image folders) or indices (binary files) of a split and exit")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    if args.print_subset:
        print_subset(args)
    elif args.serve:
        (images, labels), _ = read_cifar(args.data)
        print(json.dumps({"torch": torch.__version__, "images": len(labels)}), flush=True)
        serve(args, images, labels)
    else:
        if not args.net:
            p.error("--net is required without --serve")
        whole_run(args)


def print_subset(args):
    """One line per image of the subset: the file of an image folder, or the record index in the binary files."""
    size = args.train_subset if args.print_subset == "train" else args.test_subset
    if is_binary(args.data):
        train, test = read_cifar(args.data)
        labels = (train if args.print_subset == "train" else test)[1].tolist()
        files = [str(i) for i in range(len(labels))]
    else:
        files, labels = list_split(os.path.join(args.data, args.print_subset))
    idx = stratified(labels, size, args.subset_seed, "--%s-subset" % args.print_subset) if size else range(len(files))
    sys.stdout.write("".join(files[i] + "\n" for i in idx))


if __name__ == "__main__":
    main()
