#!/usr/bin/python3
"""The numpy side of `ndsw bench analyze`: pycls's get_filters procedure (pycls/sweep/analysis.py) on the same data.

For B = 2,500 samples of m = max(1, floor(0.25 n)) model indexes drawn with replacement (numpy.random.choice), the
first argmin of the errors in each; then for every parameter numpy.percentile at 2.5, 50 and 97.5 of the winners'
values. Written from the published description of the procedure, in numpy.

    /usr/bin/python3 bench/analyze_numpy.py --data DIR --serve [--seed S]
        for every line "run" on stdin runs the procedure once and prints one JSON line with its wall and CPU seconds

DIR holds errors.f64 (n little-endian doubles) and values.f64 (n rows of p doubles, row-major), as
org.ndsw.app.analysis.AnalyzeBenchmark writes them.
"""
import argparse
import json
import sys
import time

import numpy as np

B, SAMPLE, ALPHA = 2500, 0.25, 5.0


def load(data_dir):
    errors = np.fromfile(f"{data_dir}/errors.f64", dtype="<f8")
    values = np.fromfile(f"{data_dir}/values.f64", dtype="<f8").reshape(len(errors), -1)
    return errors, values


def good_ranges(errors, values):
    n = len(errors)
    m = max(1, int(n * SAMPLE))
    samples = [np.random.choice(n, m) for _ in range(B)]
    winners = [s[np.argmin(errors[s])] for s in samples]
    percents = [ALPHA / 2, 50, 100 - ALPHA / 2]
    return [np.percentile(values[winners, j], percents) for j in range(values.shape[1])]


def timed(errors, values):
    wall, cpu = time.perf_counter(), time.process_time()
    ranges = good_ranges(errors, values)
    return time.perf_counter() - wall, time.process_time() - cpu, ranges


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--serve", action="store_true")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    np.random.seed(args.seed)
    errors, values = load(args.data)
    timed(errors, values)
    print(json.dumps({"ready": True, "n": len(errors), "parameters": values.shape[1]}), flush=True)
    for line in sys.stdin:
        if line.strip() != "run":
            break
        wall, cpu, ranges = timed(errors, values)
        print(json.dumps({"seconds": wall, "cpu_seconds": cpu, "first": [float(x) for x in ranges[0]]}),
              flush=True)


if __name__ == "__main__":
    main()
