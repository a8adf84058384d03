package org.ndsw.ui.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Puts the compare service's messages, written for `ndsw compare`, in the panel's words: a command-line flag becomes
 * the control that does the same, so no message tells a GUI user to pass a flag.
 */
final class CompareMessages {
    private static final Map<String, String> CONTROLS = new LinkedHashMap<>();

    static {
        CONTROLS.put("(--bins-policy merge)", "(Merge empty bins below, or Empty bins: merge)");
        CONTROLS.put("give --range LO,HI", "type the window's bounds or press Fit window to data below");
        CONTROLS.put("name them with NAME=PATH", "remove one of them");
        CONTROLS.put("--range lower bound", "the complexity window's lower bound");
        CONTROLS.put("--range is a complexity window: it needs --normalize params or flops",
                "the complexity window needs Normalize set to params or flops");
        CONTROLS.put("--bins", "Bins k");
        CONTROLS.put("--random-search P", "Random search 2^P");
        CONTROLS.put("--normalize", "Normalize");
        CONTROLS.put("--range", "the complexity window");
    }

    private static final Pattern FLAG = Pattern.compile("(^|\\s|\\()--[a-z][a-z-]*( [A-Z,]+)?");

    private CompareMessages() {}

    /** `message` with every known flag replaced by its control; an unknown flag is dropped rather than shown. */
    static String forGui(String message) {
        if (message == null) {
            return "The comparison failed without a message.";
        }
        String out = message;
        for (Map.Entry<String, String> e : CONTROLS.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return FLAG.matcher(out).replaceAll("$1a setting");
    }

    /**
     * A tick label of the window slider: every tick with the same number of decimals, one more than the tick unit
     * needs (unit 0.025: 0.025, 0.050, 0.075, 0.100), so the last tick does not read "0.10" among "0.025"s.
     */
    static String tickLabel(double v, double unit) {
        int decimals = unit > 0 ? Math.max(0, (int) Math.ceil(-Math.log10(unit) - 1e-9) + 1) : 3;
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }
}
