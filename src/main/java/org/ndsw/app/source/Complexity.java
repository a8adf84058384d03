package org.ndsw.app.source;

/** A complexity measure stored in records as a raw count, and the paper's unit for it (NDS-SPEC.md §6). */
public enum Complexity {
    /** Parameters, compared in millions. */
    PARAMS("params", 1e-6, "M params", 0.856),
    /** Multiply-add flops, compared in billions. */
    FLOPS("flops", 1e-9, "B flops", 0.129);

    private final String field;
    private final double scale;
    private final String unit;
    private final double cifarMax;

    Complexity(String field, double scale, String unit, double cifarMax) {
        this.field = field;
        this.scale = scale;
        this.unit = unit;
        this.cifarMax = cifarMax;
    }

    /** The record field and CSV column holding the raw count. */
    public String field() {
        return field;
    }

    /** Factor from a raw count to the paper's unit (1e-6 for M params, 1e-9 for B flops). */
    public double scale() {
        return scale;
    }

    /** The paper's unit, e.g. "M params". */
    public String unit() {
        return unit;
    }

    /** The paper's CIFAR c_max in this unit: ResNet-56's 0.856 M params / 0.129 B flops (NDS-SPEC.md §2, §6). */
    public double cifarMax() {
        return cifarMax;
    }
}
