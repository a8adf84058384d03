/**
 * The analysis views of sets of trained models as files: figures per parameter, rank maps and run curves as PNG and
 * SVG ({@code ndsw figure analysis}), and one self-contained HTML report ({@code ndsw report}).
 */
package org.ndsw.app.report;
