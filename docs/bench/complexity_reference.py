#!/usr/bin/env python3
"""Independent reference for stage-wise complexity (docs/reference/complexity.md), written the way pycls counts.

Reads `ndsw sample` JSON Lines on stdin, recomputes flops/params/acts of every stage-wise `net` in the NDS
convention, fails on the first mismatch, then times repeated evaluations over the same nets and prints
{"checked": N, "per_second_median": X, "rounds": R} as JSON.

    java -jar target/ndsw.jar sample ResNeXt-B -n 10000 --seed 0 | /usr/bin/python3 docs/bench/complexity_reference.py
"""
import json
import statistics
import sys
import time


def conv(h, w, cin, cout, k, stride, pad, groups=1):
    h = (h + 2 * pad - k) // stride + 1
    w = (w + 2 * pad - k) // stride + 1
    flops = k * k * cin * cout * h * w // groups
    params = k * k * cin * cout // groups
    return {"h": h, "w": w, "flops": flops, "params": params, "acts": cout * h * w}


def bn(h, w, c):
    return {"h": h, "w": w, "flops": 5 * c * h * w, "params": 2 * c, "acts": 0}


def add(cx, layer):
    cx["h"], cx["w"] = layer["h"], layer["w"]
    for key in ("flops", "params", "acts"):
        cx[key] += layer[key]


def block(cx, block_type, w_in, w_out, stride, bot_mul, groups):
    h, w = cx["h"], cx["w"]
    if block_type in ("double_plain_block", "res_basic_block"):
        add(cx, conv(h, w, w_in, w_out, 3, stride, 1))
        add(cx, bn(cx["h"], cx["w"], w_out))
        add(cx, conv(cx["h"], cx["w"], w_out, w_out, 3, 1, 1))
        add(cx, bn(cx["h"], cx["w"], w_out))
    else:
        w_b = int(round(w_out * bot_mul))
        add(cx, conv(h, w, w_in, w_b, 1, 1, 0))
        add(cx, bn(cx["h"], cx["w"], w_b))
        add(cx, conv(cx["h"], cx["w"], w_b, w_b, 3, stride, 1, groups))
        add(cx, bn(cx["h"], cx["w"], w_b))
        add(cx, conv(cx["h"], cx["w"], w_b, w_out, 1, 1, 0))
        add(cx, bn(cx["h"], cx["w"], w_out))
    if block_type != "double_plain_block" and (w_in != w_out or stride != 1):
        proj = conv(h, w, w_in, w_out, 1, stride, 0)
        cx["flops"] += proj["flops"] + 5 * w_out * proj["h"] * proj["w"]
        cx["params"] += proj["params"] + 2 * w_out
        cx["acts"] += proj["acts"]


def complexity(net):
    cx = {"h": 32, "w": 32, "flops": 0, "params": 0, "acts": 0}
    ds, ws, ss = net["ds"], net["ws"], net["ss"]
    bot = net.get("bot_muls", [1.0] * len(ds))
    gs = net.get("num_gs", [1] * len(ds))
    add(cx, conv(32, 32, 3, ws[0], 3, ss[0], 1))
    add(cx, bn(cx["h"], cx["w"], ws[0]))
    prev = ws[0]
    for i in range(1, len(ds)):
        for j in range(ds[i]):
            block(cx, net["block_type"], prev if j == 0 else ws[i], ws[i], ss[i] if j == 0 else 1, bot[i], gs[i])
        prev = ws[i]
    cx["flops"] += prev * 10 + 10
    cx["params"] += prev * 10 + 10
    cx["acts"] += 10
    return cx["flops"], cx["params"], cx["acts"]


def main():
    records = [json.loads(line) for line in sys.stdin if line.strip()]
    nets = [r["net"] for r in records]
    for i, r in enumerate(records):
        got = complexity(r["net"])
        want = (r["flops"], r["params"], r["acts"])
        if got != want:
            sys.exit(f"record {i}: reference {got} != ndsw {want} for {json.dumps(r['net'])}")
    rates = []
    for _ in range(5):
        start = time.perf_counter()
        for net in nets:
            complexity(net)
        rates.append(len(nets) / (time.perf_counter() - start))
    print(json.dumps({"checked": len(records), "per_second_median": statistics.median(rates), "rounds": len(rates)}))


if __name__ == "__main__":
    main()
