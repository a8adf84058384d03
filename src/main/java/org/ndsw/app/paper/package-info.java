/**
 * Reproduces the figures of the paper's sections 3-4 (Figs. 2, 3, 5, 6, 7, 9, 10, 11) from a folder of released NDS
 * JSON files, with the notebooks' windows and bin counts (docs/reference/analysis.md), and writes a report of the numbers behind
 * them. Each figure is built from the same services the CLI and GUI use ({@link org.ndsw.app.compare.CompareService}, the
 * statistics package); a figure whose files are missing is skipped with a note.
 */
package org.ndsw.app.paper;
