package org.ndsw.stats;

/**
 * The survival function of the two-sided one-sample Kolmogorov-Smirnov statistic D_n, P(D_n &gt;= x), computed as
 * scipy.stats.kstwo.sf computes it (scipy 1.10, stats/_ksstats.py).
 *
 * <p>The method is chosen by n and x as Simard and L'Ecuyer (2011, J. Stat. Softw. 39(11)) recommend: the
 * Ruben-Gambino closed forms at the ends, 2·smirnov for x &gt;= 0.5 and in the tail, the Durbin matrix algorithm in
 * the Marsaglia-Tsang-Wang form (2003), Pomeranz's recursion (1974) and the Pelz-Good asymptotic series (1976).
 * ks_2samp's asymptotic branch evaluates it at n = round(m·n/(m + n)). A Java re-implementation of scipy's code
 * (BSD-3-Clause, SciPy Developers); see docs/stats.md.
 */
final class Kolmogorov {
    private static final int SCALE_EXPONENT = 128;
    private static final double SCALE_UP = 0x1p128;
    private static final double SCALE_DOWN = 0x1p-128;
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double PI2 = Math.PI * Math.PI;
    private static final double PI4 = PI2 * PI2;
    private static final double PI6 = PI4 * PI2;
    /** Below exp(MIN_LOG) the Pelz-Good series is zero (scipy's _MIN_LOG). */
    private static final double MIN_LOG = -708;
    /** Stirling series coefficients B_2j/(2j)/(2j−1), j = 8..1, as in scipy. */
    private static final double[] STIRLING = {
        -2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4,
        -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    };

    private Kolmogorov() {}

    /** Returns P(D_n &gt;= x) for integer n &gt;= 1, or NaN for any other n. */
    static double sf(double n, double x) {
        if (Double.isNaN(n) || n != Math.rint(n) || n < 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x >= 1.0) {
            return 0.0;
        }
        if (x <= 0.0) {
            return 1.0;
        }
        double t = n * x;
        if (t <= 1.0) {
            return clip(1.0 - rubenGambinoLowCdf(n, t));
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1.0 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * Smirnov.sf((int) n, x));
        }
        double nxSquared = t * x;
        if (n <= 140) {
            if (nxSquared <= 0.754693) {
                return clip(1.0 - durbinCdf((int) n, x));
            }
            if (nxSquared <= 4) {
                return clip(1.0 - pomeranzCdf((int) n, x));
            }
            return clip(2 * Smirnov.sf((int) n, x));
        }
        if (nxSquared >= 370.0) {
            return 0.0;
        }
        if (nxSquared >= 2.2) {
            return clip(2 * Smirnov.sf((int) n, x));
        }
        double cdf = n <= 100000 && n * Math.pow(x, 1.5) <= 1.4 ? durbinCdf((int) n, x) : pelzGoodCdf(n, x);
        return clip(1.0 - cdf);
    }

    /** Returns P(D_n &lt;= x) for 1/(2n) &lt; x &lt;= 1/n: n!/n^n·(2t − 1)^n with t = nx (Ruben and Gambino 1982). */
    private static double rubenGambinoLowCdf(double n, double t) {
        if (t <= 0.5) {
            return 0.0;
        }
        if (n <= 140) {
            double prob = 1.0;
            for (int i = 1; i <= n; i++) {
                prob *= i * (1.0 / n) * (2 * t - 1);
            }
            return prob;
        }
        return Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }

    /** Returns log(n!/n^n) by Stirling's series with n·log(n) removed up front. */
    private static double logFactorialOverPower(double n) {
        double rn = 1.0 / n;
        double poly = 0;
        for (double c : STIRLING) {
            poly = poly * (rn / n) + c;
        }
        return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
    }

    /** Returns P(D_n &lt;= d) by Durbin's matrix algorithm in the Marsaglia-Tsang-Wang form. */
    static double durbinCdf(int n, double d) {
        if (d >= 1.0) {
            return 1.0;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[][] hm = durbinMatrix(h, m);
        double[][] power = identity(m);
        int exponent = 0;
        int hExponent = 0;
        for (int nn = n; nn > 0; nn /= 2) {
            if (nn % 2 == 1) {
                power = multiply(power, hm);
                exponent += hExponent;
            }
            hm = multiply(hm, hm);
            hExponent *= 2;
            if (Math.abs(hm[k - 1][k - 1]) > SCALE_UP) {
                scale(hm, SCALE_DOWN);
                hExponent += SCALE_EXPONENT;
            }
        }
        double p = power[k - 1][k - 1];
        for (int i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < SCALE_DOWN) {
                p *= SCALE_UP;
                exponent -= SCALE_EXPONENT;
            }
        }
        if (exponent != 0) {
            p = Math.scalb(p, exponent);
        }
        return clip(p);
    }

    /** Builds Durbin's m×m matrix H for the fractional part h. */
    private static double[][] durbinMatrix(double h, int m) {
        double[] v = new double[m];
        double[] w = new double[m];
        double fac = 1.0;
        for (int j = 1; j <= m; j++) {
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] = (1.0 - Math.pow(h, j)) * fac;
        }
        double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;
        double[][] hm = new double[m][m];
        for (int i = 1; i < m; i++) {
            for (int r = i - 1; r < m; r++) {
                hm[r][i] = w[r - i + 1];
            }
        }
        for (int r = 0; r < m; r++) {
            hm[r][0] = v[r];
        }
        for (int c = 0; c < m; c++) {
            hm[m - 1][c] = v[m - 1 - c];
        }
        return hm;
    }

    /** Returns P(D_n &lt;= x) by Pomeranz's recursion. */
    static double pomeranzCdf(int n, double x) {
        double t = n * x;
        int ll = (int) Math.floor(t);
        double f = t - ll;
        double g = Math.min(f, 1.0 - f);
        int ceilf = f > 0 ? 1 : 0;
        int roundf = f > 0.5 ? 1 : 0;
        int npwrs = 2 * (ll + 1);
        double[] gpower = new double[npwrs];
        double[] twogpower = new double[npwrs];
        double[] onem2gpower = new double[npwrs];
        gpower[0] = 1.0;
        twogpower[0] = 1.0;
        onem2gpower[0] = 1.0;
        double gOverN = g / n;
        double twoGOverN = 2 * g / n;
        double oneMinusTwoGOverN = (1 - 2 * g) / n;
        for (int m = 1; m < npwrs; m++) {
            gpower[m] = gpower[m - 1] * gOverN / m;
            twogpower[m] = twogpower[m - 1] * twoGOverN / m;
            onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
        }
        double[] v0 = new double[npwrs];
        double[] v1 = new double[npwrs];
        v1[0] = 1;
        int v0s = 0;
        int v1s = 0;
        int exponent = 0;
        int[] j12 = pomeranzRange(0, n, ll, ceilf, roundf);
        for (int i = 1; i < 2 * n + 2; i++) {
            int k1 = j12[0];
            double[] swap = v0;
            v0 = v1;
            v1 = swap;
            int swapStart = v0s;
            v0s = v1s;
            v1s = swapStart;
            java.util.Arrays.fill(v1, 0.0);
            j12 = pomeranzRange(i, n, ll, ceilf, roundf);
            double[] pwrs = (i == 1 || i == 2 * n + 1) ? gpower : (i % 2 == 1 ? twogpower : onem2gpower);
            int ln2 = j12[1] - k1 + 1;
            if (ln2 > 0) {
                int convStart = j12[0] - k1;
                int convLen = j12[1] - j12[0] + 1;
                int aLen = Math.min(ln2, npwrs - (k1 - v0s));
                int bLen = Math.min(ln2, npwrs);
                for (int c = 0; c < convLen; c++) {
                    v1[c] = convolveAt(v0, k1 - v0s, aLen, pwrs, bLen, convStart + c);
                }
                double max = 0;
                for (double value : v1) {
                    max = Math.max(max, value);
                }
                if (0 < max && max < SCALE_DOWN) {
                    scale(v1, SCALE_UP);
                    exponent -= SCALE_EXPONENT;
                }
                v1s = v0s + j12[0] - k1;
            }
        }
        double ans = v1[n - v1s];
        for (int m = 1; m <= n; m++) {
            if (Math.abs(ans) > SCALE_UP) {
                ans *= SCALE_DOWN;
                exponent += SCALE_EXPONENT;
            }
            ans *= m;
        }
        if (exponent != 0) {
            ans = Math.scalb(ans, exponent);
        }
        return clip(ans);
    }

    /** Returns entry idx of the full convolution of a[offset, offset + aLen) with b[0, bLen) (numpy.convolve). */
    private static double convolveAt(double[] a, int offset, int aLen, double[] b, int bLen, int idx) {
        double sum = 0;
        int lo = Math.max(0, idx - bLen + 1);
        int hi = Math.min(idx, aLen - 1);
        for (int i = lo; i <= hi; i++) {
            sum += a[offset + i] * b[idx - i];
        }
        return sum;
    }

    /** Returns the endpoints {j1, j2} of the non-zero interval of row i in Pomeranz's recursion. */
    private static int[] pomeranzRange(int i, int n, int ll, int ceilf, int roundf) {
        int j1;
        int j2;
        if (i == 0) {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        } else {
            int ip1div2 = (i + 1) / 2;
            int ip1mod2 = (i + 1) % 2;
            if (ip1mod2 == 0) {
                if (ip1div2 == n + 1) {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                } else {
                    j1 = ip1div2 - 1 - ll - roundf - 1;
                    j2 = ip1div2 + ll - 1 + ceilf - 1;
                }
            } else {
                j1 = ip1div2 - 1 - ll - 1;
                j2 = ip1div2 + ll + roundf - 1;
            }
        }
        return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
    }

    /** Returns the Pelz-Good approximation to P(D_n &lt;= x). */
    static double pelzGoodCdf(double n, double x) {
        if (x <= 0.0) {
            return 0.0;
        }
        if (x >= 1.0) {
            return 1.0;
        }
        double z = Math.sqrt(n) * x;
        double z2 = Math.pow(z, 2);
        double z3 = Math.pow(z, 3);
        double z4 = Math.pow(z, 4);
        double z6 = Math.pow(z, 6);
        double qlog = -PI2 / 8 / z2;
        if (qlog < MIN_LOG) {
            return 0.0;
        }
        double q = Math.exp(qlog);
        double k1a = -z2;
        double k1b = PI2 / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * PI2 / 4;
        double k2c = PI4 * (1 - 2 * z2) / 16;
        double k3d = PI6 * (5 - 30 * z2) / 64;
        double k3c = PI4 * (-60 * z2 + 212 * z4) / 16;
        double k3b = PI2 * (135 * z4 - 96 * z6) / 4;
        double k3a = -30 * z6 - 90 * Math.pow(z, 8);
        double[] kk = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int k = maxk; k > 0; k--) {
            double m = 2 * k - 1;
            double m2 = m * m;
            double m4 = Math.pow(m, 4);
            double m6 = Math.pow(m, 6);
            double qpower = Math.pow(q, 8 * k);
            double[] coeffs = {1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4,
                k3a + k3b * m2 + k3c * m4 + k3d * m6};
            for (int i = 0; i < 4; i++) {
                kk[i] = kk[i] * qpower + coeffs[i];
            }
        }
        double[] divisors = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            kk[i] = kk[i] * q * SQRT_2PI / divisors[i];
        }
        double q2 = Math.exp(-PI2 / 2 / z2);
        double sqrt3z = Math.sqrt(3) * z;
        double k2extra = 0;
        double k3extra = 0;
        for (int k = maxk; k > 0; k--) {
            double ksq = (double) k * k;
            double qp = Math.pow(q2, ksq);
            double kspi = Math.PI * k;
            k2extra += ksq * qp;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
        }
        kk[2] += k2extra * (PI2 * SQRT_2PI / (-36 * z3));
        kk[3] += k3extra * (PI2 * SQRT_2PI / (216 * z6));
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += kk[i] / Math.pow(n, i / 2.0);
        }
        return sum;
    }

    private static double[][] identity(int m) {
        double[][] id = new double[m][m];
        for (int i = 0; i < m; i++) {
            id[i][i] = 1.0;
        }
        return id;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < m; l++) {
                double ail = a[i][l];
                if (ail == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    c[i][j] += ail * b[l][j];
                }
            }
        }
        return c;
    }

    private static void scale(double[][] a, double factor) {
        for (double[] row : a) {
            scale(row, factor);
        }
    }

    private static void scale(double[] a, double factor) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= factor;
        }
    }

    private static double clip(double p) {
        return p < 0 ? 0 : Math.min(p, 1);
    }
}
