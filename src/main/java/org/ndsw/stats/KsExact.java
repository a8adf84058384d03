package org.ndsw.stats;

/**
 * The exact null distribution of the two-sample KS statistic, P(D_{m,n} &gt;= h/lcm(m, n)), by counting lattice
 * paths as scipy.stats.ks_2samp's exact branch does (scipy 1.10).
 *
 * <p>Equal sizes use the closed alternating sum of Hodges (1958, Ark. Mat. 3(43)) evaluated Horner-style; unequal
 * sizes use Hodges' "inside" recursion rewritten to carry 1 − p directly (Viehmann 2021, arXiv:2102.08037), which
 * keeps one sliding column of the path-count lattice, normalized so that no binomial coefficient is ever formed.
 * A Java re-implementation of scipy's code (BSD-3-Clause, SciPy Developers); see docs/stats.md.
 */
final class KsExact {
    private KsExact() {}

    /** Returns P(D_{n,n} &gt;= h/n), the two-sided p-value for equal sample sizes. */
    static double outsideSquare(int n, int h) {
        double p = 0.0;
        for (int k = (int) Math.floor((double) n / h); k >= 0; k--) {
            double p1 = 1.0;
            for (int j = 0; j < h; j++) {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }
            p = p1 * (1.0 - p);
        }
        return 2 * p;
    }

    /** Returns the fraction of lattice paths from (0,0) to (m,n) that leave the band |x/m − y/n| &lt; h/lcm(m, n). */
    static double outsideBand(int m, int n, int g, long h) {
        if (m < n) {
            int swap = m;
            m = n;
            n = swap;
        }
        long mg = m / g;
        long ng = n / g;
        int minj = 0;
        int maxj = (int) Math.min((long) Math.ceil((double) h / mg), n + 1L);
        int curlen = maxj - minj;
        int lenA = Math.min(2 * maxj + 2, n + 1);
        double[] a = new double[lenA];
        java.util.Arrays.fill(a, maxj, lenA, 1.0);
        for (int i = 1; i <= m; i++) {
            int lastminj = minj;
            int lastlen = curlen;
            minj = (int) Math.min(Math.max((long) Math.floor((double) (ng * i - h) / mg) + 1, 0L), n);
            maxj = (int) Math.min((long) Math.ceil((double) (ng * i + h) / mg), n + 1L);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxj - minj; jj++) {
                int j = jj + minj;
                val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
                a[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                java.util.Arrays.fill(a, maxj - minj, Math.min(maxj - minj + (lastlen - curlen), lenA), 1.0);
            }
        }
        return a[maxj - minj - 1];
    }
}
