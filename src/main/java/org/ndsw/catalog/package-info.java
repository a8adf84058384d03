/**
 * The catalogue: one SQLite file (WAL mode, foreign keys on, schema versioned by `PRAGMA user_version`) holding
 * sweeps, models and runs, and the only package that speaks JDBC.
 *
 * <p>A model is one distinct network, identified by the SHA-256 of its canonical `net` (SpecJson.hash); a run is one
 * training of a model in a sweep, so a model trained in several sweeps or with several seeds has several runs. Writes
 * happen in {@link org.ndsw.catalog.Catalog#write} transactions; queries ({@link org.ndsw.catalog.ModelQuery}) filter
 * runs joined with their models and sweeps by any column or any path inside `net`, sorted and paged. The
 * subpackage `nds` reads and writes the NDS JSON files of the paper's released data.
 */
package org.ndsw.catalog;
