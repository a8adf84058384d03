package org.ndsw.catalog.nds;

import java.util.List;
import java.util.StringJoiner;

/** Hand-written NDS records for tests, formatted as Python's json.dump writes them (", " and ": "). */
public final class Records {
    /** ResNet-56 (docs/reference/complexity.md): flops 128,471,690, params 855,770. */
    public static final String R56_NET = "{\"block_type\": \"res_basic_block\", \"ds\": [1, 9, 9, 9], \"ws\": [16, 16, 32, 64],"
            + " \"ss\": [1, 1, 2, 2]}";

    private Records() {}

    /** A valid ResNet-56 record with error `err`, seed `seed` and 5-epoch curves ending at `err`. */
    public static String resnet56(double err, long seed) {
        return "{\"job_id\": " + seed + ", \"rng_seed\": " + seed + ", \"params\": 855770, \"flops\": 128471690, \"net\": "
                + R56_NET + ", \"optim\": {\"base_lr\": 0.1, \"wd\": 0.0005, \"max_ep\": 5, \"nesterov\": true},"
                + " \"min_test_top1\": " + err + ", \"test_ep_top1\": [60.5, 30.25, 12.0, " + (err + 0.5) + ", " + err + "],"
                + " \"train_ep_top1\": [70.0, 20.0, 8.0, 4.0, 2.0], \"train_ep_loss\": [2.1, NaN, 0.5, 0.2, 0.1],"
                + " \"train_it_loss\": [2.3, 1.0e-05, 1E+2], \"train_it_top1\": [90.0, 80.0, 70.0],"
                + " \"iter_time\": 0.0312, \"prec_time\": {\"train_fw_bw_time\": 0.05}, \"act_mem\": 1.5, \"exp_mem\": 2.25}";
    }

    /** A JSON list of records. */
    public static String list(List<String> records) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        records.forEach(j::add);
        return j.toString();
    }

    /** `n` valid ResNet-56 records with errors 5.00, 5.01, ... */
    public static List<String> many(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> resnet56(5 + i / 100.0, i)).toList();
    }
}
