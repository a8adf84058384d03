/**
 * Comparing sets of trained models as the paper does: {@link org.ndsw.app.compare.CompareService} turns sets (read by
 * {@code app.source} from files, or by {@link org.ndsw.app.compare.CatalogSets} from a catalogue sweep) and
 * {@link org.ndsw.app.compare.CompareOptions} into a {@link org.ndsw.app.compare.CompareResult} of per-set
 * {@link org.ndsw.app.compare.SetResult}s and pairwise KS {@link org.ndsw.app.compare.PairResult}s, rendered by
 * {@link org.ndsw.app.compare.CompareJson} (the {@code ndsw compare --json} contract),
 * {@link org.ndsw.app.compare.CompareCsv} and {@link org.ndsw.app.compare.CompareFigures}. The record readers stay in
 * their own package, {@code app.source}, because the paper's figures ({@code app.paper}) read them too.
 */
package org.ndsw.app.compare;
