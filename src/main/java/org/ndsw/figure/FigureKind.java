package org.ndsw.figure;

/** The plot kinds of the paper's analysis (docs/reference/analysis.md). */
public enum FigureKind {
    /** Error EDFs of several sets, plain (eq. 1) or normalized for complexity (eq. 3-4). */
    EDF,
    /** Error against complexity, one point per model, log complexity axis. */
    SCATTER,
    /** Histogram of model complexity per set. */
    COMPLEXITY_HISTOGRAM,
    /** Random-search efficiency: mean minimum error against experiment size m, with a ±2σ band. */
    RANDOM_SEARCH,
    /** Sample-size analysis: mean KS D against the number of sampled models n. */
    KS_VS_N,
    /** Point vs distribution: histogram of min(100 models) − min(1,000 models). */
    MIN_DIFFERENCE,
    /** Training curves of one run: top-1 error per epoch. */
    CURVES,
    /** Trends across sets: the good range [lo, hi] and the best value of one parameter, per set. */
    TRENDS,
    /** A drawing of one model: widths against depth of a stage-wise net, or the graph of a NAS cell. */
    MODEL
}
