package org.ndsw.app.compare;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ndsw.AtomicWrite;
import org.ndsw.app.catalog.Csv;

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
                edf.append(Csv.line(List.of(s.label(), e[i], c[i]), "\n"));
            }
        }
        StringBuilder pairs = new StringBuilder("a,b,ks_d,ks_p,ks_method,ks_d_normalized\n");
        for (PairResult p : r.pairs()) {
            pairs.append(Csv.line(Arrays.asList(p.a(), p.b(), p.ks().d(), p.ks().p(), p.ks().method(),
                    p.normalizedD()), "\n"));
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
}
