package org.ndsw.stats;

/** Equal-width complexity bins on a window, assigned exactly as numpy.histogram assigns values to uniform bins. */
public final class ComplexityBins {
    private ComplexityBins() {}

    /** Returns the k + 1 edges lo + j·(hi − lo)/k, with the last edge exactly hi (numpy.linspace). */
    public static double[] edges(ComplexityWindow window, int k) {
        double step = (window.hi() - window.lo()) / k;
        double[] edges = new double[k + 1];
        for (int j = 0; j < k; j++) {
            edges[j] = j * step + window.lo();
        }
        edges[k] = window.hi();
        return edges;
    }

    /** Returns the bin of c in [0, k): bin j holds edges[j] &lt;= c &lt; edges[j + 1], the last bin also c == hi. */
    public static int index(double c, double[] edges) {
        int k = edges.length - 1;
        double norm = k / (edges[k] - edges[0]);
        int j = (int) ((c - edges[0]) * norm);
        if (j == k) {
            j--;
        }
        if (c < edges[j]) {
            j--;
        }
        if (j != k - 1 && c >= edges[j + 1]) {
            j++;
        }
        return j;
    }
}
