/**
 * The catalogue panel: a View that only binds ({@link org.ndsw.ui.catalog.CatalogView} with its sweeps, models and
 * details parts) over {@link org.ndsw.ui.catalog.CatalogViewModel}, which calls the catalogue use cases of
 * `org.ndsw.app` through a {@link org.ndsw.ui.catalog.CatalogSession} (one reading and one writing connection) off the
 * FX thread. {@link org.ndsw.ui.catalog.PagedRows} is the models table's list: sized by the query's total and read a
 * page at a time as rows scroll into view. {@link org.ndsw.ui.catalog.DropImport} turns files (or an http(s) link)
 * dropped on the window into an import, and {@code UrlDialog} asks for a URL to import;
 * {@link org.ndsw.ui.catalog.ImportSummary} words the outcome; {@link org.ndsw.ui.catalog.SweepInput} is a catalogue
 * sweep as a set of the compare panel.
 */
package org.ndsw.ui.catalog;
