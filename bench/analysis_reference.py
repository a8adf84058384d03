#!/usr/bin/python3
"""Independent reference for `ndsw analyze`: the bootstrap of the best model, exactly and by Monte Carlo.

exact:       integer and fraction arithmetic only. The best of m draws with replacement from n models has rank >= k
             with probability ((n-k+1)/n)**m, so rank r wins with ((n-r+1)**m - (n-r)**m) / n**m (ranks by error,
             ties by source position). The good range of a parameter is the lower quantiles at alpha/2, 1/2 and
             1 - alpha/2 of the winner's value: the smallest v with P(V <= v) >= q, compared as fractions, alpha
             read as the decimal it was written as.
montecarlo:  the procedure of pycls's sweep analysis with numpy: B samples of m indexes drawn with replacement
             (numpy.random.choice), the first argmin of the errors in each, numpy.percentile (linear) of the values.

    /usr/bin/python3 bench/analysis_reference.py exact --input SET.json
    /usr/bin/python3 bench/analysis_reference.py montecarlo --input SET.json --bootstrap B --seed S

SET.json is {"errors": [...], "values": {"NAME": [...], ...}, "fraction": "0.25", "alpha": "0.05"} (fraction and
alpha as decimal strings). Prints JSON: {"m": m, "rank_probabilities": [...] (exact only), "good": {NAME: [lo, best,
hi]}}.
"""
import argparse
import json
import math
import sys
from fractions import Fraction


def sample_size(n, fraction):
    return max(1, math.floor(n * fraction))


def rank_order(errors):
    return sorted(range(len(errors)), key=lambda i: (errors[i], i))


def rank_probabilities(n, m):
    denominator = n ** m
    return [Fraction((n - r + 1) ** m - (n - r) ** m, denominator) for r in range(1, n + 1)]


def lower_quantile(values, order, probabilities, level):
    mass = {}
    for model, p in zip(order, probabilities):
        mass[values[model]] = mass.get(values[model], Fraction(0)) + p
    cumulative = Fraction(0)
    for v in sorted(mass):
        cumulative += mass[v]
        if cumulative >= level:
            return v
    return max(mass)


def exact(data):
    errors = data["errors"]
    n = len(errors)
    m = sample_size(n, Fraction(data["fraction"]))
    alpha = Fraction(data["alpha"])
    levels = [alpha / 2, Fraction(1, 2), 1 - alpha / 2]
    order = rank_order(errors)
    probabilities = rank_probabilities(n, m)
    good = {name: [lower_quantile(values, order, probabilities, q) for q in levels]
            for name, values in data["values"].items()}
    return {"m": m, "rank_probabilities": [float(p) for p in probabilities], "good": good}


def monte_carlo(data, bootstrap, seed):
    import numpy as np
    errors = np.asarray(data["errors"], dtype=float)
    n = len(errors)
    m = sample_size(n, Fraction(data["fraction"]))
    alpha = float(Fraction(data["alpha"]))
    np.random.seed(seed)
    winners = np.empty(bootstrap, dtype=np.int64)
    for b in range(bootstrap):
        drawn = np.random.choice(n, m)
        winners[b] = drawn[np.argmin(errors[drawn])]
    percents = [100 * alpha / 2, 50, 100 - 100 * alpha / 2]
    good = {name: [float(x) for x in np.percentile(np.asarray(values, dtype=float)[winners], percents)]
            for name, values in data["values"].items()}
    return {"m": m, "good": good}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["exact", "montecarlo"])
    parser.add_argument("--input", required=True)
    parser.add_argument("--bootstrap", type=int, default=2500)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with open(args.input) as f:
        data = json.load(f)
    result = exact(data) if args.mode == "exact" else monte_carlo(data, args.bootstrap, args.seed)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
