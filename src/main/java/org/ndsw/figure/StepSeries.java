package org.ndsw.figure;

import java.util.Arrays;
import java.util.Objects;

/**
 * A step function that starts at 0 and rises to {@code y[i]} at {@code x[i]}: an EDF or normalized EDF.
 *
 * <p>{@code x} holds the kept step positions (strictly increasing) and {@code y} the exact value of the function just
 * after each of them; the curve is drawn flat from {@code from} to {@code x[0]}, as steps through the kept points and flat
 * again to {@code to}. Build it with {@link #reduce}, which keeps the exact steps at about {@code levels} quantile
 * levels, so the drawn curve never lies more than one level (1/levels of the total) below the true one.
 */
public record StepSeries(String label, double[] x, double[] y, double from, double to) implements Series {
    /** Quantile levels kept per curve by default: 2,000 keeps a 5 x 25k-point SVG near 0.5 MB (docs/reference/toolchain-notes.md#plots). */
    public static final int DEFAULT_LEVELS = 2000;

    /** Validates and copies the arrays. */
    public StepSeries {
        Objects.requireNonNull(label, "label");
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("a step series needs matching non-empty x and y, got "
                    + x.length + " and " + y.length);
        }
        x = x.clone();
        y = y.clone();
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                throw new IllegalArgumentException("step positions must increase, got " + x[i - 1] + " then " + x[i]);
            }
        }
        if (!(from <= x[0]) || !(to >= x[x.length - 1])) {
            throw new IllegalArgumentException("drawing extent [" + from + ", " + to + "] must cover the steps");
        }
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public int size() {
        return x.length;
    }

    /**
     * Reduces an EDF given as sorted values and the cumulative weight after each one.
     *
     * <p>Ties collapse to one step carrying the cumulative weight after the last tied value. A step is kept when it is
     * the first or last, or when it reaches the next of {@code levels} equally spaced levels of the total weight.
     */
    public static StepSeries reduce(String label, double[] sorted, double[] cumulative, int levels) {
        if (sorted.length == 0 || sorted.length != cumulative.length) {
            throw new IllegalArgumentException("need matching non-empty values and cumulative weights");
        }
        if (levels < 1) {
            throw new IllegalArgumentException("levels must be positive, got " + levels);
        }
        int n = sorted.length;
        double unit = cumulative[n - 1] / levels;
        double[] kx = new double[Math.min(n, levels + 2)];
        double[] ky = new double[kx.length];
        int kept = 0;
        double nextLevel = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (i + 1 < n && sorted[i + 1] < sorted[i]) {
                throw new IllegalArgumentException("values must be sorted, got " + sorted[i] + " then " + sorted[i + 1]);
            }
            boolean groupEnd = i + 1 == n || sorted[i + 1] != sorted[i];
            if (groupEnd && (cumulative[i] >= nextLevel || i + 1 == n)) {
                if (kept == kx.length) {
                    kx = Arrays.copyOf(kx, kept * 2);
                    ky = Arrays.copyOf(ky, kept * 2);
                }
                kx[kept] = sorted[i];
                ky[kept] = cumulative[i];
                kept++;
                nextLevel = (Math.floor(cumulative[i] / unit) + 1) * unit;
            }
        }
        return new StepSeries(label, Arrays.copyOf(kx, kept), Arrays.copyOf(ky, kept),
                sorted[0], sorted[n - 1]);
    }

    /** Returns this curve drawn over a wider extent (for overlays that should span a common x range). */
    public StepSeries extendedTo(double lo, double hi) {
        return new StepSeries(label, x, y, Math.min(from, lo), Math.max(to, hi));
    }

    /** The polyline of the staircase: horizontal then vertical through every kept step, from {@code from} to {@code to}. */
    public double[][] staircase() {
        int n = x.length;
        double[] px = new double[2 * n + 2];
        double[] py = new double[2 * n + 2];
        px[0] = from;
        py[0] = 0;
        double last = 0;
        for (int i = 0; i < n; i++) {
            px[2 * i + 1] = x[i];
            py[2 * i + 1] = last;
            px[2 * i + 2] = x[i];
            py[2 * i + 2] = y[i];
            last = y[i];
        }
        px[2 * n + 1] = to;
        py[2 * n + 1] = last;
        return new double[][] {px, py};
    }
}
