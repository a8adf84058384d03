/**
 * Use cases shared by the command line and the GUI, with no UI types: sampling within a complexity window
 * ({@link org.ndsw.app.space.SamplingService}), the space editor's live preview ({@link org.ndsw.app.space.SpacePreview}),
 * comparisons ({@link org.ndsw.app.compare.CompareService}, rendered by CompareJson, CompareFigures and CompareCsv; sets read by
 * {@code app.source} from files or by {@link org.ndsw.app.compare.CatalogSets} from the catalogue), importing NDS data into the
 * catalogue ({@link org.ndsw.app.ingest.ImportService}, with its verification report; URLs fetched by
 * {@link org.ndsw.app.ingest.Download}), reading it
 * ({@link org.ndsw.app.catalog.CatalogService}), exporting it ({@link org.ndsw.app.catalog.ExportService}), training
 * ({@link org.ndsw.app.train.TrainService}), and the benchmarks whose numbers the docs report. Services take and return
 * immutable records.
 *
 * <p>Long operations take a {@link org.ndsw.app.ProgressSink} (message, fraction, isCancelled), shown by a console
 * bar or a GUI bar; cancelling stops with an NdswException and leaves stored data as it was.
 */
package org.ndsw.app;
