#!/usr/bin/env python3
"""One SGD step of the enhanced DARTS setup (paper §5.4) in PyTorch, written independently of ndsw's engines.

The network is built DARTS-style (modules as in DARTS' model.py and operations.py: Cell, SepConv, DilConv,
FactorizedReduce, ReLUConvBN, Zero, AuxiliaryHeadCIFAR, drop_path) from an ndsw `net` record, loads ndsw's weights
(.npz under ndsw's ParameterLayout names), takes ndsw's images, labels and drop-path masks, and takes one step of
torch.optim.SGD on CE(main) + aux_weight * CE(auxiliary head), in training mode.

    /usr/bin/python3 docs/bench/enhanced_step.py DIR

DIR holds, as PyTorchEnhancedStepTest writes them:
  net.json       the net record (genotype, width, depth, aux, drop_prob)
  step.json      {"lr", "momentum", "nesterov", "weight_decay", "aux_weight", "drop_prob"} (drop_prob: this epoch's)
  weights.npz    the initial weights, float32, under ndsw's names (stem.conv.weight, c0.pre0.bn.running_mean, ...)
  batch.npz      images [N, 3, 32, 32], labels [N] (as float32), masks [slots, N] (0 or 1/keep per drop-path slot)
It writes:
  after.npz      every tensor after the step, same names
  result.json    {"loss", "aux_loss", "correct", "slots"}

Drop-path slots are numbered the way ndsw numbers them, cell by cell, node by node, edge 0 then 1, skipping the
ops that are an identity (skip_connect at stride 1), which DARTS' Cell.forward never drops. The masks are given as
ndsw's factors Bernoulli(keep)/keep; here they become the Bernoulli draws, and DARTS' drop_path formula applies them.
"""
import json
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class ReLUConvBN(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.op = nn.Sequential(nn.ReLU(inplace=False), nn.Conv2d(c_in, c_out, 1, bias=False), nn.BatchNorm2d(c_out))

    def forward(self, x):
        return self.op(x)

    def names(self, p):
        return [(f"{p}.conv", self.op[1]), (f"{p}.bn", self.op[2])]


class DilConv(nn.Module):
    def __init__(self, c, k, stride, padding, dilation):
        super().__init__()
        self.op = nn.Sequential(
            nn.ReLU(inplace=False),
            nn.Conv2d(c, c, k, stride=stride, padding=padding, dilation=dilation, groups=c, bias=False),
            nn.Conv2d(c, c, 1, bias=False),
            nn.BatchNorm2d(c))

    def forward(self, x):
        return self.op(x)

    def names(self, p):
        return [(f"{p}.dw", self.op[1]), (f"{p}.pw", self.op[2]), (f"{p}.bn", self.op[3])]


class SepConv(nn.Module):
    def __init__(self, c, k, stride, padding, dilation=1):
        super().__init__()
        self.first = DilConv(c, k, stride, padding, dilation)
        self.second = DilConv(c, k, 1, padding, dilation)

    def forward(self, x):
        return self.second(self.first(x))

    def names(self, p):
        return self.first.names(f"{p}.sep1") + self.second.names(f"{p}.sep2")


class Identity(nn.Module):
    def forward(self, x):
        return x

    def names(self, p):
        return []


class Zero(nn.Module):
    def __init__(self, stride):
        super().__init__()
        self.stride = stride

    def forward(self, x):
        if self.stride == 1:
            return x.mul(0.)
        return x[:, :, ::self.stride, ::self.stride].mul(0.)

    def names(self, p):
        return []


class FactorizedReduce(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.relu = nn.ReLU(inplace=False)
        self.conv_1 = nn.Conv2d(c_in, c_out // 2, 1, stride=2, bias=False)
        self.conv_2 = nn.Conv2d(c_in, c_out // 2, 1, stride=2, bias=False)
        self.bn = nn.BatchNorm2d(c_out)

    def forward(self, x):
        x = self.relu(x)
        return self.bn(torch.cat([self.conv_1(x), self.conv_2(x[:, :, 1:, 1:])], dim=1))

    def names(self, p):
        return [(f"{p}.conv1", self.conv_1), (f"{p}.conv2", self.conv_2), (f"{p}.bn", self.bn)]


class Pool(nn.Module):
    def __init__(self, pool):
        super().__init__()
        self.pool = pool

    def forward(self, x):
        return self.pool(x)

    def names(self, p):
        return []


def make_op(name, c, stride):
    """An op of the DARTS space (DARTS operations.py OPS), with ndsw's name suffix."""
    if name == "none":
        return Zero(stride), ""
    if name == "avg_pool_3x3":
        return Pool(nn.AvgPool2d(3, stride=stride, padding=1, count_include_pad=False)), ""
    if name == "max_pool_3x3":
        return Pool(nn.MaxPool2d(3, stride=stride, padding=1)), ""
    if name == "skip_connect":
        return (Identity(), "") if stride == 1 else (FactorizedReduce(c, c), ".fr")
    if name == "sep_conv_3x3":
        return SepConv(c, 3, stride, 1), ""
    if name == "sep_conv_5x5":
        return SepConv(c, 5, stride, 2), ""
    if name == "dil_conv_3x3":
        return DilConv(c, 3, stride, 2, 2), ""
    if name == "dil_conv_5x5":
        return DilConv(c, 5, stride, 4, 2), ""
    raise ValueError(f"op {name} is not in the DARTS space")


def drop_path(x, drop_prob, bernoulli):
    """DARTS utils.drop_path with the Bernoulli(keep) draws given instead of drawn here."""
    if drop_prob > 0.:
        keep_prob = 1. - drop_prob
        mask = bernoulli.view(-1, 1, 1, 1)
        x = x.div(keep_prob)
        x = x.mul(mask)
    return x


class Cell(nn.Module):
    def __init__(self, genotype, c_pp, c_p, c, reduction, reduction_prev, prefix):
        super().__init__()
        self.preprocess0 = FactorizedReduce(c_pp, c) if reduction_prev else ReLUConvBN(c_pp, c)
        self.preprocess1 = ReLUConvBN(c_p, c)
        edges = genotype["reduce"] if reduction else genotype["normal"]
        self.concat = genotype["reduce_concat"] if reduction else genotype["normal_concat"]
        self.steps = len(edges) // 2
        self.multiplier = len(self.concat)
        self.indices = [i for _, i in edges]
        self.ops = nn.ModuleList()
        self.op_names = []
        for k, (name, index) in enumerate(edges):
            stride = 2 if reduction and index < 2 else 1
            op, suffix = make_op(name, c, stride)
            self.ops.append(op)
            self.op_names.append(f"{prefix}.n{k // 2}.e{k % 2}{suffix}")
        self.prefix = prefix

    def forward(self, s0, s1, drop_prob, bernoulli, slot):
        states = [self.preprocess0(s0), self.preprocess1(s1)]
        for i in range(self.steps):
            hs = []
            for e in range(2):
                op = self.ops[2 * i + e]
                h = op(states[self.indices[2 * i + e]])
                if not isinstance(op, Identity):
                    if self.training and drop_prob > 0.:
                        h = drop_path(h, drop_prob, bernoulli[slot])
                    slot += 1
                hs.append(h)
            states.append(hs[0] + hs[1])
        return torch.cat([states[i] for i in self.concat], dim=1), slot

    def names(self):
        out = []
        pre0 = self.preprocess0
        out += pre0.names(f"{self.prefix}.pre0")
        out += self.preprocess1.names(f"{self.prefix}.pre1")
        for op, name in zip(self.ops, self.op_names):
            out += op.names(name)
        return out


class AuxiliaryHeadCIFAR(nn.Module):
    """DARTS model.py AuxiliaryHeadCIFAR: assumes an 8x8 input.

    DARTS' first ReLU is in place, on the cell output the next cells read too; that changes nothing there only because
    every cell starts with a ReLU of its inputs. Here it is out of place, the function ndsw's graph computes.
    """

    def __init__(self, c, num_classes):
        super().__init__()
        self.features = nn.Sequential(
            nn.ReLU(inplace=False),
            nn.AvgPool2d(5, stride=3, padding=0, count_include_pad=False),
            nn.Conv2d(c, 128, 1, bias=False),
            nn.BatchNorm2d(128),
            nn.ReLU(inplace=True),
            nn.Conv2d(128, 768, 2, bias=False),
            nn.BatchNorm2d(768),
            nn.ReLU(inplace=True))
        self.classifier = nn.Linear(768, num_classes)

    def forward(self, x):
        x = self.features(x)
        return self.classifier(x.view(x.size(0), -1))

    def names(self):
        f = self.features
        return [("aux.conv1", f[2]), ("aux.bn1", f[3]), ("aux.conv2", f[5]), ("aux.bn2", f[6]),
                ("aux.fc", self.classifier)]


class NetworkCIFAR(nn.Module):
    """DARTS model.py NetworkCIFAR (stem multiplier 3, reductions at layers//3 and 2*layers//3)."""

    def __init__(self, net, num_classes=10):
        super().__init__()
        c, layers, genotype = net["width"], net["depth"], net["genotype"]
        self.layers = layers
        self.auxiliary = bool(net.get("aux", False))
        c_curr = 3 * c
        self.stem = nn.Sequential(nn.Conv2d(3, c_curr, 3, padding=1, bias=False), nn.BatchNorm2d(c_curr))
        c_pp, c_p, c_curr = c_curr, c_curr, c
        self.cells = nn.ModuleList()
        reduction_prev = False
        for i in range(layers):
            reduction = i in (layers // 3, 2 * layers // 3)
            if reduction:
                c_curr *= 2
            cell = Cell(genotype, c_pp, c_p, c_curr, reduction, reduction_prev, f"c{i}")
            reduction_prev = reduction
            self.cells.append(cell)
            c_pp, c_p = c_p, cell.multiplier * c_curr
            if i == 2 * layers // 3:
                c_aux = c_p
        if self.auxiliary:
            self.auxiliary_head = AuxiliaryHeadCIFAR(c_aux, num_classes)
        self.global_pooling = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Linear(c_p, num_classes)

    def forward(self, x, drop_prob, bernoulli):
        logits_aux = None
        s0 = s1 = self.stem(x)
        slot = 0
        for i, cell in enumerate(self.cells):
            out, slot = cell(s0, s1, drop_prob, bernoulli, slot)
            s0, s1 = s1, out
            if i == 2 * self.layers // 3 and self.auxiliary and self.training:
                logits_aux = self.auxiliary_head(s1)
        out = self.global_pooling(s1)
        logits = self.classifier(out.view(out.size(0), -1))
        return logits, logits_aux, slot

    def named_modules_ndsw(self):
        """(ndsw node name, module) for every conv, BN and linear layer."""
        out = [("stem.conv", self.stem[0]), ("stem.bn", self.stem[1])]
        for cell in self.cells:
            out += cell.names()
        if self.auxiliary:
            out += self.auxiliary_head.names()
        out.append(("head.fc", self.classifier))
        return out


def tensors(model):
    """ndsw tensor name -> the parameter or buffer it is."""
    out = {}
    for name, m in model.named_modules_ndsw():
        out[f"{name}.weight"] = m.weight
        if isinstance(m, nn.BatchNorm2d):
            out[f"{name}.bias"] = m.bias
            out[f"{name}.running_mean"] = m.running_mean
            out[f"{name}.running_var"] = m.running_var
        elif isinstance(m, nn.Linear):
            out[f"{name}.bias"] = m.bias
    return out


def main(directory):
    d = Path(directory)
    net = json.loads((d / "net.json").read_text())
    step = json.loads((d / "step.json").read_text())
    torch.manual_seed(0)
    torch.set_num_threads(1)
    model = NetworkCIFAR(net)
    named = tensors(model)
    weights = np.load(d / "weights.npz")
    missing = sorted(set(weights.files) ^ set(named))
    if missing:
        raise SystemExit(f"tensor names differ between ndsw and this network: {missing[:10]}")
    with torch.no_grad():
        for name, t in named.items():
            w = torch.from_numpy(weights[name])
            if tuple(w.shape) != tuple(t.shape):
                raise SystemExit(f"{name}: ndsw has {tuple(w.shape)}, this network {tuple(t.shape)}")
            t.copy_(w)
    batch = np.load(d / "batch.npz")
    x = torch.from_numpy(batch["images"])
    y = torch.from_numpy(batch["labels"]).long()
    masks = torch.from_numpy(batch["masks"])
    drop_prob = float(step["drop_prob"])
    keep = 1.0 - drop_prob
    bernoulli = (masks != 0).float()
    if drop_prob > 0 and not torch.allclose(masks[masks != 0], torch.tensor(1.0 / keep), rtol=1e-6, atol=0):
        raise SystemExit("masks are not 0 or 1/keep for this drop probability")
    optimizer = torch.optim.SGD(model.parameters(), lr=step["lr"], momentum=step["momentum"],
                                nesterov=step["nesterov"], weight_decay=step["weight_decay"])
    model.train()
    optimizer.zero_grad()
    logits, logits_aux, slots = model(x, drop_prob, bernoulli)
    if slots != masks.shape[0]:
        raise SystemExit(f"this network has {slots} drop-path slots, ndsw sent masks for {masks.shape[0]}")
    loss = F.cross_entropy(logits, y)
    total = loss
    aux_loss = None
    if logits_aux is not None:
        aux_loss = F.cross_entropy(logits_aux, y)
        total = loss + step["aux_weight"] * aux_loss
    total.backward()
    optimizer.step()
    np.savez(d / "after.npz", **{k: v.detach().numpy().astype(np.float32) for k, v in named.items()})
    result = {"loss": loss.item(), "aux_loss": None if aux_loss is None else aux_loss.item(),
              "correct": int((logits.argmax(1) == y).sum()), "slots": slots, "torch": torch.__version__}
    (d / "result.json").write_text(json.dumps(result))
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
