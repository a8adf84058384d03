#!/usr/bin/python3
"""Compares two Chrome traces of SGD steps (ProfileDjlStep.java and profile_torch_step.py): self time per operator and
step, largest first, and the calls that copy memory inside convolution backward.

Usage: /usr/bin/python3 docs/bench/profile_compare.py STEPS A.json B.json [ROWS]
"""
import collections
import json
import sys


def events(path):
    with open(path) as f:
        trace = json.load(f)
    trace = trace["traceEvents"] if isinstance(trace, dict) else trace
    out = [e for e in trace if e.get("ph") == "X" and "dur" in e]
    out.sort(key=lambda e: (e.get("tid"), e["ts"], -e["dur"]))
    return out


def self_times(evs):
    """Self time (own duration minus the children's) and call count per operator name."""
    total, calls = collections.Counter(), collections.Counter()
    stack, tid = [], None
    for e in evs:
        if e.get("tid") != tid:
            stack, tid = [], e.get("tid")
        while stack and stack[-1]["ts"] + stack[-1]["dur"] <= e["ts"]:
            stack.pop()
        if stack:
            total[stack[-1]["name"]] -= e["dur"]
        total[e["name"]] += e["dur"]
        calls[e["name"]] += 1
        stack.append(e)
    return total, calls


def backward_copies(evs):
    """Time in aten::clone under aten::convolution_backward, and the shapes cloned."""
    spent, shapes = 0.0, collections.Counter()
    open_bw = []
    for e in evs:
        open_bw = [b for b in open_bw if b["ts"] + b["dur"] > e["ts"] and b.get("tid") == e.get("tid")]
        if e["name"] == "aten::convolution_backward":
            open_bw.append(e)
        elif e["name"] == "aten::clone" and open_bw:
            spent += e["dur"]
            shapes[str(e.get("shape", ["?"])[0])] += 1
    return spent, shapes


def main():
    steps = int(sys.argv[1])
    a_path, b_path = sys.argv[2], sys.argv[3]
    rows = int(sys.argv[4]) if len(sys.argv) > 4 else 25
    a_ev, b_ev = events(a_path), events(b_path)
    (a, ca), (b, cb) = self_times(a_ev), self_times(b_ev)
    names = sorted(set(a) | set(b), key=lambda n: -(a.get(n, 0) + b.get(n, 0)))
    print(f"self time per step in ms (A = {a_path}, B = {b_path})")
    print(f"{'operator':44s} {'A ms':>9s} {'calls':>6s} {'B ms':>9s} {'calls':>6s}")
    print(f"{'all':44s} {sum(a.values()) / steps / 1e3:9.1f} {'':6s} {sum(b.values()) / steps / 1e3:9.1f}")
    for n in names[:rows]:
        print(f"{n[:44]:44s} {a.get(n, 0) / steps / 1e3:9.1f} {ca.get(n, 0) / steps:6.0f} "
              f"{b.get(n, 0) / steps / 1e3:9.1f} {cb.get(n, 0) / steps:6.0f}")
    for label, evs in (("A", a_ev), ("B", b_ev)):
        spent, shapes = backward_copies(evs)
        print(f"{label}: clones inside convolution backward: {spent / steps / 1e3:.1f} ms per step; shapes per step "
              + ", ".join(f"{s} x{c / steps:g}" for s, c in shapes.most_common()))


if __name__ == "__main__":
    main()
