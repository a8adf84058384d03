package org.ndsw.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ndsw.NdswException;

/** Finds, for every parameter of a set, the range where its best models lie (the empirical bootstrap). */
public final class Analyzer {
    private Analyzer() {}

    /** Analyses a set of models: its parameters, then the good range of each. */
    public static SetAnalysis analyze(String name, List<AnalysisModel> models, AnalysisOptions options) {
        if (models.isEmpty()) {
            throw new NdswException("set " + name + " has no models with an error to analyse");
        }
        double[] errors = models.stream().mapToDouble(AnalysisModel::error).toArray();
        return analyze(name, errors, ParameterTable.of(models), options);
    }

    /** Analyses a set given its errors (source order) and its parameter table. */
    public static SetAnalysis analyze(String name, double[] errors, ParameterTable table, AnalysisOptions options) {
        int n = errors.length;
        if (n == 0) {
            throw new NdswException("set " + name + " has no models with an error to analyse");
        }
        int m = BestOfSample.sampleSize(n, options.fraction());
        checkDraws(name, m, options);
        double[] levels = options.levels();
        Good good = options.monteCarlo() ? monteCarlo(errors, m, options) : new Exact(new ExactBootstrap(errors, m));
        List<ParameterRange> ranges = new ArrayList<>(table.names().size());
        for (int j = 0; j < table.names().size(); j++) {
            double[] column = table.columns().get(j);
            ranges.add(new ParameterRange(table.names().get(j), good.of(column, levels), distinct(column)));
        }
        return new SetAnalysis(name, n, m, options, ranges, table.omitted());
    }

    /** Refuses a Monte-Carlo run that would draw more than {@link AnalysisOptions#MAX_DRAWS} models. */
    private static void checkDraws(String name, int m, AnalysisOptions options) {
        long draws = (long) options.bootstrap() * m;
        if (draws > AnalysisOptions.MAX_DRAWS) {
            throw new NdswException(String.format(Locale.ROOT, "--bootstrap %d draws %,d models for set %s (m = %,d"
                    + " per resample), more than the %,d that finish in seconds: lower --bootstrap or --fraction, or"
                    + " leave --bootstrap out for the exact law", options.bootstrap(), draws, name, m,
                    AnalysisOptions.MAX_DRAWS));
        }
    }

    private static Good monteCarlo(double[] errors, int m, AnalysisOptions options) {
        int[] winners = MonteCarloBootstrap.winners(errors, m, options.bootstrap(), options.seed());
        return (values, levels) -> MonteCarloBootstrap.percentiles(values, winners, levels);
    }

    /** The distinct values of a column, increasing. */
    static double[] distinct(double[] column) {
        double[] sorted = column.clone();
        Arrays.sort(sorted);
        int k = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[k - 1]) {
                sorted[k++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, k);
    }

    /** The quantiles of the best model's value of one parameter. */
    private interface Good {
        double[] of(double[] values, double[] levels);
    }

    private record Exact(ExactBootstrap law) implements Good {
        @Override
        public double[] of(double[] values, double[] levels) {
            return law.quantiles(values, levels);
        }
    }
}
