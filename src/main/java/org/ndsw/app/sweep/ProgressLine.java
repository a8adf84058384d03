package org.ndsw.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.ndsw.train.Progress;

/**
 * The line a worker prints on its log for every progress report: {@value #PREFIX} followed by one JSON object
 * {"epoch", "epochs", "phase", "batch", "batches", "loss", "error", "img_per_s"}. The scheduler tails the log to turn
 * these into {@link RunProgress} events, so progress survives the scheduler's restart and needs no extra channel.
 */
final class ProgressLine {
    static final String PREFIX = "ndsw-progress ";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProgressLine() {}

    /** The line for a progress report. */
    static String format(Progress p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("epoch", p.epoch());
        o.put("epochs", p.epochs());
        o.put("phase", p.phase() == Progress.Phase.TRAIN ? "train" : "test");
        o.put("batch", p.batch());
        o.put("batches", p.batches());
        o.put("loss", p.loss());
        o.put("error", p.top1());
        o.put("img_per_s", p.imagesPerSecond());
        return PREFIX + o;
    }

    /** The report of a line, if it is a progress line. */
    static Optional<Progress> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            JsonNode o = MAPPER.readTree(line.substring(PREFIX.length()));
            return Optional.of(new Progress("train".equals(o.path("phase").asText()) ? Progress.Phase.TRAIN
                    : Progress.Phase.TEST, o.path("epoch").asInt(), o.path("epochs").asInt(), o.path("batch").asInt(),
                    o.path("batches").asInt(), o.path("loss").asDouble(), o.path("error").asDouble(),
                    o.path("img_per_s").asDouble()));
        } catch (Exception e) {
            return Optional.empty(); // a line cut short by a killed worker
        }
    }

    /** Fraction of the run done at a report (test batches weigh a tenth of an epoch, as in TrainingProgress). */
    static double fraction(Progress p) {
        double within = p.phase() == Progress.Phase.TRAIN ? 0.9 * p.batch() / Math.max(1, p.batches())
                : 0.9 + 0.1 * p.batch() / Math.max(1, p.batches());
        return Math.min(1, (p.epoch() - 1 + within) / Math.max(1, p.epochs()));
    }
}
