#!/usr/bin/env python3
"""Sums oneDNN's own execution times (DNNL_VERBOSE=1 output) per primitive kind and per step (decision 0007).

Usage: DNNL_VERBOSE=1 docs/bench/steptime.sh dl4j '' 10 > verbose.txt
       docs/bench/dnnl_summary.py verbose.txt 13      # steps in the log: 10 timed + 3 warm-up
"""
import collections
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path, steps = sys.argv[1], int(sys.argv[2])
    total = collections.Counter()
    calls = collections.Counter()
    for line in open(path, errors="replace"):
        if not line.startswith("dnnl_verbose,exec"):
            continue
        f = line.rstrip("\n").split(",")
        if f[3] == "reorder":  # by layout pair, e.g. "reorder abcd->acdb"
            mds = [m.split("::blocked:")[-1].split(":")[0] for m in f[6].split(" ")]
            kind = "reorder " + "->".join(mds)
        else:
            kind = f[3] + " " + f[5]
        total[kind] += float(f[-1])
        calls[kind] += 1
    print("%-40s %10s %8s" % ("primitive", "ms/step", "calls"))
    for kind, ms in total.most_common():
        print("%-40s %10.1f %8.0f" % (kind, ms / steps, calls[kind] / steps))
    print("%-40s %10.1f" % ("all oneDNN", sum(total.values()) / steps))


if __name__ == "__main__":
    main()
