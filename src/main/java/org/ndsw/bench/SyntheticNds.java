package org.ndsw.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.SplittableRandom;
import org.ndsw.NdswException;
import org.ndsw.catalog.nds.NdsJson;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Complexity;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.Window;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.SpecJson;

/**
 * Writes NDS-format files (docs/reference/nds-json.md) of real networks with synthetic training results, deterministically.
 *
 * <p>Nets are drawn with the space's sampler and carry their exact flops and params (nds convention), so imports
 * verify cleanly. Errors and curves are SYNTHETIC: plausible shapes (error falling with params, cosine-like training
 * curves, an occasional NaN loss as Python writes it), not measurements. They serve benchmarks, tests and samples.
 */
public final class SyntheticNds {
    private SyntheticNds() {}

    /**
     * What to write.
     *
     * @param records records per group
     * @param groups group names for a grouped file ({"top": [...], "mid": [...]}); empty for a list file
     * @param epochs length of the per-epoch curves (100 in the NDS data)
     * @param iterValues length of each per-iteration list (train_it_loss, train_it_top1)
     * @param decimals digits kept after the point; negative keeps float32 values printed in full, as pycls wrote them
     * @param rngSeed the `rng_seed` written into every record
     * @param window only models within these params and flops are kept (drawn by rejection, as the NDS data was)
     */
    public record Options(int records, List<String> groups, int epochs, int iterValues, int decimals, long rngSeed,
            Window window) {
        /** Bounds on drawing: a window no model of the space fits must fail, not hang. */
        static final int MAX_DRAWS_PER_RECORD = 10_000;

        /** Copies the groups. */
        public Options {
            groups = List.copyOf(groups);
            window = window == null ? Window.NONE : window;
        }

        /** Options without a complexity window. */
        public Options(int records, List<String> groups, int epochs, int iterValues, int decimals, long rngSeed) {
            this(records, groups, epochs, iterValues, decimals, rngSeed, Window.NONE);
        }

        /** Realistic records: 100 epochs, 200 logged iterations, full float32 precision. */
        public static Options realistic(int records) {
            return new Options(records, List.of(), 100, 200, -1, 1);
        }
    }

    /** Writes a file of `o.records()` models of `space` drawn with `seed`. */
    public static void write(DesignSpace space, Options o, long seed, OutputStream out) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        try (JsonGenerator g = NdsJson.MAPPER.createGenerator(out)) {
            if (o.groups().isEmpty()) {
                list(g, space, o, rng, 0);
            } else {
                g.writeStartObject();
                int job = 0;
                for (String group : o.groups()) {
                    g.writeFieldName(group);
                    list(g, space, o, rng, job);
                    job += o.records();
                }
                g.writeEndObject();
            }
            g.writeRaw('\n');
        }
    }

    private static void list(JsonGenerator g, DesignSpace space, Options o, SplittableRandom rng, int firstJob)
            throws IOException {
        g.writeStartArray();
        for (int i = 0; i < o.records(); i++) {
            record(g, draw(space, o.window(), rng), firstJob + i, space.name(), o, rng);
        }
        g.writeEndArray();
    }

    private static ModelSpec draw(DesignSpace space, Window window, SplittableRandom rng) {
        for (int i = 0; i < Options.MAX_DRAWS_PER_RECORD; i++) {
            ModelSpec spec = space.sample(rng);
            if (!window.isBounded() || window.contains(Complexities.cifar(spec, Convention.NDS))) {
                return spec;
            }
        }
        throw new NdswException("drew " + Options.MAX_DRAWS_PER_RECORD + " models of " + space.name()
                + " and none fit the window " + window + "; widen it");
    }

    private static void record(JsonGenerator g, ModelSpec spec, int job, String space, Options o, SplittableRandom rng)
            throws IOException {
        Complexity c = Complexities.cifar(spec, Convention.NDS);
        double[] test = testCurve(finalError(c.params(), space, rng), o.epochs(), rng);
        g.writeStartObject();
        g.writeNumberField("job_id", job);
        g.writeNumberField("rng_seed", o.rngSeed());
        g.writeNumberField("params", c.params());
        g.writeNumberField("flops", c.flops());
        g.writeFieldName("net");
        g.writeTree(SpecJson.toJson(spec));
        optim(g, o.epochs());
        g.writeFieldName("min_test_top1");
        number(g, min(test), o.decimals());
        curve(g, "test_ep_top1", test, o.decimals());
        curve(g, "train_ep_top1", shifted(test, -0.4, rng), o.decimals());
        curve(g, "train_ep_loss", loss(o.epochs(), rng), o.decimals());
        curve(g, "train_it_loss", stretch(loss(o.epochs(), rng), o.iterValues(), rng), o.decimals());
        curve(g, "train_it_top1", stretch(shifted(test, -0.3, rng), o.iterValues(), rng), o.decimals());
        g.writeFieldName("iter_time");
        number(g, 0.02 + 0.1 * rng.nextDouble(), o.decimals());
        g.writeObjectFieldStart("prec_time");
        g.writeFieldName("test_fw_time");
        number(g, 0.01 + 0.02 * rng.nextDouble(), o.decimals());
        g.writeFieldName("train_fw_bw_time");
        number(g, 0.03 + 0.06 * rng.nextDouble(), o.decimals());
        g.writeEndObject();
        g.writeNumberField("act_mem", Math.round(c.acts() * 4 * 128 / 1e6 * 100) / 100.0);
        g.writeNumberField("exp_mem", Math.round((c.acts() * 4 * 128 + c.params() * 16) / 1e6 * 100) / 100.0);
        g.writeEndObject();
    }

    private static void optim(JsonGenerator g, int epochs) throws IOException {
        g.writeObjectFieldStart("optim");
        g.writeNumberField("base_lr", 0.1);
        g.writeStringField("lr_policy", "cos");
        g.writeNumberField("max_ep", epochs);
        g.writeNumberField("momentum", 0.9);
        g.writeBooleanField("nesterov", true);
        g.writeNumberField("wd", 0.0005);
        g.writeEndObject();
    }

    /**
     * A synthetic final error in %: lower for bigger models, plain (Vanilla) nets worse and more spread, roughly the
     * ranges of the paper's CIFAR figures (about 5-12% for small residual nets). Not a measurement.
     */
    private static double finalError(long params, String space, SplittableRandom rng) {
        boolean plain = space.equalsIgnoreCase("Vanilla");
        double shrink = Math.pow(params / 1e5, -0.5);
        double e = plain ? 5.5 + 5.0 * shrink + rng.nextGaussian() * 1.0 : 3.5 + 4.0 * shrink + rng.nextGaussian() * 0.6;
        return Math.max(2.5, Math.min(85.0, e));
    }

    private static double[] testCurve(double last, int epochs, SplittableRandom rng) {
        double[] c = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            double t = (e + 1.0) / epochs;
            c[e] = clamp(last + (70.0 - last) * Math.exp(-6.0 * t) + rng.nextGaussian() * 0.8 * (1.0 - t) + 0.05 * rng.nextDouble());
        }
        return c;
    }

    private static double[] shifted(double[] c, double factor, SplittableRandom rng) {
        double[] s = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            s[i] = clamp(c[i] * (1.0 + factor * (i + 1.0) / c.length) + rng.nextGaussian() * 0.2);
        }
        return s;
    }

    private static double[] loss(int epochs, SplittableRandom rng) {
        double[] l = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            l[e] = 0.02 + 2.0 * Math.exp(-5.0 * (e + 1.0) / epochs) + 0.02 * rng.nextDouble();
        }
        if (epochs > 0 && rng.nextInt(100) == 0) {
            l[rng.nextInt(epochs)] = Double.NaN;
        }
        return l;
    }

    private static double[] stretch(double[] c, int n, SplittableRandom rng) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double v = c[Math.min(c.length - 1, (int) ((long) i * c.length / Math.max(n, 1)))];
            s[i] = Double.isNaN(v) ? v : Math.max(0.0, v * (1.0 + 0.05 * rng.nextGaussian()));
        }
        return s;
    }

    private static void curve(JsonGenerator g, String name, double[] values, int decimals) throws IOException {
        g.writeArrayFieldStart(name);
        for (double v : values) {
            number(g, v, decimals);
        }
        g.writeEndArray();
    }

    /** Writes a value as pycls did (a float32 widened to double) or rounded to `decimals` digits. */
    private static void number(JsonGenerator g, double v, int decimals) throws IOException {
        if (Double.isNaN(v) || decimals < 0) {
            g.writeNumber(Double.isNaN(v) ? v : (double) (float) v);
        } else {
            double scale = Math.pow(10, decimals);
            g.writeNumber(Math.round(v * scale) / scale);
        }
    }

    private static double clamp(double e) {
        return Math.max(0.0, Math.min(100.0, e));
    }

    private static double min(double[] c) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : c) {
            m = Math.min(m, v);
        }
        return m;
    }
}
