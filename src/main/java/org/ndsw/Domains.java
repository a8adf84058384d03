package org.ndsw;

import java.util.List;
import java.util.Locale;

/**
 * The domain of every value a user gives NDS Workbench: design space files, `net` JSON, trained-model sets (NDS JSON,
 * JSON Lines, CSV) and command-line numbers. One set of rules, applied at every entry point, so that a value refused
 * in one place is refused everywhere; the table in docs/design-space-format.md ("Domains") lists them with the
 * reason for each limit.
 *
 * <p>The architectural limits are generous on purpose: they cover every CIFAR and ImageNet model of the paper and of
 * pycls (widths up to a few thousand, up to ~100 blocks per stage, up to ~10 stages) many times over, and exist so
 * that complexity stays an exact 64-bit count, sampling and space sizes finish at once, and a typo such as a width of
 * 2147483647 is refused instead of stored.
 */
public final class Domains {
    /** An integer domain [min, max]. */
    public record IntDomain(String what, long min, long max, String reason) {
        /** The value if it lies in the domain, else an error naming the field and the value. */
        public int check(long value, String field) {
            if (value < min || value > max) {
                throw new NdswException(field + " must be " + range() + " (" + reason + "), got " + value);
            }
            return (int) value;
        }

        /** The same check for a long-valued domain. */
        public long checkLong(long value, String field) {
            if (value < min || value > max) {
                throw new NdswException(field + " must be " + range() + " (" + reason + "), got " + value);
            }
            return value;
        }

        /** The interval in words, e.g. "an integer in [1, 1,024]". */
        public String range() {
            return "an integer in [" + fmt(min) + ", " + fmt(max) + "]";
        }

        /** True if the value lies in the domain. */
        public boolean contains(long value) {
            return value >= min && value <= max;
        }
    }

    /** A real domain between min and max, each bound inclusive or not; NaN and infinities are never inside. */
    public record RealDomain(String what, double min, boolean minInclusive, double max, boolean maxInclusive,
            String reason) {
        /** True if the value is finite and lies in the domain. */
        public boolean contains(double v) {
            return Double.isFinite(v) && (minInclusive ? v >= min : v > min) && (maxInclusive ? v <= max : v < max);
        }

        /** The value if it lies in the domain, else an error naming the field and the value. */
        public double check(double value, String field) {
            if (!contains(value)) {
                throw new NdswException(refusal(value, field));
            }
            return value;
        }

        /** The message refusing a value outside the domain, naming the field, for callers that collect problems. */
        public String refusal(double value, String field) {
            return field + " must be " + range() + " (" + reason + "), got " + text(value);
        }

        /** The interval in mathematical notation, e.g. "a number in [0, 100]". */
        public String range() {
            String hi = max == Double.MAX_VALUE ? "∞)" : fmt(max) + (maxInclusive ? "]" : ")");
            return "a finite number in " + (minInclusive ? "[" : "(") + fmt(min) + ", " + hi;
        }
    }

    /** Channels of a conv (stem, stage and bottleneck widths, a cell's initial C). */
    public static final IntDomain WIDTH = new IntDomain("width", 1, 16_384,
            "pycls's widest models have a few thousand channels");
    /** Blocks in one stage. */
    public static final IntDomain STAGE_DEPTH = new IntDomain("stage depth", 1, 1_024,
            "ResNet-1202 has 200 blocks per stage");
    /** Stages after the stem. */
    public static final IntDomain STAGES = new IntDomain("stages", 1, 32,
            "the paper's spaces have 3 stages, pycls's 4");
    /** Stride of a stem or of a stage's first block. */
    public static final IntDomain STRIDE = new IntDomain("stride", 1, 8,
            "every published stage-wise network strides by 1 or 2");
    /** Bottleneck ratio b in a space file (bot_mul = 1/b in a net). */
    public static final IntDomain BOTTLENECK_RATIO = new IntDomain("bottleneck ratio", 1, 64,
            "the paper uses 1, 2 and 4");
    /** Groups of a bottleneck's 3x3 conv. */
    public static final IntDomain GROUPS = new IntDomain("groups", 1, WIDTH.max(),
            "at most one group per channel");
    /** Side of the square input image of a pycls space. */
    public static final IntDomain IMAGE_SIZE = new IntDomain("image size", 1, 4_096,
            "pycls trains at 224 (32 on CIFAR); larger inputs are test-time sizes");
    /** Outputs of a pycls space's final fc layer. */
    public static final IntDomain CLASSES = new IntDomain("classes", 1, 100_000,
            "ImageNet has 1,000 classes, ImageNet-21k about 21,000");
    /** Intermediate nodes of a cell. */
    public static final IntDomain CELL_NODES = new IntDomain("cell nodes", 1, 32,
            "NAS cells have 4 or 5 nodes; the space size grows as ((k+1)!)^4");
    /** Cells of a cell network. */
    public static final IntDomain CELL_DEPTH = new IntDomain("cells", 1, 1_000,
            "DARTS networks have 8 to 20 cells");
    /** Distinct values one list of choices in a space file offers. */
    public static final IntDomain CHOICES = new IntDomain("choices", 1, 4_096,
            "the paper's lists have at most 16 entries");
    /** Characters of a space's name. */
    public static final IntDomain NAME_LENGTH = new IntDomain("name", 1, 100,
            "a name is shown in tables and stored with every sampled model");
    /** Characters of a space's description. */
    public static final IntDomain DESCRIPTION_LENGTH = new IntDomain("description", 0, 2_000,
            "a one-line summary");
    /** Bytes of a design space file. */
    public static final IntDomain SPACE_FILE_BYTES = new IntDomain("file size", 0, 1 << 20,
            "the paper's largest space file is under 2 KB");
    /** Nesting depth of JSON in space files and net JSON. */
    public static final IntDomain JSON_DEPTH = new IntDomain("JSON nesting", 0, 64,
            "the formats nest at most 5 levels");

    /** bot_muls of a bottleneck net: w_b = round(w * bot_mul). */
    public static final RealDomain BOT_MUL = new RealDomain("bot_mul", 0, false, 64, true,
            "the paper uses 1/4, 1/2 and 1");
    /** drop_prob of a cell net (DARTS drop-path). */
    public static final RealDomain DROP_PROB = new RealDomain("drop_prob", 0, true, 1, false,
            "a probability; 1 would drop every path");
    /** A top-1 error in percent, as in the released data. */
    public static final RealDomain ERROR = new RealDomain("error", 0, true, 100, true, "a top-1 error in %");
    /** A raw params, flops or acts count of a trained model. */
    public static final RealDomain COUNT = new RealDomain("count", 0, true, 9.2e18, true,
            "a raw count of params, flops or acts");

    /** Models a single `ndsw sample` or `ndsw sweep create` draws. */
    public static final IntDomain MODELS = new IntDomain("models", 1, 10_000_000,
            "the released data has 100,000+ models; sampled models are held in memory");
    /** Training epochs. */
    public static final IntDomain EPOCHS = new IntDomain("epochs", 1, 10_000, "the paper trains 10 to 100 epochs");
    /** Training or test batch size. */
    public static final IntDomain BATCH = new IntDomain("batch size", 1, 65_536,
            "the paper uses 128; a batch must fit in memory");
    /** Engine threads or parallel workers. */
    public static final IntDomain THREADS = new IntDomain("threads", 1, 1_024, "more than any machine has cores");

    /** Every domain, in the order of the table in docs/design-space-format.md. */
    public static final List<Object> ALL = List.of(WIDTH, STAGE_DEPTH, STAGES, STRIDE, BOTTLENECK_RATIO, GROUPS,
            IMAGE_SIZE, CLASSES, CELL_NODES, CELL_DEPTH, CHOICES, NAME_LENGTH, DESCRIPTION_LENGTH, SPACE_FILE_BYTES, JSON_DEPTH, BOT_MUL,
            DROP_PROB, ERROR, COUNT, MODELS, EPOCHS, BATCH, THREADS);

    private Domains() {}

    /** A top-1 error in % from a data set; NaN (missing) passes through, anything else outside [0, 100] is refused. */
    public static double error(double value, String where) {
        return Double.isNaN(value) ? value : ERROR.check(value, where);
    }

    /** A raw complexity count from a data set; NaN (missing) passes through, negatives and infinities are refused. */
    public static double count(double value, String where) {
        return Double.isNaN(value) ? value : COUNT.check(value, where);
    }

    /** A string of at most `domain.max()` characters (and at least `domain.min()`), quoted when refused. */
    public static String text(String value, IntDomain length, String field) {
        if (value.length() < length.min() || value.length() > length.max()) {
            throw new NdswException(field + " must have " + fmt(length.min()) + " to " + fmt(length.max())
                    + " characters (" + length.reason() + "), got " + value.length() + ": " + Quote.of(value));
        }
        return value;
    }

    static String fmt(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
                : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String text(double v) {
        return Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? (v > 0 ? "Infinity" : "-Infinity") : Double.toString(v);
    }
}
