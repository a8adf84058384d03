#!/usr/bin/python3
"""Writes reference.json: reference values for org.ndsw.stats tests, computed once with scipy and numpy.

Run with Debian's Python (it has python3-scipy and python3-numpy):

    /usr/bin/python3 src/test/resources/org/ndsw/stats/make_reference.py

Samples are stored in the file itself, so the Java tests never need to reproduce numpy's random numbers. Large
samples are stored as integers in hundredths (errors in % with two decimals, as NDS records them); the tests divide
by 100, which gives the same doubles in Java and Python.
"""
import json
import os
import warnings

import numpy as np
import scipy
from scipy import special, stats

rng = np.random.default_rng(20190531)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.json")


def errors_like_nds(n, loc=7.0, spread=0.35):
    """Synthetic CIFAR errors in %: a log-normal body around `loc` with a long right tail."""
    return np.exp(rng.normal(np.log(loc), spread, size=n))


def hundredths(x):
    return np.round(np.asarray(x) * 100).astype(np.int64)


def ks_case(name, a, b, scaled):
    """One ks_2samp case; `scaled` stores integers in hundredths (the samples then are ints/100)."""
    if scaled:
        a_int, b_int = hundredths(a), hundredths(b)
        a, b = a_int / 100.0, b_int / 100.0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = stats.ks_2samp(a, b, method="auto")
    exact_failed = any("Exact calculation unsuccessful" in str(w.message) for w in caught)
    method = "exact" if max(len(a), len(b)) <= 10000 and not exact_failed else "asymp"
    case = {"name": name, "d": float(res.statistic), "p": float(res.pvalue), "method": method}
    if scaled:
        case["a_hundredths"] = a_int.tolist()
        case["b_hundredths"] = b_int.tolist()
    else:
        case["a"] = [float(v) for v in a]
        case["b"] = [float(v) for v in b]
    return case


def ks_cases():
    same = errors_like_nds(400)
    cases = [
        ks_case("ties_small_hand", np.array([1, 2, 2, 3, 3, 3, 4.0]), np.array([2, 3, 3, 5, 5.0]), False),
        ks_case("ties_rounded_40_vs_60", np.round(rng.normal(0, 1, 40), 1), np.round(rng.normal(0.3, 1, 60), 1), False),
        ks_case("ties_across_samples_unequal", np.repeat([1.0, 2.0, 3.0], [5, 9, 2]), np.repeat([2.0, 3.0, 4.0], [7, 3, 8]), False),
        ks_case("n1_vs_3", np.array([0.5]), np.array([0.1, 0.7, 0.9]), False),
        ks_case("n1_vs_n1_distinct", np.array([1.0]), np.array([2.0]), False),
        ks_case("n1_vs_n1_identical", np.array([1.0]), np.array([1.0]), False),
        ks_case("n1_vs_20000_asymp", np.array([6.5]), errors_like_nds(20000), True),
        ks_case("identical_samples", same, same.copy(), False),
        ks_case("unequal_3_vs_5000", errors_like_nds(3, 6.0), errors_like_nds(5000), True),
        ks_case("unequal_7_vs_9000_shifted", errors_like_nds(7, 9.0), errors_like_nds(9000), True),
        ks_case("paper_B100_vs_M1000_same_space", errors_like_nds(100), errors_like_nds(1000), False),
        ks_case("equal_sizes_exact_250", errors_like_nds(250), errors_like_nds(250, 7.3), False),
        ks_case("equal_sizes_exact_large_d", errors_like_nds(300), errors_like_nds(300, 12.0), False),
        ks_case("unequal_exact_tiny_p", errors_like_nds(700), errors_like_nds(900, 9.0), False),
        ks_case("threshold_10000_vs_10000_exact", errors_like_nds(10000), errors_like_nds(10000, 7.05), True),
        ks_case("threshold_10001_vs_10001_asymp", errors_like_nds(10001), errors_like_nds(10001, 7.05), True),
        ks_case("threshold_10000_vs_600_exact", errors_like_nds(10000), errors_like_nds(600, 7.2), True),
        ks_case("threshold_10001_vs_600_asymp", errors_like_nds(10001), errors_like_nds(600, 7.2), True),
        ks_case("asymp_25000_vs_25000_close", errors_like_nds(25000), errors_like_nds(25000, 7.02), True),
        ks_case("asymp_20000_vs_15000_far", errors_like_nds(20000), errors_like_nds(15000, 8.0), True),
        ks_case("asymp_small_en_5_vs_12000", errors_like_nds(5, 6.5), errors_like_nds(12000), True),
        ks_case("asymp_en_60_vs_11000", errors_like_nds(60, 7.4), errors_like_nds(11000), True),
        ks_case("asymp_en_400_vs_15000", errors_like_nds(400, 7.15), errors_like_nds(15000), True),
    ]
    return cases


def kolmogorov_cases():
    """kstwo.sf(x, n) on a grid that reaches every branch of scipy's _kolmogn, and smirnov(n, x).

    Above n = 20,000 only small z = x*sqrt(n) are listed (the Durbin and Pelz-Good branches) plus one smirnov point:
    a large-n smirnov sum takes ~0.1-0.3 s in scipy and in Java alike.
    """
    kstwo, smirnov = [], []
    for n in [1, 2, 3, 5, 10, 37, 100, 140, 141, 500, 3000, 12500, 100000, 100001, 250000]:
        zs = [0.3, 0.6, 0.8, 0.95, 1.1, 1.5, 2.0, 3.0, 5.0] if n <= 20000 else [0.3, 0.6, 0.8, 0.95, 1.1]
        for z in zs:
            for x in [z / np.sqrt(n), 0.7 / n, 1.0 / n, 1 - 1.0 / n, 0.55, 0.999]:
                if 0 < x < 1:
                    kstwo.append([n, float(x), float(stats.kstwo.sf(x, n))])
                    if n <= 20000 or x >= 0.5 or x <= 1.0 / n:
                        smirnov.append([n, float(x), float(special.smirnov(n, x))])
    x = 2.0 / np.sqrt(100001)
    kstwo.append([100001, float(x), float(stats.kstwo.sf(x, 100001))])
    return {"kstwo_sf": kstwo, "smirnov_sf": smirnov}


def normalized_edf_case():
    """The notebook procedure: strict window, np.histogram bins, weight 1/(k * count), stable sort, cumsum."""
    n = 300
    errors = np.round(errors_like_nds(n), 2)  # rounded: ties exercise the stable sort
    params = np.exp(rng.uniform(np.log(0.01), np.log(1.5), size=n))
    lo, hi, k = 0.03, 0.856, 10
    keep = (params > lo) & (params < hi)
    e, c = errors[keep], params[keep]
    counts, edges = np.histogram(c, bins=k, range=(lo, hi))
    bin_of = np.clip(np.searchsorted(edges, c, side="right") - 1, 0, k - 1)
    assert (counts > 0).all()
    assert (np.bincount(bin_of, minlength=k) == counts).all()
    w = 1.0 / (k * counts[bin_of])
    order = np.argsort(e, kind="stable")
    e_sorted, w_sorted = e[order], w[order]
    cum = np.cumsum(w_sorted)
    areas = {str(eps): float(1 - np.sum(w_sorted * np.minimum(1, e_sorted / eps))) for eps in [5.0, 7.5, 10.0, 20.0]}
    return {
        "errors": errors.tolist(), "params": params.tolist(), "lo": lo, "hi": hi, "bins": k,
        "kept": np.nonzero(keep)[0].tolist(), "bin_counts": counts.tolist(), "edges": edges.tolist(),
        "sorted_errors": e_sorted.tolist(), "weights": w_sorted.tolist(), "cumulative": cum.tolist(),
        "areas": areas,
    }


def summary_case():
    x = np.round(errors_like_nds(101), 2)
    y = x[:100]
    h_counts, h_edges = np.histogram(x, bins=7)
    return {
        "odd": x.tolist(), "odd_mean": float(np.mean(x)), "odd_median": float(np.median(x)),
        "even_median": float(np.median(y)), "hist_bins": 7,
        "hist_counts": h_counts.tolist(), "hist_edges": h_edges.tolist(),
    }


def main():
    ref = {
        "generator": "make_reference.py",
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "ks_2samp": ks_cases(),
        "normalized_edf": normalized_edf_case(),
        "summary": summary_case(),
    }
    ref.update(kolmogorov_cases())
    with open(OUT, "w") as f:
        json.dump(ref, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", OUT, os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
