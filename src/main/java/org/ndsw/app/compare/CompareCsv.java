package org.ndsw.app.compare;

import java.nio.file.Path;
import org.ndsw.AtomicWrite;

/**
 * Writes the numbers behind a comparison as CSV for spreadsheets and pandas: the EDF steps of every set, and the KS
 * test of every pair in a second file named like the first with "-pairs" before the extension.
 */
public final class CompareCsv {
    private CompareCsv() {}

    /** Writes `file` (label, error, cumulative_weight) and its "-pairs" sibling; returns the pairs file. */
    public static Path write(CompareResult r, Path file) {
        StringBuilder edf = new StringBuilder("label,error,cumulative_weight\n");
        for (SetResult s : r.sets()) {
            double[] e = s.edf().errors();
            double[] c = s.cumulative();
            for (int i = 0; i < e.length; i++) {
                edf.append(quote(s.label())).append(',').append(e[i]).append(',').append(c[i]).append('\n');
            }
        }
        StringBuilder pairs = new StringBuilder("a,b,ks_d,ks_p,ks_method,ks_d_normalized\n");
        for (PairResult p : r.pairs()) {
            pairs.append(quote(p.a())).append(',').append(quote(p.b())).append(',').append(p.ks().d()).append(',')
                    .append(p.ks().p()).append(',').append(p.ks().method()).append(',')
                    .append(Double.isNaN(p.normalizedD()) ? "" : Double.toString(p.normalizedD())).append('\n');
        }
        Path pairsFile = sibling(file, "-pairs");
        AtomicWrite.text(file, edf.toString());
        AtomicWrite.text(pairsFile, pairs.toString());
        return pairsFile;
    }

    static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String sib = dot < 0 ? name + suffix : name.substring(0, dot) + suffix + name.substring(dot);
        return file.resolveSibling(sib);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
