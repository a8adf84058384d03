/**
 * The whole-run benchmark behind `ndsw bench train --whole-run`: `ndsw train` exactly as a user runs it (a child JVM of
 * this jar per engine) against bench/train_pytorch.py's whole-run mode on the same images, subsets, epochs, batch,
 * augmentation, evaluation and threads, rounds alternating. {@link org.ndsw.bench.wholerun.WholeRunBenchmark} runs the
 * rounds, {@link org.ndsw.bench.wholerun.SideRun} is one process's wall and CPU time and its phases (start-up with the
 * data, training, evaluation, the rest of the run, exit), {@link org.ndsw.bench.wholerun.WholeRunResult} the medians and
 * ratios, {@link org.ndsw.bench.wholerun.CpuInfo} the processor they ran on.
 */
package org.ndsw.bench.wholerun;
