package org.ndsw.app.space;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.space.Constraints;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.SpaceFiles;
import org.ndsw.space.StageSpace;

/**
 * Refining a space, shared by the GUI's "Refine space…" and {@code ndsw space refine}: turns a good range or a picked
 * constraint into the constraints section of a child space (docs/design-space-format.md#constraints), builds the
 * child with its parent recorded, counts it exactly and writes it atomically, never over an existing file unless told.
 */
public final class Refinement {
    /** A per-stage parameter of the analysis, e.g. {@code net.ds[2]}: the hyperparameter and its stage. */
    private static final Pattern STAGE_PARAM = Pattern.compile("net\\.(ds|ws|bot_muls|num_gs)\\[(\\d+)]");

    /** The relations the user can pick, as menu labels and their constraint. */
    public enum Relation {
        /** All b_i equal. */
        SHARED_B("shared bottleneck ratio b", Constraints.Param.BOTTLENECK_RATIO, Constraints.Kind.SHARED),
        /** All g_i equal. */
        SHARED_G("shared groups g", Constraints.Param.GROUPS, Constraints.Kind.SHARED),
        /** w_{i+1} >= w_i. */
        WIDTHS("non-decreasing widths", Constraints.Param.WIDTH, Constraints.Kind.NON_DECREASING),
        /** d_{i+1} >= d_i. */
        DEPTHS("non-decreasing depths", Constraints.Param.DEPTH, Constraints.Kind.NON_DECREASING);

        private final String label;
        private final Constraints.Param param;
        private final Constraints.Kind kind;

        Relation(String label, Constraints.Param param, Constraints.Kind kind) {
            this.label = label;
            this.param = param;
            this.kind = kind;
        }

        /** The constraint. */
        public Constraints.Relation relation() {
            return new Constraints.Relation(param, kind);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The written child: its file, its space and its exact size. */
    public record Child(Path file, StageSpace space, BigInteger size) {}

    private Refinement() {}

    /** The folder of user spaces, where the GUI lists them and a child goes by default: ~/.ndsw/spaces. */
    public static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), ".ndsw", "spaces");
    }

    /** The hyperparameter a per-stage analysis parameter names, or null for a derived one (d, w, params, …). */
    public static Constraints.Param param(String parameter) {
        Matcher m = STAGE_PARAM.matcher(parameter);
        if (!m.matches()) {
            return null;
        }
        return switch (m.group(1)) {
            case "ds" -> Constraints.Param.DEPTH;
            case "ws" -> Constraints.Param.WIDTH;
            case "bot_muls" -> Constraints.Param.BOTTLENECK_RATIO;
            default -> Constraints.Param.GROUPS;
        };
    }

    /**
     * The value rule keeping a parameter's good range [lo, hi]: {@code net.ds[i]}, {@code net.ws[i]} and
     * {@code net.num_gs[i]} directly, {@code net.bot_muls[i]} as the ratio b = 1/bot_mul. Derived parameters (d, w,
     * params, flops, …) are no field of a space and are refused with a message saying what to pick instead.
     */
    public static Constraints.ValueRule rule(String parameter, double lo, double hi) {
        Constraints.Param p = param(parameter);
        if (p == null) {
            throw new NdswException("parameter " + Quote.of(parameter) + " is derived from the stages, not a field of"
                    + " the space: refine by a per-stage parameter (net.ds[i], net.ws[i], net.bot_muls[i],"
                    + " net.num_gs[i]) or pick a constraint");
        }
        Matcher m = STAGE_PARAM.matcher(parameter);
        m.matches();
        int stage = Integer.parseInt(m.group(2));
        if (stage < 1) {
            throw new NdswException("parameter " + Quote.of(parameter) + " is the stem, which a space fixes");
        }
        double min = lo;
        double max = hi;
        if (p == Constraints.Param.BOTTLENECK_RATIO) {
            min = 1 / hi;
            max = 1 / lo;
        }
        return new Constraints.ValueRule(p, new int[] {stage}, (int) Math.ceil(min - 1e-9),
                (int) Math.floor(max + 1e-9), new int[0]);
    }

    /**
     * The child of a stage-wise space: the parent's stages and constraints plus the added ones, named `name`, with
     * the parent's name recorded. Fails with a clear message when the constraints leave a stage no value.
     */
    public static StageSpace child(DesignSpace parent, String name, List<Constraints.ValueRule> values,
            List<Constraints.Relation> relations) {
        if (!(parent instanceof StageSpace p)) {
            throw new NdswException("space " + Quote.of(parent.name()) + " is a cell space; constraints apply to"
                    + " stage-wise spaces only");
        }
        if (name == null || name.isBlank()) {
            throw new NdswException("the child space needs a name");
        }
        int n = p.stages().size();
        for (Constraints.ValueRule rule : values) {
            for (int stage : rule.stages()) {
                if (stage < 1 || stage > n) {
                    throw new NdswException("a " + rule.param().fileName() + " rule names stage " + stage + ", but "
                            + Quote.of(p.name()) + " has stages 1 to " + n);
                }
            }
        }
        List<Constraints.ValueRule> v = new ArrayList<>(p.constraints().values());
        v.addAll(values);
        List<Constraints.Relation> r = new ArrayList<>(p.constraints().relations());
        for (Constraints.Relation rel : relations) {
            if (!r.contains(rel)) {
                r.add(rel);
            }
        }
        String description = "Refined from " + p.name() + ": " + describe(values, relations);
        return new StageSpace(name.trim(), description, p.blockType(), p.stemWidth(), p.stemStride(), p.stages(),
                p.name(), new Constraints(v, r), p.pycls());
    }

    /**
     * Writes the child (atomically) and returns it with its exact size. An existing file is replaced only when
     * `replace` is true (the user was asked); otherwise the write is refused and the file left as it was.
     */
    public static Child write(StageSpace child, Path file, boolean replace) {
        if (!replace && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NdswException(file + ": a file of that name exists; it was left as it was (choose another"
                    + " name, or replace it)");
        }
        BigInteger size = child.size();
        SpaceFiles.write(child, file);
        return new Child(file, child, size);
    }

    /** The constraints in words, e.g. "depth of stage 2 in [1, 4]; non_decreasing width". */
    public static String describe(List<Constraints.ValueRule> values, List<Constraints.Relation> relations) {
        List<String> parts = new ArrayList<>();
        for (Constraints.ValueRule r : values) {
            String where = r.stages().length == 0 ? "" : " of stage " + join(r.stages());
            String range = r.in().length > 0 ? " in {" + join(r.in()) + "}"
                    : String.format(Locale.ROOT, " in [%s, %s]", r.min() == null ? "-" : r.min(),
                            r.max() == null ? "-" : r.max());
            parts.add(r.param().fileName() + where + range);
        }
        relations.forEach(r -> parts.add(r.kind().fileName() + " " + r.param().fileName()));
        return parts.isEmpty() ? "no constraint" : String.join("; ", parts);
    }

    private static String join(int[] values) {
        return String.join(", ", java.util.Arrays.stream(values).mapToObj(Integer::toString).toList());
    }
}
