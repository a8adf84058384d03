package org.ndsw.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.ndsw.app.compare.CompareFigures;
import org.ndsw.app.compare.CompareResult;
import org.ndsw.app.compare.PairResult;
import org.ndsw.app.compare.SetResult;

/** The human-readable output of {@code ndsw compare}: one table of sets, one of pairs, one per random-search curve. */
final class CompareTables {
    private CompareTables() {}

    /** Prints the set table, the pair table and any random-search curves. */
    static void print(CompareResult r, PrintWriter out) {
        out.println(describe(r));
        out.printf(Locale.ROOT, "%-20s %8s %8s %8s %8s %8s %9s%n", "set", "n", "min", "mean", "median", "area",
                "DKW ±95%");
        for (SetResult s : r.sets()) {
            out.printf(Locale.ROOT, "%-20s %8d %8.3f %8.3f %8.3f %8.4f %9.4f%n", s.label(), s.n(), s.min(), s.mean(),
                    s.median(), s.area(), s.dkwEpsilon());
        }
        if (!r.pairs().isEmpty()) {
            out.println();
            boolean normalized = r.window() != null;
            out.printf(Locale.ROOT, "%-20s %-20s %8s %10s%s%n", "a", "b", "KS D", "p", normalized ? "  D normalized" : "");
            for (PairResult p : r.pairs()) {
                out.printf(Locale.ROOT, "%-20s %-20s %8.4f %10s%s%n", p.a(), p.b(), p.ks().d(), p.pValueText(),
                        normalized ? String.format(Locale.ROOT, "  %13.4f", p.normalizedD()) : "");
            }
        }
        r.randomSearch().forEach((label, points) -> {
            out.println();
            out.println("random search, " + label + ":");
            out.printf(Locale.ROOT, "%8s %10s %10s %8s%n", "m", "mean", "std", "trials");
            points.forEach(p -> out.printf(Locale.ROOT, "%8d %10.3f %10.3f %8d%n", p.m(), p.mean(), p.std(),
                    p.trials()));
        });
    }

    private static String describe(CompareResult r) {
        return CompareFigures.describe(r) + "; EDF area up to ε = " + r.options().areaEps() + "% error";
    }
}
