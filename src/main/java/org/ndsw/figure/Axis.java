package org.ndsw.figure;

import java.util.Objects;

/** One axis of a figure: its label, scale and optional fixed range ({@code range} null = fit the data). */
public record Axis(String label, Scale scale, Bounds range) {
    /** How values map to positions on the axis. */
    public enum Scale {
        LINEAR,
        /** Linear with whole-number ticks, for counts such as epochs. */
        COUNT,
        /** Base-10 logarithmic, for complexity (params, flops). */
        LOG10,
        /** Base-2 logarithmic with integer tick labels, for experiment sizes m and n = 2^0 .. 2^P. */
        LOG2
    }

    /** Validates the label and scale; a log axis needs a positive range. */
    public Axis {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(scale, "scale");
        if (range != null && (scale == Scale.LOG10 || scale == Scale.LOG2) && range.lo() <= 0) {
            throw new IllegalArgumentException("a log axis needs a positive range, got lo = " + range.lo());
        }
    }

    /** A linear axis fitted to the data. */
    public static Axis linear(String label) {
        return new Axis(label, Scale.LINEAR, null);
    }

    /** A linear axis with a fixed range. */
    public static Axis linear(String label, double lo, double hi) {
        return new Axis(label, Scale.LINEAR, new Bounds(lo, hi));
    }

    /** A linear axis of whole-number ticks (epochs, trials) fitted to the data. */
    public static Axis count(String label) {
        return new Axis(label, Scale.COUNT, null);
    }

    /** A logarithmic axis of the given scale fitted to the data. */
    public static Axis log(String label, Scale scale) {
        return new Axis(label, scale, null);
    }
}
