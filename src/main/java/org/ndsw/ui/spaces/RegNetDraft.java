package org.ndsw.ui.spaces;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ndsw.complexity.AnyNet;
import org.ndsw.complexity.RegNet;
import org.ndsw.space.RegNetSpace;

/**
 * The editable ranges of a RegNet space (docs/design-space-format.md, RegNet spaces): the six parameters d, w0, wa,
 * wm, g and b as [min, max] pairs, the SE ratio, stem width and stage count. Decimal fields are text, written to the
 * file as typed, so the space file's own reader validates them and its message shows next to the field.
 */
final class RegNetDraft {
    final IntegerProperty depthMin = new SimpleIntegerProperty(12);
    final IntegerProperty depthMax = new SimpleIntegerProperty(28);
    final IntegerProperty w0Min = new SimpleIntegerProperty(8);
    final IntegerProperty w0Max = new SimpleIntegerProperty(256);
    final StringProperty waMin = new SimpleStringProperty("8");
    final StringProperty waMax = new SimpleStringProperty("256");
    final StringProperty wmMin = new SimpleStringProperty("2");
    final StringProperty wmMax = new SimpleStringProperty("3");
    final IntegerProperty groupMin = new SimpleIntegerProperty(1);
    final IntegerProperty groupMax = new SimpleIntegerProperty(32);
    final StringProperty botMulMin = new SimpleStringProperty("1");
    final StringProperty botMulMax = new SimpleStringProperty("1");
    final StringProperty seRatio = new SimpleStringProperty("0");
    final IntegerProperty stemWidth = new SimpleIntegerProperty(32);
    final IntegerProperty numStages = new SimpleIntegerProperty(4);

    /** Every field at one moment, for undo/redo and the dirty marker. */
    record State(int depthMin, int depthMax, int w0Min, int w0Max, String waMin, String waMax, String wmMin,
            String wmMax, int groupMin, int groupMax, String botMulMin, String botMulMax, String seRatio, int stemWidth,
            int numStages) {}

    /** One generated stage of the preview setting: blocks, width, bottleneck width and group width after pycls's adjustment. */
    record StageRow(int stage, int depth, int width, int bottleneckWidth, int groupWidth) {}

    Observable[] observables() {
        return new Observable[] {depthMin, depthMax, w0Min, w0Max, waMin, waMax, wmMin, wmMax, groupMin, groupMax,
            botMulMin, botMulMax, seRatio, stemWidth, numStages};
    }

    State state() {
        return new State(depthMin.get(), depthMax.get(), w0Min.get(), w0Max.get(), waMin.get(), waMax.get(),
                wmMin.get(), wmMax.get(), groupMin.get(), groupMax.get(), botMulMin.get(), botMulMax.get(),
                seRatio.get(), stemWidth.get(), numStages.get());
    }

    void restore(State s) {
        depthMin.set(s.depthMin());
        depthMax.set(s.depthMax());
        w0Min.set(s.w0Min());
        w0Max.set(s.w0Max());
        waMin.set(s.waMin());
        waMax.set(s.waMax());
        wmMin.set(s.wmMin());
        wmMax.set(s.wmMax());
        groupMin.set(s.groupMin());
        groupMax.set(s.groupMax());
        botMulMin.set(s.botMulMin());
        botMulMax.set(s.botMulMax());
        seRatio.set(s.seRatio());
        stemWidth.set(s.stemWidth());
        numStages.set(s.numStages());
    }

    /** Puts a space's ranges in the fields. */
    void load(RegNetSpace s) {
        restore(new State(s.depth().min(), s.depth().max(), s.w0().min(), s.w0().max(), text(s.wa().min()),
                text(s.wa().max()), text(s.wm().min()), text(s.wm().max()), s.groupWidth().min(), s.groupWidth().max(),
                text(s.botMul().min()), text(s.botMul().max()), text(BigDecimal.valueOf(s.seRatio())), s.stemWidth(),
                s.numStages()));
    }

    /** Writes the `regnet` section; a decimal field that is not a number is written as typed, for the reader to name. */
    void write(ObjectNode o) {
        ObjectNode r = o.putObject("regnet");
        r.putArray("depth").add(depthMin.get()).add(depthMax.get());
        r.putArray("w0").add(w0Min.get()).add(w0Max.get());
        decimal(r.putArray("wa"), waMin.get());
        decimal(r.withArray("wa"), waMax.get());
        decimal(r.putArray("wm"), wmMin.get());
        decimal(r.withArray("wm"), wmMax.get());
        r.putArray("group_width").add(groupMin.get()).add(groupMax.get());
        decimal(r.putArray("bot_mul"), botMulMin.get());
        decimal(r.withArray("bot_mul"), botMulMax.get());
        BigDecimal se = parse(seRatio.get());
        if (se == null) {
            r.put("se_ratio", seRatio.get());
        } else {
            r.put("se_ratio", se);
        }
        r.put("stem_width", stemWidth.get());
        r.put("num_stages", numStages.get());
    }

    /**
     * The middle of a space's ranges, the setting the preview generates: d the middle of its range, w0, wa, wm, g and
     * b the geometric mean of theirs (the median of pycls's log-uniform draws), each quantized as the sampler does.
     */
    static RegNet midRange(RegNetSpace s) {
        int d = (s.depth().min() + s.depth().max()) / 2;
        int w0 = (int) Math.max(RegNet.Q, Math.rint(Math.sqrt((double) s.w0().min() * s.w0().max()) / RegNet.Q) * RegNet.Q);
        double wa = geometric(s.wa().min(), s.wa().max(), RegNetSpace.WA_Q);
        double wm = Math.max(geometric(s.wm().min(), s.wm().max(), RegNetSpace.WM_Q), s.wm().min().doubleValue());
        int g = 1 << (int) Math.rint((exp2(s.groupWidth().min()) + exp2(s.groupWidth().max())) / 2.0);
        double b = Math.pow(2, Math.rint((Math.log(s.botMul().min().doubleValue()) / Math.log(2)
                + Math.log(s.botMul().max().doubleValue()) / Math.log(2)) / 2));
        return new RegNet(d, w0, wa, wm, g, b);
    }

    /** The stages `setting` generates, as pycls's generate_regnet and block adjustment make them. */
    static List<StageRow> stagesOf(RegNet setting) {
        List<StageRow> rows = new ArrayList<>();
        int i = 1;
        for (AnyNet.Stage st : setting.stages(2)) {
            rows.add(new StageRow(i++, st.depth(), st.width(), st.bottleneckWidth(), st.groupWidth()));
        }
        return rows;
    }

    /** A setting typed as "d w0 wa wm g b" (spaces or commas between); the RegNet checks name a bad value. */
    static RegNet parseSetting(String text) {
        String[] v = text.trim().split("[\\s,]+");
        if (v.length != 6) {
            throw new IllegalArgumentException("give six numbers d w0 wa wm g b, got " + org.ndsw.Quote.of(text));
        }
        try {
            return new RegNet(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Double.parseDouble(v[2]),
                    Double.parseDouble(v[3]), Integer.parseInt(v[4]), Double.parseDouble(v[5]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("d, w0 and g must be whole numbers and wa, wm, b numbers, got "
                    + org.ndsw.Quote.of(text));
        }
    }

    /** The setting and its stages in words, with whether the space's sampler would keep it. */
    static String describe(RegNet s, List<StageRow> rows, int numStages) {
        String head = "d=" + s.depth() + " w0=" + s.w0() + " wa=" + num(s.wa()) + " wm=" + num(s.wm()) + " g="
                + s.groupWidth() + " b=" + num(s.botMul());
        String keep = rows.size() == numStages ? "" : "\n" + rows.size() + " stages, not " + numStages
                + ": the space's sampler draws such a setting again";
        return head + ": " + rows.size() + " stages, " + rows.stream().mapToInt(StageRow::depth).sum() + " blocks"
                + keep;
    }

    private static String num(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static double geometric(BigDecimal min, BigDecimal max, BigDecimal q) {
        double g = Math.sqrt(min.doubleValue() * max.doubleValue());
        return BigDecimal.valueOf(Math.rint(g / q.doubleValue())).multiply(q).doubleValue();
    }

    private static double exp2(int v) {
        return Math.log(v) / Math.log(2);
    }

    private static void decimal(ArrayNode a, String text) {
        BigDecimal v = parse(text);
        if (v == null) {
            a.add(text);
        } else {
            a.add(v);
        }
    }

    private static BigDecimal parse(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static String text(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
