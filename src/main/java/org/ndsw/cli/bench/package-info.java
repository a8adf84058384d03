/**
 * The {@code ndsw bench} commands ({@link org.ndsw.cli.bench.BenchCommand} and its subcommands): thin picocli front
 * ends over {@code org.ndsw.bench}, the only code allowed to use it (ArchitectureTest). {@code ndsw bench analysis}
 * passes its arguments to {@link org.ndsw.bench.AnalysisBenchmark#main}.
 */
package org.ndsw.cli.bench;
