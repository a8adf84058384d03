#!/usr/bin/env python3
"""Independent reference for AnyNet and RegNet complexity (docs/reference/complexity.md), counted on torch modules.

Reads JSON Lines on stdin, one net per line, and prints one JSON line per net. Each net is built as torch modules on
the "meta" device (shapes only, no memory for weights), run once on a 1 x 3 x im_size x im_size input, and counted
with forward hooks, so the counts do not come from a closed form:

    flops     = conv and fc multiply-accumulates + their biases (pycls's current convention; BN, activations, adds,
                pooling and the SE multiply count 0)
    flops_nds = flops + 5 per BN output element (the NDS data convention)
    params    = every parameter's element count (BN weight and bias included, running statistics not)
    acts      = output elements of every conv, fc and max-pool (pycls's "activations")

Input lines (missing keys take pycls's defaults: head_w 0, se_r 0, num_classes 1000, im_size 224):

    {"id": 7, "anynet": {"stem": "res_stem_in", "stem_w": 64, "block": "res_bottleneck_block",
                         "depths": [...], "widths": [...], "strides": [...], "bot_muls": [...], "group_ws": [...],
                         "head_w": 0, "se_r": 0.25}, "im_size": 224, "num_classes": 1000}
    {"id": 8, "regnet": {"depth": 16, "w0": 56, "wa": 35.7, "wm": 2.28, "group_w": 16, "bot_mul": 1.0,
                         "se_r": 0.25, "stem": "simple_stem_in", "stem_w": 32, "head_w": 0}, "im_size": 224}

A RegNet line is turned into AnyNet stages here, by this script's own reading of the RegNet paper (Radosavovic et
al., CVPR 2020, §3.3) and pycls's generate_regnet: linear widths u_j = w0 + wa * j, exponents round(log(u_j / w0) /
log wm), widths w0 * wm^e rounded to multiples of 8, equal widths grouped into stages at stride 2; then the group
width is clipped to the bottleneck width and the bottleneck width rounded to a multiple of it. Rounding is numpy's
(half to even). The output line then also holds "widths", "depths" and "group_ws" of the stages.

    /usr/bin/python3 docs/bench/pycls_reference.py < nets.jsonl
"""
import json
import sys

import numpy as np
import torch
from torch import nn

META = "meta"


def conv(w_in, w_out, k, stride=1, groups=1, bias=False):
    return nn.Conv2d(w_in, w_out, k, stride=stride, padding=(k - 1) // 2, groups=groups, bias=bias, device=META)


def bn(w):
    return nn.BatchNorm2d(w, device=META)


class Stem(nn.Module):
    def __init__(self, kind, w_out):
        super().__init__()
        if kind == "res_stem_cifar":
            layers = [conv(3, w_out, 3), bn(w_out), nn.ReLU()]
        elif kind == "res_stem_in":
            layers = [conv(3, w_out, 7, stride=2), bn(w_out), nn.ReLU(), nn.MaxPool2d(3, stride=2, padding=1)]
        elif kind == "simple_stem_in":
            layers = [conv(3, w_out, 3, stride=2), bn(w_out), nn.ReLU()]
        else:
            raise ValueError("unknown stem " + kind)
        self.f = nn.Sequential(*layers)

    def forward(self, x):
        return self.f(x)


class SqueezeExcite(nn.Module):
    def __init__(self, w, w_se):
        super().__init__()
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.f = nn.Sequential(conv(w, w_se, 1, bias=True), nn.ReLU(), conv(w_se, w, 1, bias=True), nn.Sigmoid())

    def forward(self, x):
        return x * self.f(self.pool(x))


class Block(nn.Module):
    def __init__(self, kind, w_in, w_out, stride, bot_mul, group_w, se_r):
        super().__init__()
        self.proj = None
        if w_in != w_out or stride != 1:
            self.proj = nn.Sequential(conv(w_in, w_out, 1, stride=stride), bn(w_out))
        if kind == "res_basic_block":
            self.f = nn.Sequential(conv(w_in, w_out, 3, stride=stride), bn(w_out), nn.ReLU(),
                                   conv(w_out, w_out, 3), bn(w_out))
        elif kind == "res_bottleneck_block":
            w_b = int(round(w_out * bot_mul))
            groups = w_b // group_w
            w_se = int(round(w_in * se_r))
            layers = [conv(w_in, w_b, 1), bn(w_b), nn.ReLU(), conv(w_b, w_b, 3, stride=stride, groups=groups),
                      bn(w_b), nn.ReLU()]
            if w_se:
                layers.append(SqueezeExcite(w_b, w_se))
            layers += [conv(w_b, w_out, 1), bn(w_out)]
            self.f = nn.Sequential(*layers)
        else:
            raise ValueError("unknown block " + kind)
        self.relu = nn.ReLU()

    def forward(self, x):
        shortcut = x if self.proj is None else self.proj(x)
        return self.relu(shortcut + self.f(x))


class Head(nn.Module):
    def __init__(self, w_in, head_w, num_classes):
        super().__init__()
        self.pre = nn.Identity()
        if head_w > 0:
            self.pre = nn.Sequential(conv(w_in, head_w, 1), bn(head_w), nn.ReLU())
            w_in = head_w
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(w_in, num_classes, bias=True, device=META)

    def forward(self, x):
        return self.fc(torch.flatten(self.pool(self.pre(x)), 1))


def anynet(a, num_classes):
    n = len(a["depths"])
    bot_muls = a.get("bot_muls") or [1.0] * n
    group_ws = a.get("group_ws") or [1] * n
    se_r = a.get("se_r", 0.0)
    layers = [Stem(a["stem"], a["stem_w"])]
    w_prev = a["stem_w"]
    for d, w, s, b, g in zip(a["depths"], a["widths"], a["strides"], bot_muls, group_ws):
        for j in range(d):
            layers.append(Block(a["block"], w_prev, w, s if j == 0 else 1, b, g, se_r))
            w_prev = w
    layers.append(Head(w_prev, a.get("head_w", 0), num_classes))
    return nn.Sequential(*layers)


def regnet_stages(r):
    """The AnyNet stages of a RegNet setting (widths, depths, group widths, bottleneck multipliers)."""
    d, w0, wa, wm = r["depth"], r["w0"], r["wa"], r["wm"]
    u = np.arange(d) * wa + w0
    e = np.round(np.log(u / w0) / np.log(wm))
    ws = (np.round(w0 * np.power(wm, e) / 8) * 8).astype(int)
    widths, depths = np.unique(ws, return_counts=True)
    b = r.get("bot_mul", 1.0)
    out_w, out_g = [], []
    for w in widths:
        v = max(1, int(w * b))
        g = min(r["group_w"], v)
        m = int(np.lcm(g, int(b))) if b > 1 else g
        v = max(m, int(round(v / m) * m))
        out_w.append(int(v / b))
        out_g.append(g)
    return out_w, [int(x) for x in depths], out_g, [b] * len(out_w)


class Counter:
    def __init__(self, model):
        self.flops = self.flops_nds = self.acts = 0
        for m in model.modules():
            m.register_forward_hook(self.hook)
        self.params = sum(p.numel() for p in model.parameters())

    def hook(self, module, inputs, out):
        if isinstance(module, nn.Conv2d):
            k = module.kernel_size[0] * module.kernel_size[1]
            c_in, c_out, (h, w) = module.in_channels, module.out_channels, out.shape[2:]
            n = k * c_in * c_out * h * w // module.groups + (c_out * h * w if module.bias is not None else 0)
            self.flops += n
            self.flops_nds += n
            self.acts += c_out * h * w
        elif isinstance(module, nn.Linear):
            n = module.in_features * module.out_features + (module.out_features if module.bias is not None else 0)
            self.flops += n
            self.flops_nds += n
            self.acts += module.out_features
        elif isinstance(module, nn.MaxPool2d):
            self.acts += out.numel()
        elif isinstance(module, nn.BatchNorm2d):
            self.flops_nds += 5 * out.numel()


def count(line):
    net = json.loads(line)
    size, classes = net.get("im_size", 224), net.get("num_classes", 1000)
    result = {"id": net.get("id")}
    if "regnet" in net:
        r = net["regnet"]
        widths, depths, group_ws, bot_muls = regnet_stages(r)
        a = {"stem": r.get("stem", "simple_stem_in"), "stem_w": r.get("stem_w", 32), "block": "res_bottleneck_block",
             "depths": depths, "widths": widths, "strides": [2] * len(widths), "bot_muls": bot_muls,
             "group_ws": group_ws, "head_w": r.get("head_w", 0), "se_r": r.get("se_r", 0.0)}
        result.update({"widths": widths, "depths": depths, "group_ws": group_ws})
    else:
        a = net["anynet"]
    model = anynet(a, classes).eval()
    counter = Counter(model)
    with torch.no_grad():
        model(torch.empty(1, 3, size, size, device=META))
    result.update({"flops": counter.flops, "flops_nds": counter.flops_nds, "params": counter.params,
                   "acts": counter.acts})
    return result


def main():
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(count(line)), flush=True)


if __name__ == "__main__":
    main()
