/**
 * Use cases shared by the command line and the GUI, with no UI types, one sub-package per feature:
 * {@code app.space} (sampling, the space editor's preview), {@code app.compare} (comparisons and their JSON, CSV and
 * figures), {@code app.source} (reading files of trained models), {@code app.catalog} (reading and exporting the
 * catalogue), {@code app.ingest} (importing and verifying NDS data, downloading it over HTTP), {@code app.train}
 * (training one model), {@code app.sweep} (populations trained by worker JVMs) and {@code app.paper} (the paper's
 * figures). Services take and return immutable records. Benchmarks live apart, in {@code org.ndsw.bench}.
 *
 * <p>This package keeps only what every feature shares: {@link org.ndsw.app.ProgressSink} (message, fraction,
 * isCancelled), which long operations report to and which a console bar or a GUI bar shows (cancelling stops with an
 * NdswException and leaves stored data as it was), and {@link org.ndsw.app.Provenance}, the app, engine, Java and OS
 * versions recorded with imports, sweeps and downloads.
 */
package org.ndsw.app;
