package org.ndsw.cli.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.ndsw.bench.wholerun.SideRun;
import org.ndsw.bench.wholerun.WholeRunBenchmark;
import org.ndsw.bench.wholerun.WholeRunOptions;
import org.ndsw.bench.wholerun.WholeRunResult;
import org.ndsw.cli.Json;
import org.ndsw.space.SpecJson;

/** The text and JSON output of `ndsw bench train --whole-run`. */
final class WholeRunReport {
    /** One column: its header, JSON key, width, decimals and value. */
    private record Measure(String header, String key, int width, int decimals, ToDoubleFunction<SideRun> value) {
        String format(double v) {
            return String.format(Locale.ROOT, "%" + width + "." + decimals + "f", v);
        }
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure("wall s", "wall_seconds", 8, 1, SideRun::wallSeconds),
            new Measure("start s", "startup_seconds", 8, 1, SideRun::startupSeconds),
            new Measure("train s", "train_seconds", 8, 1, SideRun::trainSeconds),
            new Measure("eval s", "test_seconds", 8, 2, SideRun::testSeconds),
            new Measure("other s", "other_seconds", 8, 2, SideRun::otherSeconds),
            new Measure("exit s", "exit_seconds", 8, 2, SideRun::exitSeconds),
            new Measure("CPU s", "cpu_seconds", 8, 1, SideRun::cpuSeconds),
            new Measure("train img/s", "train_img_per_s", 12, 1, SideRun::trainImagesPerSecond),
            new Measure("whole img/s", "whole_img_per_s", 12, 1, SideRun::wholeImagesPerSecond));

    private WholeRunReport() {}

    /** What ran, on which processor, and how each side ran. */
    static String header(WholeRunResult r) {
        WholeRunOptions o = r.options();
        SideRun first = r.rounds().get(0).get(0);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "whole run: %s (%,d params), %s, %,d training images per epoch, %,d test images (subset seed %d),"
                        + " %s, batch %d, %s, %s%s%n", o.label(), first.params(), o.data(),
                first.trainImagesPerEpoch(), first.testImages(), o.subsetSeed(), count(o.epochs(), "epoch"), o.batch(),
                count(o.threads(), "thread"), count(o.rounds(), "round"),
                o.checkpoints() ? ", checkpoints every epoch" : ""));
        b.append("cpu: ").append(r.cpu().describe()).append('\n');
        for (String side : r.sides()) {
            b.append(String.format(Locale.ROOT, "%s: %s on %s; %s%n", side, command(side), r.device(side),
                    r.version(side)));
        }
        return b.toString();
    }

    /** One round's table: a line per side, in the order they ran. */
    static String round(int number, List<SideRun> round) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "round %d%n", number));
        b.append(columns("side")).append(String.format(Locale.ROOT, " %9s%n", "test err"));
        round.stream().sorted(Comparator.comparingInt(SideRun::position)).forEach(s -> b.append(
                values(s.position() + ". " + s.side(), m -> m.value().applyAsDouble(s)))
                .append(String.format(Locale.ROOT, " %8.2f%%%n", s.finalTestTop1())));
        return b.toString();
    }

    /** Medians of every side and our ratios to PyTorch. */
    static String summary(WholeRunResult r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "medians of %s%n", count(r.rounds().size(),
                "round")));
        b.append(columns("side")).append('\n');
        for (String side : r.sides()) {
            b.append(values(side, m -> r.median(side, m.value()))).append('\n');
        }
        for (String side : r.sides().subList(0, r.sides().size() - 1)) {
            b.append(String.format(Locale.ROOT, "%s/pytorch: train img/s %.2fx, whole-run img/s %.2fx, wall time %.2fx,"
                    + " CPU time %.2fx%n", side, r.ratio(side, SideRun::trainImagesPerSecond),
                    r.ratio(side, SideRun::wholeImagesPerSecond), r.ratio(side, SideRun::wallSeconds),
                    r.ratio(side, SideRun::cpuSeconds)));
        }
        return b.toString();
    }

    private static String columns(String first) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-12s", first));
        MEASURES.forEach(m -> b.append(' ').append(String.format(Locale.ROOT, "%" + m.width() + "s", m.header())));
        return b.toString();
    }

    private static String values(String first, Function<Measure, Double> value) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-12s", first));
        MEASURES.forEach(m -> b.append(' ').append(m.format(value.apply(m))));
        return b.toString();
    }

    /** "1 round", "5 rounds". */
    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** How a side is started, for the header. */
    private static String command(String side) {
        return side.equals(WholeRunBenchmark.PYTORCH) ? "bench/train_pytorch.py" : "ndsw train --engine " + side;
    }

    /** Everything as one JSON document. */
    static ObjectNode toJson(WholeRunResult r) {
        WholeRunOptions o = r.options();
        SideRun first = r.rounds().get(0).get(0);
        ObjectNode j = Json.MAPPER.createObjectNode();
        j.put("mode", "whole-run");
        ObjectNode cpu = j.putObject("cpu");
        cpu.put("model", r.cpu().model());
        cpu.put("family", r.cpu().family());
        cpu.put("avx512", r.cpu().avx512());
        cpu.put("processors", r.cpu().processors());
        j.put("label", o.label());
        j.set("net", SpecJson.toJson(o.net()));
        j.put("params", first.params());
        j.put("data", o.data().toString());
        j.put("train_subset", o.trainSubset());
        j.put("test_subset", o.testSubset());
        j.put("subset_seed", o.subsetSeed());
        j.put("train_images_per_epoch", first.trainImagesPerEpoch());
        j.put("test_images", first.testImages());
        j.put("epochs", o.epochs());
        j.put("batch", o.batch());
        j.put("threads", o.threads());
        j.put("rounds", o.rounds());
        j.put("checkpoints", o.checkpoints());
        ArrayNode sides = j.putArray("sides");
        for (String side : r.sides()) {
            ObjectNode s = sides.addObject();
            s.put("side", side);
            s.put("command", command(side));
            s.put("device", r.device(side));
            s.put("versions", r.version(side));
            ObjectNode med = s.putObject("medians");
            MEASURES.forEach(m -> med.put(m.key(), r.median(side, m.value())));
            if (!side.equals(WholeRunBenchmark.PYTORCH)) {
                ObjectNode ratio = s.putObject("ratio_to_pytorch");
                MEASURES.forEach(m -> ratio.put(m.key(), r.ratio(side, m.value())));
            }
        }
        ArrayNode rounds = j.putArray("round_runs");
        r.rounds().forEach(round -> {
            ArrayNode a = rounds.addArray();
            round.forEach(s -> run(a.addObject(), s));
        });
        return j;
    }

    private static void run(ObjectNode j, SideRun s) {
        j.put("side", s.side());
        j.put("position", s.position());
        MEASURES.forEach(m -> j.put(m.key(), m.value().applyAsDouble(s)));
        j.put("run_seconds", s.runSeconds());
        ArrayNode train = j.putArray("train_epoch_seconds");
        Arrays.stream(s.trainEpochSeconds()).forEach(train::add);
        ArrayNode test = j.putArray("test_epoch_seconds");
        Arrays.stream(s.testEpochSeconds()).forEach(test::add);
        j.put("final_test_top1", s.finalTestTop1());
    }
}
