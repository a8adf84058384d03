package org.ndsw.app.analysis;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.ndsw.analysis.AnalysisOptions;
import org.ndsw.analysis.ParameterRange;
import org.ndsw.analysis.SetAnalysis;

/** Prints analyses as one readable table per set. */
public final class AnalysisTables {
    /** Parameters with at most this many distinct values list them all. */
    private static final int LISTED = 8;

    private AnalysisTables() {}

    /** Prints the header line and a table per set. */
    public static void print(List<SetAnalysis> sets, List<AnalysisSet> sources, AnalysisOptions o, PrintWriter out) {
        String method = o.monteCarlo()
                ? String.format(Locale.ROOT, "Monte-Carlo bootstrap, B = %d, seed %d", o.bootstrap(), o.seed())
                : "exact bootstrap";
        out.printf(Locale.ROOT, "best of m = max(1, floor(%s n)) models, %s; good = [%s, %s, %s] quantiles%n",
                num(o.fraction()), method, num(o.levels()[0]), num(0.5), num(o.levels()[2]));
        for (int i = 0; i < sets.size(); i++) {
            SetAnalysis a = sets.get(i);
            out.println();
            out.printf(Locale.ROOT, "%s: n = %d, m = %d%s%n", a.name(), a.n(), a.sampleSize(),
                    sources.get(i).skipped() > 0 ? ", " + sources.get(i).skipped() + " records without an error" : "");
            out.printf(Locale.ROOT, "%-22s %10s %10s %10s   %s%n", "parameter", "lo", "best", "hi", "values");
            for (ParameterRange p : a.parameters()) {
                double[] g = p.good();
                out.printf(Locale.ROOT, "%-22s %10s %10s %10s   %s%n", p.name(), num(g[0]), num(g[1]), num(g[2]),
                        values(p.values()));
            }
            if (!a.omitted().isEmpty()) {
                out.println("omitted (only some models have them): " + String.join(", ", a.omitted()));
            }
        }
    }

    private static String values(double[] v) {
        if (v.length == 1) {
            return "constant " + num(v[0]);
        }
        if (v.length <= LISTED) {
            StringBuilder sb = new StringBuilder();
            for (double x : v) {
                sb.append(sb.length() == 0 ? "" : " ").append(num(x));
            }
            return sb.toString();
        }
        return String.format(Locale.ROOT, "%d values in [%s, %s]", v.length, num(v[0]), num(v[v.length - 1]));
    }

    /** Integers as integers, others with at most 4 significant digits and no trailing zeros. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (!Double.isFinite(v) || Math.abs(v) < 1e-4 || Math.abs(v) >= 1e6) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
