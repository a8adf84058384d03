/**
 * Distribution statistics for comparing design spaces, as in Radosavovic et al., "On Network Design Spaces for Visual
 * Recognition" (ICCV 2019) and the released notebooks (docs/reference/analysis.md): error EDFs (eq. 1), complexity-normalized
 * EDFs (eq. 3-4), the two-sample Kolmogorov-Smirnov test with the p-value exactly as scipy.stats.ks_2samp computes it,
 * EDF area, random-search efficiency, the sample-size and point-vs-distribution analyses and DKW confidence bands.
 * Everything here is pure Java (plus Commons Math), takes plain arrays that it copies, returns immutable records and
 * draws random numbers only from a {@link java.util.SplittableRandom} built from the caller's seed, so the same inputs
 * and seed always give the same output.
 */
package org.ndsw.stats;
