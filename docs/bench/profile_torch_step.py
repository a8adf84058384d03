#!/usr/bin/python3
"""Profiles SGD steps of the PyTorch reference (bench/train_pytorch.py's networks) with torch.profiler and writes a
Chrome trace, for comparison with ProfileDjlStep.java (docs/bench/profile.sh runs both).

Usage: /usr/bin/python3 docs/bench/profile_torch_step.py NET_JSON STEPS THREADS OUT.json
Random images, batch 128, torch.optim.SGD(lr 0.1, momentum 0.9, Nesterov, weight decay 5e-4); three warm-up steps.
"""
import json
import os
import sys
import time

import torch
import torch.nn.functional as F
from torch.profiler import ProfilerActivity, profile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench"))
import train_pytorch  # noqa: E402


def main():
    net_json, steps, threads, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    net = train_pytorch.build(json.loads(net_json))
    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, nesterov=True, weight_decay=5e-4)
    x = torch.rand(128, 3, 32, 32) * 2 - 1
    y = torch.randint(0, 10, (128,))

    def step():
        opt.zero_grad()
        F.cross_entropy(net(x), y).backward()
        opt.step()

    for _ in range(3):
        step()
    with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as p:
        start = time.perf_counter()
        for _ in range(steps):
            step()
        ms = (time.perf_counter() - start) * 1e3 / steps
    p.export_chrome_trace(out)
    print(f"torch {torch.__version__}: {ms:.1f} ms per step (profiled), trace {out}")


if __name__ == "__main__":
    main()
