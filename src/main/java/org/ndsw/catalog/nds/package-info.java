/**
 * The NDS JSON files of the paper's released data (docs/reference/nds-json.md): a streaming reader and writer, file names, and
 * sources (files, folders, zip archives with their safety limits).
 *
 * <p>Files reach hundreds of MB, almost all numbers, so the reader lexes bytes itself ({@link
 * org.ndsw.catalog.nds.JsonBytes}) and converts numbers exactly with Eisel-Lemire ({@link
 * org.ndsw.catalog.nds.FastDouble}); small values (`net`, `optim`, other keys) become Jackson trees. Memory stays
 * bounded by one record. Records with wrong content are returned with their problem named; syntax errors stop the file
 * with the byte, line and record where they happen.
 */
package org.ndsw.catalog.nds;
