#!/usr/bin/env python3
"""PyTorch's own float32 error on the self-test's batch-norm case at a given width, against float64.

The case is the self-test's "bn C @HxH" (docs/training.md, "Self-test"): a 1x1 convolution C->C, batch norm in
training mode, ReLU, global average pooling and a linear layer to 10 classes, cross-entropy over a batch of 8 standard
normal images. Prints, per parameter tensor, |g32 - g64| / max(|g64|, 1e-3 * largest |g64|), the self-test's measure.
Usage: /usr/bin/python3 docs/bench/wide_layer_grad.py [C [H]]   (Debian's python3-torch; defaults 856 16)
"""
import sys

import torch

C = int(sys.argv[1]) if len(sys.argv) > 1 else 856
H = int(sys.argv[2]) if len(sys.argv) > 2 else 16


def tensors():
    g = torch.Generator().manual_seed(1)
    x = torch.randn(8, C, H, H, generator=g, dtype=torch.float64)
    conv = torch.randn(C, C, 1, 1, generator=g, dtype=torch.float64) * (2 / C) ** 0.5
    gamma = torch.rand(C, generator=g, dtype=torch.float64) + 0.5
    beta = torch.randn(C, generator=g, dtype=torch.float64) * 0.1
    fc = torch.randn(10, C, generator=g, dtype=torch.float64)
    return x, [conv, gamma, beta, fc, torch.zeros(10, dtype=torch.float64)]


def gradients(dtype):
    x, params = tensors()
    x = x.to(dtype)
    params = [p.to(dtype).requires_grad_() for p in params]
    conv, gamma, beta, fc, bias = params
    y = torch.nn.functional.conv2d(x, conv)
    y = torch.nn.functional.batch_norm(y, None, None, gamma, beta, training=True)
    logits = torch.relu(y).mean((2, 3)) @ fc.t() + bias
    torch.nn.functional.cross_entropy(logits, torch.arange(8) % 10).backward()
    return [p.grad.double() for p in params]


g32, g64 = gradients(torch.float32), gradients(torch.float64)
largest = max(g.norm().item() for g in g64)
for name, a, b in zip(["conv weight", "bn weight", "bn bias", "fc weight", "fc bias"], g32, g64):
    print(f"bn {C} @{H}x{H} {name}: {(a - b).norm().item() / max(b.norm().item(), 1e-3 * largest):.2g}")
