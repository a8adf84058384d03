package org.ndsw.app.source;

/** A complexity measure stored in records as a raw count, and the paper's unit for it (docs/reference/analysis.md#units). */
public enum Complexity {
    /** Parameters, compared in millions. */
    PARAMS("params", 1e6, "M params", 0.856),
    /** Multiply-add flops, compared in billions. */
    FLOPS("flops", 1e9, "B flops", 0.129);

    private final String field;
    private final double divisor;
    private final String unit;
    private final double cifarMax;

    Complexity(String field, double divisor, String unit, double cifarMax) {
        this.field = field;
        this.divisor = divisor;
        this.unit = unit;
        this.cifarMax = cifarMax;
    }

    /** The record field and CSV column holding the raw count. */
    public String field() {
        return field;
    }

    /**
     * Converts a raw count to the paper's unit. Divides by 1e6 / 1e9 rather than multiplying by 1e-6 / 1e-9: the
     * division is correctly rounded, so 200,000 params is exactly the double nearest 0.2 and lands in the right bin.
     */
    public double toPaperUnit(double raw) {
        return raw / divisor;
    }

    /** The paper's unit, e.g. "M params". */
    public String unit() {
        return unit;
    }

    /** The paper's CIFAR c_max in this unit: ResNet-56's 0.856 M params / 0.129 B flops (docs/reference/analysis.md). */
    public double cifarMax() {
        return cifarMax;
    }
}
