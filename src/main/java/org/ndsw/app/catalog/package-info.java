/**
 * Use cases over an existing catalogue: where it is ({@link org.ndsw.app.catalog.CatalogLocation}), reading sweeps,
 * queries and per-model errors ({@link org.ndsw.app.catalog.CatalogService}), a stored run's figures
 * ({@link org.ndsw.app.catalog.RunFigures}), and writing a sweep out as NDS JSON or CSV
 * ({@link org.ndsw.app.catalog.ExportService}, {@link org.ndsw.app.catalog.Csv}). Filling a catalogue is
 * {@code app.ingest}'s job.
 */
package org.ndsw.app.catalog;
