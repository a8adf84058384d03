package org.ndsw.ui.spaces;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a space file's validation message in the editor's own words: the field path it starts with becomes the label
 * the editor shows ("stages[2].groups" becomes "Stage 3, Groups"), and other file field names read as words.
 */
final class SpaceMessages {
    private static final Pattern STAGE = Pattern.compile("stages\\[(\\d+)\\]\\.?");
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("name", "Name"),
            Map.entry("description", "Description"), Map.entry("family", "Family"),
            Map.entry("block_type", "Block type"), Map.entry("stem.width", "Stem width"),
            Map.entry("stem.stride", "Stem stride"), Map.entry("stem", "Stem"), Map.entry("stages", "Stages"),
            Map.entry("stride", "Stride"), Map.entry("depth", "Depth"), Map.entry("width", "Width"),
            Map.entry("bottleneck_ratio", "Bottleneck ratio"), Map.entry("groups", "Groups"), Map.entry("ops", "Ops"),
            Map.entry("nodes", "Nodes"), Map.entry("output", "Output"), Map.entry("regnet.depth", "Depth d"),
            Map.entry("regnet.w0", "Initial width w0"), Map.entry("regnet.wa", "Slope wa"),
            Map.entry("regnet.wm", "Width multiplier wm"), Map.entry("regnet.group_width", "Group width g"),
            Map.entry("regnet.bot_mul", "Bottleneck multiplier b"), Map.entry("regnet.se_ratio", "SE ratio"),
            Map.entry("regnet.stem_width", "Stem width"), Map.entry("regnet.num_stages", "Stages"),
            Map.entry("pycls.im_size", "Image size"), Map.entry("pycls.num_classes", "Classes"),
            Map.entry("constraints", "Constraints"));

    private SpaceMessages() {}

    /** `message` (starting with the field path `field`, or "" for none) in the editor's words. */
    static String forUi(String message, String field) {
        String rest = message;
        String label = "";
        if (!field.isEmpty() && message.startsWith(field)) {
            rest = message.substring(field.length()).trim();
            label = label(field) + ": ";
        }
        return label + words(rest).replace("must be [min, max] with", "must be a range with");
    }

    /** The editor's label of a field path: "stages[0].groups" is "Stage 1, Groups", "width[3]" is "Width". */
    static String label(String field) {
        Matcher m = STAGE.matcher(field);
        if (m.lookingAt()) {
            String stage = "Stage " + (Integer.parseInt(m.group(1)) + 1);
            String inner = field.substring(m.end());
            return inner.isEmpty() ? stage : stage + ", " + label(inner);
        }
        String plain = field.replaceAll("\\[\\d+\\]$", "");
        return LABELS.getOrDefault(plain, plain.replace('_', ' '));
    }

    /** Field names inside a message as words: "stages[2]" reads "Stage 3", "bottleneck_ratio" "bottleneck ratio". */
    private static String words(String text) {
        Matcher m = Pattern.compile("stages\\[(\\d+)\\]").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "Stage " + (Integer.parseInt(m.group(1)) + 1));
        }
        m.appendTail(out);
        return out.toString().replace("bottleneck_ratio", "bottleneck ratio").replace("block_type", "block type");
    }

    /** The exact size as text (an upper bound for RegNet spaces, said so). */
    static String sizeOf(org.ndsw.space.DesignSpace s) {
        java.text.NumberFormat nf = java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT);
        nf.setGroupingUsed(true);
        String text = nf.format(s.size()) + " models";
        if (s instanceof org.ndsw.space.RegNetSpace) {
            return "at most " + nf.format(s.size()) + " settings (d, w0, wa, wm, g, b): an upper bound, counted before"
                    + " settings that do not generate the stage count are drawn again";
        }
        if (s instanceof org.ndsw.space.CellSpace c) {
            text += " (" + nf.format(c.cells()) + " distinct cells of one type)";
        }
        return text;
    }

    /** The example model and its complexity as text. */
    static String exampleOf(org.ndsw.app.space.SpacePreview.Result r) {
        java.text.NumberFormat nf = java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT);
        // A space after each comma, so the text area wraps between values, never inside a number or a name.
        String json = org.ndsw.space.SpecJson.canonical(r.example()).replaceAll(",(?=[\"\\[{0-9-])", ", ");
        return json + "\n\nflops " + nf.format(r.exampleComplexity().flops()) + "   params "
                + nf.format(r.exampleComplexity().params()) + "   acts " + nf.format(r.exampleComplexity().acts());
    }
}
