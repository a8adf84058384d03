/**
 * Figure models and their rendering: a {@link org.ndsw.figure.Figure} is an immutable description (data, labels,
 * options) of one of the paper's plot kinds, {@link org.ndsw.figure.ChartBuilder} turns it into a JFreeChart object
 * (the same object the GUI shows), and {@link org.ndsw.figure.FigureWriter} saves it as PNG or SVG without a display.
 *
 * <p>Large curves are reduced for drawing only where the reduction is invisible: an EDF keeps its exact steps at about
 * 2,000 quantile levels ({@link org.ndsw.figure.StepSeries}), a scatter keeps one point per pixel-sized cell
 * ({@link org.ndsw.figure.PointSeries}). The package imports no JavaFX and no statistics: callers pass plain arrays.
 */
package org.ndsw.figure;
