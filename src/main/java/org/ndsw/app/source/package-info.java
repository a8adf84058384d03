/**
 * Record sources for comparisons: reads a file of trained models (an NDS JSON file, JSON Lines of NDS records or a
 * CSV with an {@code error} column) into a {@link org.ndsw.app.source.RecordSet} of errors, params and flops.
 * Readers stream (Jackson's JsonParser, a line reader), keeping only three numbers per model, so files of hundreds of
 * MB with per-epoch curves need little heap. Bad input becomes an {@link org.ndsw.NdswException} naming the file,
 * the record or line, and the field.
 */
package org.ndsw.app.source;
