package org.ndsw.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes synthetic files in the released NDS format (docs/reference/nds-json.md): records with params / flops as raw counts,
 * min_test_top1, per-epoch curves and Python's bare NaN tokens. Errors fall with log complexity; {@code offset}
 * makes a space worse (positive) or better.
 */
public final class NdsFixtures {
    private NdsFixtures() {}

    /** One synthetic model. */
    public record Model(long params, long flops, double best, double[] testCurve) {}

    /** Draws model i of a space: params log-uniform over [0.01, 2.5] M, flops ≈ 150 flops per param. */
    public static Model model(SplittableRandom rng, double offset, int epochs) {
        double paramsM = 0.01 * Math.pow(250, rng.nextDouble());
        double noise = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        double best = (6.5 + offset - 2.5 * Math.log10(paramsM)) * Math.exp(0.12 * noise);
        double[] curve = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            curve[e] = best + 40 * Math.exp(-6.0 * e / Math.max(1, epochs - 1)) + 0.3 * rng.nextDouble();
        }
        if (epochs > 0) {
            curve[epochs - 1] = best + 0.2;
        }
        long params = Math.round(paramsM * 1e6);
        long flops = Math.round(params * (140 + 20 * rng.nextDouble()));
        return new Model(params, flops, best, curve);
    }

    /** Writes an NDS JSON list of n records. */
    public static Path writeList(Path file, int n, double offset, long seed, int epochs) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SplittableRandom rng = new SplittableRandom(seed);
            w.write("[");
            for (int i = 0; i < n; i++) {
                w.write(i == 0 ? "" : ", ");
                w.write(record(i, model(rng, offset, epochs)));
            }
            w.write("]");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes the reruns form {"top": [...], "mid": [...]}, with a worse "mid" group. */
    public static Path writeReruns(Path file, int nTop, int nMid, long seed) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SplittableRandom rng = new SplittableRandom(seed);
            w.write("{\"top\": [");
            for (int i = 0; i < nTop; i++) {
                w.write((i == 0 ? "" : ", ") + record(i, model(rng, -1, 5)));
            }
            w.write("], \"mid\": [");
            for (int i = 0; i < nMid; i++) {
                w.write((i == 0 ? "" : ", ") + record(i, model(rng, 2, 5)));
            }
            w.write("]}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** One record as Python's json.dumps writes it, including a bare NaN in train_ep_loss. */
    public static String record(int id, Model m) {
        StringBuilder curve = new StringBuilder("[");
        StringBuilder loss = new StringBuilder("[");
        for (int e = 0; e < m.testCurve().length; e++) {
            curve.append(e == 0 ? "" : ", ").append(num(m.testCurve()[e]));
            loss.append(e == 0 ? "" : ", ").append(e == 1 ? "NaN" : num(2.3 / (e + 1)));
        }
        curve.append(']');
        loss.append(']');
        return "{\"job_id\": " + id + ", \"rng_seed\": 1, \"params\": " + m.params() + ", \"flops\": " + m.flops()
                + ", \"net\": {\"block_type\": \"res_basic_block\", \"ds\": [1, 2, 3, 4], \"ws\": [16, 32, 64, 128],"
                + " \"ss\": [1, 1, 2, 2]}, \"optim\": {\"base_lr\": 0.1, \"wd\": 0.0005, \"max_ep\": "
                + m.testCurve().length + "}, \"min_test_top1\": " + num(m.best()) + ", \"test_ep_top1\": " + curve
                + ", \"train_ep_loss\": " + loss + ", \"prec_time\": {\"mean\": 0.01}, \"act_mem\": 0.5}";
    }

    /** A number as the fixtures write it (4 decimals). */
    public static String num(double v) {
        long scaled = Math.round(Math.abs(v) * 10_000);
        String frac = Long.toString(10_000 + scaled % 10_000).substring(1);
        return (v < 0 ? "-" : "") + scaled / 10_000 + "." + frac;
    }
}
