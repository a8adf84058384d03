/**
 * Figures on screen: {@link org.ndsw.ui.chart.FigureView} shows an {@code org.ndsw.figure} model through jfreechart-fx,
 * the same chart object that export writes to PNG and SVG.
 */
package org.ndsw.ui.chart;
