#!/usr/bin/python3
"""The benchmarked analysis done the way the released NDS notebooks do it, in numpy/scipy.

Per set: normalized EDF (strict window, np.histogram bins, weight 1/(k * count), stable sort, cumsum), random-search
curve for m = 2^0..2^12 (floor(N/m) trials of np.random.choice(errors, m, p=weights), vectorized per m), EDF area;
per pair: scipy.stats.ks_2samp on the kept errors and D between the normalized EDFs. Same constants as
org.ndsw.bench.Analysis.

    /usr/bin/python3 docs/bench/analysis_numpy.py [--data DIR] [--sets 5] [--n 25000] [--repeats 7]
        prints {"median_seconds": ..., "median_cpu_seconds": ..., "seconds": [...], ...} as JSON
    /usr/bin/python3 docs/bench/analysis_numpy.py --data DIR --serve
        for every line "run" on stdin runs the analysis once and prints one JSON line (used by AnalysisBenchmark)

DIR holds set<s>_errors.f64 / set<s>_params.f64 (little-endian doubles) as AnalysisBenchmark writes them; without
--data the sets are generated here with numpy (same ranges, different numbers).
"""
import argparse
import json
import os
import sys
import time

import numpy as np
from scipy import stats

LO, HI, BINS, MAX_POWER, AREA_EPS = 0.02, 0.856, 40, 12, 10.0


def load_sets(data_dir):
    sets, s = [], 0
    while os.path.exists(os.path.join(data_dir, f"set{s}_errors.f64")):
        errors = np.fromfile(os.path.join(data_dir, f"set{s}_errors.f64"), dtype="<f8")
        params = np.fromfile(os.path.join(data_dir, f"set{s}_params.f64"), dtype="<f8")
        sets.append((errors, params))
        s += 1
    return sets


def generate_sets(n_sets, n, seed):
    rng = np.random.default_rng(seed)
    sets = []
    for s in range(n_sets):
        params = np.exp(np.log(0.01) + rng.random(n) * np.log(150))
        errors = np.exp(np.log(6.0 + 0.6 * s) - 0.12 * np.log(params / 0.1) + 0.3 * rng.normal(size=n))
        sets.append((errors, params))
    return sets


def normalized_edf(errors, params):
    keep = (params > LO) & (params < HI)
    e, c = errors[keep], params[keep]
    counts, edges = np.histogram(c, bins=BINS, range=(LO, HI))
    if (counts == 0).any():
        raise ValueError("empty complexity bin")
    bin_of = np.clip(np.searchsorted(edges, c, side="right") - 1, 0, BINS - 1)
    w = 1.0 / (BINS * counts[bin_of])
    order = np.argsort(e, kind="stable")
    e, w = e[order], w[order]
    return e, w, np.cumsum(w)


def random_search(e, w, rng):
    curve = []
    for p in range(MAX_POWER + 1):
        m = 2 ** p
        trials = len(e) // m
        if trials == 0:
            break
        mins = rng.choice(e, size=(trials, m), p=w).min(axis=1)
        curve.append((m, mins.mean(), mins.std()))
    return curve


def weighted_d(ea, ca, eb, cb):
    grid = np.concatenate([ea, eb])
    fa = np.concatenate([[0.0], ca])[np.searchsorted(ea, grid, side="right")]
    fb = np.concatenate([[0.0], cb])[np.searchsorted(eb, grid, side="right")]
    return float(np.max(np.abs(fa - fb)))


def analysis(sets, rng):
    edfs, areas, kept, best = [], [], [], []
    for errors, params in sets:
        e, w, c = normalized_edf(errors, params)
        curve = random_search(e, w, rng)
        edfs.append((e, w, c))
        areas.append(float(1 - np.sum(w * np.minimum(1, e / AREA_EPS))))
        kept.append(int(len(e)))
        best.append(float(curve[-1][1]))
    ks_d, ks_p, wd = [], [], []
    for a in range(len(edfs)):
        for b in range(a + 1, len(edfs)):
            res = stats.ks_2samp(edfs[a][0], edfs[b][0])
            ks_d.append(float(res.statistic))
            ks_p.append(float(res.pvalue))
            wd.append(weighted_d(edfs[a][0], edfs[a][2], edfs[b][0], edfs[b][2]))
    return {"ksD": ks_d, "ksP": ks_p, "weightedD": wd, "areas": areas, "kept": kept, "bestMean": best}


def timed(sets, rng):
    """Returns (wall seconds, process CPU seconds, summary) of one analysis."""
    start, cpu_start = time.perf_counter(), time.process_time()
    summary = analysis(sets, rng)
    return time.perf_counter() - start, time.process_time() - cpu_start, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data")
    parser.add_argument("--sets", type=int, default=5)
    parser.add_argument("--n", type=int, default=25000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--serve", action="store_true")
    args = parser.parse_args()
    sets = load_sets(args.data) if args.data else generate_sets(args.sets, args.n, args.seed)
    rng = np.random.default_rng(args.seed)
    timed(sets, rng)  # warm-up: imports, caches
    if args.serve:
        print(json.dumps({"ready": True, "sets": len(sets), "n": int(len(sets[0][0]))}), flush=True)
        for line in sys.stdin:
            if line.strip() != "run":
                break
            seconds, cpu_seconds, summary = timed(sets, rng)
            print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "summary": summary}), flush=True)
        return
    runs = [timed(sets, rng) for _ in range(args.repeats)]
    seconds, cpu = [r[0] for r in runs], [r[1] for r in runs]
    print(json.dumps({"median_seconds": float(np.median(seconds)), "median_cpu_seconds": float(np.median(cpu)),
                      "seconds": seconds, "cpu_seconds": cpu, "sets": len(sets), "n": int(len(sets[0][0]))}))


if __name__ == "__main__":
    main()
