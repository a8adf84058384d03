package org.ndsw.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ndsw.NdswException;

/**
 * The sample-size analysis (paper §3, docs/reference/analysis.md): how far the EDF of n random models lies, in KS D, from the
 * EDF of a large reference sample of the same design space, as n grows.
 *
 * <p>Sampling: the reference is 2^14 distinct models drawn without replacement (all models when there are fewer);
 * each trial's n models are drawn without replacement from all models (so they may overlap the reference, as the
 * reference stands in for the whole space). Without replacement because each sample stands for n distinct trained
 * models, which is what a researcher sampling a design space would have; n larger than the number of models is left out.
 */
public final class SampleSize {
    /** The paper's reference size, 2^14 models. */
    public static final int REFERENCE_SIZE = 1 << 14;

    private SampleSize() {}

    /**
     * One point of the curve.
     *
     * @param n the sample size
     * @param meanD the mean KS D over trials
     * @param stdD the population standard deviation of D over trials
     */
    public record Point(int n, double meanD, double stdD) {}

    /**
     * The whole analysis.
     *
     * @param referenceSize the number of models in the reference (2^14, or all models if fewer)
     * @param trials the number of trials per n
     * @param points one point per n = 2^0 .. 2^maxPower (up to the number of models)
     */
    public record Result(int referenceSize, int trials, List<Point> points) {
        /** Copies the points. */
        public Result {
            points = List.copyOf(points);
        }
    }

    /** Runs the analysis: for n = 2^0 .. 2^maxPower, the mean over trials of D(reference, n random models). */
    public static Result analysis(double[] errors, int maxPower, int trials, long seed) {
        double[] all = Checks.finiteCopy("errors", errors);
        Checks.power("maxPower", maxPower);
        Checks.atLeast("trials", trials, 1);
        SplittableRandom random = new SplittableRandom(seed);
        Subsets subsets = new Subsets(all.length);
        int refSize = Math.min(REFERENCE_SIZE, all.length);
        double[] reference = sortedSample(all, subsets, refSize, random);
        List<Point> points = new ArrayList<>();
        for (int p = 0; p <= maxPower && (1 << p) <= all.length; p++) {
            int n = 1 << p;
            double[] d = new double[trials];
            for (int t = 0; t < trials; t++) {
                d[t] = KsTest.statisticSorted(reference, sortedSample(all, subsets, n, random));
            }
            points.add(new Point(n, Moments.mean(d), Moments.populationStd(d)));
        }
        if (points.isEmpty()) {
            throw new NdswException("sample-size analysis needs at least one model");
        }
        return new Result(refSize, trials, points);
    }

    private static double[] sortedSample(double[] all, Subsets subsets, int k, SplittableRandom random) {
        int[] drawn = subsets.draw(k, random);
        double[] sample = new double[k];
        for (int i = 0; i < k; i++) {
            sample[i] = all[drawn[i]];
        }
        Arrays.sort(sample);
        return sample;
    }
}
