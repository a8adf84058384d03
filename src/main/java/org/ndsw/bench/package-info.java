/**
 * The benchmarks whose numbers the docs report, run only by the {@code ndsw bench} commands ({@code cli.bench};
 * enforced by ArchitectureTest): complexity evaluations ({@link org.ndsw.bench.ComplexityBenchmark}), the whole
 * design-space analysis against numpy/scipy ({@link org.ndsw.bench.AnalysisBenchmark} over
 * {@link org.ndsw.bench.Analysis}, the numpy side a Python subprocess, {@link org.ndsw.bench.NumpyProcess}), imports
 * against Python ({@link org.ndsw.bench.ImportBenchmark}), catalogue queries
 * ({@link org.ndsw.bench.QueryBenchmark}), a Compare panel redraw ({@link org.ndsw.bench.CompareRedrawBenchmark})
 * and training throughput against PyTorch ({@link org.ndsw.bench.TrainBenchmark} with
 * {@link org.ndsw.bench.PyTorchReference}); {@code bench.wholerun} times whole training runs. Synthetic inputs come
 * from {@link org.ndsw.bench.SyntheticNds} and {@link org.ndsw.bench.SyntheticSets}. Every median is
 * {@link org.ndsw.bench.Stopwatch#median(double[])}. Rounds alternate between the sides compared so that machine
 * noise hits both alike.
 */
package org.ndsw.bench;
