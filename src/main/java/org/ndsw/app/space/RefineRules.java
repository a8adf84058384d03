package org.ndsw.app.space;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.space.Constraints;

/**
 * The value rules of {@code ndsw space refine} as typed: {@code PARAM=LO:HI} (either end may be left out) and
 * {@code PARAM=a,b,c}. PARAM is a stage field of a space file with an optional stage list, {@code depth},
 * {@code width[2]}, {@code groups[1,3]} ({@code group_width} reads as {@code groups}; no list: every stage), or a
 * per-stage parameter of {@code ndsw analyze}: {@code net.ds[i]}, {@code net.ws[i]}, {@code net.num_gs[i]} and
 * {@code net.bot_muls[i]}, whose values are bottleneck multipliers 1/b and become ratios b. Errors name the option and
 * the value.
 */
public final class RefineRules {
    private static final Pattern FIELD = Pattern.compile("([a-z_]+)(?:\\[([0-9, ]*)])?");
    private static final Pattern NET = Pattern.compile("net\\.(ds|ws|bot_muls|num_gs)\\[(\\d+)]");
    private static final double EPS = 1e-9;
    /** Parameters of {@code ndsw analyze} that are no field of a space. */
    private static final java.util.Set<String> DERIVED = java.util.Set.of("d", "w", "params", "flops", "acts", "lr",
            "wd");

    private RefineRules() {}

    /** The rule of {@code PARAM=LO:HI}, typed after option `option`. */
    public static Constraints.ValueRule range(String spec, String option) {
        String[] kv = split(spec, option, "PARAM=LO:HI");
        int colon = kv[1].indexOf(':');
        if (colon < 0 || kv[1].indexOf(':', colon + 1) >= 0) {
            throw bad(option, spec, "the range must be LO:HI (one end may be left out: LO: or :HI)");
        }
        Double lo = number(kv[1].substring(0, colon).trim(), option, spec);
        Double hi = number(kv[1].substring(colon + 1).trim(), option, spec);
        if (lo == null && hi == null) {
            throw bad(option, spec, "give at least one end of the range");
        }
        if (lo != null && hi != null && lo > hi) {
            throw bad(option, spec, "LO is above HI");
        }
        Target t = target(kv[0], option, spec);
        if (t.multiplier()) {
            if (lo != null && lo <= 0 || hi != null && hi <= 0) {
                throw bad(option, spec, "bottleneck multipliers are positive");
            }
            Integer min = hi == null ? null : (int) Math.ceil(1 / hi - EPS);
            Integer max = lo == null ? null : (int) Math.floor(1 / lo + EPS);
            return new Constraints.ValueRule(t.param(), t.stages(), min, max, new int[0]);
        }
        if (!t.analysis() && (!whole(lo) || !whole(hi))) {
            throw bad(option, spec, "the values of " + t.param().fileName() + " are whole numbers");
        }
        Integer min = lo == null ? null : (int) Math.ceil(lo - EPS);
        Integer max = hi == null ? null : (int) Math.floor(hi + EPS);
        return new Constraints.ValueRule(t.param(), t.stages(), min, max, new int[0]);
    }

    /** The rule of {@code PARAM=a,b,c}, typed after option `option`. */
    public static Constraints.ValueRule values(String spec, String option) {
        String[] kv = split(spec, option, "PARAM=a,b,c");
        Target t = target(kv[0], option, spec);
        String[] parts = kv[1].split(",");
        int[] in = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Double v = number(parts[i].trim(), option, spec);
            if (v == null) {
                throw bad(option, spec, "an empty value in the list");
            }
            double x = v;
            if (t.multiplier()) {
                if (x <= 0) {
                    throw bad(option, spec, "bottleneck multipliers are positive");
                }
                x = 1 / x;
            }
            if (!whole(x)) {
                throw bad(option, spec, t.multiplier() ? "a multiplier " + parts[i].trim() + " is no ratio 1/b of"
                        + " a whole b" : "the values of " + t.param().fileName() + " are whole numbers");
            }
            in[i] = (int) Math.round(x);
        }
        return new Constraints.ValueRule(t.param(), t.stages(), null, null, in);
    }

    /** A constrained field, its stages, and whether it was named as an analysis parameter (and as 1/b). */
    private record Target(Constraints.Param param, int[] stages, boolean analysis, boolean multiplier) {}

    private static Target target(String name, String option, String spec) {
        Matcher net = NET.matcher(name);
        if (net.matches()) {
            Constraints.Param p = Refinement.param(name);
            int stage = Integer.parseInt(net.group(2));
            if (stage < 1) {
                throw bad(option, spec, name + " is the stem, which a space fixes");
            }
            return new Target(p, new int[] {stage}, true, p == Constraints.Param.BOTTLENECK_RATIO);
        }
        Matcher f = FIELD.matcher(name);
        if (!f.matches() || name.startsWith("net")) {
            throw bad(option, spec, "PARAM must be depth, width, bottleneck_ratio, groups or group_width (with an"
                    + " optional stage list such as depth[1,2]), or net.ds[i], net.ws[i], net.bot_muls[i] or"
                    + " net.num_gs[i]");
        }
        Constraints.Param p;
        try {
            p = Constraints.Param.parse(f.group(1), "PARAM");
        } catch (NdswException e) {
            if (DERIVED.contains(f.group(1))) {
                throw bad(option, spec, "parameter " + Quote.of(name) + " is derived from the stages or the"
                        + " training, not a field of the space: refine by depth, width, bottleneck_ratio, groups or a"
                        + " per-stage parameter (net.ds[i], net.ws[i], net.bot_muls[i], net.num_gs[i])");
            }
            throw bad(option, spec, e.getMessage() + " (or net.ds[i], net.ws[i], net.bot_muls[i], net.num_gs[i])");
        }
        int[] stages = new int[0];
        if (f.group(2) != null) {
            try {
                stages = Arrays.stream(f.group(2).split("[, ]+")).filter(s -> !s.isEmpty())
                        .mapToInt(Integer::parseInt).toArray();
            } catch (NumberFormatException e) {
                throw bad(option, spec, "stages are whole numbers");
            }
            if (stages.length == 0 || Arrays.stream(stages).anyMatch(s -> s < 1)) {
                throw bad(option, spec, "the stage list names stages from 1 (0 is the stem)");
            }
        }
        return new Target(p, stages, false, false);
    }

    private static String[] split(String spec, String option, String form) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw bad(option, spec, "expected " + form);
        }
        return new String[] {spec.substring(0, eq).trim(), spec.substring(eq + 1).trim()};
    }

    private static Double number(String text, String option, String spec) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw bad(option, spec, Quote.of(text) + " is out of range");
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(option, spec, Quote.of(text) + " is not a number");
        }
    }

    private static boolean whole(Double v) {
        return v == null || Math.abs(v - Math.rint(v)) < EPS;
    }

    private static NdswException bad(String option, String spec, String why) {
        return new NdswException(option + " " + Quote.of(spec) + ": " + why);
    }
}
