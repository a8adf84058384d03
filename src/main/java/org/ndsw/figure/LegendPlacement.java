package org.ndsw.figure;

/** Where the legend goes; inside placements keep the plot area large, as in the paper's figures. */
public enum LegendPlacement { NONE, BOTTOM, INSIDE_LOWER_RIGHT, INSIDE_UPPER_RIGHT, INSIDE_UPPER_LEFT }
