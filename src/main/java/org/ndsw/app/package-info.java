/**
 * Use cases shared by the command line and the GUI, with no UI types: importing NDS data into the catalogue
 * ({@link org.ndsw.app.ImportService}, with its verification report), reading it ({@link org.ndsw.app.CatalogService},
 * including the per-model errors the statistics compare), exporting it ({@link org.ndsw.app.ExportService}),
 * sampling, and the benchmarks whose numbers the docs report.
 *
 * <p>Long operations take a {@link org.ndsw.app.ProgressSink} (message, fraction, isCancelled), shown by a console
 * bar or a GUI bar; cancelling stops with an NdswException and leaves stored data as it was.
 */
package org.ndsw.app;
