package org.ndsw.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The named fields of a query. Errors are top-1 errors in %; flops and params are those recorded by the sweep. */
public enum Column implements QueryField {
    SWEEP("sweep", "s.name", Kind.TEXT),
    SPACE("space", "s.space", Kind.TEXT),
    DATASET("dataset", "s.dataset", Kind.TEXT),
    STATUS("status", "r.status", Kind.TEXT),
    ERROR("error", "r.error", Kind.NUMBER),
    FINAL_ERROR("final_error", "r.final_error", Kind.NUMBER),
    FLOPS("flops", "r.flops", Kind.NUMBER),
    PARAMS("params", "r.params", Kind.NUMBER),
    ACTS("acts", "m.acts", Kind.NUMBER),
    CIFAR_FLOPS("cifar_flops", "m.flops", Kind.NUMBER),
    CIFAR_PARAMS("cifar_params", "m.params", Kind.NUMBER),
    SEED("seed", "r.seed", Kind.NUMBER),
    EPOCHS("epochs", "r.epochs", Kind.NUMBER),
    BASE_LR("base_lr", "r.base_lr", Kind.NUMBER),
    WD("wd", "r.wd", Kind.NUMBER),
    MAX_EP("max_ep", "r.max_ep", Kind.NUMBER),
    FAMILY("family", "m.family", Kind.TEXT),
    BLOCK_TYPE("block_type", "m.block_type", Kind.TEXT),
    MODEL("model", "m.hash", Kind.HASH),
    NORMAL_OPS("normal_ops", "m.ops_normal", Kind.OPS),
    REDUCE_OPS("reduce_ops", "m.ops_reduce", Kind.OPS),
    ENGINE("engine", "r.engine", Kind.TEXT),
    HOST("host", "r.host", Kind.TEXT),
    SEQ("seq", "r.seq", Kind.NUMBER),
    RUN("run", "r.id", Kind.NUMBER);

    private final String label;
    private final String sql;
    private final Kind kind;

    Column(String label, String sql, Kind kind) {
        this.label = label;
        this.sql = sql;
        this.kind = kind;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** The column of this label, if any. */
    public static Optional<Column> byLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
    }
}
