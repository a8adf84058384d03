package org.ndsw.figure;

import java.util.SplittableRandom;

/** Seeded synthetic design-space samples shaped like CIFAR NDS data: error falls with log complexity. */
final class SyntheticSets {
    private SyntheticSets() {}

    /** Complexity in M params, log-uniform over [0.015, 3]. */
    static double[] params(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 0.015 * Math.pow(200, rng.nextDouble());
        }
        return p;
    }

    /** Errors in % for the given complexities; {@code offset} shifts a space up (worse) or down. */
    static double[] errors(double[] params, double offset, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] e = new double[params.length];
        for (int i = 0; i < params.length; i++) {
            double base = 6 + offset - 2.2 * Math.log10(params[i]);
            e[i] = base * Math.exp(0.18 * gaussian(rng));
            if (rng.nextDouble() < 0.01) {
                e[i] = 90; // a diverged run, as in the real data
            }
        }
        return e;
    }

    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
